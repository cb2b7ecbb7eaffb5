// Logistic regression: closed-form 2x2-table values, a penalised fit against an independent
// one-dimensional root, the lasso's optimality conditions, and recovery of known coefficients.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/math/random/rng.js";
import { minimizeBfgs } from "../../src/math/optimise/minimize-bfgs.js";
import { ConvergenceError } from "../../src/models/fitting/convergence-error.js";
import { fitLogisticRegression } from "../../src/models/propensity/logistic-regression.js";

describe("fitLogisticRegression: exact values", () => {
  it("a 2x2 table: log-odds, odds ratio and standard errors in closed form (Hosmer & Lemeshow §2.3)", () => {
    // x = 0: 1 of 3 positive (odds 1/2); x = 1: 2 of 3 (odds 2). Var(b0) = 1/(3·(1/3)(2/3)) = 1.5, Var(b1) = 1.5 + 1.5.
    const m = fitLogisticRegression({ x: [0, 0, 0, 1, 1, 1] }, [0, 0, 1, 0, 1, 1]);
    expect(m.intercept).toBeCloseTo(Math.log(0.5), 10);
    expect(m.coefficients.x).toBeCloseTo(Math.log(4), 10);
    expect(m.oddsRatios.x).toBeCloseTo(4, 9);
    expect(m.standardErrors!["(intercept)"]).toBeCloseTo(Math.sqrt(1.5), 9);
    expect(m.standardErrors!.x).toBeCloseTo(Math.sqrt(3), 9);
    const row = m.summary()[1]!;
    expect(row.z).toBeCloseTo(Math.log(4) / Math.sqrt(3), 9);
    expect(row.pValue).toBeCloseTo(0.4233, 3); // 2 Q(0.8004)
    expect(row.oddsRatioLower95).toBeCloseTo(Math.exp(Math.log(4) - 1.959964 * Math.sqrt(3)), 8);
    expect(m.logLikelihood).toBeCloseTo(2 * (Math.log(1 / 3) + 2 * Math.log(2 / 3)), 10);
    expect(Array.from(m.predict({ x: [0, 1] }))).toEqual([expect.closeTo(1 / 3, 10), expect.closeTo(2 / 3, 10)]);
    expect(Object.isFrozen(m)).toBe(true);
  });

  it("separable data with a ridge penalty: b = σ(−b)/λ on the standardised scale, solved by bisection", () => {
    // x = (−1, 1) standardises to itself; by symmetry b0 = 0 and the mean objective log(1+e^−b) + λb²/2 has b·λ = 1/(1+e^b).
    for (const l2 of [0.1, 1, 5]) {
      let lo = 0, hi = 100;
      for (let k = 0; k < 200; k++) { const mid = (lo + hi) / 2; if (mid * l2 < 1 / (1 + Math.exp(mid))) lo = mid; else hi = mid; }
      const m = fitLogisticRegression({ x: [-1, 1] }, [0, 1], { l2 });
      expect(m.coefficients.x).toBeCloseTo(lo, 10);
      expect(m.intercept).toBeCloseTo(0, 12);
      expect(m.standardErrors).toBeNull();
    }
    expect(fitLogisticRegression({ x: [-1, 1] }, [0, 1], { l2: 1 }).coefficients.x).toBeCloseTo(0.4010581, 6);
  });

  it("a ridge fit on two features agrees with BFGS on the same objective written independently", () => {
    const x1 = [1, 2, 3, 4, 5, 6, 7, 8], x2 = [3, 1, 4, 1, 5, 9, 2, 6], y = [0, 0, 1, 0, 1, 1, 0, 1];
    const m = fitLogisticRegression({ x1, x2 }, y, { l2: 0.05 });
    const std = (v: number[]) => { const mu = v.reduce((s, a) => s + a, 0) / v.length; const sd = Math.sqrt(v.reduce((s, a) => s + (a - mu) ** 2, 0) / v.length); return v.map((a) => (a - mu) / sd); };
    const z1 = std(x1), z2 = std(x2);
    const f = (b: Float64Array) => y.reduce((s, yi, i) => { const e = b[0]! + b[1]! * z1[i]! + b[2]! * z2[i]!; return s + Math.log1p(Math.exp(e)) - yi * e; }, 0) / y.length + 0.025 * (b[1]! ** 2 + b[2]! ** 2);
    const ref = minimizeBfgs(f, [0, 0, 0], { numericalGradient: true, gradientTolerance: 1e-10 }).x;
    expect(m.standardizedCoefficients.x1).toBeCloseTo(ref[1]!, 5);
    expect(m.standardizedCoefficients.x2).toBeCloseTo(ref[2]!, 5);
  });

  it("lasso: the optimality conditions hold (|gradient| <= l1 at zero slopes, = l1 with sign at non-zero)", () => {
    const rng = createRng(7);
    const n = 400, cols = { a: [] as number[], b: [] as number[], c: [] as number[] }, y: number[] = [];
    for (let i = 0; i < n; i++) {
      const a = rng.normal(), b = rng.normal(), c = rng.normal();
      cols.a.push(a); cols.b.push(b); cols.c.push(c);
      y.push(rng.bernoulli(1 / (1 + Math.exp(-(0.2 + 1.5 * a + 0.05 * b)))) ? 1 : 0);
    }
    const l1 = 0.05;
    const m = fitLogisticRegression(cols, y, { l1 });
    expect(m.standardizedCoefficients.a).toBeGreaterThan(0.5);
    const p = m.predict(cols);
    for (const name of ["a", "b", "c"] as const) {
      const mu = m.featureMeans[name]!, sd = m.featureScales[name]!;
      const g = cols[name].reduce((s, v, i) => s + ((v - mu) / sd) * (p[i]! - y[i]!), 0) / n;
      const b = m.standardizedCoefficients[name]!;
      if (b === 0) expect(Math.abs(g)).toBeLessThanOrEqual(l1 + 1e-6);
      else expect(g + l1 * Math.sign(b)).toBeCloseTo(0, 6);
    }
    expect(Object.values(m.standardizedCoefficients).filter((b) => b === 0).length).toBeGreaterThanOrEqual(1);
  });
});

