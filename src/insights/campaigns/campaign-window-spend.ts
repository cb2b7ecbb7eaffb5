import type { Transactions } from "../../data/types.js";
import { requireAmounts } from "../../data/columns/require-amounts.js";
import { customerCodes } from "../../data/columns/text-codes.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Net spend of each listed customer in a window of days after a start day: the sum of
 * transaction amounts (returns negative) dated in [startDay, startDay + windowDays). Used to
 * measure a campaign's incremental revenue from purchases rather than from response amounts,
 * in the treatment and the control group alike.
 *
 * @param transactions - the transactions table
 * @param customerIds - the customers to measure (repeats allowed)
 * @param startDay - first day of the window, days since 1970-01-01
 * @param windowDays - length of the window, whole days ≥ 1
 * @returns spend per listed customer, currency units (0 for no purchase), in list order
 * @throws ArgumentError when windowDays is not a whole number ≥ 1 or startDay is not a whole number
 * @throws AnalysisNotPossibleError when the transactions have no amounts (a purchase log)
 * @example
 * campaignWindowSpend(tx, ["C1", "C2"], 20346, 30); // Float64Array [54.2, 0]
 */
export function campaignWindowSpend(
  transactions: Transactions, customerIds: readonly string[], startDay: number, windowDays: number,
): Float64Array {
  const fn = "campaignWindowSpend";
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new ArgumentError(`${fn}: windowDays ${windowDays} is not a whole number of at least 1`);
  if (!Number.isInteger(startDay)) throw new ArgumentError(`${fn}: startDay ${startDay} is not a whole day number`);
  const amount = requireAmounts(transactions, fn, "spend after the campaign");
  // Sums by customer code (customerCodes), then each wanted id's sum through its code.
  const { codes, dictionary } = customerCodes(transactions);
  const sums = new Float64Array(dictionary.length);
  const end = startDay + windowDays;
  for (let i = 0; i < transactions.length; i++) {
    const d = transactions.day[i]!;
    if (d >= startDay && d < end) sums[codes[i]!]! += amount[i]!;
  }
  const codeOf = new Map(dictionary.map((id, c) => [id, c]));
  return Float64Array.from(customerIds, (id) => {
    const c = codeOf.get(id);
    return c === undefined ? 0 : sums[c]!;
  });
}
