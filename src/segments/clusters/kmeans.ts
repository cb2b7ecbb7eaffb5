import { createRng } from "../../math/random/rng.js";
import { kmeansLloyd } from "./kmeans-lloyd.js";
import { kmeansPlusPlus } from "./kmeans-plus-plus.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Options of {@link kmeans}. */
export interface KmeansOptions {
  /** Seed of the k-means++ draws (default 1): the same seed gives the same clusters. */
  readonly seed?: number;
  /** Independent k-means++ starts; the one with the least within-SS is kept (default 4). */
  readonly restarts?: number;
  /** Most Lloyd iterations per start (default 300). */
  readonly maxIterations?: number;
  /**
   * Stop a start when the summed squared shift of the centres is at most `tolerance` times the
   * mean variance of the features (default 1e-4, as scikit-learn); 0 runs until no label changes.
   */
  readonly tolerance?: number;
}

/** A k-means clustering (frozen; typed arrays are not frozen but never changed). */
export interface KmeansResult {
  readonly k: number;
  /** Cluster of each point, 0-based; cluster 0 is the largest (ties: the one whose first point comes first). */
  readonly labels: Int32Array;
  /** k × d centres, row-major, in the units of the input (z-scores when standardised). */
  readonly centres: Float64Array;
  /** Points per cluster. */
  readonly sizes: readonly number[];
  /** Total within-cluster sum of squares of the best start (squared input units). */
  readonly withinSS: number;
  /** Total sum of squares about the overall mean (the within-SS of one cluster). */
  readonly totalSS: number;
  /** Lloyd iterations of the best start. */
  readonly iterations: number;
  /** Whether the best start converged (no label changed) within maxIterations. */
  readonly converged: boolean;
  readonly restarts: number;
  readonly seed: number;
}

/**
 * k-means clustering: Lloyd's algorithm from k-means++ seeds (Arthur & Vassilvitskii 2007), run
 * from `restarts` seeded starts, keeping the start with the smallest total within-cluster sum of
 * squares. Deterministic for a seed. Labels are put in a canonical order (largest cluster first)
 * so that results compare across runs. Runs on typed arrays with Hamerly bounds: 100,000 points
 * × 5 features take about 0.6 s for k = 5 and 1.2 s for k = 8 (4 starts, one core, measured).
 *
 * @param values - the points, n × d row-major (standardise them first: see standardizeFeatures)
 * @param d - number of features (columns)
 * @param k - number of clusters, a whole number from 1 to the number of distinct points
 * @param options - seed, restarts, maxIterations
 * @returns the frozen clustering
 * @throws ArgumentError for a bad k, d, seed, restarts or maxIterations, a length that is not a
 *   multiple of d, a non-finite value, or fewer distinct points than k
 * @example
 * const r = kmeans(Float64Array.from([0, 1, 10, 11, 12]), 1, 2, { seed: 7 });
 * Array.from(r.labels); // [1, 1, 0, 0, 0]
 * r.withinSS;           // 2.5
 */
export function kmeans(values: Float64Array, d: number, k: number, options: KmeansOptions = {}): KmeansResult {
  const fn = "kmeans";
  const seed = options.seed ?? 1;
  const restarts = options.restarts ?? 4;
  const maxIterations = options.maxIterations ?? 300;
  const tolerance = options.tolerance ?? 1e-4;
  if (!Number.isInteger(d) || d < 1) throw new ArgumentError(`${fn}: d must be a whole number >= 1, got ${d}`);
  if (values.length % d !== 0) throw new ArgumentError(`${fn}: ${values.length} values is not a multiple of d = ${d}`);
  const n = values.length / d;
  if (!Number.isInteger(k) || k < 1 || k > n) throw new ArgumentError(`${fn}: k must be a whole number from 1 to ${n} (the number of points), got ${k}`);
  if (!Number.isInteger(restarts) || restarts < 1) throw new ArgumentError(`${fn}: restarts must be a whole number >= 1, got ${restarts}`);
  if (!Number.isInteger(maxIterations) || maxIterations < 1) throw new ArgumentError(`${fn}: maxIterations must be a whole number >= 1, got ${maxIterations}`);
  if (!(tolerance >= 0)) throw new ArgumentError(`${fn}: tolerance must be >= 0, got ${tolerance}`);
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i]!)) throw new ArgumentError(`${fn}: value ${values[i]} at row ${Math.floor(i / d)}, column ${i % d} is not finite`);
  }
  const totalSS = totalSumOfSquares(values, n, d);
  const threshold = (tolerance * totalSS) / (n * d);
  const rng = createRng(seed);
  let best: ReturnType<typeof kmeansLloyd> | undefined;
  for (let r = 0; r < restarts; r++) {
    const run = kmeansLloyd(values, n, d, k, kmeansPlusPlus(values, n, d, k, rng.fork()), maxIterations, threshold);
    if (best === undefined || run.withinSS < best.withinSS) best = run;
  }
  const { labels, centres, sizes } = canonicalOrder(best!.labels, best!.centres, n, d, k);
  return Object.freeze({
    k,
    labels,
    centres,
    sizes: Object.freeze(sizes),
    withinSS: best!.withinSS,
    totalSS,
    iterations: best!.iterations,
    converged: best!.converged,
    restarts,
    seed,
  });
}

function canonicalOrder(labels: Int32Array, centres: Float64Array, n: number, d: number, k: number) {
  const size = new Array<number>(k).fill(0);
  const first = new Array<number>(k).fill(n);
  for (let i = 0; i < n; i++) {
    const c = labels[i]!;
    size[c]!++;
    if (first[c] === n) first[c] = i;
  }
  const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const rank = new Int32Array(k);
  order.forEach((c, r) => (rank[c] = r));
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = rank[labels[i]!]!;
  const outCentres = new Float64Array(k * d);
  order.forEach((c, r) => outCentres.set(centres.subarray(c * d, c * d + d), r * d));
  return { labels: out, centres: outCentres, sizes: order.map((c) => size[c]!) };
}

/**
 * Sum of squares of row-major points about their column means (the within-SS of one cluster).
 *
 * @param values - n points of d coordinates, row-major
 * @param n - number of points
 * @param d - coordinates per point
 * @returns the sum of squared deviations from the column means
 * @example
 * totalSumOfSquares(Float64Array.of(0, 0, 2, 2), 2, 2); // 4
 */
export function totalSumOfSquares(values: Float64Array, n: number, d: number): number {
  let total = 0;
  for (let j = 0; j < d; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += values[i * d + j]!;
    mean /= n;
    for (let i = 0; i < n; i++) total += (values[i * d + j]! - mean) ** 2;
  }
  return total;
}
