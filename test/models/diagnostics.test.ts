// Fit diagnostics of Fader, Hardie & Lee (2005) §5 (Figures 2-4) on hand-made data: every
// expected number is recomputed here from the model's own methods, customer by customer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDay } from "../../src/data/parse/parse-day.js";
import type { Transactions } from "../../src/data/types.js";
import { bgNbdFromParams } from "../../src/models/purchase/bg-nbd.js";
import { calibrationHoldoutTable, frequencyHistogram, purchaseTracking, type HoldoutSummary } from "../../src/models/diagnostics/index.js";
import { customerSummary } from "../../src/summary/customer-summary.js";

const model = bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
const one = (x: number, tx: number, T: number, t: number): number =>
  model.conditionalExpectedPurchases({ frequency: [x], recency: [tx], T: [T] }, t)[0]!;

const SUMMARY: HoldoutSummary = {
  timeUnit: "week",
  durationHoldout: 10,
  columns: {
    frequency: [0, 0, 1, 2, 9, 3],
    recency: [0, 0, 3, 5, 8, 2],
    T: [10, 6, 10, 8, 9, 4],
    frequency_holdout: [1, 0, 2, 0, 5, 1],
  },
};

describe("calibrationHoldoutTable (FHL 2005 Figure 4)", () => {
  const t = calibrationHoldoutTable(model, SUMMARY, { maxFrequency: 2 });
  const e = [one(0, 0, 10, 10), one(0, 0, 6, 10), one(1, 3, 10, 10), one(2, 5, 8, 10), one(9, 8, 9, 10), one(3, 2, 4, 10)];
  it("groups by calibration frequency 0, 1, 2+ with actual and expected means", () => {
    expect(t.rows.map((r) => r.label)).toEqual(["0", "1", "2+"]);
    expect(t.rows.map((r) => r.customers)).toEqual([2, 1, 3]);
    expect(t.rows.map((r) => r.actualMean)).toEqual([0.5, 2, 2]);
    expect(t.rows[0]!.expectedMean).toBeCloseTo((e[0]! + e[1]!) / 2, 14);
    expect(t.rows[1]!.expectedMean).toBeCloseTo(e[2]!, 14);
    expect(t.rows[2]!.expectedMean).toBeCloseTo((e[3]! + e[4]! + e[5]!) / 3, 14);
  });
  it("gives totals and the mean absolute errors", () => {
    const actual = [1, 0, 2, 0, 5, 1];
    expect(t.total.customers).toBe(6);
    expect(t.total.actualTotal).toBe(9);
    expect(t.total.expectedTotal).toBeCloseTo(e.reduce((s, v) => s + v, 0), 13);
    expect(t.meanAbsoluteError).toBeCloseTo(actual.reduce((s, a, i) => s + Math.abs(a - e[i]!), 0) / 6, 14);
    const cls = t.rows.reduce((s, r) => s + Math.abs(r.actualMean - r.expectedMean), 0) / 3;
    expect(t.classMeanAbsoluteError).toBeCloseTo(cls, 14);
    expect(t.durationHoldout).toBe(10);
    expect(Object.isFrozen(t) && Object.isFrozen(t.rows) && Object.isFrozen(t.rows[0])).toBe(true);
  });
  it("defaults to 0..7+ and leaves empty classes NaN", () => {
    const d = calibrationHoldoutTable(model, SUMMARY);
    expect(d.rows.map((r) => r.label)).toEqual(["0", "1", "2", "3", "4", "5", "6", "7+"]);
    expect(d.rows[4]!.customers).toBe(0);
    expect(d.rows[4]!.actualMean).toBeNaN();
    expect(d.rows[7]!.customers).toBe(1);
  });
  it("rejects a summary without holdout, a fractional frequency, mixed time units", () => {
    expect(() => calibrationHoldoutTable(model, { ...SUMMARY, durationHoldout: 0 })).toThrow("calibrationHoldoutTable: durationHoldout 0 must be > 0");
    const bad = { ...SUMMARY, columns: { ...SUMMARY.columns, frequency: [0, 0.5, 1, 2, 9, 3] } };
    expect(() => calibrationHoldoutTable(model, bad)).toThrow("calibrationHoldoutTable: frequency 0.5 of row 1 must be a whole number >= 0");
    expect(() => calibrationHoldoutTable(model, SUMMARY, { maxFrequency: 0 })).toThrow("maxFrequency 0 must be a whole number >= 1");
    expect(() => calibrationHoldoutTable(bgNbdFromParams(model.params, "day"), SUMMARY)).toThrow("the model is in days but the summary is in weeks");
  });
});

