// k-means, k-means++ and the silhouette: exact values on hand-made points, and properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/math/random/rng.js";
import { kmeans } from "../../src/segments/clusters/kmeans.js";
import { kmeansLloyd } from "../../src/segments/clusters/kmeans-lloyd.js";
import { kmeansPlusPlus } from "../../src/segments/clusters/kmeans-plus-plus.js";
import { silhouetteScore } from "../../src/segments/clusters/silhouette-score.js";
import { signedLog1p, standardizeFeatures } from "../../src/segments/clusters/standardize-features.js";

// Two obvious clusters in 2-D: three points around (0, 0), two around (10, 10).
const TWO = Float64Array.from([0, 0, 1, 0, 0, 1, 10, 10, 11, 11]);

describe("kmeans on two obvious clusters", () => {
  it("finds the known centroids, labels and within-SS", () => {
    const r = kmeans(TWO, 2, 2, { seed: 3 });
    expect(Array.from(r.labels)).toEqual([0, 0, 0, 1, 1]); // the larger cluster is 0
    expect(Array.from(r.centres)).toEqual([1 / 3, 1 / 3, 10.5, 10.5]);
    expect(r.sizes).toEqual([3, 2]);
    // (1/9+1/9) + (4/9+1/9) + (1/9+4/9) = 12/9 around (1/3,1/3); 0.25*4 = 1 around (10.5,10.5)
    expect(r.withinSS).toBeCloseTo(12 / 9 + 1, 12);
    expect(r.converged).toBe(true);
    expect(Object.isFrozen(r)).toBe(true);
  });
  it("matches the doc-comment example", () => {
    const r = kmeans(Float64Array.from([0, 1, 10, 11, 12]), 1, 2, { seed: 7 });
    expect(Array.from(r.labels)).toEqual([1, 1, 0, 0, 0]);
    expect(r.withinSS).toBe(2.5);
    expect(r.totalSS).toBeCloseTo(134.8, 10);
  });
  it("k = 1 gives the mean and the total sum of squares", () => {
    const r = kmeans(TWO, 2, 1);
    expect(r.centres[0]).toBeCloseTo(22 / 5, 12);
    expect(r.withinSS).toBeCloseTo(r.totalSS, 9);
  });
  it("Lloyd converges from given centres", () => {
    expect(kmeansLloyd(Float64Array.from([0, 1, 9, 10]), 4, 1, 2, Float64Array.from([0, 10]), 100).withinSS).toBe(1);
  });
  it("k-means++ picks distinct points and refuses more clusters than distinct points", () => {
    const c = kmeansPlusPlus(Float64Array.from([0, 0, 10, 10]), 4, 1, 2, createRng(1));
    expect(Array.from(c).sort((a, b) => a - b)).toEqual([0, 10]);
    expect(() => kmeansPlusPlus(Float64Array.from([0, 0, 10, 10]), 4, 1, 3, createRng(1))).toThrow(
      "kmeansPlusPlus: the data have only 2 distinct points, fewer than k = 3 clusters; choose a smaller k",
    );
  });
  it("names the function and the value in errors", () => {
    expect(() => kmeans(TWO, 2, 0)).toThrow("kmeans: k must be a whole number from 1 to 5 (the number of points), got 0");
    expect(() => kmeans(TWO, 3, 2)).toThrow("kmeans: 10 values is not a multiple of d = 3");
    expect(() => kmeans(Float64Array.from([0, NaN]), 1, 1)).toThrow("kmeans: value NaN at row 1, column 0 is not finite");
    expect(() => kmeans(TWO, 2, 2, { restarts: 0 })).toThrow("kmeans: restarts must be a whole number >= 1, got 0");
  });
});

