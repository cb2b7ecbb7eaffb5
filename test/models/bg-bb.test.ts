// BG/BB (Fader, Hardie & Shang 2010) against the published donation values
// (../shared/data/reference_values.md), by properties, and by recovering known parameters from
// simulated data.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bgBbFromJson, bgBbFromParams, fitBgBb } from "../../src/models/retention/bg-bb.js";
import { bgBbLogLikelihood } from "../../src/models/retention/bg-bb-log-likelihood.js";
import { simulateBgBb } from "../../src/models/retention/bg-bb.js";
import { ConvergenceError } from "../../src/models/fitting/convergence-error.js";
import { HAS_SHARED_DATA, sharedFile } from "../helpers/shared-data.js";

const PUBLISHED = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };

/** The donations recency-frequency table: 22 patterns, 11,104 donors, n = 6 annual opportunities. */
function readDonations(): { frequency: number[]; recency: number[]; periods: number[]; weights: number[] } {
  const rows = readFileSync(sharedFile("donations", "donations.csv"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.split(",").map(Number));
  return { frequency: rows.map((r) => r[0]!), recency: rows.map((r) => r[1]!), periods: rows.map((r) => r[2]!), weights: rows.map((r) => r[3]!) };
}

describe.skipIf(!HAS_SHARED_DATA)("BG/BB on the donations data (reference_values.md)", () => {
  const d = HAS_SHARED_DATA ? readDonations() : { frequency: [], recency: [], periods: [], weights: [] };
  const model = fitBgBb(d);

  it("reproduces the published parameters and log-likelihood (FHS 2010; lifetimes peer -33225.5813)", () => {
    expect(d.frequency.length).toBe(22);
    expect(model.params.alpha).toBeCloseTo(1.204, 3);
    expect(model.params.beta).toBeCloseTo(0.75, 3);
    expect(model.params.gamma).toBeCloseTo(0.657, 3);
    expect(model.params.delta).toBeCloseTo(2.783, 3);
    expect(model.logLikelihood).toBeCloseTo(-33225.5813, 3);
    expect(model.nCustomers).toBe(11104);
    expect(model.converged).toBe(true);
    for (const row of model.summary()) {
      expect(row.standardError).toBeGreaterThan(0);
      expect(row.lower95).toBeGreaterThan(0);
      expect(row.lower95).toBeLessThan(row.estimate);
      expect(row.upper95).toBeGreaterThan(row.estimate);
    }
  });

  it("LL at the published rounded values is -33225.5818 (peer formulas)", () => {
    const { alpha, beta, gamma, delta } = PUBLISHED;
    expect(bgBbLogLikelihood(alpha, beta, gamma, delta, d.frequency, d.recency, d.periods, d.weights)).toBeCloseTo(-33225.5818, 3);
  });

  it("P(alive in 2002) is 0.11, 0.59 and 0.93 for (0, 0), (2, 4), (6, 6) (FHS 2010 Table 6)", () => {
    const alive = model.probabilityAlive({ frequency: [0, 2, 6], recency: [0, 4, 6], periods: 6 });
    [0.11, 0.59, 0.93].forEach((v, i) => expect(alive[i]).toBeCloseTo(v, 2));
  });

  it("Σ weights × E[X(6, 11) | x, t_x, 6] is 12884.2 (Hardie's BG/BB spreadsheet, Conditional Expectations II)", () => {
    const e = model.conditionalExpectedPurchases(d, 5);
    const total = d.weights.reduce((s, w, i) => s + w * e[i]!, 0);
    expect(total).toBeCloseTo(12884.2, 1);
  });

  it("expects 3454.9 donors with 0 and 1253.1 with 6 repeat donations in 6 years (Hardie's spreadsheet, In-Sample Fit)", () => {
    expect(11104 * model.probabilityOfPurchases(0, 6)).toBeCloseTo(3454.9, 1);
    expect(11104 * model.probabilityOfPurchases(6, 6)).toBeCloseTo(1253.1, 1);
  });

  it("E[X(n)] equals the mean of P(X(n) = x) (FHS 2010 eqs. 7 and 8)", () => {
    for (const n of [1, 6, 11]) {
      let mean = 0;
      for (let x = 0; x <= n; x++) mean += x * model.probabilityOfPurchases(x, n);
      expect(model.expectedPurchases(n)).toBeCloseTo(mean, 10);
    }
  });
});

const paramsArb = fc.record({
  alpha: fc.double({ min: 0.05, max: 10, noNaN: true }),
  beta: fc.double({ min: 0.05, max: 10, noNaN: true }),
  gamma: fc.double({ min: 0.05, max: 10, noNaN: true }),
  delta: fc.double({ min: 0.05, max: 10, noNaN: true }),
});
const historyArb = fc
  .record({ n: fc.integer({ min: 1, max: 30 }), a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }) })
  .map(({ n, a, b }) => {
    const tx = Math.min(n, Math.floor(a * (n + 1)));
    const x = tx === 0 ? 0 : 1 + Math.min(tx - 1, Math.floor(b * tx));
    return { x, tx, n };
  });

