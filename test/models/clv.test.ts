// Customer lifetime value (BG/NBD + Gamma-Gamma) against lifetimes' documented CDNOW values, by
// properties, and its parametric-bootstrap interval (parameter-draws.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bgNbdFromParams, fitBgNbd, simulateBgNbd } from "../../src/models/purchase/bg-nbd.js";
import { fitParetoNbd } from "../../src/models/purchase/pareto-nbd.js";
import { customerLifetimeValue, type CustomerLifetimeValueOptions } from "../../src/models/clv/clv.js";
import type { PurchaseParams } from "../../src/models/model-spec.js";
import { fitGammaGamma, gammaGammaFromParams } from "../../src/models/spend/gamma-gamma.js";
import { simulateGammaGamma } from "../../src/models/spend/gamma-gamma-simulate.js";
import { drawParameters } from "../../src/models/fitting/parameter-draws.js";
import { readCdnowSummary } from "../helpers/reference-summary.js";
import { HAS_SHARED_DATA } from "../helpers/shared-data.js";

describe.skipIf(!HAS_SHARED_DATA)("CLV on CDNOW (reference_values.md)", () => {
  const cdnow = readCdnowSummary();
  const bgnbd = fitBgNbd(cdnow, { timeUnit: "week" });
  const gg = fitGammaGamma({ frequency: cdnow.frequency, monetaryValue: cdnow.monetary });
  const customers = { frequency: cdnow.frequency, recency: cdnow.recency, T: cdnow.T, monetaryValue: cdnow.monetary };
  const base = { purchaseModel: bgnbd, spendModel: gg, customers, horizonPeriods: 12, periodLength: 30, discountRatePerPeriod: 0.01 };

  it("reproduces lifetimes' customer_lifetime_value(time=12, discount_rate=0.01, freq='D') for IDs 1..10 (Quickstart)", () => {
    const want = [140.096211, 18.943467, 38.180574, 38.180574, 38.180574, 1003.868107, 28.109683, 38.180574, 167.418216, 38.180574];
    const got = customerLifetimeValue(base);
    want.forEach((v, i) => expect(Math.abs(got.clv[i]! / v - 1)).toBeLessThan(1e-5));
    expect(got.horizon).toBe(360);
    expect(got.timeUnit).toBe("week");
    expect(got.margin).toBe(1);
    expect(got.interval).toBeNull();
    expect(got.expectedAverageSpend[0]).toBeCloseTo(24.6586, 4);
    expect(Object.isFrozen(got)).toBe(true);
  });

  it("a 90 % bootstrap interval (200 draws by default) contains every point estimate and is reproducible by seed", () => {
    const point = customerLifetimeValue(base);
    const a = customerLifetimeValue({ ...base, interval: { seed: 7 } });
    const { lower, upper } = a.interval!;
    expect(a.interval!.draws).toBe(200);
    expect(a.interval!.level).toBe(0.9);
    expect(a.clv).toEqual(point.clv);
    for (let i = 0; i < point.clv.length; i++) {
      expect(lower[i]!).toBeLessThanOrEqual(point.clv[i]!);
      expect(upper[i]!).toBeGreaterThanOrEqual(point.clv[i]!);
    }
    expect(lower[0]!).toBeGreaterThan(100);
    expect(upper[0]!).toBeLessThan(190);
    const again = customerLifetimeValue({ ...base, interval: { seed: 7, draws: 40 } });
    expect(customerLifetimeValue({ ...base, interval: { seed: 7, draws: 40 } }).interval).toEqual(again.interval);
    expect(customerLifetimeValue({ ...base, interval: { seed: 8, draws: 40 } }).interval!.lower).not.toEqual(again.interval!.lower);
    const wide = customerLifetimeValue({ ...base, interval: { seed: 7, draws: 40, level: 0.99 } }).interval!;
    expect(wide.upper[0]! - wide.lower[0]!).toBeGreaterThan(again.interval!.upper[0]! - again.interval!.lower[0]!);
  }, 30_000); // 360 bootstrap draws on 2,357 customers: seconds on a busy machine

  it("parameter draws follow the fit's log-scale covariance", () => {
    const draws = drawParameters(gg, 4000, 3);
    expect(draws).toHaveLength(4000);
    expect(Object.isFrozen(draws[0])).toBe(true);
    const names = gg.parameterNames;
    const logs = names.map((nm) => draws.map((d) => Math.log(d[nm]!)));
    const mean = logs.map((v) => v.reduce((s, x) => s + x, 0) / v.length);
    names.forEach((nm, i) => expect(mean[i]!).toBeCloseTo(Math.log(gg.params[nm]!), 1));
    const k = names.length;
    for (let i = 0; i < k; i++) {
      for (let j = 0; j < k; j++) {
        let c = 0;
        for (let d = 0; d < draws.length; d++) c += (logs[i]![d]! - mean[i]!) * (logs[j]![d]! - mean[j]!);
        c /= draws.length - 1;
        expect(Math.abs(c - gg.covarianceLog![i * k + j]!)).toBeLessThan(0.1 * Math.sqrt(gg.covarianceLog![i * k + i]! * gg.covarianceLog![j * k + j]!));
      }
    }
    expect(drawParameters(gg, 5, 3)).toEqual(draws.slice(0, 5));
  });
});

