import { ArgumentError } from "../../math/argument-error.js";
import { chebyshevGroupRanges, chebyshevLazyValue, chebyshevRangeEvaluator, type ChebyshevGroupRanges } from "../../math/special/chebyshev-by-group.js";
import type { TimeUnit } from "../../summary/types.js";
import { dayGrid, type DayGrid } from "../fitting/day-grid.js";
import type { CustomerHistory, DiscountedPurchases, DiscountedPurchasesOptions } from "../fitting/model-types.js";
import { isTrustedHistory } from "../fitting/trusted-history.js";

/**
 * A function of a customer's repeat purchases x and one duration v (T or t_x), in the model's time unit.
 * @example
 * const head: ByDay = (x, T) => (x + 1) / (1 + T);
 */
export type ByDay = (x: number, v: number) => number;

/**
 * Memo tables for the predictions of a purchase model on many customers: terms that depend on x
 * and one duration only are computed once per distinct (x, whole days) ({@link dayGrid}) and
 * shared by every customer with that pair; customers off the grid get the direct value (`exact`,
 * `exactInT`, `smoothInT`: exactly the value of the direct formula; `interpolatedInT`: within
 * about 1e-13 relative).
 *
 * @example
 * const lnAT = dayMemo(customers, "week").exactInT((T) => Math.log(alpha + T));
 */
export interface DayMemo {
  /** f memoized by (x, day of v). */
  exact(f: ByDay): ByDay;
  /** f of a duration alone, memoized by its day. */
  exactInT(f: (v: number) => number): (v: number) => number;
  /**
   * f(x, T), smooth in T for each x and costly (a hypergeometric series): on the day grid, f itself
   * once per distinct (x, day of T), which on a million customers is far fewer evaluations than
   * building interpolants; off the grid, the Chebyshev interpolants of `chebyshevByGroup` on these
   * customers' (x, T) (relative error about 1e-13), as before.
   */
  smoothInT(f: ByDay): ByDay;
  /**
   * f(x, T), smooth in T for each x and costly (e.g. a sum over the CLV's periods of hypergeometric
   * series), under many parameter draws: through Chebyshev interpolants in T for each x (relative
   * error about 1e-13), of at most 4 cells and built with at most as many evaluations of f as the x
   * has distinct days, memoized by (x, day of T). Off the grid, the interpolants of `chebyshevByGroup`.
   */
  interpolatedInT(f: ByDay): ByDay;
}

/**
 * The memo tables of a purchase model's predictions on these customers.
 *
 * @param customers - x, t_x, T (checked)
 * @param unit - the model's time unit, or null (the grid is then guessed from the data)
 * @returns the memo builder
 * @example
 * const head = dayMemo(customers, "week").smoothInT((x, T) => bgNbdHead(r, alpha, a, b, x, T, 52));
 * head(customers.frequency[0], customers.T[0]);
 */
export function dayMemo(customers: CustomerHistory, unit: TimeUnit | null): DayMemo {
  // The grid and the ranges depend on the customers and the unit only: shared by every model and
  // parameter draw evaluated on the same columns (e.g. the CLV bootstrap's unique patterns).
  const shared = sharedLayout(customers, unit);
  const grid = shared.grid;
  return {
    interpolatedInT: (f) => {
      if (grid === null) return chebyshevLazyValue((shared.ranges ??= chebyshevGroupRanges(customers.frequency, customers.T)), f, {});
      shared.dayRanges ??= distinctDayRanges(customers, grid);
      return memoize(grid, chebyshevLazyValue(shared.dayRanges, f, { maxCells: 4 }));
    },
    exact: (f) => memoize(grid, f),
    exactInT: (f) => {
      if (grid === null) return f;
      const memo = grid.dayTable();
      return (v) => {
        const k = grid.dayKey(v);
        if (k < 0) return f(v);
        let y = memo[k]!;
        if (y !== y) y = memo[k] = f(v);
        return y;
      };
    },
    smoothInT: (f) => {
      if (grid !== null) return memoize(grid, f);
      shared.ranges ??= chebyshevGroupRanges(customers.frequency, customers.T);
      return chebyshevRangeEvaluator(shared.ranges, f).value;
    },
  };
}

