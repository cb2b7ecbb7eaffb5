// The fit diagnostics of Fader, Hardie & Lee (2005) §5-7 on the CDNOW sample (2,357 customers,
// 39 calibration weeks to 1997-09-30, 39 holdout weeks to 1998-06-30), with the published BG/NBD
// parameters r 0.243, alpha 4.414, a 0.793, b 2.426 (reference_values.md).
import { beforeAll, describe, expect, it } from "vitest";
import { loadTransactionsFile } from "../../src/data/load/load-transactions.js";
import type { Transactions } from "../../src/data/types.js";
import { bgNbdFromParams } from "../../src/models/purchase/bg-nbd.js";
import { calibrationHoldoutTable, frequencyHistogram, purchaseTracking } from "../../src/models/diagnostics/index.js";
import { customerSummary } from "../../src/summary/customer-summary.js";
import type { CustomerSummary } from "../../src/summary/types.js";
import { HAS_SHARED_DATA, sharedFile } from "../helpers/shared-data.js";

const model = bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, "week");

describe.skipIf(!HAS_SHARED_DATA)("model diagnostics on CDNOW (FHL 2005)", () => {
  let transactions: Transactions;
  let summary: CustomerSummary;
  beforeAll(async () => {
    ({ transactions } = await loadTransactionsFile(sharedFile("cdnow", "CDNOW_sample.txt"), {
      header: false,
      columns: { customerId: "2", date: "3", amount: "5" },
      dateFormat: "yyyymmdd",
    }));
    summary = await customerSummary(transactions, { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30", timeUnit: "week" });
  });

  it("calibration/holdout: the 1,411 non-repeaters make 334 holdout purchases (0.237 each), expected 0.23 (FHL 2005 §7)", () => {
    const t = calibrationHoldoutTable(model, summary);
    const zero = t.rows[0]!;
    expect(zero.customers).toBe(1411);
    expect(zero.actualTotal).toBe(334);
    expect(zero.actualMean).toBeCloseTo(334 / 1411, 12);
    expect(zero.expectedMean).toBeCloseTo(0.2255, 4); // peer 0.2251 with the unrounded refit
    expect(t.rows.map((r) => r.customers)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(t.total.customers).toBe(2357);
    expect(t.total.actualTotal).toBe(1882);
    expect(t.total.expectedTotal).toBeCloseTo(1653.9, 1);
    expect(t.durationHoldout).toBeCloseTo(39, 12);
    expect(t.timeUnit).toBe("week");
  });

  it("frequency histogram: actual 1,411 / 439 / 214 / ... customers, expected within 10 % where classes are large (FHL 2005 Figure 2)", () => {
    const h = frequencyHistogram(model, summary);
    expect(h.rows.map((r) => r.actual)).toEqual([1411, 439, 214, 100, 62, 38, 29, 64]);
    expect(h.rows.reduce((s, r) => s + r.expected, 0)).toBeCloseTo(2357, 9);
    expect(h.rows[0]!.expected).toBeCloseTo(1406.5, 1);
    for (const r of h.rows.slice(0, 3)) expect(Math.abs(r.expected / r.actual - 1)).toBeLessThan(0.1);
  });

  it("tracking: 78 weeks from 1997-01-01; cumulative 4,339 actual vs 4,166 expected at week 78 (-4.0 %) (FHL 2005 Figure 3)", () => {
    const tr = purchaseTracking(model, transactions, summary);
    expect(tr.start).toBe("1997-01-01");
    expect(tr.periods.length).toBe(78);
    expect(tr.periodEnd.at(-1)).toBe("1998-06-30");
    expect(tr.calibrationPeriods).toBe(39);
    expect(tr.actualCumulative[38]).toBe(2457);
    expect(tr.actualCumulative[77]).toBe(2457 + 1882);
    const sum = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0);
    expect(tr.expectedCumulative[38]).toBeCloseTo(sum(Array.from(summary.columns.T, (T) => model.expectedPurchases(T))), 8);
    expect(tr.expectedCumulative[38]).toBeCloseTo(2497.6, 1);
    expect(tr.expectedCumulative[77]).toBeCloseTo(4166.4, 1);
    expect(Math.abs(tr.expectedCumulative[77]! / 4339 - 1)).toBeLessThan(0.05);
  });
});
