// A report section defined entirely here, outside src/, registered through the public API only:
// its analysis runs with the built-in ones, its section takes its place in the report, its key
// figure goes on the cover and its line under "Assumptions and method", in HTML and in Excel.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  AnalysisNotPossibleError, REPORT_SECTIONS, buildCustomerReport, customerSummary, defineReportSection,
  loadTransactionsText, renderExcel, renderHtml, runReportAnalyses,
  type AnalysisProgress, type ReportInputs, type Section,
} from "../../src/index.js";

const CSV = [
  "customer_id,date,amount",
  "A,2024-01-02,10", "A,2024-02-03,30", "A,2024-03-04,20",
  "B,2024-01-05,100", "B,2024-03-01,50",
  "C,2024-02-01,5",
  "D,2024-01-20,40", "D,2024-02-20,60",
].join("\n");

interface OrderSizes { readonly orders: number; readonly meanOrderValue: number; readonly largestOrder: number }

/** The new section: what an order is worth (a customer's purchases on one day are one order). */
const orderSizes = defineReportSection<OrderSizes>({
  id: "order-sizes",
  title: "Order sizes",
  help: "what an order is worth: mean and largest order value",
  columns: ["customer_id", "date", "amount"],
  headline: [{ kpi: "Mean order value", cover: "Mean value of an order" }],
  label: () => "order sizes",
  analysis: ({ transactions }) => {
    if (!transactions.amount) throw new AnalysisNotPossibleError("order sizes need amounts; map an amount column with --amount COL");
    const byOrder = new Map<string, number>();
    for (let i = 0; i < transactions.length; i++) {
      const key = `${transactions.customerId[i]}|${transactions.day[i]}`;
      byOrder.set(key, (byOrder.get(key) ?? 0) + transactions.amount[i]!);
    }
    const values = [...byOrder.values()];
    return { orders: values.length, meanOrderValue: values.reduce((a, b) => a + b, 0) / values.length, largestOrder: Math.max(...values) };
  },
  build: (r, ctx): Section => ({
    id: "order-sizes",
    title: "Order sizes",
    narrative: [`${r.orders} orders; the largest is worth ${r.largestOrder} ${ctx.currency}. Raise the mean with bundles at checkout.`],
    kpis: [
      { label: "Orders", value: r.orders, format: "integer", unit: "orders", note: "one per customer and day" },
      { label: "Mean order value", value: r.meanOrderValue, format: "money", unit: ctx.currency, note: "lifetime sales per order" },
    ],
    tables: [{
      title: "Order sizes",
      columns: [{ key: "measure", label: "Measure", format: "text" }, { key: "value", label: "Value", format: "money" }],
      rows: [{ measure: "Mean order value", value: r.meanOrderValue }, { measure: "Largest order", value: r.largestOrder }],
    }],
    charts: [],
  }),
  assumptions: () => [{ label: "Orders", value: "a customer's purchases on one day make one order" }],
});

const inputs = async (csv = CSV): Promise<ReportInputs> => {
  const { transactions } = loadTransactionsText(csv);
  return { transactions, summary: await customerSummary(transactions, { timeUnit: "week" }) };
};
const registry = [...REPORT_SECTIONS, orderSizes];

