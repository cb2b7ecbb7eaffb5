// Progress from inside the long analyses: each one wired to onProgress calls it with a done that
// never decreases, ends with done === total, and gives the same result with and without a
// listener; runReportAnalyses forwards the calls as "progress" events between an analysis's
// start and done. No time is measured or asserted here.
import { beforeAll, describe, expect, it } from "vitest";
import { loadServiceEventsFile } from "../../src/data/load/load-service-events.js";
import { loadTransactionsFile } from "../../src/data/load/load-transactions.js";
import type { ServiceEvents } from "../../src/data/load/build-service-events.js";
import type { Transactions } from "../../src/data/types.js";
import { customerSummary } from "../../src/summary/customer-summary.js";
import type { CustomerSummary } from "../../src/summary/types.js";
import { customerValue } from "../../src/value/customer-value.js";
import { clusterCustomers } from "../../src/segments/clusters/cluster-customers.js";
import { clusterKChoice } from "../../src/segments/clusters/cluster-k-choice.js";
import { rfmMigration } from "../../src/segments/migration/rfm-migration.js";
import { lifetimeValueAnalysis } from "../../src/models/clv/lifetime-value-analysis.js";
import { propensityAnalysis } from "../../src/models/propensity/propensity.js";
import { cohortAnalysis } from "../../src/insights/cohorts/cohort-analysis.js";
import { basketAnalysis } from "../../src/insights/baskets/basket-analysis.js";
import { serviceImpact } from "../../src/insights/service/service-impact.js";
import { runReportAnalyses, type AnalysisProgress } from "../../src/reports/run-report-analyses.js";
import type { ProgressCallback } from "../../src/math/progress.js";

let tx: Transactions;
let events: ServiceEvents;
let summary: CustomerSummary;
beforeAll(async () => {
  tx = (await loadTransactionsFile("data/sample/transactions.csv")).transactions;
  events = (await loadServiceEventsFile("data/sample/service_events.csv")).events;
  summary = await customerSummary(tx, { timeUnit: "week" });
});

/** A listener that records every call, and checks on them. */
function recorder() {
  const calls: { done: number; total: number | undefined }[] = [];
  const onProgress: ProgressCallback = (done, total) => void calls.push({ done, total });
  return { calls, onProgress };
}

/** done never decreases, never passes the total, and the last call is done === total (given). */
function expectOrderly(calls: readonly { done: number; total: number | undefined }[], minCalls = 2): void {
  expect(calls.length).toBeGreaterThanOrEqual(minCalls);
  for (let i = 1; i < calls.length; i++) expect(calls[i]!.done).toBeGreaterThanOrEqual(calls[i - 1]!.done);
  for (const c of calls) {
    expect(c.total).toBeDefined();
    expect(c.done).toBeLessThanOrEqual(c.total!);
    expect(c.done).toBeGreaterThan(0);
  }
  const last = calls.at(-1)!;
  expect(last.done).toBe(last.total);
  // done === total only once, at the end
  expect(calls.filter((c) => c.done === c.total)).toHaveLength(1);
}

interface Case {
  readonly name: string;
  readonly run: (onProgress: ProgressCallback | undefined) => unknown;
  readonly total?: number;
}

const CASES: readonly Case[] = [
  { name: "customerValue", total: 5, run: (onProgress) => customerValue(tx, { serviceEvents: events, onProgress }) },
  // k = 1..8 then the rest
  { name: "clusterCustomers (auto)", total: 9, run: (onProgress) => clusterCustomers(summary, { k: "auto", seed: 1, onProgress }) },
  { name: "clusterCustomers (sampled, k = 3)", total: 2, run: (onProgress) => clusterCustomers(summary, { k: 3, seed: 2, sampleSize: 1000, onProgress }) },
  { name: "rfmMigration", total: 3, run: (onProgress) => rfmMigration(tx, { from: "2025-06-30", to: "2025-12-31", onProgress }) },
  { name: "lifetimeValueAnalysis", total: 4, run: (onProgress) => lifetimeValueAnalysis(tx, { summary, onProgress }) },
  { name: "propensityAnalysis", total: 8, run: (onProgress) => propensityAnalysis(tx, { serviceEvents: events, netContribution: false, onProgress }) },
  { name: "cohortAnalysis", total: 3, run: (onProgress) => cohortAnalysis(tx, { onProgress }) },
  { name: "basketAnalysis", total: 4, run: (onProgress) => basketAnalysis(tx, { level: "category", onProgress }) },
  { name: "serviceImpact", total: 3, run: (onProgress) => serviceImpact(tx, events, { onProgress }) },
];

