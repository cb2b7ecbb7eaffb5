// Gamma-Gamma spend model (Fader & Hardie 2013, note 025; Fader, Hardie & Lee 2005, JMR 42(4)) against
// the published CDNOW values, by properties, and by recovering known parameters from simulated data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ConvergenceError } from "../../src/models/fitting/convergence-error.js";
import { fitGammaGamma, gammaGammaFromJson, gammaGammaFromParams } from "../../src/models/spend/gamma-gamma.js";
import { spendFrequencyCorrelation } from "../../src/models/spend/gamma-gamma-diagnostics.js";
import { gammaGammaLogLikelihood } from "../../src/models/spend/gamma-gamma-log-likelihood.js";
import { simulateGammaGamma } from "../../src/models/spend/gamma-gamma-simulate.js";
import { readCdnowSummary } from "../helpers/reference-summary.js";
import { HAS_SHARED_DATA } from "../helpers/shared-data.js";

const PUBLISHED = { p: 6.25, q: 3.74, gamma: 15.44 };

describe.skipIf(!HAS_SHARED_DATA)("Gamma-Gamma on CDNOW (reference_values.md)", () => {
  const cdnow = readCdnowSummary();
  const spend = { frequency: cdnow.frequency, monetaryValue: cdnow.monetary };
  const model = fitGammaGamma(spend);
  const repeat = [...cdnow.frequency.keys()].filter((i) => cdnow.frequency[i]! > 0);
  const x = Float64Array.from(repeat, (i) => cdnow.frequency[i]!);
  const zbar = Float64Array.from(repeat, (i) => cdnow.monetary[i]!);
  const ones = new Float64Array(repeat.length).fill(1);

  it("reproduces p 6.25, q 3.74, gamma 15.44 and LL -4055.92 on the 946 repeat customers (note 025; lifetimes; CLVTools)", () => {
    expect(model.params.p).toBeCloseTo(6.25, 2);
    expect(model.params.q).toBeCloseTo(3.74, 2);
    expect(Math.abs(model.params.gamma - 15.44)).toBeLessThan(0.01);
    // lifetimes' fit: 6.248802, 3.744588, 15.447748, LL -4055.9232
    expect(model.params.p).toBeCloseTo(6.248802, 4);
    expect(model.params.q).toBeCloseTo(3.744588, 5);
    expect(model.params.gamma).toBeCloseTo(15.447748, 4);
    expect(model.logLikelihood).toBeCloseTo(-4055.92, 2);
    expect(model.nCustomers).toBe(946);
    expect(model.customersSkipped).toBe(1411);
    expect(model.converged).toBe(true);
    for (const row of model.summary()) {
      expect(row.standardError).toBeGreaterThan(0);
      expect(row.lower95).toBeLessThan(row.estimate);
      expect(row.upper95).toBeGreaterThan(row.estimate);
    }
  });

  it("LL at the published rounded values is -4055.9247 (peer formulas)", () => {
    expect(gammaGammaLogLikelihood(PUBLISHED.p, PUBLISHED.q, PUBLISHED.gamma, x, zbar, ones)).toBeCloseTo(-4055.9247, 4);
  });

  it("the analytic gradient matches central differences", () => {
    const g = new Float64Array(3);
    const at = [Math.log(5), Math.log(3), Math.log(20)];
    gammaGammaLogLikelihood(5, 3, 20, x, zbar, ones, g);
    for (let k = 0; k < 3; k++) {
      const up = [...at], down = [...at];
      up[k] = up[k]! + 1e-6;
      down[k] = down[k]! - 1e-6;
      const f = (v: number[]) => gammaGammaLogLikelihood(Math.exp(v[0]!), Math.exp(v[1]!), Math.exp(v[2]!), x, zbar, ones);
      expect(g[k]).toBeCloseTo((f(up) - f(down)) / 2e-6, 3);
    }
  });

  const first10 = { frequency: cdnow.frequency.slice(0, 10), monetaryValue: cdnow.monetary.slice(0, 10) };
  const WANT = [24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17];
  it("E[M | x, zbar] of the first 10 IDs matches Hardie's spreadsheet (lifetimes test_conditional_expected_average_profit)", () => {
    const refit = model.conditionalExpectedAverageSpend(first10);
    // refit: 24.6586, 18.9115, 35.1710, ..., 71.4629, 18.9115, 35.1710, 27.2824, 35.1710 (all within 0.005 but ID 1, 0.0086)
    WANT.forEach((v, i) => expect(Math.abs(refit[i]! - v)).toBeLessThan(0.01));
    // at the rounded 6.25/3.74/15.44 the values move by up to 0.05 (lifetimes' tolerance is 0.1)
    const rounded = gammaGammaFromParams(PUBLISHED).conditionalExpectedAverageSpend(first10);
    WANT.forEach((v, i) => expect(Math.abs(rounded[i]! - v)).toBeLessThan(0.06));
  });

  it("mean E[M] over all 2,357 is 35.2529588 vs the observed mean 35.0785518 over the 946 (lifetimes' docs)", () => {
    const all = model.conditionalExpectedAverageSpend(spend);
    expect(all.reduce((s, v) => s + v, 0) / all.length).toBeCloseTo(35.2529588256, 5);
    expect(zbar.reduce((s, v) => s + v, 0) / zbar.length).toBeCloseTo(35.078551797, 8);
    expect(model.expectedAverageSpend()).toBeCloseTo(35.17, 2);
  });

  it("frequency and spend are weakly correlated (0.11), as the model assumes", () => {
    const c = spendFrequencyCorrelation(spend);
    expect(c.correlation).toBeCloseTo(0.1139, 4);
    expect(c.customers).toBe(946);
    expect(c.strength).toBe("weak");
    expect(c.verdict).toMatch(/^Weak correlation \(0\.11\)/);
  });
});