describe("a report section registered from outside src", () => {
  it("runs its analysis with the built-in ones, in registry order, with progress", async () => {
    const events: AnalysisProgress[] = [];
    const { results, omitted } = await runReportAnalyses(await inputs(), { registry, sections: ["rfm-segments", "order-sizes"], onProgress: (e) => events.push(e) });
    expect(Object.keys(results)).toEqual(["rfm-segments", "order-sizes"]);
    expect(results["order-sizes"]).toEqual({ orders: 8, meanOrderValue: 315 / 8, largestOrder: 100 });
    expect(omitted).toEqual([]);
    expect(events.map((e) => `${e.phase} ${e.label}`)).toEqual(["start RFM segments", "done RFM segments", "start order sizes", "done order sizes"]);
  });

  it("builds it into the report: its place, its columns line, its cover figure, its assumptions line", async () => {
    const { transactions, summary } = await inputs();
    const { ledger } = loadTransactionsText(CSV);
    const { results, omitted } = await runReportAnalyses({ transactions, summary }, { registry, sections: ["order-sizes"] });
    const report = buildCustomerReport({
      ledger, summary, results, omitted, registry, currency: "EUR", generatedAt: "2026-01-05T09:00:00Z",
      columns: { present: ["customer_id", "date", "amount"], missing: ["order_id"] },
    });
    expect(report.sections.map((s) => s.id)).toEqual(["data-quality", "customer-summary", "order-sizes"]);
    const own = report.sections[2]!;
    expect(own.narrative.at(-1)).toBe("Columns used: customer_id, date, amount.");
    expect(report.highlights!.at(-1)).toMatchObject({ label: "Mean value of an order", value: 315 / 8 });
    expect(report.assumptions!.find((a) => a.label === "Orders")!.value).toBe("a customer's purchases on one day make one order");

    const html = renderHtml(report, { plotlyBundle: "" });
    expect(html).toContain(`<section id="s-order-sizes"`);
    expect(html).toContain(`<a href="#s-order-sizes">Order sizes</a>`);
    expect(html).toContain("Mean value of an order");
    expect(html).toContain("<dt>Orders</dt><dd>a customer&#39;s purchases on one day make one order</dd>");

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderExcel(report)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Cover", "Data quality", "Customer summary", "Order sizes", "Assumptions and method"]);
    const column = (sheet: string) => { const out: unknown[] = []; wb.getWorksheet(sheet)!.eachRow((row) => out.push(row.getCell(1).value)); return out; };
    expect(column("Cover")).toContain("Mean value of an order");
    expect(column("Order sizes")).toContain("Mean order value");
    expect(column("Assumptions and method")).toContain("Orders");
  });

  it("is left out with its sentence when its analysis is not possible; any other error is not swallowed", async () => {
    const log = await inputs("customer_id,date\nA,2024-01-02\nA,2024-02-02\nB,2024-01-05\n");
    const events: string[] = [];
    const { results, omitted } = await runReportAnalyses(log, { registry, sections: ["order-sizes"], onProgress: (e) => events.push(e.phase) });
    expect(results).toEqual({});
    expect(omitted).toEqual([{ id: "order-sizes", section: "order sizes", reason: "order sizes need amounts; map an amount column with --amount COL" }]);
    expect(events).toEqual(["start", "left-out"]);

    const buggy = defineReportSection({ ...orderSizes, analysis: () => { throw new RangeError("index out of range"); } });
    await expect(runReportAnalyses(await inputs(), { registry: [...REPORT_SECTIONS, buggy], sections: ["order-sizes"] })).rejects.toThrow(RangeError);
  });

  it("a missing input leaves a section out with the sentence that names the flag, before it starts", async () => {
    const events: AnalysisProgress[] = [];
    const { omitted } = await runReportAnalyses(await inputs(), { sections: ["campaigns", "cross-sell"], onProgress: (e) => events.push(e) });
    expect(omitted.map((o) => o.id)).toEqual(["cross-sell", "campaigns"]);
    expect(omitted[1]!.reason).toMatch(/give it with --contacts FILE$/);
    expect(events.map((e) => e.phase)).toEqual(["left-out", "left-out"]);
  });

  it("refuses an unknown section, two sections with one id, and a builder that names its section otherwise", async () => {
    await expect(runReportAnalyses(await inputs(), { sections: ["order-sizes"] })).rejects.toThrow('runReportAnalyses: unknown section "order-sizes"');
    const { ledger } = loadTransactionsText(CSV);
    const { summary } = await inputs();
    const base = { ledger, summary, generatedAt: "2026-01-05T09:00:00Z" };
    expect(() => buildCustomerReport({ ...base, registry: [...registry, orderSizes] })).toThrow('two sections have the id "order-sizes"');
    const misnamed = defineReportSection({ ...orderSizes, id: "order-size" });
    expect(() => buildCustomerReport({ ...base, registry: [...REPORT_SECTIONS, misnamed], results: { "order-size": { orders: 1, meanOrderValue: 1, largestOrder: 1 } } }))
      .toThrow('section "order-size" built a section with id "order-sizes"');
    expect(() => defineReportSection({ ...orderSizes, id: "Order Sizes" })).toThrow("lowercase letters, digits and hyphens");
  });
});
