import type { Rng } from "../../math/random/rng-types.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007, "k-means++: the advantages of careful
 * seeding"): the first centre is a uniformly drawn point, each next one a point drawn with
 * probability proportional to its squared distance D(x)^2 to the nearest centre chosen so far.
 *
 * @param values - the points, n × d row-major (z-scores)
 * @param n - number of points
 * @param d - number of features
 * @param k - number of centres, 1 <= k
 * @param rng - the seeded generator to draw from (advanced in place)
 * @returns k × d centres, row-major
 * @throws ArgumentError when the points have fewer than k distinct values
 * @example
 * kmeansPlusPlus(Float64Array.from([0, 0, 10, 10]), 4, 1, 2, createRng(1)); // Float64Array [0, 10] or [10, 0]
 */
export function kmeansPlusPlus(values: Float64Array, n: number, d: number, k: number, rng: Rng): Float64Array {
  const centres = new Float64Array(k * d);
  const nearest = new Float64Array(n);
  let c = rng.uniformInt(n);
  for (let j = 0; j < d; j++) centres[j] = values[c * d + j]!;
  for (let i = 0; i < n; i++) nearest[i] = squaredDistance(values, i * d, centres, 0, d);
  for (let m = 1; m < k; m++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += nearest[i]!;
    if (!(total > 0)) {
      throw new AnalysisNotPossibleError(`kmeansPlusPlus: the data have only ${m} distinct points, fewer than k = ${k} clusters; choose a smaller k`);
    }
    const target = rng.uniform() * total;
    let acc = 0;
    c = -1;
    for (let i = 0; i < n; i++) {
      acc += nearest[i]!;
      if (acc > target && nearest[i]! > 0) {
        c = i;
        break;
      }
    }
    if (c < 0) for (let i = n - 1; i >= 0; i--) if (nearest[i]! > 0) { c = i; break; } // rounding at the top end
    const base = m * d;
    for (let j = 0; j < d; j++) centres[base + j] = values[c * d + j]!;
    for (let i = 0; i < n; i++) {
      const dist = squaredDistance(values, i * d, centres, base, d);
      if (dist < nearest[i]!) nearest[i] = dist;
    }
  }
  return centres;
}

/**
 * Squared Euclidean distance between row `a` of `x` and row `b` of `y` (offsets, not row numbers).
 *
 * @example
 * squaredDistance(Float64Array.from([0, 0]), 0, Float64Array.from([3, 4]), 0, 2); // 25
 * @throws never
 */
export function squaredDistance(x: Float64Array, a: number, y: Float64Array, b: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) {
    const t = x[a + j]! - y[b + j]!;
    s += t * t;
  }
  return s;
}
