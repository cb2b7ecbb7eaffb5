import { afterAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildCustomerReport, renderHtml } from "../../src/reports/index.js";
import { renderPdf } from "../../src/reports/pdf/pdf.js";
import { pdfBrowser } from "../../src/reports/pdf/pdf-browser.js";
import { GENERATED_AT, handLedger, handSummary } from "./fixtures.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-pdf-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const chromium = pdfBrowser();

describe("renderPdf", () => {
  it("prints the HTML report to a PDF, atomically", async (ctx) => {
    if (chromium === undefined) {
      ctx.skip("no Chromium (/usr/bin/chromium or chromium on PATH): renderPdf not tested");
      return;
    }
    const html = path.join(dir, "r.html");
    writeFileSync(html, renderHtml(buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT })));
    const pdf = await renderPdf(html, path.join(dir, "r.pdf"));
    expect(pdf).toBe(path.join(dir, "r.pdf"));
    expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(readdirSync(dir).sort()).toEqual(["r.html", "r.pdf"]);
  }, 120_000);

  it("says clearly when there is no Chromium or no HTML file", async () => {
    await expect(renderPdf(path.join(dir, "missing.html"), path.join(dir, "x.pdf"), { chromium: chromium ?? "/bin/true" }))
      .rejects.toThrow(/renderPdf: the HTML file .*missing\.html does not exist/);
    expect(pdfBrowser({ PATH: "" }) === undefined || pdfBrowser({ PATH: "" }) === "/usr/bin/chromium").toBe(true);
  });

  it("reports a Chromium that writes no PDF, leaving no file behind", async () => {
    const html = path.join(dir, "e.html");
    writeFileSync(html, "<!DOCTYPE html><title>e</title>");
    await expect(renderPdf(html, path.join(dir, "e.pdf"), { chromium: "/bin/false" })).rejects.toThrow(/renderPdf: \/bin\/false did not write a PDF \(exit 1\)/);
    expect(readdirSync(dir).filter((f) => f.startsWith(".e.pdf") || f === "e.pdf")).toEqual([]);
  });
});
