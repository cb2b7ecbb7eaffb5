import { describe, expect, it } from "vitest";
import { buildServiceEvents } from "../../src/data/load/build-service-events.js";
import { loadServiceEventsFile } from "../../src/data/load/load-service-events.js";
import { loadTransactionsFile, loadTransactionsText } from "../../src/data/load/load-transactions.js";
import { serviceCorrelations } from "../../src/insights/service/service-correlations.js";
import { serviceCustomerFacts } from "../../src/insights/service/service-customer-facts.js";
import { serviceImpact } from "../../src/insights/service/service-impact.js";
import { serviceStratifiedDifference } from "../../src/insights/service/service-stratified-difference.js";

describe("serviceStratifiedDifference", () => {
  it("by hand: two strata, weights of the exposed", () => {
    // stratum 1: exposed 0 vs unexposed mean 1; stratum 2: exposed 1 vs unexposed mean 0.5
    const d = serviceStratifiedDifference([1, 0, 0, 1, 0, 0], [0, 1, 1, 1, 1, 0], [1, 1, 1, 2, 2, 2]);
    expect(d.estimate).toBeCloseTo(-0.25, 12);
    expect(d.exposedMean).toBe(0.5);
    expect(d.expectedMean).toBeCloseTo(0.75, 12);
    // variance: s1² / N1 = 0.5 / 2, plus (1/2)² · 0 / 2 + (1/2)² · 0.5 / 2
    expect((d.upper - d.lower) / 2).toBeCloseTo(1.959963984540054 * Math.sqrt(0.25 + 0.0625), 10);
    expect(d.matched).toBe(2);
  });
  it("identical groups give 0; strata without 2 comparable customers are unmatched", () => {
    expect(serviceStratifiedDifference([1, 0, 0, 1, 0, 0], [1, 1, 1, 0, 0, 0], [1, 1, 1, 2, 2, 2]).estimate).toBe(0);
    const d = serviceStratifiedDifference([1, 0, 1], [1, 0, 1], [1, 1, 2]);
    expect(d.matched).toBe(0);
    expect(d.unmatched).toBe(2);
    expect(Number.isNaN(d.estimate)).toBe(true);
    expect(() => serviceStratifiedDifference([2], [0], [0])).toThrow("serviceStratifiedDifference: exposed flag 2 at 0 is not 0 or 1");
  });
});

describe("serviceCustomerFacts on hand-made data", () => {
  const { transactions } = loadTransactionsText(["customer_id,date,amount", "A,2024-01-10,10", "A,2024-01-10,5", "A,2024-03-01,20", "A,2024-04-15,7", "B,2024-02-01,30", "C,2023-01-01,9", "B,2024-07-01,1"].join("\n"));
  const { events } = buildServiceEvents({ header: ["customer_id", "date", "type"], rows: [{ line: 2, values: ["A", "2024-02-01", "complaint"] }, { line: 3, values: ["B", "2024-03-15", "late_delivery"] }] });
  it("counts prior purchase days, spend, recency, events and the outcome", () => {
    const f = serviceCustomerFacts(transactions, events, { cut: "2024-03-31", windowDays: 60, lookbackDays: 120 });
    expect(f.customerId).toEqual(["A", "B"]);
    expect(Array.from(f.priorOrders)).toEqual([2, 1]);
    expect(Array.from(f.priorSpend)).toEqual([35, 30]);
    expect(Array.from(f.daysSinceLastPurchase)).toEqual([30, 59]);
    expect(Array.from(f.events.complaint)).toEqual([1, 0]);
    expect(Array.from(f.events.late_delivery)).toEqual([0, 1]);
    expect(Array.from(f.boughtAgain)).toEqual([1, 0]);
    expect(Array.from(f.spendAfter)).toEqual([7, 0]);
    expect(() => serviceCustomerFacts(transactions, events, { cut: "2024-06-30", windowDays: 60 })).toThrow("serviceCustomerFacts: the window of 60 days after the cut 2024-06-30 runs past the last transaction 2024-07-01");
  });
});

describe("serviceImpact on the bundled sample (planted: late delivery × 0.90, complaint × 0.80 on staying active)", async () => {
  const { transactions } = await loadTransactionsFile("data/sample/transactions.csv");
  const { events } = await loadServiceEventsFile("data/sample/service_events.csv");
  const r = serviceImpact(transactions, events);
  const row = (p: string) => r.problems.find((x) => x.problem === p)!;
  it("defaults: cut 180 days before the last transaction, 365-day lookback", () => {
    expect(r.cutDate).toBe("2025-07-04");
    expect(r.customers).toBe(3504);
    expect(r.retention).toBeCloseTo(0.401, 3);
  });
  it("complaints and late deliveries: fewer repeat buyers than comparable customers, interval below 0", () => {
    // measured: complaint −15.5 points (−22.1 to −8.8); late delivery −10.5 (−16.3 to −4.8)
    expect(row("complaint").retention.upper).toBeLessThan(0);
    expect(row("late_delivery").retention.upper).toBeLessThan(0);
    expect(row("complaint").retention.estimate).toBeLessThan(row("late_delivery").retention.estimate);
    expect(row("complaint").spend.upper).toBeLessThan(0);
    expect(r.cost.lostSpend).toBeGreaterThan(0);
    expect(r.cost.lower).toBeGreaterThan(0);
  });
  it("returns (no planted effect): the interval contains 0", () => {
    expect(row("return").retention.lower).toBeLessThan(0);
    expect(row("return").retention.upper).toBeGreaterThan(0);
  });
  it("correlations cover every event type and lie in [-1, 1]", () => {
    const c = serviceCorrelations(serviceCustomerFacts(transactions, events));
    expect(c.map((x) => x.problem)).toEqual(["call_centre_contact", "complaint", "late_delivery", "return"]);
    for (const x of c) for (const v of [x.withBoughtAgain, x.withSpendAfter, x.rankWithSpendAfter]) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });
});