describe("onProgress of the long analyses", () => {
  for (const c of CASES) {
    it(`${c.name}: orderly calls ending at done === total, the same result as without a listener`, async () => {
      const { calls, onProgress } = recorder();
      const withListener = await c.run(onProgress);
      const without = await c.run(undefined);
      expectOrderly(calls);
      expect(calls.at(-1)!.total).toBe(c.total);
      expect(withListener).toEqual(without);
    });
  }

  it("lifetimeValueAnalysis on a purchase log (no spend model): the stages skipped, still ending at 4 of 4", async () => {
    const log: Transactions = { length: tx.length, customerId: tx.customerId, day: tx.day, sourceLine: tx.sourceLine };
    const { calls, onProgress } = recorder();
    const r = await lifetimeValueAnalysis(log, { onProgress });
    expect(r.spendModel).toBeNull();
    expectOrderly(calls);
    expect(calls.map((c) => c.done)).toEqual([1, 2, 4]);
  });

  it("clusterKChoice: one call per k tried, and (kMax, kMax) when it stops early for lack of distinct points", () => {
    const { calls, onProgress } = recorder();
    // 7 points, 4 distinct: kMax 6 (n - 1), but k = 5 finds no 5th distinct point, so the table stops at k = 4
    const values = Float64Array.from([0, 0, 0, 1, 1, 5, 9]);
    const c = clusterKChoice(values, 1, { seed: 1, kMax: 6, onProgress });
    expectOrderly(calls);
    const kMax = calls.at(-1)!.total!;
    expect(calls.slice(0, -1).map((x) => x.done)).toEqual(c.rows.map((r) => r.k).filter((k) => k < kMax));
    expect(c.rows.length).toBeLessThan(kMax);
  });
});

describe("runReportAnalyses forwards progress", () => {
  it("as progress events of the running analysis, between its start and done, in its unit", async () => {
    const seen: AnalysisProgress[] = [];
    const sections = ["customer-value", "rfm-segments", "customer-clusters", "segment-migration", "lifetime-value", "propensity", "cohorts-retention", "cross-sell", "service-impact"];
    const { results } = await runReportAnalyses({ transactions: tx, summary, serviceEvents: events }, { sections, onProgress: (e) => seen.push(e) });
    expect(Object.keys(results)).toEqual(sections);
    let running: string | undefined;
    const byId = new Map<string, { done: number; total: number | undefined }[]>();
    for (const e of seen) {
      if (e.phase === "start") {
        expect(running).toBeUndefined();
        running = e.id;
        expect(e.unit).toBe("stages");
      } else if (e.phase === "progress") {
        expect(e.id).toBe(running);
        expect(e.unit).toBe("stages");
        expect(e.label).toBe(seen.find((s) => s.phase === "start" && s.id === e.id)!.label);
        byId.set(e.id, [...(byId.get(e.id) ?? []), { done: e.done, total: e.total }]);
      } else {
        expect(e.id).toBe(running);
        running = undefined;
      }
    }
    // Every analysis wired reports; RFM segments (fast, one pass) does not.
    expect([...byId.keys()]).toEqual(sections.filter((s) => s !== "rfm-segments"));
    for (const calls of byId.values()) expectOrderly(calls);
  });

  it("gives the analyses no listener when it has none: the results are the same", async () => {
    const sections = ["customer-value", "cohorts-retention", "cross-sell"];
    const quiet = await runReportAnalyses({ transactions: tx, summary }, { sections });
    const loud = await runReportAnalyses({ transactions: tx, summary }, { sections, onProgress: () => {} });
    expect(loud.results).toEqual(quiet.results);
  });
});
