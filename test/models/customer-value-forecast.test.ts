import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTransactionsText, type Transactions } from "../../src/data/index.js";
import { generateSample, writeSample } from "../../src/data/generate/index.js";
import { AnalysisNotPossibleError } from "../../src/math/analysis-not-possible-error.js";
import { ArgumentError } from "../../src/math/argument-error.js";
import { customerValueForecast, type ForecastProgress } from "../../src/models/clv/customer-value-forecast.js";
import { lifetimeValueAnalysis } from "../../src/models/clv/lifetime-value-analysis.js";
import { PURCHASE_MODELS } from "../../src/models/registry.js";
import { customerSummary } from "../../src/summary/index.js";
import { DAYS_PER_UNIT, type CustomerSummary } from "../../src/summary/types.js";

let dir = "";
let text = "";
let transactions: Transactions;
let summary: CustomerSummary;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "crm-forecast-"));
  await writeSample(generateSample({ customers: 600, seed: 21 }), dir, { readme: false });
  text = readFileSync(path.join(dir, "transactions.csv"), "utf8");
  transactions = loadTransactionsText(text).transactions;
  summary = await customerSummary(transactions, { timeUnit: "week" });
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Records the steps and notes a forecast reports. */
function recorder(): ForecastProgress & { readonly lines: string[] } {
  const lines: string[] = [];
  return { lines, step: async (label, work) => { lines.push(`step ${label}`); return work(); }, note: (m) => void lines.push(`note ${m}`) };
}

/** The sample's transactions rewritten cell by cell (e.g. a purchase log: customer and date only). */
function rewrite(map: (cells: string[], header: string[]) => string[]): Transactions {
  const [head, ...rows] = text.trim().split("\n");
  const header = head!.split(",");
  return loadTransactionsText([map(header, header), ...rows.map((r) => map(r.split(","), header))].map((c) => c.join(",")).join("\n")).transactions;
}

describe("customerValueForecast", () => {
  it("is the forecast of the lifetime-value analysis, number for number", async () => {
    const L = DAYS_PER_UNIT.month / DAYS_PER_UNIT.week;
    const ltv = await lifetimeValueAnalysis(transactions, { model: "bg-nbd", draws: 25, seed: 3 });
    const progress = recorder();
    const f = await customerValueForecast(summary, {
      purchaseModel: "bg-nbd", horizon: 12 * L, periodLength: L, discountRatePerPeriod: 0.008, margin: 1, interval: { draws: 25, seed: 3 }, progress,
    });
    expect(progress.lines).toEqual(["step fitting bg-nbd", "step fitting gamma-gamma", "step CLV for 600 customers with 25 bootstrap draws"]);
    expect(f.purchaseModel.toJSON()).toEqual(ltv.purchaseModel);
    expect(f.spend?.model.toJSON()).toEqual(ltv.spendModel);
    expect(f.horizonPeriods).toBe(12);
    const c = ltv.customers;
    expect(f.probabilityAlive).toEqual(c.probabilityAlive);
    expect(f.expectedPurchases).toEqual(c.expectedPurchases);
    expect(f.expectedAverageSpend).toEqual(c.expectedAverageSpend);
    expect(f.clv).toEqual(c.clv);
    expect(f.clvLower).toEqual(c.clvLower);
    expect(f.clvUpper).toEqual(c.clvUpper);
    expect(f.interval).toEqual({ level: 0.9, draws: 25, seed: 3 });
    expect(Object.isFrozen(f)).toBe(true);
  });

  it("takes a purchase model already fitted, and gives no interval without draws", async () => {
    const model = PURCHASE_MODELS["pareto-nbd"].fit(summary.columns, { timeUnit: "week" });
    const progress = recorder();
    const f = await customerValueForecast(summary, { purchaseModel: model, horizon: 26, periodLength: 1, discountRatePerPeriod: 0, margin: 0.5, progress });
    expect(f.purchaseModel).toBe(model);
    expect(progress.lines).toEqual(["step fitting gamma-gamma", "step CLV for 600 customers"]);
    expect(f.interval).toBeNull();
    expect(f.clvLower).toBeNull();
    expect(f.clv!.length).toBe(600);
  });

  it("gives purchases and P(alive) only for a purchase log, and says so", async () => {
    const log = await customerSummary(rewrite((cells, header) => cells.filter((_, i) => ["customer_id", "date"].includes(header[i]!))), { timeUnit: "week" });
    expect(log.hasSpend).toBe(false);
    const progress = recorder();
    const f = await customerValueForecast(log, { purchaseModel: "bg-nbd", horizon: 0.3, periodLength: 0.1, discountRatePerPeriod: 0, margin: 1, progress });
    expect(f.spend).toBeNull();
    expect(f.noSpendModel).toEqual({ reason: "no-amounts" });
    expect(f.clv).toBeNull();
    expect(f.horizon).toBe(0.3);
    expect(f.expectedPurchases).toEqual(f.purchaseModel.conditionalExpectedPurchases(log.columns, 0.3));
    expect(progress.lines).toEqual([
      "step fitting bg-nbd",
      "note no amounts in the data (a purchase log): expected purchases and P(alive) only; no spend model and no CLV",
    ]);
  });

  it("leaves spend out when no spend model can be fitted, or throws when one is required", async () => {
    const amount = (cells: string[], header: string[]): string[] => cells.map((v, i) => (header[i] === "amount" && cells !== header ? "0" : v));
    const free = await customerSummary(rewrite(amount), { timeUnit: "week" });
    const options = { purchaseModel: "bg-nbd", horizon: 52, periodLength: 4, discountRatePerPeriod: 0, margin: 1 } as const;
    const f = await customerValueForecast(free, options);
    expect(f.noSpendModel).toMatchObject({ reason: "not-possible", message: expect.stringContaining("fitSpendModel: only 0 customers bought more than once with a positive mean spend") });
    expect(f.clv).toBeNull();
    await expect(customerValueForecast(free, { ...options, requireSpendModel: true })).rejects.toThrow(AnalysisNotPossibleError);
  });

  it("checks that the horizon is a whole number of periods", async () => {
    await expect(customerValueForecast(summary, { purchaseModel: "bg-nbd", horizon: 52, periodLength: 5, discountRatePerPeriod: 0, margin: 1 }))
      .rejects.toThrow(ArgumentError);
  });
});
