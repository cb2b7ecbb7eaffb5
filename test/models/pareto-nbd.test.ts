// Pareto/NBD (Schmittlein, Morrison & Colombo 1987; Fader & Hardie 2005 note 009) against the
// published CDNOW values, by properties, and by recovering known parameters from simulated data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConvergenceError } from "../../src/models/fitting/convergence-error.js";
import { fitParetoNbd, paretoNbdFromJson, paretoNbdFromParams, paretoNbdLogLikelihood, simulateParetoNbd } from "../../src/models/purchase/pareto-nbd.js";
import { paretoNbdLogA0 } from "../../src/models/purchase/pareto-nbd-log-likelihood.js";
import { readCdnowSummary } from "../helpers/reference-summary.js";
import { HAS_SHARED_DATA } from "../helpers/shared-data.js";
import { historyArb as historyArbOf } from "../helpers/model-arbitraries.js";

const BTYD = { r: 0.5533971, alpha: 10.5801985, s: 0.6060625, beta: 11.6562237 };
const customer1516 = { frequency: [26], recency: [30.86], T: [31] };

describe.skipIf(!HAS_SHARED_DATA)("Pareto/NBD on CDNOW (reference_values.md)", () => {
  const cdnow = readCdnowSummary();
  const model = fitParetoNbd(cdnow, { timeUnit: "week" });
  const ones = new Float64Array(cdnow.frequency.length).fill(1);

  it("reproduces the published parameters and log-likelihood (FHL 2005; BTYD; CLVTools)", () => {
    expect(model.params.r).toBeCloseTo(0.553, 3);
    expect(model.params.alpha).toBeCloseTo(10.578, 2);
    expect(model.params.s).toBeCloseTo(0.606, 3);
    // The likelihood is flat in beta: published 11.669, BTYD 11.656, CLVTools 11.672; 0.2 % of each.
    for (const b of [11.669, 11.6562237, 11.6715]) expect(Math.abs(model.params.beta / b - 1)).toBeLessThan(2e-3);
    expect(model.logLikelihood).toBeCloseTo(-9594.976, 1);
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

  it("LL at the BTYD estimates is -9594.974 (peer formulas; BTYD/CLVTools print -9594.976)", () => {
    const { r, alpha, s, beta } = BTYD;
    expect(paretoNbdLogLikelihood(r, alpha, s, beta, cdnow.frequency, cdnow.recency, cdnow.T, ones)).toBeCloseTo(-9594.974, 2);
  });

  it("the analytic gradient matches central differences, also far from the optimum (z near 1)", () => {
    const f = (lp: number[]) => paretoNbdLogLikelihood(Math.exp(lp[0]!), Math.exp(lp[1]!), Math.exp(lp[2]!), Math.exp(lp[3]!), cdnow.frequency, cdnow.recency, cdnow.T, ones);
    for (const p of [[0.5534, 10.58, 0.6061, 11.66], [0.5, 10, 1, 1e-3], [0.3, 1e-3, 2, 10], [1.2, 40, 0.3, 0.5]]) {
      const g = new Float64Array(4), lp = p.map(Math.log);
      paretoNbdLogLikelihood(p[0]!, p[1]!, p[2]!, p[3]!, cdnow.frequency, cdnow.recency, cdnow.T, ones, g);
      lp.forEach((_, k) => {
        const up = lp.slice(), dn = lp.slice();
        up[k]! += 1e-5;
        dn[k]! -= 1e-5;
        expect(Math.abs(g[k]! - (f(up) - f(dn)) / 2e-5)).toBeLessThan(1e-3 * Math.max(1, Math.abs(g[k]!)));
      });
    }
  });

  it("E[Y(52) | 26, 30.86, 31] is 25.46 with the fitted parameters (BTYD walkthrough; peer 25.4567)", () => {
    expect(model.conditionalExpectedPurchases(customer1516, 52)[0]).toBeCloseTo(25.46, 2);
    expect(model.conditionalExpectedPurchases(customer1516, 52)[0]).toBeCloseTo(25.4567, 3);
  });

  it("the 1,411 zero-repeat customers are expected to make 0.14 purchases each in 39 weeks (FHL 2005 §7)", () => {
    const zero = { frequency: [0], recency: [0], T: [0] };
    let sum = 0, n = 0;
    for (let i = 0; i < cdnow.frequency.length; i++) {
      if (cdnow.frequency[i] !== 0) continue;
      zero.T[0] = cdnow.T[i]!;
      sum += model.conditionalExpectedPurchases(zero, 39)[0]!;
      n++;
    }
    expect(n).toBe(1411);
    expect(sum / n).toBeCloseTo(0.1384, 3);
  });
});

describe("Pareto/NBD published predictions at the BTYD parameters", () => {
  const m = paretoNbdFromParams(BTYD);
  it("P(alive | 26, 30.86, 31) is 0.9979 (BTYD walkthrough p. 8)", () => {
    expect(m.probabilityAlive(customer1516)[0]).toBeCloseTo(0.9979, 4);
  });
  it("E[X(t)] for t = 0..9 matches R BTYD (atol 0.01) and E[X(52)] is 1.473", () => {
    const want = [0, 0.05077821, 0.09916088, 0.14542507, 0.1897993, 0.23247466, 0.27361274, 0.31335159, 0.35181024, 0.38909211];
    want.forEach((v, t) => expect(Math.abs(m.expectedPurchases(t) - v)).toBeLessThan(0.01));
    expect(m.expectedPurchases(52)).toBeCloseTo(1.473, 3);
  });
  it("ln A₀ equals (r+s+x)∫(α+τ)^−(r+x)(β+τ)^−(s+1)dτ by quadrature, on both branches and near z = 1", () => {
    for (const [r, a, s, b, x, tx, T] of [[0.55, 10.58, 0.61, 11.67, 26, 30.86, 31], [0.55, 10.58, 0.61, 11.67, 0, 0, 39], [0.5, 10, 1, 1e-4, 3, 2, 30], [2, 1e-4, 1, 30, 40, 0.5, 35]]) {
      const n = 200000, h = (T! - tx!) / n;
      let sum = 0;
      for (let k = 0; k < n; k++) { const u = tx! + (k + 0.5) * h; sum += Math.exp(-(r! + x!) * Math.log(a! + u) - (s! + 1) * Math.log(b! + u)) * h; }
      expect(paretoNbdLogA0(r!, a!, s!, b!, x!, tx!, T!)).toBeCloseTo(Math.log((r! + s! + x!) * sum), 3);
    }
  });
});

const paramsArb = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.01, max: 100, noNaN: true }),
  s: fc.oneof(fc.constantFrom(1, 2), fc.double({ min: 0.05, max: 5, noNaN: true })),
  beta: fc.double({ min: 0.001, max: 100, noNaN: true }),
});
const historyArb = historyArbOf(60);

