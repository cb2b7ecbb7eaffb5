// The cohort triangle on a hand-made table (worked out by hand below) and its properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTransactionsText } from "../../src/data/load/load-transactions.js";
import type { Transactions } from "../../src/data/types.js";
import { cohortMatrix } from "../../src/insights/cohorts/cohort-matrix.js";
import { cohortPeriodIndex, cohortPeriodLabel, cohortPeriodLastDay } from "../../src/insights/cohorts/cohort-period.js";
import { cohortMatrixToCsv, retentionTriangleCsv } from "../../src/insights/cohorts/cohort-to-csv.js";
import { survivalCurve } from "../../src/insights/cohorts/survival-curve.js";

// Observed to 2024-04-25: January to March are full months, April is in progress.
// Cohort 2024-01: A (web) and B (store). Cohort 2024-02: C (web). D has only a return.
export const HAND = loadTransactionsText([
  "customer_id,date,amount,channel",
  "A,2024-01-05,10,web",
  "B,2024-01-20,30,store",
  "B,2024-01-25,5,store",
  "A,2024-02-10,20,store",
  "C,2024-02-02,40,web",
  "D,2024-02-28,-3,web",
  "B,2024-03-03,-5,store",
  "C,2024-03-15,10,web",
  "A,2024-04-01,5,web",
  "C,2024-04-20,7,web",
].join("\n")).transactions;

describe("cohort periods", () => {
  it("indexes, labels and ends months and quarters", () => {
    expect(cohortPeriodIndex(19724, "month")).toBe(648);
    expect(cohortPeriodLabel(648, "month")).toBe("2024-01");
    expect(cohortPeriodLabel(cohortPeriodIndex(19724, "quarter"), "quarter")).toBe("2024-Q1");
    expect(cohortPeriodLastDay(648, "month")).toBe(19753); // 2024-01-31
    expect(cohortPeriodLastDay(216, "quarter")).toBe(19813); // 2024-03-31
    expect(cohortPeriodLastDay(649, "month") - cohortPeriodLastDay(648, "month")).toBe(29); // leap February
  });
});

describe("cohortMatrix on a hand-made table", () => {
  const m = cohortMatrix(HAND, { observationEnd: "2024-04-25", by: "channel" });

  it("builds the triangle by hand", () => {
    expect(m.customers).toBe(3);
    expect(m.customersWithoutPurchase).toBe(1);
    expect(m.cohorts.map((c) => [c.cohort, c.size, c.observedPeriods])).toEqual([["2024-01", 2, 3], ["2024-02", 1, 2]]);
    const [jan, feb] = m.cohorts;
    expect(jan!.active).toEqual([2, 1, 0]); // B's March return is not activity
    expect(jan!.retention).toEqual([1, 0.5, 0]);
    expect(jan!.revenue).toEqual([45, 20, 0]);
    expect(jan!.revenuePerCustomer).toEqual([22.5, 10, 0]);
    expect(jan!.stillBuying).toEqual([2, 1, 0]); // A's April purchase is after the last full month
    expect(jan!.partial).toEqual({ age: 3, active: 1, revenue: 5 });
    expect(feb!.active).toEqual([1, 1]);
    expect(feb!.revenue).toEqual([40, 10]);
    expect(feb!.stillBuying).toEqual([1, 1]);
    expect(feb!.partial).toEqual({ age: 2, active: 1, revenue: 7 });
    expect(m.totalRevenue).toBe(127);
    expect(Object.isFrozen(m) && Object.isFrozen(jan!.active)).toBe(true);
  });

  it("groups by the channel of the first purchase line", () => {
    expect(m.groups.map((g) => [g.group, g.customers])).toEqual([["web", 2], ["store", 1]]);
    const web = m.groups[0]!;
    expect(web.cohorts.map((c) => [c.cohort, c.size, [...c.active]])).toEqual([["2024-01", 1, [1, 1, 0]], ["2024-02", 1, [1, 1]]]);
  });

  it("pools the still-buying curve with the product-limit rule", () => {
    const s = survivalCurve(m, m, { lookaheadPeriods: 1, minCohorts: 1 });
    // age 1: both cohorts count, (1 + 1) / (2 + 1); age 2: only 2024-01, 0 / 1.
    expect(s.survival).toEqual([1, 2 / 3, 0]);
    expect(s.cohortsUsed).toEqual([2, 2, 1]);
    expect(s.survivors).toEqual([3, 2, 0]);
  });

  it("writes the long and the wide CSV", () => {
    expect(cohortMatrixToCsv(m).split("\n").slice(0, 3)).toEqual([
      "group,cohort,cohort_size,age,active,retention,still_buying,revenue,revenue_per_customer",
      "all,2024-01,2,0,2,1,2,45,22.50",
      "all,2024-01,2,1,1,0.500000,1,20,10",
    ]);
    expect(retentionTriangleCsv(m)).toBe("cohort,size,age_0,age_1,age_2\n2024-01,2,100.0,50.0,0.0\n2024-02,1,100.0,100.0,\n");
  });

  it("quarters: one cohort, no partial period at a quarter end", () => {
    const q = cohortMatrix(HAND, { period: "quarter", observationEnd: "2024-06-30" });
    expect(q.cohorts.map((c) => [c.cohort, c.size, [...c.active], c.partial])).toEqual([["2024-Q1", 3, [3, 2], null]]);
  });

  it("names the function and the value in errors", () => {
    expect(() => cohortMatrix(HAND, { observationEnd: "2024/04/25" })).toThrow('cohortMatrix: observationEnd "2024/04/25" is not a date');
    expect(() => cohortMatrix({ ...HAND, channel: undefined }, { by: "channel" })).toThrow("cohortMatrix: by \"channel\" needs a channel column");
    expect(() => cohortMatrix(HAND, { period: "year" as "month" })).toThrow('cohortMatrix: period "year" must be "month" or "quarter"');
    expect(() => survivalCurve(m, m, { lookaheadPeriods: 9 })).toThrow('survivalCurve: no cohort of group "all" is observed for 9 periods');
  });
});

