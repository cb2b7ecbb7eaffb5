// The fast prediction paths (issue 11): terms shared by customers with the same (x, whole days)
// computed once, P(alive) and E[Y] in one pass, the discounted sum of the CLV in one pass, and
// BG/BB once per pattern. Each is checked against the plain per-customer formula of the paper,
// written out here, on random customers from a seeded generator (fast-check, fixed seeds).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hyp2f1 } from "../../src/math/special/hyp2f1.js";
import { logAddExp } from "../../src/math/special/special-functions.js";
import { createRng } from "../../src/math/random/rng.js";
import { bgNbdFromParams, type BgNbdParams } from "../../src/models/purchase/bg-nbd.js";
import { mbgNbdFromParams, type MbgNbdParams } from "../../src/models/purchase/mbg-nbd.js";
import { paretoNbdFromParams, type ParetoNbdParams } from "../../src/models/purchase/pareto-nbd.js";
import { paretoNbdLogA0 } from "../../src/models/purchase/pareto-nbd-log-likelihood.js";
import { bgBbFromParams } from "../../src/models/retention/bg-bb.js";
import { bgBbLogLikelihood } from "../../src/models/retention/bg-bb-log-likelihood.js";
import { lnBeta } from "../../src/math/special/special-functions.js";
import { dayGrid } from "../../src/models/fitting/day-grid.js";
import type { CustomerHistory } from "../../src/models/fitting/model-types.js";
import type { TimeUnit } from "../../src/summary/types.js";

const DAYS: Record<TimeUnit, number> = { day: 1, week: 7, month: 365.25 / 12 };

/**
 * Seeded customers as a summary has them: T and t_x whole days divided by the unit's days; a
 * share `offGrid` of rows gets durations that are not whole days (a hand-made summary).
 */
function customers(seed: number, n: number, unit: TimeUnit, offGrid = 0.1): CustomerHistory {
  const rng = createRng(seed);
  const s = DAYS[unit];
  const x = new Float64Array(n), tx = new Float64Array(n), T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const off = rng.uniform() < offGrid;
    const days = Math.floor(rng.uniform() * 1100);
    T[i] = off ? (days + rng.uniform()) / s : days / s;
    // mostly small x, some heavy buyers (beyond the memo tables)
    const xi = days === 0 ? 0 : rng.uniform() < 0.5 ? 0 : rng.uniform() < 0.02 ? 100 + Math.floor(rng.uniform() * 300) : Math.floor(rng.uniform() * 12);
    x[i] = xi;
    tx[i] = xi === 0 ? 0 : off ? T[i]! * rng.uniform() : Math.floor(rng.uniform() * (days + 1)) / s;
  }
  return { frequency: x, recency: tx, T };
}

const rel = (a: number, b: number): number => (Object.is(a, b) ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));
function maxRel(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, rel(a[i]!, b[i]!));
  return m;
}

// The per-customer formulas of the papers, as the models computed them customer by customer
// before (the powers as exp(y ln q)).
function bgNbdReference(p: BgNbdParams, c: CustomerHistory, t: number) {
  const { r, alpha, a, b } = p;
  const n = c.frequency.length, alive = new Float64Array(n), expected = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = c.frequency[i]!, tx = c.recency[i]!, T = c.T[i]!;
    // FHL 2005 eq. 13 and 10
    const odds = x === 0 ? 0 : (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx)));
    const head = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
    alive[i] = 1 / (1 + odds);
    expected[i] = head / (1 + odds);
  }
  return { alive, expected };
}

function mbgNbdReference(p: MbgNbdParams, c: CustomerHistory, t: number) {
  const { r, alpha, a, b } = p;
  const n = c.frequency.length, alive = new Float64Array(n), expected = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = c.frequency[i]!, tx = c.recency[i]!, T = c.T[i]!;
    // BDF 2007 App. A with the Wagner & Hoppe 2008 erratum
    const odds = (a / (b + x)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx)));
    const head = ((a + b + x) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + T + t)));
    alive[i] = 1 / (1 + odds);
    expected[i] = head / (1 + odds);
  }
  return { alive, expected };
}

function paretoNbdReference(p: ParetoNbdParams, c: CustomerHistory, t: number) {
  const { r, alpha, s, beta } = p;
  const n = c.frequency.length, alive = new Float64Array(n), expected = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = c.frequency[i]!, tx = c.recency[i]!, T = c.T[i]!;
    // note 009 eq. 24 and 26
    const l1 = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T);
    const l2 = Math.log(s / (r + s + x)) + paretoNbdLogA0(r, alpha, s, beta, x, tx, T);
    alive[i] = Math.exp(l1 - logAddExp(l1, l2));
    expected[i] = (((r + x) * (beta + T)) / ((alpha + T) * (s - 1))) * (1 - Math.pow((beta + T) / (beta + T + t), s - 1)) * alive[i]!;
  }
  return { alive, expected };
}