describe("fitLogisticRegression: recovery and properties", () => {
  it("recovers known coefficients from 20,000 seeded draws within 4 standard errors (each SE < 0.06)", () => {
    const rng = createRng(20260501);
    const truth = { intercept: -1, x1: 0.8, x2: -1.2, x3: 0.3 };
    const n = 20_000, x1 = new Float64Array(n), x2 = new Float64Array(n), x3 = new Float64Array(n), y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x1[i] = rng.normal(); x2[i] = rng.bernoulli(0.3) ? 1 : 0; x3[i] = rng.normal(5, 2);
      const eta = truth.intercept + truth.x1 * x1[i]! + truth.x2 * x2[i]! + truth.x3 * x3[i]!;
      y[i] = rng.bernoulli(1 / (1 + Math.exp(-eta))) ? 1 : 0;
    }
    const m = fitLogisticRegression({ x1, x2, x3 }, y);
    const se = m.standardErrors!;
    expect(Math.abs(m.intercept - truth.intercept)).toBeLessThan(4 * se["(intercept)"]!);
    for (const k of ["x1", "x2", "x3"] as const) {
      expect(se[k]).toBeLessThan(0.06);
      expect(Math.abs(m.coefficients[k]! - truth[k])).toBeLessThan(4 * se[k]!);
    }
  });

  it("predictions are probabilities in [0, 1] and a ridge penalty only shrinks the slopes' norm", () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: -50, max: 50 }).map((k) => k / 10), fc.boolean()), { minLength: 4, maxLength: 30 }),
      fc.double({ min: 0.01, max: 2, noNaN: true }),
      (rows, l2) => {
        const x = rows.map((r) => r[0]), y = rows.map((r) => (r[1] ? 1 : 0));
        fc.pre(new Set(x).size > 1 && new Set(y).size > 1);
        const m = fitLogisticRegression({ x }, y, { l2 });
        const big = fitLogisticRegression({ x }, y, { l2: l2 * 4 });
        expect(Math.abs(big.standardizedCoefficients.x!)).toBeLessThanOrEqual(Math.abs(m.standardizedCoefficients.x!) + 1e-9);
        for (const p of m.predict({ x })) expect(p >= 0 && p <= 1).toBe(true);
      },
    ), { numRuns: 60 });
  });

  it("rejects bad input and reports separation as a ConvergenceError", () => {
    expect(() => fitLogisticRegression({}, [0, 1])).toThrow("fitLogisticRegression: no feature column was given");
    expect(() => fitLogisticRegression({ x: [1, 2] }, [0, 2])).toThrow("fitLogisticRegression: label 2 at row 1 is not 0 or 1");
    expect(() => fitLogisticRegression({ x: [1, 1, 1] }, [0, 1, 0])).toThrow('fitLogisticRegression: feature "x" is constant (1); drop it');
    expect(() => fitLogisticRegression({ x: [1, NaN] }, [0, 1])).toThrow('feature "x" has the value NaN at row 1');
    expect(() => fitLogisticRegression({ x: [1, 2] }, [0, 1], { l2: -1 })).toThrow("fitLogisticRegression: l2 -1 must be a number >= 0");
    expect(() => fitLogisticRegression({ x: [1, 2, 3, 4] }, [0, 0, 1, 1])).toThrow(ConvergenceError);
    expect(() => fitLogisticRegression({ x: [1, 2] }, [0, 1], { l2: 1 }).predict({ y: [1] })).toThrow('feature "x" is missing');
  });
});
