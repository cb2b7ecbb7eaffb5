import { afterEach, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
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
    await writeReports(r, root).then(() => { throw new Error("should fail"); }, (e: Error) => expect(e.message).toMatch(/customer-report\.html is a folder, not a file; nothing was replaced/));
    expect(readdirSync(root)).toEqual(["customer-report.html"]);
  });
});
