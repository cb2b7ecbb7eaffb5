import { kmeans, type KmeansOptions, type KmeansResult } from "./kmeans.js";
import { silhouetteScore } from "./silhouette-score.js";
import { ArgumentError } from "../../math/argument-error.js";
import type { ProgressCallback } from "../../math/progress.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** One row of the k-choice table. */
export interface KChoiceRow {
  readonly k: number;
  /** Total within-cluster sum of squares (squared z-score units), best of the restarts. */
  readonly withinSS: number;
  /** withinSS / totalSS: the share of the spread left inside the clusters (1 at k = 1). */
  readonly withinShare: number;
  /** Mean silhouette width; null for k = 1. */
  readonly silhouette: number | null;
}

/** The k-choice table and the two suggestions it gives. */
export interface KChoice {
  /** Rows for k = 1 .. kMax (k = 1 anchors the elbow). */
  readonly rows: readonly KChoiceRow[];
  /** The k in kMin..kMax with the highest silhouette (the smaller k on a tie): the chosen k. */
  readonly bestK: number;
  /** The elbow of the within-SS curve (see {@link clusterKChoice}). */
  readonly elbowK: number;
  /** True when the silhouettes were computed exactly, false when on a seeded subsample. */
  readonly silhouetteExact: boolean;
  /** The clustering at bestK. */
  readonly best: KmeansResult;
}

/**
 * Chooses the number of clusters: runs {@link kmeans} for k = 1 .. kMax (same seed and restarts
 * for each k) and tabulates within-SS and the mean silhouette ({@link silhouetteScore}: exact up
 * to 5,000 points, above that on one seeded subsample of 5,000 shared by every k). The chosen k
 * is the one in kMin..kMax with the highest silhouette. The elbow is the k whose within-SS lies
 * farthest below the straight line from k = 1 to k = kMax once both axes are scaled to [0, 1]
 * (the "Kneedle" knee, Satopää et al. 2011); it is shown for reading, not used to choose.
 *
 * @param values - the points, n × d row-major (z-scores)
 * @param d - number of features
 * @param options - kMin (default 2), kMax (default 8), the kmeans options (seed, restarts, ...), and
 *   onProgress, told the values of k tried of kMax after each k (the last call `(kMax, kMax)`)
 * @returns the frozen table, bestK, elbowK and the clustering at bestK
 * @throws ArgumentError when kMin < 2, kMax < kMin, or the data have fewer than kMin + 1 distinct points
 * @example
 * const c = clusterKChoice(z.values, z.d, { seed: 1 });
 * c.rows.map((r) => r.k); // [1, 2, 3, 4, 5, 6, 7, 8]
 * c.bestK;                // e.g. 3
 */
export function clusterKChoice(
  values: Float64Array,
  d: number,
  options: KmeansOptions & { readonly kMin?: number; readonly kMax?: number; readonly maxSilhouettePoints?: number; readonly onProgress?: ProgressCallback } = {},
): KChoice {
  const fn = "clusterKChoice";
  const kMin = options.kMin ?? 2;
  const n = values.length / d;
  const kMax = Math.min(options.kMax ?? 8, n - 1);
  if (!Number.isInteger(kMin) || kMin < 2) throw new ArgumentError(`${fn}: kMin must be a whole number >= 2, got ${kMin}`);
  if (!Number.isInteger(kMax) || kMax < kMin) throw new AnalysisNotPossibleError(`${fn}: kMax ${kMax} (at most points - 1 = ${n - 1}) is below kMin ${kMin}`);
  const rows: KChoiceRow[] = [];
  const fits: KmeansResult[] = [];
  let exact = true;
  for (let k = 1; k <= kMax; k++) {
    let fit: KmeansResult;
    try {
      fit = kmeans(values, d, k, options);
    } catch (error) {
      if (k > kMin && error instanceof AnalysisNotPossibleError) break; // no more distinct points for k clusters: stop at k - 1
      throw error;
    }
    let silhouette: number | null = null;
    if (k > 1) {
      const s = silhouetteScore(values, d, fit.labels, { seed: options.seed ?? 1, maxPoints: options.maxSilhouettePoints ?? 5000 });
      silhouette = s.score;
      exact = s.exact;
    }
    fits.push(fit);
    rows.push(Object.freeze({ k, withinSS: fit.withinSS, withinShare: fit.totalSS > 0 ? fit.withinSS / fit.totalSS : 0, silhouette }));
    options.onProgress?.(k, kMax);
  }
  // Stopped early (no more distinct points): the rest of the k are not needed, so the work is done.
  if (rows.length < kMax) options.onProgress?.(kMax, kMax);
  let bestK = kMin;
  for (const r of rows) if (r.k >= kMin && r.silhouette! > rows[bestK - 1]!.silhouette!) bestK = r.k;
  return Object.freeze({ rows: Object.freeze(rows), bestK, elbowK: elbow(rows), silhouetteExact: exact, best: fits[bestK - 1]! });
}

function elbow(rows: readonly KChoiceRow[]): number {
  const first = rows[0]!;
  const last = rows[rows.length - 1]!;
  const spanK = last.k - first.k;
  const spanW = first.withinSS - last.withinSS;
  if (spanK <= 0 || !(spanW > 0)) return first.k;
  let best = first.k;
  let bestGap = 0;
  for (const r of rows) {
    const x = (r.k - first.k) / spanK;
    const y = (r.withinSS - last.withinSS) / spanW; // 1 at k = 1, 0 at kMax
    const gap = 1 - x - y; // how far below the chord from (0, 1) to (1, 0)
    if (gap > bestGap + 1e-12) { bestGap = gap; best = r.k; }
  }
  return best;
}