/** Random transactions: up to 12 customers, dates over two years, some returns. */
const arbTransactions = fc
  .array(fc.record({ c: fc.integer({ min: 0, max: 11 }), day: fc.integer({ min: 19700, max: 20430 }), amount: fc.integer({ min: -50, max: 200 }) }), { minLength: 1, maxLength: 60 })
  .filter((rows) => rows.some((r) => r.amount > 0))
  .map((rows): Transactions => ({
    length: rows.length,
    customerId: rows.map((r) => `C${r.c}`),
    day: Int32Array.from(rows, (r) => r.day),
    amount: Float64Array.from(rows, (r) => r.amount),
    sourceLine: Int32Array.from(rows, (_, i) => i + 2),
  }));

describe("cohortMatrix properties", () => {
  it("retention at age 0 is 100 %, active never exceeds the cohort, still-buying never increases, revenue adds up", () => {
    fc.assert(
      fc.property(arbTransactions, fc.constantFrom("month" as const, "quarter" as const), (t, period) => {
        const m = cohortMatrix(t, { period });
        let revenue = 0, purchases = 0, customers = 0;
        for (let i = 0; i < t.length; i++) if (t.amount![i]! > 0) purchases += t.amount![i]!;
        for (const c of m.cohorts) {
          customers += c.size;
          if (c.observedPeriods > 0) expect(c.retention[0]).toBe(1);
          c.active.forEach((a, k) => {
            expect(a).toBeLessThanOrEqual(c.size);
            expect(c.stillBuying[k]!).toBeGreaterThanOrEqual(a);
            if (k > 0) expect(c.stillBuying[k]!).toBeLessThanOrEqual(c.stillBuying[k - 1]!);
          });
          revenue += c.revenue.reduce((s, x) => s + x, 0) + (c.partial?.revenue ?? 0);
        }
        expect(customers + m.customersWithoutPurchase).toBe(new Set(t.customerId).size);
        expect(revenue).toBeCloseTo(purchases, 6);
        expect(m.totalRevenue).toBeCloseTo(purchases, 6);
      }),
      { numRuns: 200, seed: 42 },
    );
  });
});

describe("cohortMatrix on a span of dates that would need a huge table (issue 9)", () => {
  it("is analysis-not-possible with the span and the bound, never an allocation from the span", async () => {
    const { AnalysisNotPossibleError } = await import("../../src/math/analysis-not-possible-error.js");
    const t: Transactions = {
      length: 2,
      customerId: ["A", "B"],
      day: Int32Array.from([-25567, 2_932_896]), // 1900-01-01 and 9999-12-31
      amount: Float64Array.from([1, 1]),
      sourceLine: Int32Array.from([2, 3]),
    };
    expect(() => cohortMatrix(t)).toThrow(AnalysisNotPossibleError);
    expect(() => cohortMatrix(t)).toThrow(
      "cohortMatrix: the cohorts span 97200 months (1900-01-01 to 9999-12-31), too many for a cohort table (at most 10000000 cells of cohorts x ages); keep a shorter period with --from",
    );
    // 1900 to 2024 in months is 1,501 cohorts: 2.3 million cells, still computed
    const long = { ...t, day: Int32Array.from([-25567, 19724]) };
    const m = cohortMatrix(long); // 1,501 monthly cohorts, 2.3 million cells: computed
    expect(m.customers).toBe(2);
    expect(m.cohorts[0]!.cohort).toBe("1900-01"); // a cohort before 1970 (negative period index) is a cohort like any other
  });
});
