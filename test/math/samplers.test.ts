import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  categoricalSampler,
  createRng,
  logFactorial,
  randomBeta,
  randomBinomial,
  randomCategorical,
  randomExponential,
  randomGamma,
  randomGeometric,
  randomPoisson,
  type Rng,
} from "../../src/math/index.js";

/** Sample mean and variance of n seeded draws (seeded, so these tests cannot flake). */
function moments(n: number, seed: number, draw: (rng: Rng) => number): { mean: number; variance: number } {
  const rng = createRng(seed);
  let s = 0;
  let s2 = 0;
  for (let i = 0; i < n; i++) {
    const x = draw(rng);
    s += x;
    s2 += x * x;
  }
  const mean = s / n;
  return { mean, variance: (s2 - n * mean * mean) / (n - 1) };
}

/** |observed - expected| <= tol * max(1, |expected|): relative tolerance. */
function near(observed: number, expected: number, tol: number): void {
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(expected)));
}

const N = 100_000;

describe("sampler moments (tolerance 3 % of the mean, 6 % of the variance)", () => {
  // [name, draw, true mean, true variance, variance tolerance when the default 6 % is < 3 SE]
  const cases: ReadonlyArray<[string, (rng: Rng) => number, number, number, number?]> = [
    ["gamma(6, 40/3)", (r) => randomGamma(r, 6, 40 / 3), 80, 6 * (40 / 3) ** 2],
    ["gamma(0.6, 1/8) (boost)", (r) => randomGamma(r, 0.6, 1 / 8), 0.075, 0.6 / 64],
    ["gamma(0.05, 10)", (r) => randomGamma(r, 0.05, 10), 0.5, 5, 0.15], // kurtosis 120: SE of the variance 3.5 %
    ["beta(0.8, 3)", (r) => randomBeta(r, 0.8, 3), 0.8 / 3.8, (0.8 * 3) / (3.8 ** 2 * 4.8)],
    ["beta(5, 2)", (r) => randomBeta(r, 5, 2), 5 / 7, 10 / (49 * 8)],
    ["poisson(3.5)", (r) => randomPoisson(r, 3.5), 3.5, 3.5],
    ["poisson(250) (PTRS)", (r) => randomPoisson(r, 250), 250, 250],
    ["exponential(0.5)", (r) => randomExponential(r, 0.5), 2, 4],
    ["geometric(0.25)", (r) => randomGeometric(r, 0.25), 4, 0.75 / 0.0625],
    ["binomial(20, 0.3) (inversion)", (r) => randomBinomial(r, 20, 0.3), 6, 4.2],
    ["binomial(1000, 0.4) (BTRS)", (r) => randomBinomial(r, 1000, 0.4), 400, 240],
    ["binomial(500, 0.97) (mirrored)", (r) => randomBinomial(r, 500, 0.97), 485, 500 * 0.97 * 0.03],
  ];
  cases.forEach(([name, draw, mean, variance, varianceTol = 0.06], i) => {
    it(name, () => {
      const m = moments(N, 100 + i, draw);
      near(m.mean, mean, 0.03);
      expect(Math.abs(m.variance - variance) / variance).toBeLessThan(varianceTol);
    });
  });

  it("poisson(10) is exact in its pmf at a few points (PTRS boundary)", () => {
    const rng = createRng(77);
    const counts = new Map<number, number>();
    for (let i = 0; i < N; i++) {
      const k = randomPoisson(rng, 10);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    for (const k of [5, 10, 15]) {
      const pmf = Math.exp(-10 + k * Math.log(10) - logFactorial(k));
      expect(Math.abs((counts.get(k) ?? 0) / N - pmf)).toBeLessThan(0.004);
    }
  });

  it("categorical draws match the weights, and never a zero weight", () => {
    const rng = createRng(8);
    const w = [5, 0, 3, 2];
    const sampler = categoricalSampler(w);
    const a = [0, 0, 0, 0];
    const b = [0, 0, 0, 0];
    for (let i = 0; i < N; i++) {
      a[randomCategorical(rng, w)]!++;
      b[sampler(rng)]!++;
    }
    for (const counts of [a, b]) {
      expect(counts[1]).toBe(0);
      near(counts[0]! / N, 0.5, 0.01);
      near(counts[2]! / N, 0.3, 0.01);
    }
  });
});

describe("sampler argument checks", () => {
  const rng = createRng(1);
  it("names the function and the value", () => {
    expect(() => randomGamma(rng, -1)).toThrow("randomGamma: shape must be a finite number > 0, got -1");
    expect(() => randomBeta(rng, 1, 0)).toThrow("randomBeta: b must be a finite number > 0, got 0");
    expect(() => randomPoisson(rng, -2)).toThrow("randomPoisson: mean must be a finite number > 0, got -2");
    expect(() => randomGeometric(rng, 0)).toThrow("randomGeometric: p must be in (0, 1], got 0");
    expect(() => randomBinomial(rng, 2.5, 0.1)).toThrow("randomBinomial: n must be an integer >= 0, got 2.5");
    expect(() => randomCategorical(rng, [0, 0])).toThrow("randomCategorical: weights must not all be 0");
    expect(() => randomCategorical(rng, [1, -1])).toThrow("randomCategorical: weight 1 must be a finite number >= 0, got -1");
    expect(() => logFactorial(-1)).toThrow(RangeError);
  });
  it("handles the degenerate cases", () => {
    expect(randomPoisson(rng, 0)).toBe(0);
    expect(randomBinomial(rng, 7, 1)).toBe(7);
    expect(randomBinomial(rng, 7, 0)).toBe(0);
    expect(randomGeometric(rng, 1)).toBe(1);
    expect(logFactorial(5)).toBeCloseTo(Math.log(120), 12);
    expect(logFactorial(300)).toBeCloseTo(logFactorial(299) + Math.log(300), 9);
  });
});

describe("sampler properties (fast-check, seeded)", () => {
  const params = { seed: 42, numRuns: 200 };
  const shape = fc.double({ min: 0.01, max: 200, noNaN: true });
  const seed = fc.integer({ min: 0, max: 2 ** 31 });

  it("gamma draws are finite and > 0", () => {
    fc.assert(
      fc.property(seed, shape, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), (s, a, scale) => {
        const x = randomGamma(createRng(s), a, scale);
        return Number.isFinite(x) && x > 0;
      }),
      params,
    );
  });
  it("beta draws are in the open interval (0, 1)", () => {
    fc.assert(
      fc.property(seed, shape, shape, (s, a, b) => {
        const x = randomBeta(createRng(s), a, b);
        return x > 0 && x < 1;
      }),
      params,
    );
  });
  it("poisson, geometric and binomial draws are integers in their support", () => {
    fc.assert(
      fc.property(seed, fc.double({ min: 0, max: 1e4, noNaN: true }), fc.double({ min: 1e-6, max: 1, noNaN: true }), fc.integer({ min: 0, max: 5000 }), (s, mean, p, n) => {
        const rng = createRng(s);
        const k = randomPoisson(rng, mean);
        const g = randomGeometric(rng, p);
        const b = randomBinomial(rng, n, p);
        return Number.isInteger(k) && k >= 0 && Number.isInteger(g) && g >= 1 && Number.isInteger(b) && b >= 0 && b <= n;
      }),
      params,
    );
  });
  it("exponential draws are finite and >= 0; categorical draws index a positive weight", () => {
    fc.assert(
      fc.property(seed, fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 20 }), (s, w) => {
        const rng = createRng(s);
        const e = randomExponential(rng, 0.1);
        if (!(Number.isFinite(e) && e >= 0)) return false;
        if (!w.some((x) => x > 0)) return true;
        const i = randomCategorical(rng, w);
        const j = categoricalSampler(w)(rng);
        return w[i]! > 0 && w[j]! > 0;
      }),
      params,
    );
  });
});
