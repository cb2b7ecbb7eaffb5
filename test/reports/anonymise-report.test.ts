import { describe, expect, it } from "vitest";
import { createHmac } from "node:crypto";
import { buildCustomerReport, renderHtml } from "../../src/reports/index.js";
import { anonymiseReport, DEFAULT_ANONYMISE_KEY } from "../../src/reports/anonymise-report.js";
import type { Report } from "../../src/reports/report-model.js";
import { FORMULA_ID, GENERATED_AT, XSS_ID, handLedger, handSummary } from "./fixtures.js";

const IDS = ["C-1", XSS_ID, FORMULA_ID, "C-4", "C-5"];
const report = buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT });
const ids = (r: Report): string[] => r.sections[1]!.tables[0]!.rows.map((row) => String(row.customer_id));

describe("anonymiseReport", () => {
  it("maps each id to C- and 8 hex digits of HMAC-SHA256 with the key", () => {
    const anon = anonymiseReport(report);
    const expected = (id: string) => `C-${createHmac("sha256", DEFAULT_ANONYMISE_KEY).update(id).digest("hex").slice(0, 8)}`;
    const before = ids(report);
    expect([...before].sort()).toEqual([...IDS].sort());
    expect(ids(anon)).toEqual(before.map(expected));
    for (const p of ids(anon)) expect(p).toMatch(/^C-[0-9a-f]{8}$/);
  });

  it("is deterministic, key-dependent, pure and frozen", () => {
    expect(ids(anonymiseReport(report))).toEqual(ids(anonymiseReport(report)));
    expect(ids(anonymiseReport(report, { key: "s3cret" }))).not.toEqual(ids(anonymiseReport(report)));
    const anon = anonymiseReport(report, { key: "s3cret" });
    expect(Object.isFrozen(anon.sections[1]!.tables[0]!.rows[0])).toBe(true);
    expect([...ids(report)].sort()).toEqual([...IDS].sort());
    expect(() => anonymiseReport(report, { key: "" })).toThrow(/anonymiseReport: the key/);
  });

  it("maps the same id to the same pseudonym in every table, and whole words in text only", () => {
    const r: Report = {
      ...report,
      sections: [{
        id: "t", title: "T", kpis: [], charts: [],
        narrative: ["Best customer C-1, not C-10 nor XC-1."],
        tables: [
          { title: "A", columns: [{ key: "customer", label: "C", format: "text" }], rows: [{ customer: "C-1" }, { customer: "C-10" }, { customer: null }] },
          { title: "B", columns: [{ key: "customerId", label: "C", format: "text" }, { key: "note", label: "N", format: "text" }], rows: [{ customerId: "C-1", note: "see C-10" }] },
        ],
      }],
    };
    const a = anonymiseReport(r);
    const [t1, t2] = a.sections[0]!.tables;
    const p1 = t1!.rows[0]!.customer as string;
    const p10 = t1!.rows[1]!.customer as string;
    expect(t2!.rows[0]!.customerId).toBe(p1);
    expect(t1!.rows[2]!.customer).toBeNull();
    expect(t2!.rows[0]!.note).toBe(`see ${p10}`);
    expect(a.sections[0]!.narrative[0]).toBe(`Best customer ${p1}, not ${p10} nor XC-1.`);
  });

  it("leaves no original id in the HTML (the workbook: see test/cli/report-options.test.ts)", () => {
    const anon = anonymiseReport(report);
    const html = renderHtml(anon, { plotlyBundle: "" });
    for (const id of ["C-4", "C-5", "onerror", "HYPERLINK"]) {
      expect(html).not.toContain(id);
    }
    for (const p of ids(anon)) expect(html).toContain(p);
    expect(renderHtml(report, { plotlyBundle: "" })).toContain("onerror");
  });
});
