import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";
import type { Transactions } from "../types.js";

/**
 * The amounts of a transactions table, for an analysis that needs spend. A purchase log
 * (customer and date only) has none: the analysis cannot run, and the message says how to give
 * amounts.
 *
 * @param t - the transactions
 * @param fn - the analysis, named in the message
 * @param what - what the amounts are needed for, e.g. `"sales value"`
 * @returns the amounts (currency units, negative for returns)
 * @throws AnalysisNotPossibleError when the table has no amounts
 * @example
 * requireAmounts(loadTransactionsText("customer_id,date\nC1,2024-01-02\n").transactions, "customerValue", "sales value");
 * // throws: customerValue: the transactions have no amounts (a purchase log: customer and date only), so there is no sales value; ...
 */
export function requireAmounts(t: Transactions, fn: string, what: string): Float64Array {
  if (t.amount) return t.amount;
  throw new AnalysisNotPossibleError(
    `${fn}: the transactions have no amounts (a purchase log: customer and date only), so there is no ${what}; map an amount column (--amount COL) or quantity and unit price (--quantity COL --unit-price COL)`,
  );
}