const paramsArb = fc.record({
  r: fc.double({ min: 0.1, max: 3, noNaN: true }),
  alpha: fc.double({ min: 1, max: 30, noNaN: true }),
  a: fc.double({ min: 0.2, max: 3, noNaN: true }).filter((v) => Math.abs(v - 1) > 0.05),
  b: fc.double({ min: 0.5, max: 8, noNaN: true }),
  p: fc.double({ min: 1, max: 10, noNaN: true }),
  q: fc.double({ min: 1.5, max: 10, noNaN: true }),
  gamma: fc.double({ min: 1, max: 50, noNaN: true }),
});
const customerArb = fc
  .record({ x: fc.integer({ min: 0, max: 20 }), T: fc.double({ min: 1, max: 80, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }), z: fc.double({ min: 1, max: 200, noNaN: true }) })
  .map(({ x, T, share, z }) => ({ frequency: [x], recency: [x === 0 ? 0 : share * T], T: [T], monetaryValue: [x === 0 ? 0 : z] }));

describe("CLV properties", () => {
  it("CLV >= 0, grows with the horizon, falls with the discount rate and is linear in the margin", () => {
    fc.assert(
      fc.property(paramsArb, customerArb, fc.integer({ min: 1, max: 24 }), fc.double({ min: 0.001, max: 0.2, noNaN: true }), (p, customers, H, d) => {
        const purchaseModel = bgNbdFromParams({ r: p.r, alpha: p.alpha, a: p.a, b: p.b });
        const spendModel = gammaGammaFromParams({ p: p.p, q: p.q, gamma: p.gamma });
        const clv = (o: { H?: number; d?: number; margin?: number }) =>
          customerLifetimeValue({ purchaseModel, spendModel, customers, horizonPeriods: o.H ?? H, periodLength: 4, discountRatePerPeriod: o.d ?? d, margin: o.margin }).clv[0]!;
        const v = clv({});
        expect(v).toBeGreaterThanOrEqual(0);
        expect(clv({ H: H + 1 })).toBeGreaterThanOrEqual(v * (1 - 1e-12));
        expect(clv({ d: d * 2 })).toBeLessThanOrEqual(v * (1 + 1e-12));
        expect(clv({ margin: 0.3 })).toBeCloseTo(0.3 * v, 9);
      }),
      { numRuns: 80, seed: 5 },
    );
  });

  it("a change of time unit changes no CLV when the period length is stated in the model's unit", () => {
    const weeks = bgNbdFromParams({ r: 0.25, alpha: 4.4, a: 0.8, b: 2.4 }, "week");
    const days = bgNbdFromParams({ r: 0.25, alpha: 4.4 * 7, a: 0.8, b: 2.4 }, "day");
    const gg = gammaGammaFromParams({ p: 6, q: 4, gamma: 15 });
    const c = { frequency: [0, 3, 7], recency: [0, 12, 30], T: [20, 25, 35], monetaryValue: [0, 40, 25] };
    const cDays = { ...c, recency: c.recency.map((v) => v * 7), T: c.T.map((v) => v * 7) };
    const w = customerLifetimeValue({ purchaseModel: weeks, spendModel: gg, customers: c, horizonPeriods: 12, periodLength: 52 / 12, discountRatePerPeriod: 0.01 });
    const d = customerLifetimeValue({ purchaseModel: days, spendModel: gg, customers: cDays, horizonPeriods: 12, periodLength: 364 / 12, discountRatePerPeriod: 0.01 });
    w.clv.forEach((v, i) => expect(d.clv[i]).toBeCloseTo(v, 8));
    expect(w.horizon).toBeCloseTo(52, 12);
  });

  it("identical customers get identical values (patterns are evaluated once)", () => {
    const m = bgNbdFromParams({ r: 0.25, alpha: 4.4, a: 0.8, b: 2.4 });
    const gg = gammaGammaFromParams({ p: 6, q: 4, gamma: 15 });
    const c = { frequency: [2, 0, 2, 2], recency: [10, 0, 10, 10], T: [30, 30, 30, 30], monetaryValue: [20, 0, 20, 50] };
    const r = customerLifetimeValue({ purchaseModel: m, spendModel: gg, customers: c, horizonPeriods: 6, periodLength: 4, discountRatePerPeriod: 0.02 });
    expect(r.clv[0]).toBe(r.clv[2]);
    expect(r.clv[3]! / r.clv[0]!).toBeCloseTo(r.expectedAverageSpend[3]! / r.expectedAverageSpend[0]!, 12);
    expect(r.expectedPurchases[0]).toBeCloseTo(m.conditionalExpectedPurchases({ frequency: [2], recency: [10], T: [30] }, 24)[0]!, 12);
  });
});