/** The day grid and the interpolants' ranges of one set of columns in one unit, computed once. */
interface SharedLayout {
  readonly frequency: ArrayLike<number>;
  readonly unit: TimeUnit | null;
  readonly grid: DayGrid | null;
  ranges: ChebyshevGroupRanges | null;
  dayRanges: ChebyshevGroupRanges | null;
}

// Only for trusted histories (columns never changed): keyed by the histories object.
const layouts = new WeakMap<object, SharedLayout[]>();

function sharedLayout(customers: CustomerHistory, unit: TimeUnit | null): SharedLayout {
  const { frequency } = customers;
  if (!isTrustedHistory(customers)) return { frequency, unit, grid: dayGrid(customers, unit), ranges: null, dayRanges: null };
  let list = layouts.get(customers);
  if (list === undefined) layouts.set(customers, (list = []));
  let found = list.find((l) => l.unit === unit);
  if (found === undefined) list.push((found = { frequency, unit, grid: dayGrid(customers, unit), ranges: null, dayRanges: null }));
  return found;
}

/** Per x: distinct days of T on the grid plus rows off it (what an interpolant is sized by), and the range of T. */
function distinctDayRanges(customers: CustomerHistory, grid: DayGrid): ChebyshevGroupRanges {
  const { frequency, T } = customers;
  const all = chebyshevGroupRanges(frequency, T);
  const count = new Float64Array(all.count.length), seen = new Uint8Array(grid.cells);
  for (let i = 0; i < frequency.length; i++) {
    const x = frequency[i]!, k = grid.key(x, T[i]!);
    if (k < 0) count[x]!++;
    else if (seen[k] === 0) {
      seen[k] = 1;
      count[x]!++;
    }
  }
  return { count, lo: all.lo, hi: all.hi };
}

function memoize(grid: DayGrid | null, f: ByDay): ByDay {
  if (grid === null) return f;
  const memo = grid.table();
  return (x, v) => {
    const k = grid.key(x, v);
    if (k < 0) return f(x, v);
    let y = memo[k]!;
    if (y !== y) y = memo[k] = f(x, v);
    return y;
  };
}

/**
 * Checks a discounting horizon: H whole periods >= 1 of length L > 0 at a rate d > −1 a period.
 *
 * @returns H
 * @throws ArgumentError naming the function and the value
 * @example
 * checkPeriods("bg-nbd discountedExpectedPurchases", 12, 4.35, 0.01); // 12
 */
export function checkPeriods(fn: string, horizonPeriods: number, periodLength: number, discountRatePerPeriod: number): number {
  if (!(Number.isInteger(horizonPeriods) && horizonPeriods >= 1)) throw new ArgumentError(`${fn}: horizonPeriods ${horizonPeriods} must be a whole number >= 1`);
  if (!(periodLength > 0 && Number.isFinite(periodLength))) throw new ArgumentError(`${fn}: periodLength ${periodLength} must be a positive number`);
  if (!(discountRatePerPeriod > -1 && Number.isFinite(discountRatePerPeriod))) throw new ArgumentError(`${fn}: discountRatePerPeriod ${discountRatePerPeriod} must be a number > -1`);
  return horizonPeriods;
}

/**
 * Σ_{i=1..H} (E[Y(iL)] − E[Y((i−1)L)]) / (1 + d)^i and E[Y(HL)] per row, from each row's
 * cumulative expectations E[Y(L)], ..., E[Y(HL)] (written by `cumulative` into its second
 * argument): the purchase part of lifetimes' `customer_lifetime_value`, each period's purchases
 * discounted to its end. Same additions in the same order as period by period over all rows.
 *
 * @param n - rows
 * @param horizonPeriods - H
 * @param discountRatePerPeriod - d
 * @param cumulative - fills E[Y(iL)] for i = 1..H of one row (index i − 1)
 * @param options - `rows`: only these rows, one value each in this order; `total: false`: no totals (an empty array)
 * @returns discounted and total expected purchases per row
 * @example
 * discountRows(1, 2, 0, (_row, c) => c.set([1, 3])).discounted; // [3]
 */