const paramsArb = fc.record({
  p: fc.double({ min: 0.5, max: 20, noNaN: true }),
  q: fc.double({ min: 1.05, max: 20, noNaN: true }),
  gamma: fc.double({ min: 0.5, max: 200, noNaN: true }),
});

describe("Gamma-Gamma properties", () => {
  it("E[M | x, zbar] lies between zbar and the population mean pγ/(q−1) (shrinkage); x = 0 gives the mean", () => {
    fc.assert(
      fc.property(paramsArb, fc.integer({ min: 1, max: 60 }), fc.double({ min: 0.01, max: 1000, noNaN: true }), (p, x, z) => {
        const m = gammaGammaFromParams(p);
        const mean = m.expectedAverageSpend();
        const [e, e0] = m.conditionalExpectedAverageSpend({ frequency: [x, 0], monetaryValue: [z, 0] });
        const tol = 1e-9 * Math.max(z, mean);
        expect(e!).toBeGreaterThanOrEqual(Math.min(z, mean) - tol);
        expect(e!).toBeLessThanOrEqual(Math.max(z, mean) + tol);
        expect(e0!).toBeCloseTo(mean, 9);
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it("more repeat purchases pull E[M] towards the customer's own zbar", () => {
    const m = gammaGammaFromParams(PUBLISHED);
    const e = m.conditionalExpectedAverageSpend({ frequency: [1, 5, 50], monetaryValue: [100, 100, 100] });
    expect(e[0]!).toBeLessThan(e[1]!);
    expect(e[1]!).toBeLessThan(e[2]!);
    expect(e[2]!).toBeLessThan(100);
  });

  it("weighted rows fit exactly like repeated rows; zero-repeat rows are skipped by weight", () => {
    const freq = Float64Array.from({ length: 300 }, (_, i) => i % 7);
    const sim = simulateGammaGamma({ p: 4, q: 3, gamma: 20 }, freq, 11);
    const weights = Float64Array.from(freq, (_, i) => 1 + (i % 3));
    const rep = { frequency: [] as number[], monetaryValue: [] as number[] };
    freq.forEach((xi, i) => {
      for (let k = 0; k < weights[i]!; k++) { rep.frequency.push(xi); rep.monetaryValue.push(sim.monetaryValue[i]!); }
    });
    const a = fitGammaGamma(sim, { weights }), b = fitGammaGamma(rep);
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 6);
    for (const k of ["p", "q", "gamma"] as const) expect(a.params[k]).toBeCloseTo(b.params[k], 4);
    expect(a.customersSkipped).toBe(b.customersSkipped);
    expect(a.nCustomers).toBe(b.nCustomers);
  });

  it("a change of currency scales gamma and E[M] and changes nothing else", () => {
    const freq = Float64Array.from({ length: 500 }, (_, i) => 1 + (i % 9));
    const sim = simulateGammaGamma({ p: 4, q: 3, gamma: 20 }, freq, 12);
    const a = fitGammaGamma(sim);
    const b = fitGammaGamma({ frequency: freq, monetaryValue: sim.monetaryValue.map((v) => v * 100) });
    expect(b.params.p).toBeCloseTo(a.params.p, 4);
    expect(b.params.q).toBeCloseTo(a.params.q, 4);
    expect(b.params.gamma / 100).toBeCloseTo(a.params.gamma, 3);
  });
});

describe("Gamma-Gamma recovers simulated parameters", () => {
  it("from 20,000 simulated repeat customers, p, q, gamma within 15 % of the truth and inside 3 SE", () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const freq = Float64Array.from({ length: 20000 }, (_, i) => 1 + (i % 12));
    const m = fitGammaGamma(simulateGammaGamma(truth, freq, 2026));
    for (const k of ["p", "q", "gamma"] as const) {
      expect(Math.abs(m.params[k] / truth[k] - 1)).toBeLessThan(0.15);
      expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(3 * m.standardErrors![k]);
    }
  });
});

describe("Gamma-Gamma bookkeeping", () => {
  it("round trips through JSON (with customersSkipped) and refuses another model's JSON", () => {
    const freq = Float64Array.from({ length: 400 }, (_, i) => i % 6);
    const m = fitGammaGamma(simulateGammaGamma({ p: 5, q: 3, gamma: 10 }, freq, 5), { timeUnit: "week" });
    const back = gammaGammaFromJson(JSON.parse(JSON.stringify(m)));
    expect(back.params).toEqual(m.params);
    expect(back.customersSkipped).toBe(m.customersSkipped);
    expect(back.covarianceLog).toEqual(m.covarianceLog);
    expect(back.toJSON()).toEqual(m.toJSON());
    expect(back.conditionalExpectedAverageSpend({ frequency: [2], monetaryValue: [30] })).toEqual(m.conditionalExpectedAverageSpend({ frequency: [2], monetaryValue: [30] }));
    expect(() => gammaGammaFromJson({ ...m.toJSON(), model: "bg-nbd" })).toThrow('gamma-gamma fromJSON: expected a "gamma-gamma" model, got "bg-nbd"');
    const w = m.withParams({ p: 1, q: 2, gamma: 3 });
    expect(w.expectedAverageSpend()).toBe(3);
    expect(w.covarianceLog).toBeNull();
  });

  it("rejects bad input with the row and value", () => {
    expect(() => fitGammaGamma({ frequency: [2, 1, 3], monetaryValue: [10, 0, 5] })).toThrow("fitGammaGamma: monetary value 0 of row 1 must be > 0 when frequency is 1");
    expect(() => fitGammaGamma({ frequency: [2, 1], monetaryValue: [10, -3] })).toThrow(RangeError);
    expect(() => fitGammaGamma({ frequency: [2, 1.5], monetaryValue: [10, 3] })).toThrow("fitGammaGamma: frequency 1.5 of row 1 is not a whole number >= 0");
    expect(() => fitGammaGamma({ frequency: [2, 1], monetaryValue: [10] })).toThrow("fitGammaGamma: frequency and monetaryValue differ in length (2, 1)");
    expect(() => fitGammaGamma({ frequency: [0, 0], monetaryValue: [0, 0] })).toThrow("fitGammaGamma: no customer has frequency > 0");
    expect(() => gammaGammaFromParams({ p: 1, q: 0, gamma: 1 })).toThrow("gammaGammaFromParams: q 0 must be a positive number");
    expect(() => gammaGammaFromParams({ p: 1, q: 0.8, gamma: 1 }).expectedAverageSpend()).toThrow("gamma-gamma expectedAverageSpend: q 0.8 must be > 1");
    expect(gammaGammaFromParams({ p: 1, q: 0.8, gamma: 1 }).conditionalExpectedAverageSpend({ frequency: [0], monetaryValue: [0] })[0]).toBe(Infinity);
  });

  it("throws ConvergenceError, never NaN, when spend does not vary", () => {
    const data = { frequency: [2, 2, 2, 2], monetaryValue: [10, 10, 10, 10] };
    expect(() => fitGammaGamma(data)).toThrow(ConvergenceError);
    expect(() => fitGammaGamma(data)).toThrow(/^gamma-gamma: the fit did not converge/);
  });

  it("simulates the same spends for the same seed, 0 for x = 0", () => {
    const p = { p: 6, q: 4, gamma: 15 };
    const a = simulateGammaGamma(p, [0, 1, 5], 4);
    expect(a).toEqual(simulateGammaGamma(p, [0, 1, 5], 4));
    expect(a.monetaryValue[0]).toBe(0);
    expect(a.monetaryValue[1]).toBeGreaterThan(0);
    expect(() => simulateGammaGamma(p, [-1], 1)).toThrow("simulateGammaGamma: frequency -1 of row 0 is not a whole number >= 0");
  });
});