describe("CLV on simulated fits", () => {
  const sim = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, 1500, 40, 21);
  const spend = simulateGammaGamma({ p: 6, q: 4, gamma: 15 }, sim.frequency, 22);
  const customers = { ...sim, monetaryValue: spend.monetaryValue };
  const purchaseModel = fitBgNbd(sim);
  const spendModel = fitGammaGamma(spend);
  const base = { purchaseModel, spendModel, customers, horizonPeriods: 12, periodLength: 4, discountRatePerPeriod: 0.01 };

  it("95 % intervals contain the point estimate and are seeded", () => {
    const a = customerLifetimeValue({ ...base, interval: { seed: 1, draws: 100, level: 0.95 } });
    a.clv.forEach((v, i) => {
      expect(a.interval!.lower[i]!).toBeLessThanOrEqual(v);
      expect(a.interval!.upper[i]!).toBeGreaterThanOrEqual(v);
    });
    expect(customerLifetimeValue({ ...base, interval: { seed: 1, draws: 100, level: 0.95 } }).interval).toEqual(a.interval);
  });

  it("rejects bad options and an interval on models without covariance", () => {
    const given = bgNbdFromParams({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 });
    expect(() => customerLifetimeValue({ ...base, purchaseModel: given, interval: { seed: 1 } })).toThrow(
      "customerLifetimeValue: an interval needs fitted models, but the bg-nbd model has no parameter covariance (built from known parameters); fit it to data, or drop `interval`",
    );
    expect(() => drawParameters(given, 10, 1)).toThrow("drawParameters: the bg-nbd model has no parameter covariance");
    expect(() => drawParameters(purchaseModel, 0, 1)).toThrow("drawParameters: draws 0 must be a whole number >= 1");
    expect(() => customerLifetimeValue({ ...base, horizonPeriods: 0 })).toThrow("customerLifetimeValue: horizonPeriods 0 must be a whole number >= 1");
    expect(() => customerLifetimeValue({ ...base, periodLength: -1 })).toThrow("customerLifetimeValue: periodLength -1 must be a positive number");
    expect(() => customerLifetimeValue({ ...base, discountRatePerPeriod: -1 })).toThrow("customerLifetimeValue: discountRatePerPeriod -1 must be a number > -1");
    expect(() => customerLifetimeValue({ ...base, margin: -0.1 })).toThrow("customerLifetimeValue: margin -0.1 must be a finite number >= 0");
    expect(() => customerLifetimeValue({ ...base, interval: { seed: 1, level: 1 } })).toThrow("customerLifetimeValue: interval level 1 must be between 0 and 1");
    expect(() => customerLifetimeValue({ ...base, customers: { ...customers, monetaryValue: [1] } })).toThrow("customerLifetimeValue: 1 monetary values for 1500 customers");
    expect(() => customerLifetimeValue({ ...base, customers: { frequency: [1], recency: [5], T: [4], monetaryValue: [1] } })).toThrow("customerLifetimeValue: recency 5 of row 0 must be between 0 and T 4");
  });

  it("gives the bounds of chosen customers (ofRows) bit for bit as the bounds of all, on and off the day grid", () => {
    // on the grid: ages and recencies in whole days, in weeks (as a summary makes them)
    const days = Float64Array.from(sim.T, (_, i) => 30 + ((i * 37) % 700));
    const onGrid = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, 1500, Float64Array.from(days, (d) => d / 7), 23);
    const grid = { frequency: onGrid.frequency, recency: Float64Array.from(onGrid.recency, (w) => Math.floor(w * 7 + 1e-9) / 7), T: Float64Array.from(days, (d) => d / 7) };
    const gridSpend = simulateGammaGamma({ p: 6, q: 4, gamma: 15 }, grid.frequency, 24);
    const cases: CustomerLifetimeValueOptions<PurchaseParams>[] = [
      { ...base },
      { ...base, purchaseModel: fitBgNbd(grid, { timeUnit: "week" }), customers: { ...grid, monetaryValue: gridSpend.monetaryValue } },
      { ...base, purchaseModel: fitParetoNbd(grid, { timeUnit: "week" }), customers: { ...grid, monetaryValue: gridSpend.monetaryValue } },
    ];
    const rows = [5, 0, 1499, 5, 733, 12];
    for (const c of cases) {
      const v = customerLifetimeValue({ ...c, interval: { seed: 3, draws: 30 } });
      const some = v.interval!.ofRows(rows);
      const { lower, upper } = v.interval!;
      rows.forEach((i, j) => {
        expect(Object.is(some.lower[j], lower[i])).toBe(true);
        expect(Object.is(some.upper[j], upper[i])).toBe(true);
      });
      expect(() => v.interval!.ofRows([1500])).toThrow(/not a customer index/);
    }
  }, 60_000);
});
