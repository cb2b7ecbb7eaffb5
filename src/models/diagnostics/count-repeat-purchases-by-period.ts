import type { Transactions } from "../../data/types.js";
import type { PeriodGrid } from "./period-grid.js";
import { sortedGroups } from "./sorted-groups.js";

/**
 * Counts the cohort's repeat purchases per period, as the customer summary counts them: a
 * purchase day is a day with at least one line of amount >= 0 (same-day lines merge into one);
 * a repeat purchase is a purchase day after the customer's first purchase day, up to the last
 * day of the grid. Lines of customers outside the cohort are ignored. Lines are grouped by
 * cohort customer with a counting sort (two passes over typed columns, no per-line lookup by
 * text), then each customer's few days are sorted and counted once each: fit for tens of
 * millions of lines.
 *
 * @param transactions - the transactions (day, amount)
 * @param customerCode - the customer code of each line (`customerCodes(transactions).codes`)
 * @param cohortOfCode - position in the cohort of each customer code, or −1 outside the cohort
 * @param firstOffset - each cohort customer's first purchase day, as an offset from the grid start (days)
 * @param startDay - the grid's first day (days since 1970-01-01)
 * @param grid - the periods
 * @returns repeat purchases per period (count)
 * @throws never
 * @example
 * countRepeatPurchasesByPeriod(tx, Int32Array.of(0, 0), Int32Array.of(0), Int32Array.of(0), 9862, periodGrid(14, 7)); // Float64Array [1, 2]
 */
export function countRepeatPurchasesByPeriod(
  transactions: Transactions,
  customerCode: Int32Array,
  cohortOfCode: Int32Array,
  firstOffset: Int32Array,
  startDay: number,
  grid: PeriodGrid,
): Float64Array {
  const days = grid.periodOfOffset.length;
  const { day, amount } = transactions;
  const lines = transactions.length, m = firstOffset.length;
  // The cohort customer of line i when the line is a repeat purchase inside the grid, else −1.
  const keep = (i: number): number => {
    if (amount && !(amount[i]! >= 0)) return -1;
    const o = day[i]! - startDay;
    if (o >= days) return -1;
    const c = cohortOfCode[customerCode[i]!]!;
    return c < 0 || o <= firstOffset[c]! ? -1 : c;
  };
  // Each cohort customer's repeat-purchase days, sorted; each distinct day counted once.
  const { start, values: offsets } = sortedGroups(lines, m, keep, (i) => day[i]! - startDay);
  const out = new Float64Array(grid.periods);
  for (let c = 0; c < m; c++) {
    const a = start[c]!, b = start[c + 1]!;
    for (let j = a; j < b; j++) {
      if (j > a && offsets[j] === offsets[j - 1]) continue;
      out[grid.periodOfOffset[offsets[j]!]!]! += 1;
    }
  }
  return out;
}