describe("Pareto/NBD properties", () => {
  it("P(alive) is in [0, 1]; E[Y] is >= 0 and grows with t", () => {
    fc.assert(
      fc.property(paramsArb, historyArb, (p, h) => {
        const m = paretoNbdFromParams(p);
        const c = { frequency: [h.x], recency: [h.tx], T: [h.T] };
        const alive = m.probabilityAlive(c)[0]!;
        expect(alive).toBeGreaterThanOrEqual(0);
        expect(alive).toBeLessThanOrEqual(1);
        const e1 = m.conditionalExpectedPurchases(c, 5)[0]!, e2 = m.conditionalExpectedPurchases(c, 10)[0]!;
        expect(e1).toBeGreaterThanOrEqual(0);
        expect(e2).toBeGreaterThanOrEqual(e1 * (1 - 1e-12));
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it("E[X(t)] is 0 at t = 0 and non-decreasing; P(X(t) = n) sums to 1", () => {
    fc.assert(
      fc.property(paramsArb.filter((p) => p.r / p.alpha < 2), (p) => {
        const m = paretoNbdFromParams(p);
        expect(m.expectedPurchases(0)).toBe(0);
        let prev = 0;
        for (const t of [0.5, 1, 5, 20, 50]) {
          const e = m.expectedPurchases(t);
          expect(e).toBeGreaterThanOrEqual(prev);
          prev = e;
        }
        let total = 0;
        for (let n = 0; n < 400; n++) total += m.probabilityOfPurchases(n, 5);
        expect(total).toBeCloseTo(1, 4);
      }),
      { numRuns: 40, seed: 2 },
    );
  });

  it("weighted rows fit exactly like repeated rows, and a change of time unit changes no prediction", () => {
    const sim = simulateParetoNbd({ r: 0.6, alpha: 8, s: 0.8, beta: 10 }, 600, 104, 9);
    const weights = Float64Array.from(sim.frequency, (_, i) => 1 + (i % 3));
    const rep = { frequency: [] as number[], recency: [] as number[], T: [] as number[] };
    sim.frequency.forEach((x, i) => {
      for (let k = 0; k < weights[i]!; k++) { rep.frequency.push(x); rep.recency.push(sim.recency[i]!); rep.T.push(sim.T[i]!); }
    });
    const a = fitParetoNbd(sim, { weights }), b = fitParetoNbd(rep);
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 6);
    for (const k of ["r", "alpha", "s", "beta"] as const) expect(a.params[k]).toBeCloseTo(b.params[k], 3);
    const week = paretoNbdFromParams({ r: 0.6, alpha: 8, s: 0.8, beta: 10 });
    const day = paretoNbdFromParams({ r: 0.6, alpha: 56, s: 0.8, beta: 70 });
    const c = { frequency: [3], recency: [20], T: [30] }, cDays = { frequency: [3], recency: [140], T: [210] };
    expect(day.conditionalExpectedPurchases(cDays, 70)[0]).toBeCloseTo(week.conditionalExpectedPurchases(c, 10)[0]!, 10);
    expect(day.probabilityAlive(cDays)[0]).toBeCloseTo(week.probabilityAlive(c)[0]!, 10);
    expect(day.expectedPurchases(70)).toBeCloseTo(week.expectedPurchases(10), 10);
    expect(day.probabilityOfPurchases(2, 70)).toBeCloseTo(week.probabilityOfPurchases(2, 10), 10);
    const weekFit = fitParetoNbd(sim);
    const dayFit = fitParetoNbd({ frequency: sim.frequency, recency: sim.recency.map((v) => v * 7), T: sim.T.map((v) => v * 7) });
    expect(dayFit.params.alpha / 7 / weekFit.params.alpha).toBeCloseTo(1, 3);
    expect(dayFit.params.r / weekFit.params.r).toBeCloseTo(1, 3);
    expect(dayFit.logLikelihood + sim.frequency.reduce((s, x) => s + x, 0) * Math.log(7)).toBeCloseTo(weekFit.logLikelihood, 2);
  });
});

describe("Pareto/NBD recovers simulated parameters", () => {
  it("from 20,000 simulated customers, each parameter within 20 % of the truth and inside 3 SE", () => {
    const truth = { r: 0.55, alpha: 10.6, s: 0.6, beta: 11.7 };
    const sim = simulateParetoNbd(truth, 20000, Float64Array.from({ length: 20000 }, (_, i) => 52 + (i % 52)), 2026);
    const m = fitParetoNbd(sim);
    for (const k of ["r", "alpha", "s", "beta"] as const) {
      expect(Math.abs(m.params[k] / truth[k] - 1)).toBeLessThan(0.2);
      expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(3 * m.standardErrors![k]);
    }
  });
});

describe("Pareto/NBD bookkeeping", () => {
  it("round trips through JSON and refuses another model's JSON", () => {
    const m = paretoNbdFromParams({ r: 0.3, alpha: 5, s: 0.9, beta: 2 }, "week");
    const back = paretoNbdFromJson(JSON.parse(JSON.stringify(m)));
    expect(back.params).toEqual(m.params);
    expect(back.timeUnit).toBe("week");
    expect(back.expectedPurchases(10)).toBe(m.expectedPurchases(10));
    expect(() => paretoNbdFromJson({ ...m.toJSON(), model: "bg-nbd" })).toThrow('pareto-nbd fromJSON: expected a "pareto-nbd" model, got "bg-nbd"');
    expect(Object.isFrozen(m) && Object.isFrozen(m.params)).toBe(true);
  });

  it("rejects bad histories, parameters and arguments, and throws ConvergenceError instead of NaN", () => {
    expect(() => fitParetoNbd({ frequency: [1, 2], recency: [5, 50], T: [10, 40] })).toThrow("fitParetoNbd: recency 50 of row 1 must be between 0 and T 40");
    expect(() => paretoNbdFromParams({ r: 0.5, alpha: -1, s: 1, beta: 1 })).toThrow("paretoNbdFromParams: alpha -1 must be a positive number");
    const m = paretoNbdFromParams(BTYD);
    expect(() => m.expectedPurchases(-1)).toThrow("pareto-nbd expectedPurchases: t -1 must be >= 0");
    expect(() => m.probabilityOfPurchases(1.5, 3)).toThrow("pareto-nbd probabilityOfPurchases: n 1.5 must be a whole number >= 0");
    expect(() => fitParetoNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(ConvergenceError);
    expect(() => fitParetoNbd({ frequency: [0, 0, 0], recency: [0, 0, 0], T: [10, 20, 30] })).toThrow(/^pareto-nbd: the fit did not converge/);
  });

  it("simulates the same histories for the same seed, first purchase at 0, t_x <= T", () => {
    const p = { r: 0.3, alpha: 5, s: 0.9, beta: 2 };
    const a = simulateParetoNbd(p, 200, 30, 4);
    expect(a).toEqual(simulateParetoNbd(p, 200, 30, 4));
    a.frequency.forEach((x, i) => {
      expect(a.recency[i]!).toBeLessThanOrEqual(30);
      if (x === 0) expect(a.recency[i]).toBe(0);
    });
  });
});
