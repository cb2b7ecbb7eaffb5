import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** Fewest customers with a repeat purchase that a purchase model (BG/NBD, Pareto/NBD, MBG/NBD) is fitted on. */
export const MIN_REPEAT_CUSTOMERS = 20;

/**
 * Checks that enough customers bought more than once for a purchase model to be identified:
 * with fewer, the likelihood cannot tell how often customers buy from how soon they drop out,
 * and a fit would fail or mean nothing. Thin data (one customer, one day, one-time buyers only,
 * a short history) end here with a sentence saying what is missing.
 *
 * @param frequency - repeat purchases per customer (count)
 * @param model - the model, named in the message (e.g. `"bg-nbd"`)
 * @param weights - optional count of identical customers per row
 * @returns the number of customers with a repeat purchase
 * @throws AnalysisNotPossibleError when fewer than {@link MIN_REPEAT_CUSTOMERS} customers bought more than once
 * @example
 * requireRepeatCustomers([0, 0, 1], "bg-nbd");
 * // throws: bg-nbd: only 1 of 3 customers bought more than once; at least 20 repeat customers are needed to fit the model (use a longer history or more customers)
 */
export function requireRepeatCustomers(frequency: ArrayLike<number>, model: string, weights?: ArrayLike<number>): number {
  let repeat = 0, all = 0;
  for (let i = 0; i < frequency.length; i++) {
    const w = weights ? weights[i]! : 1;
    all += w;
    if (frequency[i]! > 0) repeat += w;
  }
  if (repeat < MIN_REPEAT_CUSTOMERS) {
    throw new AnalysisNotPossibleError(
      `${model}: only ${repeat} of ${all} customers bought more than once; at least ${MIN_REPEAT_CUSTOMERS} repeat customers are needed to fit the model (use a longer history or more customers)`,
    );
  }
  return repeat;
}
