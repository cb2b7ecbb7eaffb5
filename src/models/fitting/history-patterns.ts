import { compressPatterns } from "./compress-patterns.js";
import type { CustomerHistory } from "./model-types.js";
import { trustHistory } from "./trusted-history.js";

/** Customers' unique (x, t_x, T) patterns, the customers of each, and the pattern of each customer. */
export interface UniquePatterns {
  /** The unique histories, in order of their first customer (trusted: never changed). */
  readonly patterns: CustomerHistory;
  /** Customers with each pattern. */
  readonly counts: Float64Array;
  /** Pattern of each customer. */
  readonly rowPattern: Uint32Array;
}

// Keyed by the frequency column; checked against all three columns on every use.
const cache = new WeakMap<object, { readonly recency: ArrayLike<number>; readonly T: ArrayLike<number>; readonly value: UniquePatterns }>();

/**
 * The unique (x, t_x, T) patterns of checked customer histories ({@link compressPatterns}), computed
 * once per set of columns and shared by the fit, the predictions and the CLV with its bootstrap.
 * Each later use verifies in one pass that every customer still equals its pattern (the columns
 * may have been written to), and compresses again if not: never a stale result.
 *
 * @param customers - x, t_x, T (already checked by the caller; weights are ignored)
 * @returns the patterns, their counts and each customer's pattern (do not change them)
 * @example
 * uniquePatterns({ frequency: [0, 0, 1], recency: [0, 0, 2], T: [5, 5, 6] }).counts; // [2, 1]
 */
export function uniquePatterns(customers: CustomerHistory): UniquePatterns {
  const { frequency, recency, T } = customers;
  const key = typeof frequency === "object" && frequency !== null ? frequency : null;
  const hit = key === null ? undefined : cache.get(key);
  if (hit !== undefined && hit.recency === recency && hit.T === T && stillMatches(customers, hit.value)) return hit.value;
  const p = compressPatterns([frequency, recency, T]);
  const [x, tx, t] = p.columns as [Float64Array, Float64Array, Float64Array];
  const value: UniquePatterns = Object.freeze({ patterns: trustHistory(Object.freeze({ frequency: x, recency: tx, T: t })), counts: p.weights, rowPattern: p.rowPattern });
  if (key !== null) cache.set(key, { recency, T, value });
  return value;
}

function stillMatches(customers: CustomerHistory, value: UniquePatterns): boolean {
  const { frequency, recency, T } = customers;
  const { patterns, rowPattern } = value;
  const px = patterns.frequency, ptx = patterns.recency, pT = patterns.T;
  const n = frequency.length;
  if (rowPattern.length !== n || recency.length !== n || T.length !== n) return false;
  for (let i = 0; i < n; i++) {
    const k = rowPattern[i]!;
    if (frequency[i] !== px[k] || recency[i] !== ptx[k] || T[i] !== pT[k]) return false;
  }
  return true;
}
