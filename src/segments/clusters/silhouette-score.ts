import { createRng } from "../../math/random/rng.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Options of {@link silhouetteScore}. */
export interface SilhouetteOptions {
  /** Most points to score exactly (default 5,000); above it a seeded subsample of this many is scored. */
  readonly maxPoints?: number;
  /** Seed of the subsample (default 1). */
  readonly seed?: number;
}

/** A mean silhouette width and how it was computed. */
export interface SilhouetteScore {
  /** Mean silhouette width in [-1, 1]: near 1 tight, well-separated clusters; near 0 overlapping. */
  readonly score: number;
  /** True when every point was scored; false when a subsample was. */
  readonly exact: boolean;
  /** Points scored (all, or the subsample size). */
  readonly pointsScored: number;
}

/**
 * The mean silhouette width (Rousseeuw 1987): for each point, a = mean Euclidean distance to the
 * other points of its cluster, b = the least mean distance to the points of another cluster,
 * s = (b - a) / max(a, b); s = 0 for a point alone in its cluster (as scikit-learn). Exact
 * (O(n^2 d)) for up to `maxPoints` points; above that it is computed on a seeded simple random
 * subsample of `maxPoints` points (distances among the sampled points only, as scikit-learn's
 * `sample_size`), which estimates the full score closely and is the same for the same seed.
 *
 * @param values - the points, n × d row-major (the z-scores that were clustered)
 * @param d - number of features
 * @param labels - cluster of each point, 0..k-1
 * @param options - maxPoints, seed
 * @returns the frozen score with `exact` and `pointsScored`
 * @throws ArgumentError when the lengths disagree, a label is negative, or there are fewer than 2 clusters
 * @example
 * silhouetteScore(Float64Array.from([0, 1, 10, 11]), 1, Int32Array.from([0, 0, 1, 1])).score; // 0.8997 (= (9.5/10.5 + 8.5/9.5) / 2)
 */
export function silhouetteScore(values: Float64Array, d: number, labels: Int32Array, options: SilhouetteOptions = {}): SilhouetteScore {
  const fn = "silhouetteScore";
  const n = labels.length;
  if (values.length !== n * d) throw new ArgumentError(`${fn}: ${values.length} values for ${n} labels and d = ${d}`);
  const maxPoints = options.maxPoints ?? 5000;
  if (!Number.isInteger(maxPoints) || maxPoints < 2) throw new ArgumentError(`${fn}: maxPoints must be a whole number >= 2, got ${maxPoints}`);
  let k = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i]! < 0) throw new ArgumentError(`${fn}: label ${labels[i]} of point ${i} is negative`);
    k = Math.max(k, labels[i]! + 1);
  }
  const exact = n <= maxPoints;
  const rows = exact ? Array.from({ length: n }, (_, i) => i) : createRng(options.seed ?? 1).shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, maxPoints).sort((a, b) => a - b);
  const m = rows.length;
  const sub = new Float64Array(m * d);
  const lab = new Int32Array(m);
  rows.forEach((r, i) => { sub.set(values.subarray(r * d, r * d + d), i * d); lab[i] = labels[r]!; });
  const size = new Float64Array(k);
  for (let i = 0; i < m; i++) size[lab[i]!]!++;
  let used = 0;
  for (let c = 0; c < k; c++) if (size[c]! > 0) used++;
  if (used < 2) throw new ArgumentError(`${fn}: the silhouette needs at least 2 clusters, got ${used}`);
  // sums[i * k + c] = sum of distances from point i to the points of cluster c (symmetric fill)
  const sums = new Float64Array(m * k);
  for (let i = 0; i < m; i++) {
    const li = lab[i]!;
    for (let j = i + 1; j < m; j++) {
      let s = 0;
      for (let t = 0; t < d; t++) { const x = sub[i * d + t]! - sub[j * d + t]!; s += x * x; }
      const dist = Math.sqrt(s);
      sums[i * k + lab[j]!]! += dist;
      sums[j * k + li]! += dist;
    }
  }
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = lab[i]!;
    if (size[own]! <= 1) continue; // s = 0
    const a = sums[i * k + own]! / (size[own]! - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && size[c]! > 0) b = Math.min(b, sums[i * k + c]! / size[c]!);
    const denom = Math.max(a, b);
    total += denom > 0 ? (b - a) / denom : 0;
  }
  return Object.freeze({ score: total / m, exact, pointsScored: m });
}
