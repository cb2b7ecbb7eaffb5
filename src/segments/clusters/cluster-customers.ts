import type { CustomerSummary } from "../../summary/types.js";
import { clusterKChoice, type KChoiceRow } from "./cluster-k-choice.js";
import { clusterProfiles, type ClusterProfile } from "./cluster-profiles.js";
import { assignToCentres } from "./assign-to-centres.js";
import { kmeans, totalSumOfSquares } from "./kmeans.js";
import { createRng } from "../../math/random/rng.js";
import { silhouetteScore, type SilhouetteScore } from "./silhouette-score.js";
import { CLUSTER_FEATURE_NAMES, DEFAULT_CLUSTER_FEATURES, DEFAULT_LOG_FEATURES, standardizeFeatures, type ClusterFeature } from "./standardize-features.js";
import { ArgumentError } from "../../math/argument-error.js";
import type { ProgressCallback } from "../../math/progress.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** Options of {@link clusterCustomers}. */
export interface ClusterCustomersOptions {
  /** Number of clusters, a whole number >= 2, or "auto" (default): the best silhouette for k in 2..kMax. */
  readonly k?: number | "auto";
  /** Largest k tried by "auto" (default 8). */
  readonly kMax?: number;
  /** Seed of every random step (k-means++ draws, silhouette subsample); default 1. */
  readonly seed?: number;
  /** k-means++ starts per k (default 4). */
  readonly restarts?: number;
  /** Features to cluster on (default days_since_last_purchase, orders, total_spend). */
  readonly features?: readonly ClusterFeature[];
  /** Features that get a signed log1p before the z-score (default orders, frequency, total_spend, monetary_value). */
  readonly log?: readonly ClusterFeature[];
  /**
   * Most customers k-means and the choice of k are fitted on (default {@link DEFAULT_CLUSTER_SAMPLE}):
   * with more customers, a seeded random sample of this many is clustered and every customer is
   * then assigned to the nearest centre.
   */
  readonly sampleSize?: number;
  /**
   * Told how far the clustering is, in stages: one per k tried ("auto": k = 1..kMax; a fixed k:
   * one), then one for assigning every customer, the silhouette and the profiles; the last call
   * is `(total, total)` at the end. The result is the same with or without it.
   */
  readonly onProgress?: ProgressCallback;
}

/** The default most customers k-means is fitted on before all are assigned to the nearest centre. */
export const DEFAULT_CLUSTER_SAMPLE = 20_000;

/** A customer clustering with its profiles: a plain frozen record that reports and the CLI read. */
export interface ClusterResult {
  readonly k: number;
  /** True when k was chosen by silhouette ("auto"). */
  readonly kChosenAutomatically: boolean;
  readonly seed: number;
  readonly restarts: number;
  readonly features: readonly ClusterFeature[];
  /** Whether each feature was log-transformed (signed log1p) before the z-score. */
  readonly logged: readonly boolean[];
  readonly customerIds: readonly string[];
  /** Cluster of each customer, 1-based (cluster 1 is the largest), in the summary's row order. */
  readonly clusters: Int32Array;
  /** Cluster centres in z-score units, one row per cluster. */
  readonly centres: readonly (readonly number[])[];
  /** Within-cluster sum of squares and total sum of squares (squared z-score units). */
  readonly withinSS: number;
  readonly totalSS: number;
  readonly silhouette: SilhouetteScore;
  readonly converged: boolean;
  readonly profiles: readonly ClusterProfile[];
  /** Customers in the seeded sample k-means (and the k choice) was fitted on; null when fitted on all customers. */
  readonly sampleSize: number | null;
  /** The k-choice table (k = 1..kMax, within-SS, silhouette) when k was "auto"; else null (on the sample when there is one). */
  readonly kChoice: { readonly rows: readonly KChoiceRow[]; readonly bestK: number; readonly elbowK: number; readonly silhouetteExact: boolean } | null;
}

/**
 * Segments customers by k-means on their standardised RFM-like features: signed log1p for
 * counts and money (by default), z-scores, then {@link kmeans} (k-means++ seeds, seeded
 * restarts, best within-SS), with k fixed or chosen by silhouette ({@link clusterKChoice}), and
 * a profile of each cluster a manager can read ({@link clusterProfiles}). Deterministic for a seed.
 * With more customers than `sampleSize` (default 20,000), k-means and the choice of k run on a
 * seeded random sample of that many, and every customer is then assigned to the nearest centre
 * ({@link assignToCentres}); the silhouette and the profiles are of all customers.
 *
 * @param summary - the customer summary (its columns hold the features)
 * @param options - k ("auto" or a number), kMax, seed, restarts, features, log, sampleSize
 * @returns the frozen result
 * @throws ArgumentError for an unknown feature, a k below 2 or above the customers, a bad seed, or too few distinct customers
 * @example
 * const r = clusterCustomers(await customerSummary(tx), { k: "auto", seed: 1 });
 * r.k; r.profiles.map((p) => `${p.name}: ${p.size}`); // e.g. 4, ["Lapsed one-timers: 2210", ...]
 */