describe("BG/BB properties", () => {
  it("P(alive) is in [0, 1] and falls with the horizon; E[X(n, n+n*)] is >= 0 and grows with n*", () => {
    fc.assert(
      fc.property(paramsArb, historyArb, (p, h) => {
        const m = bgBbFromParams(p);
        const c = { frequency: [h.x], recency: [h.tx], periods: [h.n] };
        const a1 = m.probabilityAlive(c)[0]!, a5 = m.probabilityAlive(c, 5)[0]!;
        expect(a1).toBeGreaterThanOrEqual(0);
        expect(a1).toBeLessThanOrEqual(1 + 1e-12);
        expect(a5).toBeLessThanOrEqual(a1 + 1e-12);
        if (h.tx === h.n) expect(m.probabilityAlive(c, 0)[0]).toBeCloseTo(1, 10); // a transaction at n: alive at n
        let prev = 0;
        for (const nStar of [0, 1, 2, 5, 10]) {
          const e = m.conditionalExpectedPurchases(c, nStar)[0]!;
          expect(e).toBeGreaterThanOrEqual(prev - 1e-12);
          expect(e).toBeLessThanOrEqual(nStar + 1e-9);
          prev = e;
        }
      }),
      { numRuns: 300, seed: 1 },
    );
  });

  it("P(X(n) = x) over x = 0..n sums to 1; E[X(n)] is 0 at n = 0 and non-decreasing, also at γ = 1", () => {
    fc.assert(
      fc.property(paramsArb, fc.integer({ min: 0, max: 25 }), (p, n) => {
        const m = bgBbFromParams(p);
        let total = 0;
        for (let x = 0; x <= n; x++) total += m.probabilityOfPurchases(x, n);
        expect(total).toBeCloseTo(1, 10);
        expect(m.expectedPurchases(0)).toBe(0);
        expect(m.expectedPurchases(n + 1)).toBeGreaterThanOrEqual(m.expectedPurchases(n) - 1e-12);
      }),
      { numRuns: 200, seed: 2 },
    );
    const near = bgBbFromParams({ alpha: 1, beta: 1, gamma: 1 + 1e-6, delta: 2 });
    const at = bgBbFromParams({ alpha: 1, beta: 1, gamma: 1, delta: 2 });
    expect(at.expectedPurchases(10)).toBeCloseTo(near.expectedPurchases(10), 5);
    expect(at.conditionalExpectedPurchases({ frequency: [2], recency: [3], periods: 4 }, 5)[0]).toBeCloseTo(
      near.conditionalExpectedPurchases({ frequency: [2], recency: [3], periods: 4 }, 5)[0]!, 5);
  });

  it("the analytic gradient matches central differences", () => {
    const sim = simulateBgBb({ alpha: 1.2, beta: 0.8, gamma: 0.6, delta: 2.5 }, 300, 8, 3);
    const w = new Float64Array(300).fill(1);
    const at = [0.1, -0.3, -0.4, 0.9];
    const f = (v: number[]): number => bgBbLogLikelihood(Math.exp(v[0]!), Math.exp(v[1]!), Math.exp(v[2]!), Math.exp(v[3]!), sim.frequency, sim.recency, sim.periods, w);
    const g = new Float64Array(4);
    bgBbLogLikelihood(Math.exp(at[0]!), Math.exp(at[1]!), Math.exp(at[2]!), Math.exp(at[3]!), sim.frequency, sim.recency, sim.periods, w, g);
    at.forEach((_, i) => {
      const up = [...at], down = [...at];
      up[i]! += 1e-6;
      down[i]! -= 1e-6;
      expect(g[i]).toBeCloseTo((f(up) - f(down)) / 2e-6, 3);
    });
  });

  it("weighted rows fit exactly like repeated rows", () => {
    const sim = simulateBgBb({ alpha: 1.2, beta: 0.8, gamma: 0.6, delta: 2.5 }, 400, 6, 9);
    const weights = Float64Array.from(sim.frequency, (_, i) => 1 + (i % 3));
    const rep = { frequency: [] as number[], recency: [] as number[], periods: [] as number[] };
    sim.frequency.forEach((x, i) => {
      for (let k = 0; k < weights[i]!; k++) { rep.frequency.push(x); rep.recency.push(sim.recency[i]!); rep.periods.push(sim.periods[i]!); }
    });
    const a = fitBgBb(sim, { weights }), b = fitBgBb(rep);
    expect(a.nCustomers).toBe(rep.frequency.length);
    expect(a.logLikelihood).toBeCloseTo(b.logLikelihood, 6);
    for (const k of ["alpha", "beta", "gamma", "delta"] as const) expect(a.params[k]).toBeCloseTo(b.params[k], 4);
  });
});