describe("frequencyHistogram (FHL 2005 Figure 2)", () => {
  it("sums P(X(T_i) = x) over customers and puts the remainder in the open class", () => {
    const h = frequencyHistogram(model, SUMMARY, { maxFrequency: 2 });
    const T = [10, 6, 10, 8, 9, 4];
    const p = (x: number) => T.reduce((s, Ti) => s + model.probabilityOfPurchases(x, Ti), 0);
    expect(h.rows.map((r) => r.actual)).toEqual([2, 1, 3]);
    expect(h.rows[0]!.expected).toBeCloseTo(p(0), 13);
    expect(h.rows[1]!.expected).toBeCloseTo(p(1), 13);
    expect(h.rows[2]!.expected).toBeCloseTo(6 - p(0) - p(1), 13);
    expect(h.customers).toBe(6);
  });
  it("expected counts sum to the number of customers; T = 0 puts all mass at x = 0 (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(12), fc.integer({ min: 0, max: 400 })), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 1, max: 9 }),
        (rows, maxFrequency) => {
          const frequency = rows.map((r) => r[0]), T = rows.map((r) => r[1] / 7);
          const h = frequencyHistogram(model, { columns: { frequency, recency: T.map(() => 0), T } }, { maxFrequency });
          expect(h.rows.reduce((s, r) => s + r.expected, 0)).toBeCloseTo(rows.length, 9);
          expect(h.rows.reduce((s, r) => s + r.actual, 0)).toBe(rows.length);
          h.rows.forEach((r) => expect(r.expected).toBeGreaterThanOrEqual(0));
        },
      ),
      { numRuns: 50 },
    );
    expect(frequencyHistogram(model, { columns: { frequency: [0], recency: [0], T: [0] } }).rows[0]!.expected).toBe(1);
  });
});

const D0 = parseDay("1997-01-01")!;
function tx(rows: readonly (readonly [string, number, number])[]): Transactions {
  return {
    length: rows.length,
    customerId: rows.map((r) => r[0]),
    day: Int32Array.from(rows, (r) => D0 + r[1]),
    amount: Float64Array.from(rows, (r) => r[2]),
    sourceLine: Int32Array.from(rows, (_, i) => i + 1),
  };
}

