// MBG/NBD (Batislam, Denizel & Filiztekin 2007) against the BTYDplus/lifetimes CDNOW values, by
// properties, and by recovering known parameters from simulated data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fitMbgNbd, mbgNbdFromJson, mbgNbdFromParams, mbgNbdLogLikelihood, simulateMbgNbd } from "../../src/models/purchase/mbg-nbd.js";
import { hyp2f1 } from "../../src/math/special/hyp2f1.js";
import { ConvergenceError } from "../../src/models/fitting/convergence-error.js";
import { readCdnowSummary } from "../helpers/reference-summary.js";
import { HAS_SHARED_DATA } from "../helpers/shared-data.js";
import { historyArb as historyArbOf, betaGeometricParamsArb } from "../helpers/model-arbitraries.js";
import { itMatchesDirectFormula } from "../helpers/fast-path-check.js";

const PEER = { r: 0.524838, alpha: 6.182988, a: 0.891356, b: 1.614 };

describe.skipIf(!HAS_SHARED_DATA)("MBG/NBD on CDNOW (reference_values.md)", () => {
  const cdnow = readCdnowSummary();
  const model = fitMbgNbd(cdnow, { timeUnit: "week" });

  it("reproduces the BTYDplus parameters (lifetimes test_params_out_is_close_to_BTYDplus) and the peer LL", () => {
    expect(model.params.r).toBeCloseTo(0.525, 3);
    expect(model.params.alpha).toBeCloseTo(6.183, 3);
    expect(model.params.a).toBeCloseTo(0.891, 3);
    expect(model.params.b).toBeCloseTo(1.614, 3);
    for (const k of ["r", "alpha", "a", "b"] as const) expect(Math.abs(model.params[k] / PEER[k] - 1)).toBeLessThan(1e-4);
    expect(model.logLikelihood).toBeCloseTo(-9582.1327, 3);
    expect(model.nCustomers).toBe(2357);
    expect(model.converged).toBe(true);
    expect(model.timeUnit).toBe("week");
    expect(model.model).toBe("mbg-nbd");
  });

  it("gives standard errors and positive 95 % intervals around the estimates", () => {
    for (const row of model.summary()) {
      expect(row.standardError).toBeGreaterThan(0);
      expect(row.lower95).toBeLessThan(row.estimate);
      expect(row.upper95).toBeGreaterThan(row.estimate);
      expect(row.lower95).toBeGreaterThan(0);
    }
  });

  it("LL at the lifetimes estimates is -9582.1327 (peer formulas)", () => {
    const ones = new Float64Array(cdnow.frequency.length).fill(1);
    const { r, alpha, a, b } = PEER;
    expect(mbgNbdLogLikelihood(r, alpha, a, b, cdnow.frequency, cdnow.recency, cdnow.T, ones)).toBeCloseTo(-9582.1327, 3);
  });

  it("E[Y(39)] of customer 1 (x 2, t_x 30.43, T 38.86) is 1.2627 (peer 1.262671)", () => {
    const c = { frequency: [2], recency: [30.43], T: [38.86] };
    expect(model.conditionalExpectedPurchases(c, 39)[0]).toBeCloseTo(1.2627, 3);
    expect(mbgNbdFromParams(PEER).conditionalExpectedPurchases(c, 39)[0]).toBeCloseTo(1.262671, 5);
  });

  it("E[X(t)] equals the mean of P(X(t) = n), and the pmf sums to 1", () => {
    for (const t of [1, 39, 78]) {
      let total = 0, mean = 0;
      for (let n = 0; n < 600; n++) {
        const p = model.probabilityOfPurchases(n, t);
        total += p;
        mean += n * p;
      }
      expect(total).toBeCloseTo(1, 8);
      expect(mean).toBeCloseTo(model.expectedPurchases(t), 6);
    }
  });
});

const paramsArb = betaGeometricParamsArb;
const historyArb = historyArbOf(30);

