// Chebyshev interpolation (Trefethen 2019, ATAP ch. 3, 8, 19): coefficients of known polynomials,
// Clenshaw against direct sums, the adaptive interpolant's relative accuracy on smooth functions
// with wide ranges, its fallbacks, and the grouped evaluation against the function itself.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { chebyshevByGroup } from "../../src/math/special/chebyshev-by-group.js";
import { chebyshevClenshaw } from "../../src/math/special/chebyshev-clenshaw.js";
import { chebyshevCoefficients, chebyshevPoints } from "../../src/math/special/chebyshev-coefficients.js";
import { chebyshevInterpolant, evaluateChebyshevPiecewise } from "../../src/math/special/chebyshev-interpolant.js";

const rel = (got: number, want: number): number => Math.abs(got / want - 1);

describe("Chebyshev points, coefficients and Clenshaw", () => {
  it("points run from hi to lo and are symmetric", () => {
    expect(Array.from(chebyshevPoints(2, 0, 10))).toEqual([10, 5, 0]);
    const p = chebyshevPoints(16, -1, 1);
    for (let j = 0; j <= 16; j++) expect(p[j]! + p[16 - j]!).toBeCloseTo(0, 15);
    expect(Array.from(chebyshevPoints(0, 2, 4))).toEqual([3]);
    expect(() => chebyshevPoints(-1, 0, 1)).toThrow("chebyshevPoints: n -1 must be a whole number >= 0");
  });

  it("recovers T_k exactly: coefficients of u² and of 4u³ − 3u", () => {
    const c2 = chebyshevCoefficients(Array.from(chebyshevPoints(2, -1, 1), (u) => u * u));
    expect(Array.from(c2).map((v) => +v.toFixed(15))).toEqual([0.5, 0, 0.5]);
    const c3 = chebyshevCoefficients(Array.from(chebyshevPoints(8, -1, 1), (u) => 4 * u ** 3 - 3 * u));
    c3.forEach((v, k) => expect(Math.abs(v - (k === 3 ? 1 : 0))).toBeLessThan(1e-15));
    expect(Array.from(chebyshevCoefficients([7]))).toEqual([7]);
    expect(() => chebyshevCoefficients([])).toThrow("chebyshevCoefficients: at least one value is needed");
  });

  it("Clenshaw equals Σ c_k cos(k acos u), and reads from an offset", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 1, maxLength: 30 }), fc.double({ min: -1, max: 1, noNaN: true }), (c, u) => {
        const want = c.reduce((s, ck, k) => s + ck * Math.cos(k * Math.acos(u)), 0);
        const flat = Float64Array.from([9, 9, ...c]);
        expect(Math.abs(chebyshevClenshaw(flat, 2, c.length - 1, u) - want)).toBeLessThan(1e-13 * c.length);
      }),
      { numRuns: 200, seed: 3 },
    );
  });
});

describe("chebyshevInterpolant", () => {
  it("interpolates exp on [0, 1] to 1e-13 relative with one short piece", () => {
    const p = chebyshevInterpolant(Math.exp, 0, 1);
    expect(p.degrees.length).toBe(1);
    expect(p.degrees[0]).toBeLessThan(17);
    for (let v = 0; v <= 1; v += 0.001) expect(rel(evaluateChebyshevPiecewise(p, v), Math.exp(v))).toBeLessThan(1e-13);
    expect(evaluateChebyshevPiecewise(p, 1.5)).toBeNaN();
  });

  it("splits wide ranges of functions with a nearby singularity: (v + ε)^(−s) on [ε, 1000]", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 5, noNaN: true }), fc.double({ min: -4, max: 2, noNaN: true }), (s, logEps) => {
        const eps = 10 ** logEps, f = (v: number): number => Math.pow(v + eps, -s) * (1 + Math.log1p(v));
        const p = chebyshevInterpolant(f, eps, 1000);
        let interpolated = 0;
        for (let k = 0; k <= 400; k++) {
          const v = eps * Math.pow(1000 / eps, k / 400), got = evaluateChebyshevPiecewise(p, Math.min(v, 1000));
          if (Number.isNaN(got)) continue;
          interpolated++;
          expect(rel(got, f(Math.min(v, 1000)))).toBeLessThan(1e-12);
        }
        expect(interpolated).toBeGreaterThan(300);
      }),
      { numRuns: 60, seed: 4 },
    );
  });

  it("a point interval is one constant; functions with zeros or non-finite values are left to f (degree −1)", () => {
    const one = chebyshevInterpolant((v) => v * v, 3, 3);
    expect(Array.from(one.degrees)).toEqual([0]);
    expect(evaluateChebyshevPiecewise(one, 3)).toBe(9);
    const zero = chebyshevInterpolant((v) => v - 0.5, 0, 1);
    expect(zero.degrees.every((d) => d === -1)).toBe(true);
    expect(evaluateChebyshevPiecewise(zero, 0.25)).toBeNaN();
    const inf = chebyshevInterpolant((v) => 1 / (v - 0.5), 0.5, 1);
    expect(inf.degrees[0]).toBe(-1);
    const limited = chebyshevInterpolant((v) => Math.sqrt(v), 0, 1, { maxEvaluations: 100, maxPieces: 4 });
    expect(limited.degrees.length).toBeLessThanOrEqual(4);
    expect(() => chebyshevInterpolant(Math.exp, 1, 0)).toThrow("chebyshevInterpolant: interval [1, 0] must be finite with lo <= hi");
  });
});

describe("chebyshevByGroup", () => {
  it("equals f(group, value) to 1e-12 relative, for large groups (interpolated) and small ones (exact)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), fc.double({ min: 0.01, max: 100, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (seed, lo, width) => {
        let s = seed;
        const u = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
        const n = 3000, groups = new Float64Array(n), at = new Float64Array(n);
        for (let i = 0; i < n; i++) {
          groups[i] = i < 2900 ? i % 4 : 4 + (i % 7);
          at[i] = lo + width * u();
        }
        const f = (g: number, v: number): number => Math.pow(v / (v + 39), 0.3 + g) * Math.exp(-g / (1 + v)) + 0.1;
        const got = chebyshevByGroup(groups, at, f);
        for (let i = 0; i < n; i++) expect(rel(got[i]!, f(groups[i]!, at[i]!))).toBeLessThan(1e-12);
      }),
      { numRuns: 40, seed: 5 },
    );
  });

  it("rejects groups that are not whole numbers, values that are not finite, and unequal lengths", () => {
    const f = (g: number, v: number): number => g + v;
    expect(() => chebyshevByGroup([0, 1.5], [1, 2], f)).toThrow("chebyshevByGroup: group 1.5 of row 1 is not a whole number >= 0");
    expect(() => chebyshevByGroup([0, 1], [1, Infinity], f)).toThrow("chebyshevByGroup: value Infinity of row 1 is not finite");
    expect(() => chebyshevByGroup([0, 1], [1], f)).toThrow("chebyshevByGroup: 2 groups but 1 values");
    expect(Array.from(chebyshevByGroup([2, 0], [1, 2], f))).toEqual([3, 2]);
  });
});