describe("purchaseTracking (FHL 2005 Figure 3)", () => {
  // A first buys on day 0, B on day 3, C on day 9; periods are weeks from day 0; 3 weeks observed.
  const T = tx([
    ["A", 0, 10], ["A", 2, 5], ["A", 2, 7], ["A", 5, -3], ["A", 8, 1], ["A", 20, 4], ["A", 21, 9],
    ["B", 3, 6], ["B", 3, 6], ["B", 6, 0], ["B", 13, 2],
    ["C", 9, 1], ["C", 14, 2], ["C", 15, -1],
    ["Z", 4, 3],
  ]);
  const cohort = { customerId: ["A", "B", "C"], firstPurchaseDay: [D0, D0 + 3, D0 + 9] };
  const tr = purchaseTracking(model, T, cohort, { calibrationEnd: "1997-01-14", observationEnd: "1997-01-21", timeUnit: "week" });
  it("counts repeat purchase days per week: same-day merged, returns and other customers ignored, no line after the end", () => {
    expect(tr.periods).toEqual([1, 2, 3]);
    expect(tr.periodEnd).toEqual(["1997-01-07", "1997-01-14", "1997-01-21"]);
    expect(tr.actual).toEqual([2, 2, 2]); // week 1 (days 0-6): A 2, B 6; week 2: A 8, B 13; week 3: C 14, A 20 (A 21 is after the end)
    expect(tr.actualCumulative).toEqual([2, 4, 6]);
    expect(tr.calibrationPeriods).toBe(2);
    expect(tr.customers).toBe(3);
    expect(tr.start).toBe("1997-01-01");
  });
  it("expects Σ_i E[X(age at the period's last day)] cumulatively, and its differences per week", () => {
    const first = [0, 3, 9];
    const cum = [6, 13, 20].map((end) => first.reduce((s, f) => s + (end > f ? model.expectedPurchases((end - f) / 7) : 0), 0));
    tr.expectedCumulative.forEach((v, k) => expect(v).toBeCloseTo(cum[k]!, 13));
    expect(tr.expected[0]).toBeCloseTo(cum[0]!, 13);
    expect(tr.expected[2]).toBeCloseTo(cum[2]! - cum[1]!, 13);
  });
  it("takes daily and monthly periods", () => {
    const daily = purchaseTracking(model, T, cohort, { calibrationEnd: "1997-01-14", observationEnd: "1997-01-21", period: "day" });
    expect(daily.periods.length).toBe(21);
    expect(daily.actual.reduce((s, v) => s + v, 0)).toBe(6);
    expect(daily.expectedCumulative[20]).toBeCloseTo(tr.expectedCumulative[2]!, 12);
    const monthly = purchaseTracking(model, T, cohort, { calibrationEnd: "1997-01-14", observationEnd: "1997-03-31", period: "month" });
    expect(monthly.periodEnd).toEqual(["1997-01-31", "1997-03-02", "1997-03-31"]); // day offsets 0-30, 31-60, 61-89 (30.4375-day periods)
    expect(monthly.actual).toEqual([7, 0, 0]);
  });
  it("rejects bad cohorts and dates with the offending value", () => {
    const opts = { calibrationEnd: "1997-01-14", observationEnd: "1997-01-21" };
    expect(() => purchaseTracking(model, T, { customerId: ["A", "A"], firstPurchaseDay: [D0, D0] }, opts)).toThrow('purchaseTracking: customer "A" appears twice');
    expect(() => purchaseTracking(model, T, cohort, { ...opts, start: "1997-01-02" })).toThrow("first purchase 1997-01-01 is before start 1997-01-02");
    expect(() => purchaseTracking(model, T, cohort, { observationEnd: "1997-01-21" })).toThrow("purchaseTracking: give calibrationEnd");
    expect(() => purchaseTracking(model, T, cohort, { ...opts, calibrationEnd: "1997-02-01" })).toThrow("calibrationEnd 1997-02-01 must lie between");
    expect(() => purchaseTracking(model, T, cohort, { ...opts, observationEnd: "1997-01-05", calibrationEnd: "1997-01-05" })).toThrow('first purchase 1997-01-10 of customer "C" is after observationEnd');
    expect(() => purchaseTracking(model, T, { customerId: [], firstPurchaseDay: [] }, opts)).toThrow("the cohort has no customers");
  });

  it("agrees with the customer summary on random data (property): totals, running sums, Σ E[X(T_i)] at the calibration end", async () => {
    const line = fc.tuple(fc.constantFrom("a", "b", "c", "d", "e"), fc.integer({ min: 0, max: 60 }), fc.constantFrom(-2, 0, 1, 5));
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 30 }), fc.integer({ min: 0, max: 60 }), async (rows, calOffset) => {
        const t = tx(rows);
        const iso = (d: number) => new Date(d * 86400000).toISOString().slice(0, 10);
        const purchases = rows.filter((r) => r[2] >= 0).map((r) => r[1]);
        if (purchases.length === 0 || Math.min(...purchases) > calOffset) return;
        const s = await customerSummary(t, { calibrationEnd: iso(D0 + calOffset), observationEnd: iso(D0 + 60), timeUnit: "week" });
        const r = purchaseTracking(model, t, s, { period: "day" });
        const sum = (v: ArrayLike<number>) => Array.from(v).reduce((a, b) => a + b, 0);
        expect(r.actualCumulative.at(-1)).toBe(sum(s.columns.frequency) + sum(s.columns.frequency_holdout));
        expect(r.actualCumulative[r.calibrationPeriods - 1]).toBe(sum(s.columns.frequency));
        let run = 0;
        r.expected.forEach((v, k) => expect(r.expectedCumulative[k]).toBe((run += v)));
        const atCal = sum(Array.from(s.columns.T, (Ti) => (Ti > 0 ? model.expectedPurchases(Ti) : 0)));
        expect(r.expectedCumulative[r.calibrationPeriods - 1]).toBeCloseTo(atCal, 10);
      }),
      { numRuns: 25 },
    );
  });
});

describe("purchaseTracking over a span of dates without bound (issue 9)", () => {
  it("refuses more than 20,000 periods instead of allocating them", async () => {
    const { ArgumentError } = await import("../../src/math/argument-error.js");
    const far = tx([["A", 0, 1], ["A", 1, 1]]);
    const call = () => purchaseTracking(model, far, { customerId: ["A"], firstPurchaseDay: [D0] }, { calibrationEnd: "1997-01-14", observationEnd: "9999-12-31", period: "day" });
    expect(call).toThrow(ArgumentError);
    expect(call).toThrow("purchaseTracking: 1997-01-01 to 9999-12-31 is 2923035 days, more than 20000 to track; give a later start or a longer period");
  });
});