describe("MBG/NBD properties", () => {
  it("P(alive) is in (0, 1] and below 1 when x = 0; E[Y] is >= 0 and grows with t", () => {
    fc.assert(
      fc.property(paramsArb, historyArb, (p, h) => {
        const m = mbgNbdFromParams(p);
        const c = { frequency: [h.x], recency: [h.tx], T: [h.T] };
        const alive = m.probabilityAlive(c)[0]!;
        expect(alive).toBeGreaterThan(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (h.x === 0) expect(alive).toBeLessThan(1);
        const e1 = m.conditionalExpectedPurchases(c, 5)[0]!, e2 = m.conditionalExpectedPurchases(c, 10)[0]!;
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1 - 1e-9);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it("P(alive | x = 0) is 1 / (1 + a/b · ((α+T)/α)^r), below 1 (BDF 2007 App. A)", () => {
    const m = mbgNbdFromParams({ r: 0.5, alpha: 6, a: 0.9, b: 1.6 });
    expect(m.probabilityAlive({ frequency: [0], recency: [0], T: [39] })[0]).toBeCloseTo(1 / (1 + (0.9 / 1.6) * Math.pow(45 / 6, 0.5)), 12);
  });

  it("E[X(t)] is 0 at t = 0 and non-decreasing; P(X(t) = n) sums to 1", () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const m = mbgNbdFromParams(p);
        expect(m.expectedPurchases(0)).toBe(0);
        let prev = 0;
        for (const t of [0.5, 1, 5, 20, 50]) {
          const e = m.expectedPurchases(t);
          expect(e).toBeGreaterThanOrEqual(prev - 1e-9);
          prev = e;
        }
        let total = 0;
        for (let n = 0; n < 400; n++) total += m.probabilityOfPurchases(n, 5);
        expect(total).toBeCloseTo(1, 4);
      }),
      { numRuns: 60, seed: 2 },
    );
  });

  it("the analytic gradient matches central differences", () => {
    const sim = simulateMbgNbd({ r: 0.5, alpha: 6, a: 0.9, b: 1.6 }, 300, 39, 5);
    const w = new Float64Array(300).fill(1);
    const lp = [Math.log(0.7), Math.log(4), Math.log(1.3), Math.log(2.2)];
    const ll = (v: number[], g?: Float64Array): number =>
      mbgNbdLogLikelihood(Math.exp(v[0]!), Math.exp(v[1]!), Math.exp(v[2]!), Math.exp(v[3]!), sim.frequency, sim.recency, sim.T, w, g);
    const g = new Float64Array(4);
    ll(lp, g);
    lp.forEach((_, i) => {
      const up = [...lp], down = [...lp];
      up[i] = up[i]! + 1e-6;
      down[i] = down[i]! - 1e-6;
      expect(g[i]).toBeCloseTo((ll(up) - ll(down)) / 2e-6, 4);
    });
  });

  it("weighted rows fit exactly like repeated rows, and a change of time unit changes no prediction", () => {
    const sim = simulateMbgNbd({ r: 0.5, alpha: 6, a: 0.9, b: 1.6 }, 400, 30, 9);
    const weights = Float64Array.from(sim.frequency, (_, i) => 1 + (i % 3));
    const rep = { frequency: [] as number[], recency: [] as number[], T: [] as number[] };
    sim.frequency.forEach((x, i) => {
      for (let k = 0; k < weights[i]!; k++) { rep.frequency.push(x); rep.recency.push(sim.recency[i]!); rep.T.push(sim.T[i]!); }
    });
    const a = fitMbgNbd(sim, { weights }), b = fitMbgNbd(rep);
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 6);
    for (const k of ["r", "alpha", "a", "b"] as const) expect(a.params[k]).toBeCloseTo(b.params[k], 4);
    const weekModel = fitMbgNbd(sim);
    const days = fitMbgNbd({ frequency: sim.frequency, recency: sim.recency.map((v) => v * 7), T: sim.T.map((v) => v * 7) });
    expect(days.params.alpha / 7).toBeCloseTo(weekModel.params.alpha, 4);
    expect(days.params.r).toBeCloseTo(weekModel.params.r, 5);
    const c = { frequency: [3, 0], recency: [20, 0], T: [30, 30] };
    const cDays = { frequency: [3, 0], recency: [140, 0], T: [210, 210] };
    const eW = weekModel.conditionalExpectedPurchases(c, 10), eD = days.conditionalExpectedPurchases(cDays, 70);
    const aW = weekModel.probabilityAlive(c), aD = days.probabilityAlive(cDays);
    for (let i = 0; i < 2; i++) {
      expect(eD[i]).toBeCloseTo(eW[i]!, 4);
      expect(aD[i]).toBeCloseTo(aW[i]!, 5);
    }
    expect(days.expectedPurchases(70)).toBeCloseTo(weekModel.expectedPurchases(10), 4);
    expect(days.probabilityOfPurchases(2, 70)).toBeCloseTo(weekModel.probabilityOfPurchases(2, 10), 5);
  });
});

