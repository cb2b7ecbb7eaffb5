// What a manager sees: the data named by its file's base name (never a local path), no currency
// unless one is given, time stamps in words in the locale, every left-out section in the
// contents and on the page (HTML) and on the cover (Excel) with its reason, cover labels that
// say what they measure.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { ledgerOf } from "../../src/data/ledger/row-ledger.js";
import { buildCustomerReport, renderExcel, renderHtml } from "../../src/reports/index.js";
import { formatDateTime } from "../../src/reports/format-date-time.js";
import { GENERATED_AT, handLedger, handSummary } from "./fixtures.js";

const LTV_REASON = "bg-nbd: the fit did not converge (the likelihood is flat in a and b)";
const build = (extra: Partial<Parameters<typeof buildCustomerReport>[0]> = {}) =>
  buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, ...extra });
const omitted = [
  { section: "lifetime value (bg-nbd, Gamma-Gamma, CLV with bootstrap interval)", reason: LTV_REASON },
  { section: "customer value", reason: "no amount column" },
  { section: "something new", reason: "not enough rows" },
];

describe("report: what a manager sees", () => {
  it("names the data by the input file's base name, never its folder", () => {
    const r = build({ ledger: ledgerOf("/home/ann/exports/Q1 orders.csv", 8, handLedger().rejected) });
    expect(r.subtitle).toBe("Q1 orders.csv");
    expect(JSON.stringify(r)).not.toContain("/home/ann");
    expect(build({ ledger: ledgerOf("C:\\Users\\ann\\tx.csv", 8, handLedger().rejected) }).subtitle).toBe("tx.csv");
    expect(build({ subtitle: "Web shop, 2025" }).subtitle).toBe("Web shop, 2025");
    const sample = build({ dataName: "the bundled sample (transactions.csv)" });
    expect(sample.sections[0]!.narrative[0]).toMatch(/^8 rows were read from the bundled sample \(transactions\.csv\)/);
  });

  it("shows amounts without a currency unless one is given", async () => {
    const plain = build();
    expect(plain.currency).toBe("");
    const html = renderHtml(plain, { plotlyBundle: "" });
    expect(html).not.toMatch(/\bEUR\b/);
    expect(html).not.toContain("amounts in");
    expect(html).toContain(`<td class="num" data-value="1000">1,000.00</td>`);
    expect(html).toContain(`>Total spend</button>`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderExcel(plain)) as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("Cover")!.getCell("B4").value).toBe("none given: amounts as in the data");
    expect(plain.assumptions!.find((a) => a.label === "Currency")!.value).toBe("none given: amounts as in the data");
    const usd = renderHtml(build({ currency: "USD" }), { plotlyBundle: "" });
    expect(usd).toContain("amounts in USD");
    expect(usd).toContain(`<td class="num" data-value="1000">1,000.00 USD</td>`);
    expect(() => build({ currency: "usd" })).toThrow(/currency "usd" is not a 3-letter ISO 4217 code/);
  });

  it("writes time stamps and the last day of the figures in words, in the locale", () => {
    expect(formatDateTime("2026-12-03T14:05:09.950Z")).toBe("3 December 2026, 14:05 UTC");
    expect(formatDateTime("2026-12-03T14:05:09Z", "de-DE")).toBe("3. Dezember 2026, 14:05 UTC");
    expect(formatDateTime("2025-12-31")).toBe("31 December 2025");
    expect(formatDateTime("not a date")).toBe("not a date");
    const html = renderHtml(build(), { plotlyBundle: "" });
    expect(html).toContain(`<p class="meta">Generated <time datetime="${GENERATED_AT}">2 April 2024, 08:30 UTC</time> · figures to <time datetime="2024-06-30">30 June 2024</time></p>`);
    expect(html).not.toContain(`>${GENERATED_AT}<`);
  });

  it("puts every left-out section in its place in the contents and on the page, with its reason", () => {
    const r = build({ omitted });
    expect(r.sections.map((s) => [s.id, s.leftOut ?? "shown"])).toEqual([
      ["data-quality", "shown"], ["customer-summary", "shown"], ["customer-value", "no amount column"],
      ["lifetime-value", LTV_REASON], ["left-out-1", "not enough rows"],
    ]);
    expect(r.sections[3]!.title).toBe("Customer lifetime value");
    expect(r.sections[4]!.title).toBe("Something new");
    expect(r.assumptions!.filter((a) => a.label.startsWith("Left out")).map((a) => a.value)).toEqual([LTV_REASON, "no amount column", "not enough rows"]);
    const html = renderHtml(r, { plotlyBundle: "" });
    expect(html).toContain(`<li><a href="#s-lifetime-value">Customer lifetime value</a> <span class="toc-note">(left out)</span></li>`);
    expect(html).toContain(`<section id="s-lifetime-value" class="left-out" aria-labelledby="s-lifetime-value-title">\n<h2 id="s-lifetime-value-title">Customer lifetime value</h2>\n` +
      `<p class="left-out-reason"><strong>Left out of this report:</strong> ${LTV_REASON}</p>\n</section>`);
    expect(html).toContain(`<li><a href="#s-left-out-1">Something new</a> <span class="toc-note">(left out)</span></li>`);
  });

  it("lists left-out sections on the workbook's cover with their reasons, and gives them no sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderExcel(build({ omitted }))) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Cover", "Data quality", "Customer summary", "Assumptions and method"]);
    const rows: string[] = [];
    wb.getWorksheet("Cover")!.eachRow((row) => rows.push(row.values instanceof Array ? row.values.slice(1).map(String).join(" | ") : ""));
    const at = rows.indexOf("Left out of this report");
    expect(at).toBeGreaterThan(0);
    expect(rows.slice(at + 1)).toEqual([
      "Customer value | left out: no amount column",
      `Customer lifetime value | left out: ${LTV_REASON}`,
      "Something new | left out: not enough rows",
    ]);
  });

  it("labels every cover card with what it measures", () => {
    const labels = build().highlights!.map((k) => k.label);
    expect(labels).toEqual(["Share of rows used", "Repeat customers (share who bought again)"]);
    for (const k of build().highlights!) expect(k.note.length).toBeGreaterThan(0);
  });
});
