import type { ServiceCustomerFacts } from "./service-customer-facts.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Bins of prior purchase days (lower bounds): 1, 2, 3-4, 5-7, 8 and more. */
export const SERVICE_ORDER_BINS: readonly number[] = Object.freeze([1, 2, 3, 5, 8]);
/** Bins of days since the last purchase at the cut (lower bounds): 0-30, 31-90, 91-180, 181 and more. */
export const SERVICE_RECENCY_BINS: readonly number[] = Object.freeze([0, 31, 91, 181]);

function binOf(x: number, lows: readonly number[]): number {
  let b = 0;
  while (b + 1 < lows.length && x >= lows[b + 1]!) b++;
  return b;
}

/**
 * Strata of comparable customers for the service-impact comparison: prior purchase days in
 * the lookback ({@link SERVICE_ORDER_BINS}) × days since the last purchase at the cut
 * ({@link SERVICE_RECENCY_BINS}) × prior spend in `spendBins` quantile bins (default 3,
 * tertiles of the customers' spend). Customers in one stratum bought about as often, as
 * recently and as much before the cut, so a difference after it is not their prior behaviour.
 *
 * @param facts - the customer facts
 * @param spendBins - number of quantile bins of prior spend (whole number ≥ 1, default 3)
 * @returns a frozen stratum code per customer (orders bin × 100 + recency bin × 10 + spend bin)
 * @throws ArgumentError when spendBins is not a whole number from 1 to 9
 * @example
 * serviceStrata(facts)[0]; // 211: 3-4 purchase days, 31-90 days since, middle spend tertile
 */
export function serviceStrata(facts: ServiceCustomerFacts, spendBins = 3): Int32Array {
  if (!Number.isInteger(spendBins) || spendBins < 1 || spendBins > 9) throw new ArgumentError(`serviceStrata: spendBins ${spendBins} is not a whole number from 1 to 9`);
  const sorted = Float64Array.from(facts.priorSpend).sort();
  const cuts: number[] = [];
  for (let b = 1; b < spendBins; b++) cuts.push(sorted[Math.min(sorted.length - 1, Math.floor((b * sorted.length) / spendBins))]!);
  const out = new Int32Array(facts.length);
  for (let i = 0; i < facts.length; i++) {
    let s = 0;
    while (s < cuts.length && facts.priorSpend[i]! >= cuts[s]!) s++;
    out[i] = binOf(facts.priorOrders[i]!, SERVICE_ORDER_BINS) * 100 + binOf(facts.daysSinceLastPurchase[i]!, SERVICE_RECENCY_BINS) * 10 + s;
  }
  return out;
}