describe("MBG/NBD recovers simulated parameters", () => {
  // Seed 2026 (as in the BG/NBD test) draws a and b low together (z -2.5 and -2.1; b is 16 % off,
  // its SE is 9 % of b): seeds 1-5 all land within 1.3 SE. The tolerance is 3 SE and 20 %.
  it("from 20,000 simulated customers, each parameter within 20 % of the truth and inside 3 SE", () => {
    const truth = { r: 0.6, alpha: 8, a: 0.8, b: 3 };
    const sim = simulateMbgNbd(truth, 20000, Float64Array.from({ length: 20000 }, (_, i) => 52 + (i % 52)), 2026);
    const m = fitMbgNbd(sim);
    for (const k of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(m.params[k] / truth[k] - 1)).toBeLessThan(0.2);
      expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(3 * m.standardErrors![k]);
    }
  });

  it("the simulator drops a share a/(a+b) out at time 0: zero-repeat share matches P(X(T) = 0)", () => {
    const p = { r: 0.5, alpha: 6, a: 0.9, b: 1.6 };
    const sim = simulateMbgNbd(p, 20000, 39, 7);
    const zeros = sim.frequency.reduce((s, x) => s + (x === 0 ? 1 : 0), 0) / 20000;
    expect(Math.abs(zeros - mbgNbdFromParams(p).probabilityOfPurchases(0, 39))).toBeLessThan(0.01);
  });
});

describe("MBG/NBD bookkeeping", () => {
  it("round trips through JSON and refuses another model's JSON", () => {
    const m = mbgNbdFromParams({ r: 0.3, alpha: 5, a: 0.9, b: 2 }, "week");
    const back = mbgNbdFromJson(JSON.parse(JSON.stringify(m)));
    expect(back.params).toEqual(m.params);
    expect(back.timeUnit).toBe("week");
    expect(back.expectedPurchases(10)).toBe(m.expectedPurchases(10));
    expect(Object.isFrozen(back)).toBe(true);
    expect(() => mbgNbdFromJson({ ...m.toJSON(), model: "bg-nbd" })).toThrow('mbg-nbd fromJSON: expected a "mbg-nbd" model, got "bg-nbd"');
  });

  it("rejects bad parameters, histories and arguments with the offending value", () => {
    expect(() => mbgNbdFromParams({ r: 0.3, alpha: -1, a: 0.9, b: 2 })).toThrow("mbgNbdFromParams: alpha -1 must be a positive number");
    expect(() => fitMbgNbd({ frequency: [1, 2], recency: [5, 50], T: [10, 40] })).toThrow("fitMbgNbd: recency 50 of row 1 must be between 0 and T 40");
    expect(() => fitMbgNbd({ frequency: [1.5], recency: [5], T: [10] })).toThrow("fitMbgNbd: frequency 1.5 of row 0 is not a whole number >= 0");
    const m = mbgNbdFromParams({ r: 0.3, alpha: 5, a: 0.9, b: 2 });
    expect(() => m.expectedPurchases(-1)).toThrow("mbg-nbd expectedPurchases: t -1 must be >= 0");
    expect(() => m.probabilityOfPurchases(1.5, 3)).toThrow("mbg-nbd probabilityOfPurchases: n 1.5 must be a whole number >= 0");
    expect(() => m.probabilityAlive({ frequency: [0], recency: [2], T: [5] })).toThrow("mbg-nbd probabilityAlive: recency 2 of row 0 must be 0 when frequency is 0");
    expect(() => simulateMbgNbd({ r: 0.3, alpha: 5, a: 0.9, b: 2 }, 3, [10, 20], 1)).toThrow("simulateMbgNbd: 2 values of T for 3 customers");
  });

  it("throws ConvergenceError instead of NaN on data without repeat purchases", () => {
    const none = { frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] };
    expect(() => fitMbgNbd(none)).toThrow(ConvergenceError);
    expect(() => fitMbgNbd(none)).toThrow(/^mbg-nbd: the fit did not converge/);
  });

  it("simulates the same histories for the same seed, and withParams keeps the time unit", () => {
    const p = { r: 0.3, alpha: 5, a: 0.9, b: 2 };
    expect(simulateMbgNbd(p, 50, 30, 4)).toEqual(simulateMbgNbd(p, 50, 30, 4));
    expect(mbgNbdFromParams(p, "day").withParams({ ...p, r: 1 }).timeUnit).toBe("day");
  });
});

describe("MBG/NBD fast predictions (per-x Chebyshev interpolants) equal the direct formulas", () => {
  // BDF 2007 App. A (with the Wagner & Hoppe 2008 erratum) evaluated term by term for every customer, as the model did before.
  const direct = (p: { r: number; alpha: number; a: number; b: number }, x: number, tx: number, T: number, t: number) => {
    const { r, alpha, a, b } = p;
    const head = ((a + b + x) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + T + t)));
    const odds = (a / (b + x)) * Math.pow((alpha + T) / (alpha + tx), r + x);
    return { expected: head / (1 + odds), alive: 1 / (1 + odds) };
  };
  itMatchesDirectFormula(mbgNbdFromParams, simulateMbgNbd, direct, PEER);
});
