// BG/NBD (Fader, Hardie & Lee 2005) against the published CDNOW values, by properties, and by
// recovering known parameters from simulated data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bgNbdFromJson, bgNbdFromParams, bgNbdLogLikelihood, fitBgNbd, simulateBgNbd } from "../../src/models/purchase/bg-nbd.js";
import { hyp2f1 } from "../../src/math/special/hyp2f1.js";
import { ConvergenceError } from "../../src/models/fitting/convergence-error.js";
import { readCdnowSummary } from "../helpers/reference-summary.js";
import { HAS_SHARED_DATA } from "../helpers/shared-data.js";
import { historyArb as historyArbOf, betaGeometricParamsArb } from "../helpers/model-arbitraries.js";
import { itMatchesDirectFormula } from "../helpers/fast-path-check.js";

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

describe.skipIf(!HAS_SHARED_DATA)("BG/NBD on CDNOW (reference_values.md)", () => {
  const cdnow = readCdnowSummary();
  const model = fitBgNbd(cdnow, { timeUnit: "week" });

  it("reproduces the published parameters and log-likelihood (FHL 2005; CLVTools)", () => {
    expect(model.params.r).toBeCloseTo(0.243, 3);
    expect(model.params.alpha).toBeCloseTo(4.414, 2);
    expect(model.params.a).toBeCloseTo(0.793, 3);
    expect(model.params.b).toBeCloseTo(2.426, 2);
    expect(model.logLikelihood).toBeCloseTo(-9582.4, 1);
    expect(model.nCustomers).toBe(2357);
    expect(model.converged).toBe(true);
    expect(model.timeUnit).toBe("week");
  });

  it("gives standard errors and positive 95 % intervals around the estimates", () => {
    for (const row of model.summary()) {
      expect(row.standardError).toBeGreaterThan(0);
      expect(row.lower95).toBeLessThan(row.estimate);
      expect(row.upper95).toBeGreaterThan(row.estimate);
      expect(row.lower95).toBeGreaterThan(0);
    }
  });

  it("LL at the published rounded values is -9582.4268 (peer formulas)", () => {
    const ones = new Float64Array(cdnow.frequency.length).fill(1);
    const { r, alpha, a, b } = PUBLISHED;
    expect(bgNbdLogLikelihood(r, alpha, a, b, cdnow.frequency, cdnow.recency, cdnow.T, ones)).toBeCloseTo(-9582.4268, 3);
  });

  const m = bgNbdFromParams(PUBLISHED);
  it("conditional expectation of customer 1 is 1.226 (Hardie's spreadsheet)", () => {
    expect(m.conditionalExpectedPurchases({ frequency: [2], recency: [30.43], T: [38.86] }, 39)[0]).toBeCloseTo(1.226, 3);
  });

  it("unconditional E[X(t)] of the refit matches Hardie's spreadsheet to 3 decimals", () => {
    const t = [0.1429, 1, 3, 31.8571, 32, 78];
    const want = [0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576];
    t.forEach((ti, i) => expect(Math.abs(model.expectedPurchases(ti) - want[i]!)).toBeLessThan(5e-4));
  });

  it("P(X(t) = n) matches R BTYD", () => {
    expect(m.probabilityOfPurchases(10, 2)).toBeCloseTo(1.07869e-7, 11);
    expect(m.probabilityOfPurchases(0, 39)).toBeCloseTo(0.5737864, 6);
    const want = [0.0019995214, 0.0015170236, 0.001163315, 0.0009003148, 0.0007023638, 0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.000222226];
    want.forEach((v, k) => expect(m.probabilityOfPurchases(11 + k, 30)).toBeCloseTo(v, 9));
  });

  it("E[Y(1)] of the top customers matches lifetimes' docs with the refit", () => {
    const c = { frequency: [18, 19, 17, 29, 26], recency: [35.14, 34.0, 28.43, 37.71, 30.86], T: [35.86, 34.14, 28.86, 38.0, 31.0] };
    const want = [0.424877, 0.474738, 0.486526, 0.662396, 0.710623];
    const got = model.conditionalExpectedPurchases(c, 1);
    want.forEach((v, i) => expect(got[i]).toBeCloseTo(v, 4));
  });

  it("the 1,411 zero-repeat customers are expected to make 0.23 purchases each in 39 weeks (FHL 2005 §7)", () => {
    const zero = { frequency: [0], recency: [0], T: [0] };
    let sum = 0, n = 0;
    for (let i = 0; i < cdnow.frequency.length; i++) {
      if (cdnow.frequency[i] !== 0) continue;
      zero.T[0] = cdnow.T[i]!;
      sum += model.conditionalExpectedPurchases(zero, 39)[0]!;
      n++;
    }
    expect(n).toBe(1411);
    expect(sum / n).toBeCloseTo(0.2251, 3);
  });
});

const paramsArb = betaGeometricParamsArb;
const historyArb = historyArbOf(30);