const bgParams = fc.record({
  r: fc.double({ min: 0.05, max: 3, noNaN: true }),
  alpha: fc.double({ min: 0.5, max: 60, noNaN: true }),
  a: fc.double({ min: 1.05, max: 4, noNaN: true }), // a > 1: E[Y] finite
  b: fc.double({ min: 0.3, max: 8, noNaN: true }),
});
const units = fc.constantFrom<TimeUnit>("day", "week", "month");

describe("predictions by day equal the per-customer formulas", () => {
  it("BG/NBD: P(alive) and E[Y(t)] within 1e-12 relative; predict() equals the two calls bit for bit", () => {
    fc.assert(
      fc.property(bgParams, units, fc.integer({ min: 1, max: 1e6 }), fc.double({ min: 0.5, max: 200, noNaN: true }), (p, unit, seed, tWeeks) => {
        const c = customers(seed, 400, unit);
        const t = (tWeeks * 7) / DAYS[unit];
        const m = bgNbdFromParams(p, unit);
        const ref = bgNbdReference(p, c, t);
        const alive = m.probabilityAlive(c), expected = m.conditionalExpectedPurchases(c, t);
        expect(maxRel(alive, ref.alive)).toBeLessThan(1e-12);
        expect(maxRel(expected, ref.expected)).toBeLessThan(1e-12);
        const both = m.predict(c, t);
        expect(both.probabilityAlive).toEqual(alive);
        expect(both.expectedPurchases).toEqual(expected);
      }),
      { numRuns: 40, seed: 11 },
    );
  }, 60_000);

  it("MBG/NBD: P(alive) and E[Y(t)] within 1e-12 relative; predict() equals the two calls", () => {
    fc.assert(
      fc.property(bgParams, units, fc.integer({ min: 1, max: 1e6 }), (p, unit, seed) => {
        const c = customers(seed, 400, unit);
        const t = (52 * 7) / DAYS[unit];
        const m = mbgNbdFromParams(p, unit);
        const ref = mbgNbdReference(p, c, t);
        const both = m.predict(c, t);
        expect(maxRel(both.probabilityAlive, ref.alive)).toBeLessThan(1e-12);
        expect(maxRel(both.expectedPurchases, ref.expected)).toBeLessThan(1e-12);
        expect(m.probabilityAlive(c)).toEqual(both.probabilityAlive);
        expect(m.conditionalExpectedPurchases(c, t)).toEqual(both.expectedPurchases);
      }),
      { numRuns: 30, seed: 12 },
    );
  }, 60_000);

  it("Pareto/NBD: P(alive) and E[Y(t)] within 1e-12 relative of note 009 eq. 24 and 26", () => {
    const params = fc.record({
      r: fc.double({ min: 0.1, max: 3, noNaN: true }),
      alpha: fc.double({ min: 1, max: 60, noNaN: true }),
      s: fc.double({ min: 0.2, max: 3, noNaN: true }).filter((v) => Math.abs(v - 1) > 1e-3),
      beta: fc.double({ min: 1, max: 60, noNaN: true }),
    });
    fc.assert(
      fc.property(params, units, fc.integer({ min: 1, max: 1e6 }), (p, unit, seed) => {
        const c = customers(seed, 300, unit);
        const t = (39 * 7) / DAYS[unit];
        const m = paretoNbdFromParams(p, unit);
        const ref = paretoNbdReference(p, c, t);
        const both = m.predict(c, t);
        expect(maxRel(both.probabilityAlive, ref.alive)).toBeLessThan(1e-12);
        expect(maxRel(both.expectedPurchases, ref.expected)).toBeLessThan(1e-11); // the closed form's own rounding near s = 1
        expect(m.probabilityAlive(c)).toEqual(both.probabilityAlive);
        expect(m.conditionalExpectedPurchases(c, t)).toEqual(both.expectedPurchases);
      }),
      { numRuns: 25, seed: 13 },
    );
  }, 60_000);

  it("a model without a time unit finds the day grid itself, with the same predictions", () => {
    const c = customers(5, 2000, "week", 0);
    const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
    expect(bgNbdFromParams(p, null).predict(c, 39)).toEqual(bgNbdFromParams(p, "week").predict(c, 39));
  });

  it("discountedExpectedPurchases equals H calls of conditionalExpectedPurchases, discounted period by period", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 1, max: 24 }), fc.double({ min: -0.05, max: 0.1, noNaN: true }), (seed, H, d) => {
        const c = customers(seed, 300, "week");
        const L = 365.25 / 12 / 7;
        for (const m of [
          bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 1.793, b: 2.426 }, "week"),
          mbgNbdFromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, "week"),
          paretoNbdFromParams({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, "week"),
        ]) {
          const discounted = new Float64Array(c.frequency.length);
          let previous: Float64Array = new Float64Array(c.frequency.length);
          for (let i = 1; i <= H; i++) {
            const cumulative = m.conditionalExpectedPurchases(c, i * L);
            for (let k = 0; k < discounted.length; k++) discounted[k] = discounted[k]! + (cumulative[k]! - previous[k]!) * Math.pow(1 + d, -i);
            previous = cumulative;
          }
          const fast = m.discountedExpectedPurchases(c, H, L, d);
          expect(maxRel(fast.discounted, discounted)).toBeLessThan(1e-11);
          expect(maxRel(fast.total, previous)).toBeLessThan(1e-11);
        }
      }),
      { numRuns: 8, seed: 14 },
    );
  }, 60_000);

  it("BG/BB once per (x, t_x, n) pattern equals customer by customer (FHS 2010 eq. 11, 13)", () => {
    const p = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
    const m = bgBbFromParams(p);
    const rng = createRng(3);
    const n = 500, periods = Float64Array.from({ length: n }, () => 6);
    const x = new Float64Array(n), tx = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = Math.floor(rng.uniform() * 7);
      tx[i] = x[i] === 0 ? 0 : x[i]! + Math.floor(rng.uniform() * (7 - x[i]!));
    }
    const alive = m.probabilityAlive({ frequency: x, recency: tx, periods });
    for (let i = 0; i < n; i++) {
      const lnL = bgBbLogLikelihood(p.alpha, p.beta, p.gamma, p.delta, [x[i]!], [tx[i]!], [6], [1]);
      const direct = Math.exp(lnBeta(p.alpha + x[i]!, p.beta + 6 - x[i]!) - lnBeta(p.alpha, p.beta) + lnBeta(p.gamma, p.delta + 7) - lnBeta(p.gamma, p.delta) - lnL);
      expect(alive[i]).toBe(direct);
    }
  });
});

