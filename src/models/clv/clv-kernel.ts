import type { CustomerHistory, ModelParams, PurchaseModel } from "../fitting/model-types.js";

/** Customers' unique (x, t_x, T) patterns and, per row, the index of its pattern. */
export interface HistoryPatterns {
  readonly patterns: CustomerHistory;
  readonly rowPattern: Uint32Array;
}

/**
 * Groups customer histories into unique (x, t_x, T) patterns, so that the purchase model is
 * evaluated once per pattern (on CDNOW the 1,411 zero-repeat customers share 84 patterns).
 *
 * @example
 * historyPatterns({ frequency: [0, 0], recency: [0, 0], T: [30, 30] }).rowPattern; // [0, 0]
 */
export function historyPatterns(customers: CustomerHistory): HistoryPatterns {
  const n = customers.frequency.length;
  const index = new Map<string, number>();
  const rowPattern = new Uint32Array(n);
  const x: number[] = [], tx: number[] = [], T: number[] = [];
  for (let i = 0; i < n; i++) {
    const key = `${customers.frequency[i]}|${customers.recency[i]}|${customers.T[i]}`;
    let k = index.get(key);
    if (k === undefined) {
      k = x.length;
      index.set(key, k);
      x.push(customers.frequency[i]!);
      tx.push(customers.recency[i]!);
      T.push(customers.T[i]!);
    }
    rowPattern[i] = k;
  }
  return { patterns: { frequency: Float64Array.from(x), recency: Float64Array.from(tx), T: Float64Array.from(T) }, rowPattern };
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
  const m = patterns.frequency.length;
  const discounted = new Float64Array(m);
  let previous: Float64Array = new Float64Array(m);
  for (let i = 1; i <= horizonPeriods; i++) {
    const cumulative = model.conditionalExpectedPurchases(patterns, i * periodLength);
    const factor = Math.pow(1 + discountRatePerPeriod, -i);
    for (let k = 0; k < m; k++) discounted[k] = discounted[k]! + (cumulative[k]! - previous[k]!) * factor;
    previous = cumulative;
  }
  return { discounted, total: previous };
}

/**
 * Per-customer CLV = margin × E[M] × discounted purchases of the customer's pattern.
 *
 * @example
 * combineClv(Float64Array.of(5), Uint32Array.of(0, 0), Float64Array.of(20, 30), 1); // [100, 150]
 */
export function combineClv(discounted: Float64Array, rowPattern: Uint32Array, averageSpend: Float64Array, margin: number): Float64Array {
  return Float64Array.from(rowPattern, (k, i) => margin * averageSpend[i]! * discounted[k]!);
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
