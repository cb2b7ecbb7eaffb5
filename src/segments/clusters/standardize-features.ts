import { ArgumentError } from "../../math/argument-error.js";
/** The customer-summary columns that can be clustered on (all numeric, one value per customer). */
export const CLUSTER_FEATURE_NAMES = Object.freeze([
  "days_since_last_purchase",
  "orders",
  "total_spend",
  "frequency",
  "monetary_value",
  "recency",
  "T",
] as const);

/** A clusterable feature: one of {@link CLUSTER_FEATURE_NAMES}. */
export type ClusterFeature = (typeof CLUSTER_FEATURE_NAMES)[number];

/** The default clustering features: RFM recency (days), frequency (orders) and monetary value (total spend). */
export const DEFAULT_CLUSTER_FEATURES: readonly ClusterFeature[] = Object.freeze(["days_since_last_purchase", "orders", "total_spend"]);

/**
 * Features that get a signed log1p before the z-score by default: counts and money, which are
 * right-skewed (a few customers buy far more), so that a handful of whales do not make their
 * own clusters. Durations (days since last purchase, recency, T) stay linear.
 */
export const DEFAULT_LOG_FEATURES: readonly ClusterFeature[] = Object.freeze(["orders", "frequency", "total_spend", "monetary_value"]);

/** A standardised feature matrix, row-major: `values[i * d + j]` is customer i, feature j. */
export interface StandardizedFeatures {
  readonly n: number;
  readonly d: number;
  readonly features: readonly string[];
  /** Whether each feature was log-transformed (signed log1p) before standardising. */
  readonly logged: readonly boolean[];
  /** Mean of each (transformed) feature, in transformed units. */
  readonly means: readonly number[];
  /** Population standard deviation of each (transformed) feature; 1 where the feature is constant. */
  readonly sds: readonly number[];
  /** z-scores, n × d, row-major. */
  readonly values: Float64Array;
}

/**
 * Signed log1p: `sign(x) * log(1 + |x|)`, defined for the negative totals that returns can
 * leave and equal to log1p for x >= 0.
 *
 * @example
 * signedLog1p(Math.E - 1); // 1
 * signedLog1p(-(Math.E - 1)); // -1
 * @throws never
 */
export function signedLog1p(x: number): number {
  return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
}

/**
 * Turns feature columns into z-scores (mean 0, population SD 1), after a signed log1p for the
 * features named in `log`. A constant feature gets SD 1 (all its z-scores are 0), so it takes
 * no part in the distances.
 *
 * @param columns - any object of columns, e.g. `summary.columns`: feature name to one number per customer (all the same length)
 * @param features - the features to use, in column order of the result
 * @param log - the features to log-transform (default {@link DEFAULT_LOG_FEATURES})
 * @returns the frozen matrix with the means and SDs used
 * @throws ArgumentError when no feature is given, a column is missing or of another length, or a value is not finite
 * @example
 * const z = standardizeFeatures({ x: Float64Array.from([1, 3]) }, ["x"], []);
 * Array.from(z.values); // [-1, 1]
 */
export function standardizeFeatures(
  columns: object,
  features: readonly string[],
  log: readonly string[] = DEFAULT_LOG_FEATURES,
): StandardizedFeatures {
  const fn = "standardizeFeatures";
  if (features.length === 0) throw new ArgumentError(`${fn}: give at least one feature`);
  const d = features.length;
  // Any object of columns (e.g. a summary's SummaryColumns): read the named ones as numbers.
  const table = columns as Readonly<Record<string, ArrayLike<number> | undefined>>;
  const first = table[features[0]!];
  if (!first) throw new ArgumentError(`${fn}: feature "${features[0]}" is not a column`);
  const n = first.length;
  const values = new Float64Array(n * d);
  const means: number[] = [];
  const sds: number[] = [];
  const logged: boolean[] = [];
  for (let j = 0; j < d; j++) {
    const name = features[j]!;
    const col = table[name];
    if (!col) throw new ArgumentError(`${fn}: feature "${name}" is not a column`);
    if (col.length !== n) throw new ArgumentError(`${fn}: feature "${name}" has ${col.length} values, expected ${n}`);
    const useLog = log.includes(name);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const raw = col[i]!;
      if (!Number.isFinite(raw)) throw new ArgumentError(`${fn}: feature "${name}" value ${raw} of row ${i} is not finite`);
      const v = useLog ? signedLog1p(raw) : raw;
      values[i * d + j] = v;
      sum += v;
    }
    const mean = n > 0 ? sum / n : 0;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (values[i * d + j]! - mean) ** 2;
    const sd = n > 0 && ss > 0 ? Math.sqrt(ss / n) : 1;
    for (let i = 0; i < n; i++) values[i * d + j] = (values[i * d + j]! - mean) / sd;
    means.push(mean);
    sds.push(sd);
    logged.push(useLog);
  }
  return Object.freeze({
    n,
    d,
    features: Object.freeze([...features]),
    logged: Object.freeze(logged),
    means: Object.freeze(means),
    sds: Object.freeze(sds),
    values,
  });
}