describe("BG/NBD properties", () => {
  it("P(alive) is in [0, 1] and exactly 1 when x = 0; E[Y] is >= 0 and grows with t", () => {
    fc.assert(
      fc.property(paramsArb, historyArb, (p, h) => {
        const m = bgNbdFromParams(p);
        const c = { frequency: [h.x], recency: [h.tx], T: [h.T] };
        const alive = m.probabilityAlive(c)[0]!;
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        if (h.x === 0) expect(alive).toBe(1);
        const e1 = m.conditionalExpectedPurchases(c, 5)[0]!, e2 = m.conditionalExpectedPurchases(c, 10)[0]!;
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1 - 1e-9);
      }),
      { numRuns: 200, seed: 1 },
    );
  });

  it("E[X(t)] is 0 at t = 0 and non-decreasing; P(X(t) = n) sums to 1", () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        const m = bgNbdFromParams(p);
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

  it("weighted rows fit exactly like repeated rows, and a change of time unit changes no prediction", () => {
    const sim = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, 400, 30, 9);
    const weights = Float64Array.from(sim.frequency, (_, i) => 1 + (i % 3));
    const rep = { frequency: [] as number[], recency: [] as number[], T: [] as number[] };
    sim.frequency.forEach((x, i) => {
      for (let k = 0; k < weights[i]!; k++) { rep.frequency.push(x); rep.recency.push(sim.recency[i]!); rep.T.push(sim.T[i]!); }
    });
    const a = fitBgNbd(sim, { weights }), b = fitBgNbd(rep);
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 6);
    for (const k of ["r", "alpha", "a", "b"] as const) expect(a.params[k]).toBeCloseTo(b.params[k], 4);
    const weekModel = fitBgNbd(sim);
    const days = fitBgNbd({ frequency: sim.frequency, recency: sim.recency.map((v) => v * 7), T: sim.T.map((v) => v * 7) });
    expect(days.params.alpha / 7).toBeCloseTo(weekModel.params.alpha, 4);
    expect(days.params.r).toBeCloseTo(weekModel.params.r, 5);
    const c = { frequency: [3], recency: [20], T: [30] };
    const cDays = { frequency: [3], recency: [140], T: [210] };
    expect(days.conditionalExpectedPurchases(cDays, 70)[0]).toBeCloseTo(weekModel.conditionalExpectedPurchases(c, 10)[0]!, 4);
    expect(days.probabilityAlive(cDays)[0]).toBeCloseTo(weekModel.probabilityAlive(c)[0]!, 5);
  });
});

describe("BG/NBD recovers simulated parameters", () => {
  it("from 20,000 simulated customers, each parameter within 15 % of the truth and inside 3 SE", () => {
    const truth = { r: 0.6, alpha: 8, a: 0.8, b: 3 };
    const sim = simulateBgNbd(truth, 20000, Float64Array.from({ length: 20000 }, (_, i) => 52 + (i % 52)), 2026);
    const m = fitBgNbd(sim);
    for (const k of ["r", "alpha", "a", "b"] as const) {
      expect(Math.abs(m.params[k] / truth[k] - 1)).toBeLessThan(0.15);
      expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(3 * m.standardErrors![k]);
    }
  });
});

describe("BG/NBD bookkeeping", () => {
  it("round trips through JSON and refuses another model's JSON", () => {
    const m = bgNbdFromParams({ r: 0.3, alpha: 5, a: 0.9, b: 2 });
    const back = bgNbdFromJson(JSON.parse(JSON.stringify(m)));
    expect(back.params).toEqual(m.params);
    expect(back.expectedPurchases(10)).toBe(m.expectedPurchases(10));
    expect(() => bgNbdFromJson({ ...m.toJSON(), model: "pareto-nbd" })).toThrow('bg-nbd fromJSON: expected a "bg-nbd" model, got "pareto-nbd"');
  });

  it("rejects bad histories by row and throws ConvergenceError instead of NaN", () => {
    expect(() => fitBgNbd({ frequency: [1, 2], recency: [5, 50], T: [10, 40] })).toThrow("fitBgNbd: recency 50 of row 1 must be between 0 and T 40");
    expect(() => fitBgNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(ConvergenceError);
    expect(() => fitBgNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(/^bg-nbd: the fit did not converge/);
  });

  it("simulates the same histories for the same seed", () => {
    const p = { r: 0.3, alpha: 5, a: 0.9, b: 2 };
    expect(simulateBgNbd(p, 50, 30, 4)).toEqual(simulateBgNbd(p, 50, 30, 4));
  });
});

describe("BG/NBD fast predictions (per-x Chebyshev interpolants) equal the direct formulas", () => {
  // FHL 2005 eq. 10 and 13 evaluated term by term for every customer, as the model did before.
  const direct = (p: { r: number; alpha: number; a: number; b: number }, x: number, tx: number, T: number, t: number) => {
    const { r, alpha, a, b } = p;
    const head = ((a + b + x - 1) / (a - 1)) * (1 - Math.pow((alpha + T) / (alpha + T + t), r + x) * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
    const odds = x > 0 ? (a / (b + x - 1)) * Math.pow((alpha + T) / (alpha + tx), r + x) : 0;
    return { expected: head / (1 + odds), alive: 1 / (1 + odds) };
  };
  itMatchesDirectFormula(bgNbdFromParams, simulateBgNbd, direct, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 });
});