export function discountRows(n: number, horizonPeriods: number, discountRatePerPeriod: number, cumulative: (row: number, out: Float64Array) => void,
  options: DiscountedPurchasesOptions = {}): DiscountedPurchases {
  const H = horizonPeriods;
  const rows = options.rows, m = rows ? rows.length : n, withTotal = options.total !== false;
  const factor = Float64Array.from({ length: H }, (_, i) => Math.pow(1 + discountRatePerPeriod, -(i + 1)));
  const discounted = new Float64Array(m), total = new Float64Array(withTotal ? m : 0), c = new Float64Array(H);
  for (let j = 0; j < m; j++) {
    cumulative(rows ? rows[j]! : j, c);
    let sum = 0, previous = 0;
    for (let i = 0; i < H; i++) {
      sum = sum + (c[i]! - previous) * factor[i]!;
      previous = c[i]!;
    }
    discounted[j] = sum;
    if (withTotal) total[j] = previous;
  }
  return { discounted, total };
}

/**
 * The discounted expected purchases of a model whose E[Y(t)] is `head(x, T, t) / alive(i)` (BG/NBD,
 * MBG/NBD): Σ_i (E[Y(iL)] − E[Y((i−1)L)]) / (1+d)^i = [Σ_i (head(iL) − head((i−1)L)) / (1+d)^i] /
 * alive, and the bracket depends on (x, T) only: one interpolant in T for each x, built on all the
 * customers (so a row's value is the same whether all rows or a few are asked for) when a row of
 * that x first needs it.
 *
 * @param memo - the memo tables of these customers ({@link dayMemo})
 * @param customers - x, t_x, T (checked by the caller)
 * @param H - number of periods (checked by {@link checkPeriods})
 * @param periodLength - length of a period in the model's time unit
 * @param discountRatePerPeriod - discount rate per period, e.g. 0.01
 * @param head - the numerator of E[Y(t)] for x repeat purchases and age T, t in the model's unit
 * @param alive - the denominator of E[Y(t)] of customer i (1 + the odds of having dropped out)
 * @param options - `rows`: only these rows, one value each in this order; `total: false`: no totals (an empty array)
 * @returns the discounted and the undiscounted expected purchases over the H periods, per customer
 * @example
 * discountedByHead(memo, customers, 12, 4.35, 0.01, (x, T, t) => head(x, T, t), (i) => 1 + odds[i]);
 */
export function discountedByHead(memo: DayMemo, customers: CustomerHistory, H: number, periodLength: number, discountRatePerPeriod: number,
  head: (x: number, T: number, t: number) => number, alive: (i: number) => number, options: DiscountedPurchasesOptions = {}): DiscountedPurchases {
  const { frequency, T } = customers;
  const rows = options.rows, withTotal = options.total !== false;
  const factor = Float64Array.from({ length: H }, (_, i) => Math.pow(1 + discountRatePerPeriod, -(i + 1)));
  const discountedHead = memo.interpolatedInT((x, Ti) => {
    let sum = 0, previous = 0;
    for (let i = 0; i < H; i++) {
      const h = head(x, Ti, (i + 1) * periodLength);
      sum = sum + (h - previous) * factor[i]!;
      previous = h;
    }
    return sum;
  });
  const totalHead = withTotal ? memo.interpolatedInT((x, Ti) => head(x, Ti, H * periodLength)) : null;
  const m = rows ? rows.length : frequency.length, discounted = new Float64Array(m), total = new Float64Array(withTotal ? m : 0);
  for (let j = 0; j < m; j++) {
    const i = rows ? rows[j]! : j;
    const x = frequency[i]!, Ti = T[i]!;
    const denominator = alive(i);
    discounted[j] = discountedHead(x, Ti) / denominator;
    if (totalHead !== null) total[j] = totalHead(x, Ti) / denominator;
  }
  return { discounted, total };
}
