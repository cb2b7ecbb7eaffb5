import { afterEach, describe, expect, it } from "vitest";
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildCustomerReport, writeReports } from "../../src/reports/index.js";
import { GENERATED_AT, handLedger, handSummary } from "./fixtures.js";

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe("writeReports", () => {
  it("creates the folder, writes both files and leaves no temp files; a second run replaces them", async () => {
    const root = mkdtempSync(join(tmpdir(), "crm-reports-"));
    dirs.push(root);
    const out = join(root, "nested", "out");
    const first = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, title: "First run" });
    const paths = await writeReports(first, out);
    expect(paths).toEqual({ html: join(out, "customer-report.html"), xlsx: join(out, "customer-report.xlsx") });
    expect(readdirSync(out).sort()).toEqual(["customer-report.html", "customer-report.xlsx"]);
    expect(readFileSync(paths.html, "utf8")).toContain("<title>First run</title>");
    expect(readFileSync(paths.xlsx).subarray(0, 2).toString()).toBe("PK");

    const second = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, title: "Second run" });
    const again = await writeReports(second, out, { basename: "customer-report" });
    expect(again).toEqual(paths);
    expect(readdirSync(out).sort()).toEqual(["customer-report.html", "customer-report.xlsx"]);
    const html = readFileSync(paths.html, "utf8");
    expect(html).toContain("<title>Second run</title>");
    expect(html).not.toContain("First run");
    expect(statSync(paths.html).size).toBe(Buffer.byteLength(html));
  });

  it("honours basename and rejects paths in it", async () => {
    const root = mkdtempSync(join(tmpdir(), "crm-reports-"));
    dirs.push(root);
    const r = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT });
    const p = await writeReports(r, root, { basename: "q1" });
    expect(readdirSync(root).sort()).toEqual(["q1.html", "q1.xlsx"]);
    expect(p.html).toBe(join(root, "q1.html"));
    await expect(writeReports(r, root, { basename: "../evil" })).rejects.toThrow(/basename "..\/evil"/);
  });

  it("leaves no temp file when the target cannot be replaced", async () => {
    const root = mkdtempSync(join(tmpdir(), "crm-reports-"));
    dirs.push(root);
    const r = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT });
    await import("node:fs/promises").then((fs) => fs.mkdir(join(root, "customer-report.html")));
    await writeReports(r, root).then(() => { throw new Error("should fail"); }, (e: Error) => expect(e.message).toMatch(/customer-report\.html" is a folder, not a file; nothing was replaced/));
    expect(readdirSync(root)).toEqual(["customer-report.html"]);
  });

  // A stand-in for Chromium: prints "%PDF-" and the HTML it was given to --print-to-pdf (or fails).
  function fakeChromium(root: string, fail: boolean): string {
    const exe = join(root, fail ? "broken-chromium" : "fake-chromium");
    writeFileSync(exe, `#!${process.execPath}
const fs = require("node:fs"); const { fileURLToPath } = require("node:url");
const out = process.argv.find((a) => a.startsWith("--print-to-pdf=")).slice("--print-to-pdf=".length);
const page = fileURLToPath(process.argv.at(-1));
${fail ? 'fs.writeFileSync(out, "half"); console.error("GPU process crashed"); process.exit(3);' : 'fs.writeFileSync(out, "%PDF-1.4 " + page + " " + fs.readFileSync(page, "utf8").length);'}
`);
    chmodSync(exe, 0o755);
    return exe;
  }

  it("with pdf, prints the temporary HTML and replaces the three files together", async () => {
    const root = mkdtempSync(join(tmpdir(), "crm-reports-"));
    dirs.push(root);
    const r = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, title: "With PDF" });
    const paths = await writeReports(r, join(root, "out"), { pdf: { chromium: fakeChromium(root, false) } });
    expect(paths.pdf).toBe(join(root, "out", "customer-report.pdf"));
    expect(readdirSync(join(root, "out")).sort()).toEqual(["customer-report.html", "customer-report.pdf", "customer-report.xlsx"]);
    const pdf = readFileSync(paths.pdf!, "utf8");
    // Chromium read a copy of the new HTML named page.html (a .tmp name would not be read as HTML).
    expect(pdf).toMatch(/^%PDF-1\.4 \S+\/page\.html (\d+)$/);
    expect(Number(/ (\d+)$/.exec(pdf)![1])).toBe(readFileSync(paths.html, "utf8").length);
  });

  it("with pdf, keeps the old set whole and leaves no temp file when Chromium fails", async () => {
    const root = mkdtempSync(join(tmpdir(), "crm-reports-"));
    dirs.push(root);
    const old = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, title: "Old" });
    await writeReports(old, root);
    const r = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, title: "New" });
    await expect(writeReports(r, root, { pdf: { chromium: fakeChromium(root, true) } })).rejects.toThrow(/did not write a PDF \(exit 3\): GPU process crashed/);
    expect(readdirSync(root).sort()).toEqual(["broken-chromium", "customer-report.html", "customer-report.xlsx"]);
    expect(readFileSync(join(root, "customer-report.html"), "utf8")).toContain("<title>Old</title>");
  });
});