describe("dayGrid", () => {
  it("keys whole days exactly and nothing else", () => {
    const g = dayGrid({ frequency: [0, 1, 2], recency: [0, 1 / 7, 3 / 7], T: [2 / 7, 3 / 7, 10 / 7] }, "week")!;
    expect(g.scale).toBe(7);
    expect(g.key(1, 3 / 7)).toBeGreaterThanOrEqual(0);
    expect(g.key(1, 3 / 7)).not.toBe(g.key(2, 3 / 7));
    expect(g.key(1, 3.5 / 7)).toBe(-1);
    expect(g.dayKey(10 / 7)).toBe(10);
    expect(g.dayKey(0.1)).toBe(-1);
    expect(dayGrid({ frequency: [0], recency: [0], T: [38.86] }, "week")).toBeNull();
  });
});

describe("the CLV interval on unique patterns", () => {
  it("equals the plain bootstrap (every customer, every period, every draw; sorted percentiles) within 1e-12 relative", async () => {
    const { customerLifetimeValue } = await import("../../src/models/clv/clv.js");
    const { quantileSorted, percentileInterval } = await import("../../src/models/clv/clv-kernel.js");
    const { fitBgNbd, simulateBgNbd } = await import("../../src/models/purchase/bg-nbd.js");
    const { fitGammaGamma } = await import("../../src/models/spend/gamma-gamma.js");
    const { simulateGammaGamma } = await import("../../src/models/spend/gamma-gamma-simulate.js");
    const { drawParameters } = await import("../../src/models/fitting/parameter-draws.js");
    const n = 1500, days = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 1096);
    const sim = simulateBgNbd({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, n, Float64Array.from(days, (d) => d / 7), 5);
    const history = { frequency: sim.frequency, recency: Float64Array.from(sim.recency, (w) => Math.floor(w * 7 + 1e-9) / 7), T: Float64Array.from(days, (d) => d / 7) };
    const mv = Float64Array.from(simulateGammaGamma({ p: 6.25, q: 3.74, gamma: 15.44 }, history.frequency, 6).monetaryValue, (v) => Math.round(v * 100) / 100);
    const pm = fitBgNbd(history, { timeUnit: "week" }), gg = fitGammaGamma({ frequency: history.frequency, monetaryValue: mv });
    const H = 12, L = 365.25 / 12 / 7, d = 0.008, draws = 40, level = 0.9;
    const fast = customerLifetimeValue({ purchaseModel: pm, spendModel: gg, customers: { ...history, monetaryValue: mv }, horizonPeriods: H, periodLength: L, discountRatePerPeriod: d, interval: { draws, seed: 3, level } });
    // the plain method: each draw's models, each period's E[Y] for each customer
    const pd = drawParameters(pm, draws, 3), sd = drawParameters(gg, draws, 4);
    const byDraw = Array.from({ length: draws }, (_, k) => {
      const m = pm.withParams(pd[k]!), s = gg.withParams(sd[k]!);
      const spend = s.conditionalExpectedAverageSpend({ frequency: history.frequency, monetaryValue: mv });
      const disc = new Float64Array(n);
      let prev: Float64Array = new Float64Array(n);
      for (let i = 1; i <= H; i++) {
        const cum = m.conditionalExpectedPurchases(history, i * L);
        for (let j = 0; j < n; j++) disc[j] = disc[j]! + (cum[j]! - prev[j]!) * Math.pow(1 + d, -i);
        prev = cum;
      }
      return Float64Array.from(disc, (v, j) => spend[j]! * v);
    });
    let worst = 0;
    for (let j = 0; j < n; j++) {
      const column = Float64Array.from(byDraw, (c) => c[j]!).sort();
      worst = Math.max(worst, rel(fast.interval!.lower[j]!, quantileSorted(column, 0.05)), rel(fast.interval!.upper[j]!, quantileSorted(column, 0.95)));
    }
    expect(worst).toBeLessThan(1e-12);
    // the selection gives the sorted quantiles exactly, ties included
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 120 }), fc.double({ min: 0.01, max: 0.99, noNaN: true }), (values, lv) => {
        const v = Float64Array.from(values), sorted = Float64Array.from(values).sort(), out = new Float64Array(2);
        percentileInterval(v, lv, out);
        expect(out[0]).toBe(quantileSorted(sorted, (1 - lv) / 2));
        expect(out[1]).toBe(quantileSorted(sorted, (1 + lv) / 2));
      }),
      { numRuns: 300, seed: 15 },
    );
  }, 120_000);
});