describe("silhouette and standardisation", () => {
  it("computes the silhouette by hand", () => {
    // point 0: a = 1, b = 10.5; point 1: a = 1, b = 9.5; symmetric for the other two
    const s = silhouetteScore(Float64Array.from([0, 1, 10, 11]), 1, Int32Array.from([0, 0, 1, 1]));
    expect(s.score).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 14);
    expect(s.exact).toBe(true);
    expect(s.pointsScored).toBe(4);
    expect(() => silhouetteScore(Float64Array.from([0, 1]), 1, Int32Array.from([0, 0]))).toThrow("silhouetteScore: the silhouette needs at least 2 clusters, got 1");
  });
  it("subsamples above maxPoints with a seed, close to the exact value", () => {
    const rng = createRng(11);
    const n = 3000;
    const v = Float64Array.from({ length: n }, (_, i) => rng.normal(i % 2 === 0 ? 0 : 4, 1));
    const labels = Int32Array.from(v, (x) => (x < 2 ? 0 : 1));
    const exact = silhouetteScore(v, 1, labels);
    const a = silhouetteScore(v, 1, labels, { maxPoints: 1000, seed: 5 });
    expect(a.exact).toBe(false);
    expect(a.pointsScored).toBe(1000);
    expect(a.score).toBe(silhouetteScore(v, 1, labels, { maxPoints: 1000, seed: 5 }).score);
    expect(Math.abs(a.score - exact.score)).toBeLessThan(0.02);
  });
  it("standardises to z-scores with signed log1p", () => {
    expect(Array.from(standardizeFeatures({ x: Float64Array.from([1, 3]) }, ["x"], []).values)).toEqual([-1, 1]);
    expect(signedLog1p(Math.E - 1)).toBeCloseTo(1, 15);
    expect(signedLog1p(-(Math.E - 1))).toBeCloseTo(-1, 15);
    const z = standardizeFeatures({ a: [0, Math.E - 1], b: [5, 5] }, ["a", "b"], ["a"]);
    expect(z.logged).toEqual([true, false]);
    expect(Array.from(z.values)).toEqual([-1, 0, 1, 0]);
    expect(z.sds[1]).toBe(1);
    expect(() => standardizeFeatures({ a: [1] }, ["b"])).toThrow('standardizeFeatures: feature "b" is not a column');
  });
});

const points = fc
  .record({ n: fc.integer({ min: 12, max: 60 }), d: fc.integer({ min: 1, max: 3 }), seed: fc.integer({ min: 0, max: 1e6 }) })
  .map(({ n, d, seed }) => {
    const rng = createRng(seed);
    return { n, d, seed, values: Float64Array.from({ length: n * d }, () => Math.round(rng.normal(0, 3) * 100) / 100) };
  });

describe("kmeans properties (fast-check)", () => {
  it("the same seed gives the same clusters; every point is in exactly one cluster", () => {
    fc.assert(
      fc.property(points, fc.integer({ min: 2, max: 5 }), ({ values, d, n, seed }, k) => {
        const a = kmeans(values, d, k, { seed });
        const b = kmeans(values, d, k, { seed });
        expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
        expect(a.withinSS).toBe(b.withinSS);
        expect(a.labels.length).toBe(n);
        for (const c of a.labels) expect(c >= 0 && c < k).toBe(true);
        expect(a.sizes.reduce((s, x) => s + x, 0)).toBe(n);
        expect(a.sizes.every((s) => s > 0)).toBe(true);
      }),
      { numRuns: 60, seed: 42 },
    );
  });
  it("within-SS does not increase with k (best of restarts)", () => {
    fc.assert(
      fc.property(points, ({ values, d, seed }) => {
        let previous = Infinity;
        for (let k = 1; k <= 5; k++) {
          const w = kmeans(values, d, k, { seed, restarts: 10 }).withinSS;
          expect(w).toBeLessThanOrEqual(previous + 1e-9);
          previous = w;
        }
      }),
      { numRuns: 40, seed: 7 },
    );
  });
});

describe("clusterKChoice on few distinct points", () => {
  it("stops at the number of distinct points instead of failing (told apart by class, not message)", async () => {
    const { clusterKChoice } = await import("../../src/segments/clusters/cluster-k-choice.js");
    // 40 points on 3 distinct places: k = 2 and 3 are possible, k = 4 is not.
    const values = Float64Array.from({ length: 40 }, (_, i) => [0, 10, 20][i % 3]!);
    const choice = clusterKChoice(values, 1, { seed: 1 });
    expect(choice.rows.map((r) => r.k)).toEqual([1, 2, 3]);
  });
});
