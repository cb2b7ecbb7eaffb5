import { describe, expect, it } from "vitest";
import { toPlotlyFigure } from "../../src/reports/html/to-plotly-figure.js";
import { buildCustomerReport, chartTable, escapeHtml, formatValue, scriptJson, topIndices } from "../../src/reports/index.js";
import { FORMULA_ID, GENERATED_AT, XSS_ID, handLedger, handSummary } from "./fixtures.js";

const report = () => buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT });
const kpi = (r: ReturnType<typeof report>, s: number, label: string) => r.sections[s]!.kpis.find((k) => k.label === label)!;

describe("buildCustomerReport", () => {
  it("has the two sections, frozen, with generatedAt passed in", () => {
    const r = report();
    expect(r.sections.map((s) => s.id)).toEqual(["data-quality", "customer-summary"]);
    expect(r.generatedAt).toBe(GENERATED_AT);
    expect(r.title).toBe("Customer report");
    expect(Object.isFrozen(r) && Object.isFrozen(r.sections[1]!.kpis[0])).toBe(true);
  });

  it("data quality: rows read, used, rejected, by reason, first rows, what to fix", () => {
    const s = report().sections[0]!;
    expect(s.kpis.map((k) => [k.label, k.value])).toEqual([
      ["Rows read", 8], ["Rows used", 5], ["Rows rejected", 3], ["Share used", 5 / 8],
    ]);
    expect(s.tables[0]!.rows).toEqual([
      { code: "bad-date", rows: 2, share: 2 / 3, example: 'line 3: date "yesterday" is not a valid YYYY-MM-DD date' },
      { code: "bad-amount", rows: 1, share: 1 / 3, example: 'line 5: amount "<b>12</b>" is not a number' },
    ]);
    expect(s.tables[1]!.rows.map((r) => r.line)).toEqual([3, 5, 7]);
    expect(s.narrative.join(" ")).toContain("What to fix");
    expect(s.narrative[0]).toBe("8 rows were read from tx.csv: 5 were used (62.5 %) and 3 were left out.");
  });

  it("customer summary: KPIs on the hand-made data", () => {
    const r = report();
    expect(kpi(r, 1, "Customers").value).toBe(5);
    expect(kpi(r, 1, "Repeat customers").value).toBeCloseTo(0.6, 12);
    expect(kpi(r, 1, "Mean frequency").value).toBeCloseTo(3.8, 12);
    expect(kpi(r, 1, "Mean spend").value).toBeCloseTo(321.1, 12);
    expect(kpi(r, 1, "Period").value).toBe("2024-01-02 to 2024-03-31");
  });

  it("customer summary: top customers, charts and a manager's narrative", () => {
    const s = report().sections[1]!;
    const top = s.tables[0]!;
    expect(top.rows.map((r) => r.customer_id)).toEqual(["C-5", "C-4", XSS_ID, FORMULA_ID, "C-1"]);
    expect(top.rows[0]!.share).toBeCloseTo(1000 / 1605.5, 12);
    expect(s.charts.map((c) => toPlotlyFigure(c.figure).data[0]!.type)).toEqual(["bar", "bar", "heatmap"]);
    const text = s.narrative.join(" ");
    expect(text).toContain("40 % of customers have not bought again since their first purchase");
    expect(text).toContain("the top 20 % of customers by spend account for 62.3 % of all spending");
    expect(text).toContain("40 % of these customers bought again");
    expect(text).toContain("2 more customers first bought after 2024-03-31");
  });

  it("checks its inputs", () => {
    expect(() => buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: "yesterday" })).toThrow(/generatedAt "yesterday"/);
    expect(() => buildCustomerReport({ ledger: handLedger(), summary: handSummary(), generatedAt: GENERATED_AT, currency: "euro" })).toThrow(/currency "euro"/);
    const bad = { ...handSummary(), length: 6 };
    expect(() => buildCustomerReport({ ledger: handLedger(), summary: bad, generatedAt: GENERATED_AT })).toThrow(/column customer_id has 5 rows, expected 6/);
  });

  it("handles an empty summary and a clean ledger", () => {
    const s = handSummary();
    const empty = { ...s, length: 0, columns: Object.fromEntries(Object.entries(s.columns).map(([k, v]) => [k, v.slice(0, 0)])) } as typeof s;
    const r = buildCustomerReport({ ledger: { ...handLedger(), read: 5, used: 5, rejected: [], byReason: {} }, summary: empty, generatedAt: GENERATED_AT });
    expect(r.sections[0]!.narrative[1]).toContain("Every row was used");
    expect(r.sections[1]!.kpis[1]!.value).toBeNull();
  });
});

describe("helpers", () => {
  it("formatValue", () => {
    expect(formatValue(1234.5, "money", "EUR")).toBe("1,234.50 EUR");
    expect(formatValue(0.62, "percent")).toBe("62 %");
    expect(formatValue(null, "integer")).toBe("–");
  });
  it("escapeHtml and scriptJson", () => {
    expect(escapeHtml(`<a href="http://x">'&'</a>`)).toBe("&lt;a href=&quot;http&#58;//x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const json = scriptJson({ s: "</script><!-- http://x \u2028 &" });
    expect(json).not.toMatch(/[<>&\u2028]|:\/\//);
    expect(JSON.parse(json)).toEqual({ s: "</script><!-- http://x \u2028 &" });
  });
  it("topIndices is deterministic on ties and works above 64", () => {
    expect(topIndices([5, 9, 5, 7], ["d", "a", "b", "c"], 3)).toEqual([1, 3, 2]);
    const v = Array.from({ length: 200 }, (_, i) => i % 50);
    const ids = v.map((_, i) => String(i).padStart(3, "0"));
    expect(topIndices(v, ids, 100).slice(0, 4)).toEqual([49, 99, 149, 199]);
  });
  it("chartTable turns a heatmap into a matrix", () => {
    const fig = report().sections[1]!.charts[2]!.figure;
    const t = chartTable("x", fig);
    expect(t.columns[0]!.label).toBe("Orders in the period (count)");
    expect(t.rows.reduce((a, r) => a + Object.entries(r).filter(([k]) => k !== "y").reduce((b, [, v]) => b + Number(v), 0), 0)).toBe(5);
  });
});