describe("BG/NBD and MBG/NBD predictions check the rows as they read them", () => {
  // 5,000 customers on whole days in weeks (the day grid) or in off-grid weeks (no grid), one bad row
  function rows(onGrid: boolean): { frequency: number[]; recency: number[]; T: number[] } {
    const rng = createRng(3);
    const frequency: number[] = [], recency: number[] = [], T: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const days = 1 + Math.floor(rng.uniform() * 700);
      const Ti = onGrid ? days / 7 : days / 7 + 1e-3;
      const x = Math.floor(rng.uniform() * 6);
      frequency.push(x);
      recency.push(x === 0 ? 0 : (onGrid ? Math.floor(rng.uniform() * days) / 7 : rng.uniform() * Ti));
      T.push(Ti);
    }
    return { frequency, recency, T };
  }
  const models = [
    bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, "week"),
    mbgNbdFromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, "week"),
  ];
  for (const onGrid of [true, false]) {
    it(`names the first bad row, ${onGrid ? "on" : "off"} the day grid`, () => {
      const good = rows(onGrid);
      expect(dayGrid(good, "week") === null).toBe(!onGrid);
      for (const m of models) {
        const p = m.predict(good, 52);
        expect(p.probabilityAlive.every((v) => v > 0 && v <= 1)).toBe(true);
        expect(p.expectedPurchases.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
        const late = { ...good, recency: good.recency.map((v, i) => (i === 3001 ? good.T[i]! + 1 : v)) };
        expect(() => m.predict(late, 52)).toThrow(`${m.model} predict: recency ${late.recency[3001]} of row 3001 must be between 0 and T ${good.T[3001]}`);
        expect(() => m.probabilityAlive(late)).toThrow(`of row 3001 must be between 0 and T`);
        const fractional = { ...good, frequency: good.frequency.map((v, i) => (i === 4999 ? 1.5 : v)) };
        expect(() => m.conditionalExpectedPurchases(fractional, 52)).toThrow(`${m.model} conditionalExpectedPurchases: frequency 1.5 of row 4999 is not a whole number >= 0`);
        // a row within the check's tolerance (t_x a hair above T) is not plain but valid: predicted, not refused
        const hair = { ...good, recency: good.recency.map((v, i) => (i === 10 ? good.T[i]! * (1 + 1e-13) : v)), frequency: good.frequency.map((v, i) => (i === 10 ? 2 : v)) };
        expect(m.predict(hair, 52).probabilityAlive[10]).toBeGreaterThan(0);
      }
    });
  }
});