describe("BG/BB recovers simulated parameters", () => {
  it("from 20,000 simulated customers over 10 opportunities, each parameter within 15 % of the truth and inside 3 SE", () => {
    const truth = { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 };
    const sim = simulateBgBb(truth, 20000, 10, 2026);
    const m = fitBgBb(sim);
    for (const k of ["alpha", "beta", "gamma", "delta"] as const) {
      expect(Math.abs(m.params[k] / truth[k] - 1)).toBeLessThan(0.15);
      expect(Math.abs(m.params[k] - truth[k])).toBeLessThan(3 * m.standardErrors![k]);
    }
  });
});

describe("BG/BB bookkeeping", () => {
  it("round trips through JSON and refuses another model's JSON", () => {
    const m = bgBbFromParams(PUBLISHED);
    const back = bgBbFromJson(JSON.parse(JSON.stringify(m)));
    expect(back.params).toEqual(m.params);
    expect(back.model).toBe("bg-bb");
    expect(back.expectedPurchases(6)).toBe(m.expectedPurchases(6));
    expect(m.withParams({ ...PUBLISHED, alpha: 2 }).params.alpha).toBe(2);
    expect(() => bgBbFromJson({ ...m.toJSON(), model: "bg-nbd" })).toThrow('bg-bb fromJSON: expected a "bg-bb" model, got "bg-nbd"');
  });

  it("rejects bad histories and horizons by row and value", () => {
    expect(() => fitBgBb({ frequency: [1, 2], recency: [1, 7], periods: 6 })).toThrow("fitBgBb: recency 7 of row 1 must be a whole number between frequency 2 and periods 6");
    expect(() => fitBgBb({ frequency: [3], recency: [2], periods: 6 })).toThrow("fitBgBb: recency 2 of row 0 must be a whole number between frequency 3 and periods 6");
    expect(() => fitBgBb({ frequency: [0], recency: [2], periods: 6 })).toThrow("fitBgBb: recency 2 of row 0 must be 0 when frequency is 0");
    expect(() => fitBgBb({ frequency: [1.5], recency: [2], periods: 6 })).toThrow("fitBgBb: frequency 1.5 of row 0 must be a whole number between 0 and periods 6");
    expect(() => fitBgBb({ frequency: [1], recency: [1], periods: [0] })).toThrow("fitBgBb: periods 0 of row 0 must be a whole number >= 1");
    expect(() => fitBgBb({ frequency: [1], recency: [1], periods: 6, weights: [-1] })).toThrow("fitBgBb: weight -1 of row 0 must be a finite number >= 0");
    expect(() => bgBbFromParams({ ...PUBLISHED, gamma: 0 })).toThrow("bgBbFromParams: gamma 0 must be a positive number");
    const m = bgBbFromParams(PUBLISHED);
    expect(() => m.conditionalExpectedPurchases({ frequency: [1], recency: [1], periods: 6 }, 2.5)).toThrow("bg-bb conditionalExpectedPurchases: nStar 2.5 must be a whole number >= 0");
    expect(() => m.probabilityAlive({ frequency: [1], recency: [9], periods: 6 })).toThrow("bg-bb probabilityAlive: recency 9 of row 0 must be a whole number between frequency 1 and periods 6");
    expect(m.probabilityOfPurchases(7, 6)).toBe(0);
  });

  it("throws ConvergenceError instead of NaN when nobody ever transacts", () => {
    const none = { frequency: [0, 0], recency: [0, 0], periods: [6, 4], weights: [500, 300] };
    expect(() => fitBgBb(none)).toThrow(ConvergenceError);
    expect(() => fitBgBb(none)).toThrow(/^bg-bb: the fit did not converge/);
  });

  it("simulates the same histories for the same seed, and never breaks x <= t_x <= n", () => {
    const sim = simulateBgBb(PUBLISHED, 500, 6, 4);
    expect(sim).toEqual(simulateBgBb(PUBLISHED, 500, 6, 4));
    expect(bgBbFromParams(PUBLISHED).simulate(500, 6, 4)).toEqual(sim);
    sim.frequency.forEach((x, i) => {
      expect(x).toBeLessThanOrEqual(sim.recency[i]!);
      expect(sim.recency[i]).toBeLessThanOrEqual(6);
    });
  });
});