export function clusterCustomers(summary: Pick<CustomerSummary, "length" | "columns" | "hasSpend">, options: ClusterCustomersOptions = {}): ClusterResult {
  const fn = "clusterCustomers";
  // A purchase log has no spend: by default cluster on recency and frequency alone.
  const spendFeatures: readonly ClusterFeature[] = ["total_spend", "monetary_value"];
  const features = options.features ?? (summary.hasSpend === false ? DEFAULT_CLUSTER_FEATURES.filter((f) => !spendFeatures.includes(f)) : DEFAULT_CLUSTER_FEATURES);
  for (const f of features) {
    if (!(CLUSTER_FEATURE_NAMES as readonly string[]).includes(f)) throw new ArgumentError(`${fn}: feature "${f}" is not one of ${CLUSTER_FEATURE_NAMES.join(", ")}`);
  }
  if (new Set(features).size !== features.length) throw new ArgumentError(`${fn}: features "${features.join(",")}" name one twice`);
  const k = options.k ?? "auto";
  if (summary.length < 3) throw new AnalysisNotPossibleError(`${fn}: only ${summary.length} customer${summary.length === 1 ? "" : "s"}; at least 3 are needed to form 2 clusters`);
  if (k !== "auto" && (!Number.isInteger(k) || k < 2 || k > summary.length)) {
    throw new ArgumentError(`${fn}: k must be "auto" or a whole number from 2 to ${summary.length} (the customers), got ${String(k)}`);
  }
  const seed = options.seed ?? 1;
  const restarts = options.restarts ?? 4;
  const maxSample = options.sampleSize ?? DEFAULT_CLUSTER_SAMPLE;
  if (!Number.isInteger(maxSample) || maxSample < 3) throw new ArgumentError(`${fn}: sampleSize must be a whole number >= 3, got ${String(maxSample)}`);
  const z = standardizeFeatures(summary.columns, features, options.log ?? DEFAULT_LOG_FEATURES);
  const n = summary.length;
  // Many customers: fit on a seeded sample (the same for the same seed), then assign all of them.
  const sampled = n > maxSample;
  if (sampled && k !== "auto" && k > maxSample) throw new ArgumentError(`${fn}: k ${k} is more than the ${maxSample} customers k-means is fitted on (sampleSize); give a larger sampleSize`);
  const points = sampled ? sampleRows(z.values, z.d, n, maxSample, seed) : z.values;
  const onProgress = options.onProgress;
  let stages = 2; // a fixed k: its fit, then the rest
  const kTried: ProgressCallback | undefined = onProgress && ((done, total = 1) => {
    stages = total + 1;
    onProgress(done, stages);
  });
  const choice = k === "auto" ? clusterKChoice(points, z.d, { seed, restarts, kMax: options.kMax ?? 8, onProgress: kTried }) : null;
  const fitted = choice ? choice.best : kmeans(points, z.d, k as number, { seed, restarts });
  if (!choice) kTried?.(1, 1);
  const fit = sampled ? { ...assignToCentres(z.values, z.d, fitted.centres), totalSS: totalSumOfSquares(z.values, z.values.length / z.d, z.d), converged: fitted.converged } : fitted;
  const silhouette = silhouetteScore(z.values, z.d, fit.labels, { seed });
  const profiles = clusterProfiles(summary.columns, fit.labels, features);
  onProgress?.(stages, stages);
  return Object.freeze({
    k: fit.k,
    kChosenAutomatically: choice !== null,
    seed,
    restarts,
    features: Object.freeze([...features]),
    logged: z.logged,
    customerIds: summary.columns.customer_id,
    clusters: Int32Array.from(fit.labels, (c) => c + 1),
    centres: Object.freeze(Array.from({ length: fit.k }, (_, c) => Object.freeze(Array.from(fit.centres.subarray(c * z.d, c * z.d + z.d))))),
    withinSS: fit.withinSS,
    totalSS: fit.totalSS,
    silhouette,
    converged: fit.converged,
    profiles,
    sampleSize: sampled ? maxSample : null,
    kChoice: choice ? Object.freeze({ rows: choice.rows, bestK: choice.bestK, elbowK: choice.elbowK, silhouetteExact: choice.silhouetteExact }) : null,
  });
}

/** `m` rows of an n × d matrix drawn by a seeded shuffle, kept in their original order. */
function sampleRows(values: Float64Array, d: number, n: number, m: number, seed: number): Float64Array {
  const rows = createRng(seed).shuffle(Array.from({ length: n }, (_, i) => i)).slice(0, m).sort((a, b) => a - b);
  const out = new Float64Array(m * d);
  rows.forEach((r, i) => out.set(values.subarray(r * d, r * d + d), i * d));
  return out;
}

