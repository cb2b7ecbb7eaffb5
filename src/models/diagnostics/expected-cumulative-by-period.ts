import type { PeriodGrid } from "./period-grid.js";

/**
 * The cohort's expected cumulative repeat purchases at the end of each period (FHL 2005 §5,
 * Figure 3): Σ_i E[X(age_i,k)], where age_i,k is the time from customer i's first purchase day
 * to the last day of period k (0 before the first purchase). Customers are grouped by first
 * purchase day, and E[X(t)] is evaluated once per distinct age in days: the cost is
 * (days + periods × distinct first days), not customers × periods.
 *
 * @param expectedPurchases - t -> E[X(t)] of the model, t in its time unit
 * @param firstOffset - each customer's first purchase day as an offset from the grid start (days, 0..days - 1)
 * @param grid - the periods
 * @param daysPerUnit - days in one model time unit (7 for weeks)
 * @returns expected cumulative repeat purchases at each period end (count)
 * @throws ArgumentError from the model when it rejects an age
 * @example
 * expectedCumulativeByPeriod((t) => t, Int32Array.of(0), periodGrid(14, 7), 7); // Float64Array [6/7, 13/7]
 */
export function expectedCumulativeByPeriod(
  expectedPurchases: (t: number) => number,
  firstOffset: Int32Array,
  grid: PeriodGrid,
  daysPerUnit: number,
): Float64Array {
  const days = grid.periodOfOffset.length;
  const byFirst = new Float64Array(days);
  for (let i = 0; i < firstOffset.length; i++) byFirst[firstOffset[i]!]! += 1;
  const firsts: number[] = [];
  for (let o = 0; o < days; o++) if (byFirst[o]! > 0) firsts.push(o);
  const minFirst = firsts.length > 0 ? firsts[0]! : days;
  const byAge = new Float64Array(days);
  for (let a = 1; a < days - minFirst; a++) byAge[a] = expectedPurchases(a / daysPerUnit);
  const out = new Float64Array(grid.periods);
  for (let k = 0; k < grid.periods; k++) {
    const end = grid.lastOffset[k]!;
    let sum = 0;
    for (const o of firsts) {
      if (o >= end) break;
      sum += byFirst[o]! * byAge[end - o]!;
    }
    out[k] = sum;
  }
  return out;
}
