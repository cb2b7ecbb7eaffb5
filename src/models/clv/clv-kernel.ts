import { kthSmallest } from "../../math/kth-smallest.js";
import { uniquePatterns } from "../fitting/history-patterns.js";
import { checkHistory } from "../fitting/check-history.js";
import type { CustomerHistory, ModelParams, PurchaseModel } from "../fitting/model-types.js";

/** Customers' unique (x, t_x, T) patterns and, per row, the index of its pattern. */
export interface HistoryPatterns {
  readonly patterns: CustomerHistory;
  readonly rowPattern: Uint32Array;
}

/**
 * Groups customer histories into unique (x, t_x, T) patterns, so that the purchase model is
 * evaluated once per pattern (on CDNOW the 1,411 zero-repeat customers share 84 patterns). The
 * patterns of a set of columns are computed once and shared with the fit ({@link uniquePatterns}).
 *
 * @throws ArgumentError for invalid histories (checkHistory)
 * @example
 * historyPatterns({ frequency: [0, 0], recency: [0, 0], T: [30, 30] }).rowPattern; // [0, 0]
 */
export function historyPatterns(customers: CustomerHistory): HistoryPatterns {
  checkHistory("historyPatterns", customers);
  const { patterns, rowPattern } = uniquePatterns(customers);
  return { patterns, rowPattern };
}

/**
 * Discounted expected purchases over the horizon per pattern: Σ_{i=1..H} (E[Y(iL)] − E[Y((i−1)L)]) / (1 + d)^i,
 * the purchase part of lifetimes' `customer_lifetime_value` (each period's purchases are
 * discounted as if they fell at the end of the period). Also returns the undiscounted total E[Y(HL)].
 *
 * @param model - the purchase model (time in its unit)
 * @param patterns - unique histories
 * @param horizonPeriods - H, whole periods
 * @param periodLength - L, model time units per period
 * @param discountRatePerPeriod - d
 * @example
 * discountedPurchases(bgnbd, patterns, 12, 30, 0.01).discounted[0]; // for customer 1 of CDNOW ≈ 5.68
 */
export function discountedPurchases<P extends ModelParams>(
  model: PurchaseModel<P>,
  patterns: CustomerHistory,
  horizonPeriods: number,
  periodLength: number,
  discountRatePerPeriod: number,
): { discounted: Float64Array; total: Float64Array } {
  return model.discountedExpectedPurchases(patterns, horizonPeriods, periodLength, discountRatePerPeriod);
}

/**
 * Per-customer CLV = margin × E[M] × discounted purchases of the customer's pattern.
 *
 * @example
 * combineClv(Float64Array.of(5), Uint32Array.of(0, 0), Float64Array.of(20, 30), 1); // [100, 150]
 */
export function combineClv(discounted: Float64Array, rowPattern: Uint32Array, averageSpend: Float64Array, margin: number): Float64Array {
  const out = new Float64Array(rowPattern.length);
  for (let i = 0; i < out.length; i++) out[i] = margin * averageSpend[i]! * discounted[rowPattern[i]!]!;
  return out;
}

/**
 * The q-quantile (0 <= q <= 1) of sorted values by linear interpolation (Hyndman & Fan 1996
 * type 7, numpy's default).
 *
 * @example
 * quantileSorted(Float64Array.of(1, 2, 3, 4), 0.5); // 2.5
 */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h), hi = Math.ceil(h);
  if (lo === hi) return sorted[lo]!;
  const a = sorted[lo]!, b = sorted[hi]!;
  return a === b ? a : a + (h - lo) * (b - a);
}

/**
 * The (1−level)/2 and (1+level)/2 quantiles of `values` ({@link quantileSorted} on the sorted
 * values, bit for bit) without sorting them all: the four order statistics they need are found
 * by selection (Hoare 1961), so a column of 100 bootstrap draws costs about 2·100 comparisons.
 * `values` is reordered. With a NaN among them, the values are sorted (NaN last, as
 * Float64Array.prototype.sort puts it).
 *
 * @param values - the draws of one customer (reordered in place)
 * @param level - the interval's level, in (0, 1)
 * @param out - receives [lower, upper]
 * @example
 * const out = new Float64Array(2);
 * percentileInterval(Float64Array.of(4, 1, 3, 2, 5), 0.5, out); // out = [2, 4]
 */
export function percentileInterval(values: Float64Array, level: number, out: Float64Array): void {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    if (values[i] !== values[i]) {
      values.sort();
      out[0] = quantileSorted(values, (1 - level) / 2);
      out[1] = quantileSorted(values, (1 + level) / 2);
      return;
    }
  }
  out[0] = selectedQuantile(values, (1 - level) / 2);
  out[1] = selectedQuantile(values, (1 + level) / 2);
}

/** quantileSorted(sorted values, q), by selection of the order statistics at floor and ceil of (n−1)q. */
function selectedQuantile(values: Float64Array, q: number): number {
  const h = (values.length - 1) * q;
  const lo = Math.floor(h), hi = Math.ceil(h);
  const a = kthSmallest(values, lo);
  if (lo === hi) return a;
  let b = Infinity;
  for (let i = lo + 1; i < values.length; i++) if (values[i]! < b) b = values[i]!;
  return a === b ? a : a + (h - lo) * (b - a);
}

