import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTransactionsFile, type Transactions } from "../../src/data/index.js";
import { generateSample, writeSample } from "../../src/data/generate/index.js";
import { lifetimeValueAnalysis, type LifetimeValueAnalysis } from "../../src/models/clv/lifetime-value-analysis.js";
import { lifetimeValueSection } from "../../src/reports/sections/lifetime-value.js";
import { buildCustomerReport, renderHtml } from "../../src/reports/index.js";
import { customerSummary } from "../../src/summary/index.js";

let dir = "";
let transactions: Transactions;
let ltv: LifetimeValueAnalysis;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "crm-ltv-"));
  await writeSample(generateSample({ customers: 1500, seed: 77 }), dir, { readme: false });
  transactions = (await loadTransactionsFile(path.join(dir, "transactions.csv"))).transactions;
  ltv = await lifetimeValueAnalysis(transactions, { draws: 40, seed: 5 });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lifetimeValueAnalysis", () => {
  it("checks the model on a 26-week holdout, then predicts for every customer", async () => {
    expect(ltv.observationEnd).toBe("2025-12-31");
    expect(ltv.validation?.calibrationEnd).toBe("2025-07-02");
    const holdout = await customerSummary(transactions, { calibrationEnd: "2025-07-02", observationEnd: "2025-12-31" });
    const actual = holdout.columns.frequency_holdout.reduce((s, v) => s + v, 0);
    expect(ltv.validation!.calibrationHoldout.total.actualTotal).toBe(actual);
    const n = ltv.customers.customerId.length;
    expect(n).toBe(1500);
    expect(ltv.horizonPeriods).toBe(12);
    expect(ltv.horizon).toBeCloseTo((12 * 30.4375) / 7, 12);
    for (let i = 0; i < n; i++) {
      expect(ltv.customers.probabilityAlive[i]).toBeGreaterThanOrEqual(0);
      expect(ltv.customers.probabilityAlive[i]).toBeLessThanOrEqual(1);
      expect(ltv.customers.clv![i]).toBeGreaterThanOrEqual(0);
      expect(ltv.customers.clvLower![i]).toBeLessThanOrEqual(ltv.customers.clv![i]! + 1e-9);
      expect(ltv.customers.clvUpper![i]).toBeGreaterThanOrEqual(ltv.customers.clv![i]! - 1e-9);
    }
  });

  it("is deterministic for a seed, and skips the check when the calibration end is the observation end", async () => {
    const again = await lifetimeValueAnalysis(transactions, { draws: 40, seed: 5 });
    expect(Array.from(again.customers.clvUpper!)).toEqual(Array.from(ltv.customers.clvUpper!));
    const noCheck = await lifetimeValueAnalysis(transactions, { calibrationEnd: "2025-12-31", draws: 0 });
    expect(noCheck.validation).toBeNull();
    expect(noCheck.customers.clvLower).toBeNull();
    noCheck.customers.clv!.forEach((v, i) => expect(Math.abs(v - ltv.customers.clv![i]!)).toBeLessThanOrEqual(1e-9 * Math.max(1, v)));
  });

  it("recovers the generator's purchase rate parameters roughly (the data depart from pure BG/NBD on purpose)", () => {
    const { r, alpha } = ltv.purchaseModel.params;
    expect(r! / alpha!).toBeGreaterThan(0.5 * (0.6 / 8));
    expect(r! / alpha!).toBeLessThan(1.5 * (0.6 / 8));
  });
});

describe("lifetimeValueSection", () => {
  it("states the totals it shows and lists the top customers by CLV", () => {
    const s = lifetimeValueSection(ltv, { currency: "EUR", topN: 5 });
    const total = ltv.customers.clv!.reduce((a, b) => a + b, 0);
    expect(s.kpis[0]).toMatchObject({ label: "Expected CLV", value: total, format: "money" });
    const rows = s.tables[0]!.rows;
    expect(rows).toHaveLength(5);
    for (let k = 1; k < rows.length; k++) expect(Number(rows[k - 1]!.clv)).toBeGreaterThanOrEqual(Number(rows[k]!.clv));
    expect(s.tables[1]!.rows.map((r) => r.parameter)).toEqual(["r", "alpha", "a", "b", "p", "q", "gamma"]);
    expect(s.charts.map((c) => c.title)).toEqual([
      "Predicted customer lifetime value",
      "Still active? By past repeat purchases",
      "Holdout check by past purchases",
      "Repeat purchases over time",
    ]);
    expect(s.narrative.join(" ")).toContain("the next 12 months");
  });

  it("appears in the report and renders", () => {
    const ledger = { source: "t", read: 1, used: 1, rejected: [], byReason: {} };
    const summary = { length: 0, timeUnit: "week" as const, calibrationEnd: "2025-12-31", observationEnd: "2025-12-31", durationHoldout: 0, customersAfterCalibration: 0, columns: {
      customer_id: [], frequency: new Float64Array(), recency: new Float64Array(), T: new Float64Array(), monetary_value: new Float64Array(), first_purchase: [], last_purchase: [],
      days_since_last_purchase: new Float64Array(), orders: new Float64Array(), total_spend: new Float64Array(), frequency_holdout: new Float64Array(), monetary_holdout: new Float64Array() } };
    const report = buildCustomerReport({ ledger, summary, generatedAt: "2026-01-01T00:00:00Z", lifetimeValue: ltv });
    expect(report.sections.map((s) => s.id)).toEqual(["data-quality", "customer-summary", "lifetime-value"]);
    const html = renderHtml(report);
    expect(html).toContain("Customer lifetime value");
    expect(html.match(/Plotly\.newPlot\(/g)!.length).toBe(3 + 4);
  });
});
