import type { Transactions } from "../../data/types.js";
import type { PeriodGrid } from "./period-grid.js";

/**
 * Counts the cohort's repeat purchases per period, as the customer summary counts them: a
 * purchase day is a day with at least one line of amount >= 0 (same-day lines merge into one);
 * a repeat purchase is a purchase day after the customer's first purchase day, up to the last
 * day of the grid. Lines of customers outside the cohort are ignored. Runs in one pass plus a
 * sort of the (customer, day) keys: fit for millions of lines.
 *
 * @param transactions - the transactions (customerId, day, amount)
 * @param cohortIndex - position of each cohort customer by id
 * @param firstOffset - each cohort customer's first purchase day, as an offset from the grid start (days)
 * @param startDay - the grid's first day (days since 1970-01-01)
 * @param grid - the periods
 * @returns repeat purchases per period (count)
 * @throws never
 * @example
 * countRepeatPurchasesByPeriod(tx, new Map([["A", 0]]), Int32Array.of(0), 9862, periodGrid(14, 7)); // Float64Array [1, 2]
 */
export function countRepeatPurchasesByPeriod(
  transactions: Transactions,
  cohortIndex: ReadonlyMap<string, number>,
  firstOffset: Int32Array,
  startDay: number,
  grid: PeriodGrid,
): Float64Array {
  const days = grid.periodOfOffset.length;
  const { customerId, day, amount } = transactions;
  const keep = (i: number): number => {
    if (amount && !(amount[i]! >= 0)) return -1;
    const o = day[i]! - startDay;
    if (o >= days) return -1;
    const c = cohortIndex.get(customerId[i]!);
    if (c === undefined || o <= firstOffset[c]!) return -1;
    return c * days + o;
  };
  let m = 0;
  for (let i = 0; i < transactions.length; i++) if (keep(i) >= 0) m++;
  const keys = new Float64Array(m);
  m = 0;
  for (let i = 0; i < transactions.length; i++) {
    const key = keep(i);
    if (key >= 0) keys[m++] = key;
  }
  keys.sort();
  const out = new Float64Array(grid.periods);
  for (let j = 0; j < m; j++) {
    if (j > 0 && keys[j] === keys[j - 1]) continue;
    out[grid.periodOfOffset[keys[j]! % days]!]! += 1;
  }
  return out;
}
