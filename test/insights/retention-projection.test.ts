// sBG on simulated cohorts (planted alpha, beta recovered) and the retention what-if's properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulateSbg } from "../../src/models/retention/sbg.js";
import type { CohortMatrix, CohortRow } from "../../src/insights/cohorts/cohort-types.js";
import { retentionProjection } from "../../src/insights/cohorts/retention-projection.js";
import { retentionWhatIf } from "../../src/insights/cohorts/retention-what-if.js";
import { survivalCurve } from "../../src/insights/cohorts/survival-curve.js";

/** A matrix of simulated cohorts of different ages: the survivors are the still-buying counts. */
function simulatedMatrix(alpha: number, beta: number, cohorts: number, size: number, seed: number): CohortMatrix {
  const rows: CohortRow[] = [];
  for (let c = 0; c < cohorts; c++) {
    const observed = cohorts - c + 1; // the oldest cohort is seen longest
    const s = [...simulateSbg({ alpha, beta }, size, observed - 1, seed + c)];
    rows.push({ cohort: `c${c}`, periodIndex: c, size, observedPeriods: observed, active: s, retention: s.map((x) => x / size), stillBuying: s, revenue: s.map(() => 0), revenuePerCustomer: s.map(() => 0), partial: null });
  }
  return { group: "all", customers: cohorts * size, cohorts: rows, period: "month", observationEnd: "2025-12-31", by: null, groups: [], totalRevenue: 0, customersWithoutPurchase: 0, linesAfterObservationEnd: 0 };
}

describe("retentionProjection on simulated cohorts", () => {
  it.each([
    { alpha: 0.704, beta: 1.182 }, // Fader & Hardie 2007, regular customers
    { alpha: 1.8, beta: 4.3 },
  ])("recovers alpha $alpha, beta $beta within 20 % (12 cohorts of 2,000, seeded)", ({ alpha, beta }) => {
    const m = simulatedMatrix(alpha, beta, 12, 2000, 7);
    const p = retentionProjection(survivalCurve(m, m, { lookaheadPeriods: 1, minCohorts: 1 }), { horizonPeriods: 36 });
    expect(Math.abs(p.params.alpha / alpha - 1)).toBeLessThan(0.2);
    expect(Math.abs(p.params.beta / beta - 1)).toBeLessThan(0.2);
    expect(p.meanAbsoluteError).toBeLessThan(0.02);
    expect(p.projection).toHaveLength(37);
    expect(p.projection[13]!.projected).toBe(true);
    expect(p.comparison[0]!.fittedSurvival).toBe(1);
    expect(JSON.parse(JSON.stringify(p)).params.alpha).toBeCloseTo(p.params.alpha, 12);
  });

  it("refuses a curve with only age 0", () => {
    const m = simulatedMatrix(1, 2, 1, 10, 1);
    const curve = { ...survivalCurve(m, m, { lookaheadPeriods: 1, minCohorts: 1 }), survival: [1], survivors: [10] };
    expect(() => retentionProjection(curve)).toThrow('retentionProjection: the survival curve of "all" has 1 age(s)');
  });
});

describe("retentionWhatIf", () => {
  const base = { params: { alpha: 1, beta: 3 }, marginFirstPeriod: 30, marginPerActivePeriod: 10, discountRatePerPeriod: 0.008, horizonPeriods: 60, periodsPerYear: 12 };

  it("by hand for one period after acquisition: r(1) = beta / (alpha + beta)", () => {
    const w = retentionWhatIf({ ...base, horizonPeriods: 2, steps: [0, 10] });
    const r1 = 3 / 4;
    expect(w.baseProfitPerCustomer).toBeCloseTo(30 + (r1 * 10) / 1.008, 12);
    expect(w.rows[1]!.plusPoints.profitPerCustomer).toBeCloseTo(30 + (0.85 * 10) / 1.008, 12);
    expect(w.rows[1]!.churnCut.profitPerCustomer).toBeCloseTo(30 + ((1 - 0.25 * 0.9) * 10) / 1.008, 12);
  });

  it("is worth nothing at x = 0 and more with every step, in each reading", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 10, noNaN: true }), fc.double({ min: 0.1, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: 0.01, max: 100, noNaN: true }),
        fc.integer({ min: 2, max: 80 }), fc.constantFrom(4, 12),
        (alpha, beta, m0, m, h, perYear) => {
          const w = retentionWhatIf({ params: { alpha, beta }, marginFirstPeriod: m0, marginPerActivePeriod: m, discountRatePerPeriod: 0.01, horizonPeriods: h, periodsPerYear: perYear, steps: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
          for (const key of ["plusYearlyPoints", "plusPoints", "churnCut"] as const) {
            expect(w.rows[0]![key].gainPerCustomer).toBeCloseTo(0, 9);
            for (let i = 1; i < w.rows.length; i++) {
              expect(w.rows[i]![key].gainPerCustomer).toBeGreaterThanOrEqual(w.rows[i - 1]![key].gainPerCustomer - 1e-9);
            }
          }
          expect(w.rows[10]!.churnCut.gainPerCustomer).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200, seed: 7 },
    );
  });

  it("checks its input", () => {
    expect(() => retentionWhatIf({ ...base, params: { alpha: 0, beta: 1 } })).toThrow("retentionWhatIf: alpha 0 must be a positive number");
    expect(() => retentionWhatIf({ ...base, steps: [120] })).toThrow("retentionWhatIf: step 120 must be a percentage from 0 to 100");
    expect(() => retentionWhatIf({ ...base, horizonPeriods: 0 })).toThrow("retentionWhatIf: horizonPeriods 0 must be a whole number >= 1");
  });
});

describe("retentionProjection at the boundary (nobody buys again)", () => {
  it("reports retention 0 with the reason instead of a fit", () => {
    const rows: CohortRow[] = [0, 1, 2].map((c) => ({ cohort: `c${c}`, periodIndex: c, size: 100, observedPeriods: 4 - c, active: [100, 0, 0, 0].slice(0, 4 - c), retention: [1, 0, 0, 0].slice(0, 4 - c), stillBuying: [100, 0, 0, 0].slice(0, 4 - c), revenue: [0, 0, 0, 0].slice(0, 4 - c), revenuePerCustomer: [0, 0, 0, 0].slice(0, 4 - c), partial: null }));
    const m: CohortMatrix = { group: "all", customers: 300, cohorts: rows, period: "month", observationEnd: "2025-12-31", by: null, groups: [], totalRevenue: 0, customersWithoutPurchase: 0, linesAfterObservationEnd: 0 };
    const p = retentionProjection(survivalCurve(m, m, { lookaheadPeriods: 1, minCohorts: 1 }), { horizonPeriods: 12 });
    expect(p.boundary).toMatch(/retention is 0.*boundary \(beta → 0/);
    expect(p.params.beta).toBe(0);
    expect(p.meanChurnProbability).toBe(1);
    expect(p.projection.slice(1).every((r) => r.survival === 0 && r.retention === 0)).toBe(true);
    expect(p.expectedPeriodsWithinHorizon).toBe(1);
    expect(p.meanAbsoluteError).toBe(0);
  });

  it("is absent from an ordinary fit", () => {
    const m = simulatedMatrix(0.704, 1.182, 6, 500, 3);
    expect(retentionProjection(survivalCurve(m, m, { lookaheadPeriods: 1, minCohorts: 1 })).boundary).toBeUndefined();
  });
});
