import { chebyshevClenshaw } from "./chebyshev-clenshaw.js";
import { chebyshevGroupTables, groupCellInterpolant, groupCells, type ChebyshevGroupOptions } from "./chebyshev-group-tables.js";
import { evaluateChebyshevPiecewise, type ChebyshevPiecewise } from "./chebyshev-interpolant.js";
import { ArgumentError } from "../argument-error.js";

/** Options of {@link chebyshevByGroup}. */
export interface ChebyshevByGroupOptions extends ChebyshevGroupOptions {
  /** Skip the input checks, for callers that have made them (e.g. after `checkHistory`; default false). */
  readonly skipChecks?: boolean;
}

/**
 * out[i] = f(groups[i], at[i]) for many rows, fast: for each group g with at least `minGroupSize`
 * rows, f(g, ·) is replaced on [min, max] of that group's `at` values by piecewise Chebyshev
 * interpolants ({@link chebyshevGroupTables}; relative error about `relativeTolerance`, 1e-13 by
 * default, checked), so each row costs one short Clenshaw recurrence; small groups and cells that
 * do not converge use f itself. This is how a model prediction that is a smooth function of T for
 * each frequency x costs a short polynomial per customer instead of a hypergeometric series.
 *
 * @param groups - group of each row, whole numbers >= 0 (e.g. frequency x)
 * @param at - the variable of each row, finite (e.g. T, in the model's time unit)
 * @param f - the function f(group, value), smooth in value and without zeros on each group's range
 * @param options - tolerance, limits, the smallest group that gets an interpolant
 * @returns the values, one per row
 * @throws ArgumentError when the arrays differ in length, a group is not a whole number >= 0 or a value is not finite
 * @example
 * chebyshevByGroup(Float64Array.of(0, 1), Float64Array.of(2, 3), (g, v) => (g + 1) * Math.exp(-v)); // [e^-2, 2e^-3]
 */
export function chebyshevByGroup(
  groups: ArrayLike<number>, at: ArrayLike<number>, f: (group: number, value: number) => number, options: ChebyshevByGroupOptions = {},
): Float64Array {
  const n = groups.length;
  if (at.length !== n) throw new ArgumentError(`chebyshevByGroup: ${n} groups but ${at.length} values`);
  if (!options.skipChecks) {
    for (let i = 0; i < n; i++) {
      const g = groups[i]!, v = at[i]!;
      if (!(Number.isInteger(g) && g >= 0 && g < 2 ** 31)) throw new ArgumentError(`chebyshevByGroup: group ${g} of row ${i} is not a whole number >= 0`);
      if (!Number.isFinite(v)) throw new ArgumentError(`chebyshevByGroup: value ${v} of row ${i} is not finite`);
    }
  }
  return chebyshevGroupEvaluator(groups, at, f, options).evaluateRows(groups, at);
}

/**
 * What {@link chebyshevGroupEvaluator} returns: f(g, v) through the group tables, one value or many rows.
 * @example
 * const ev: ChebyshevGroupEvaluator = chebyshevGroupEvaluator(groups, at, f);
 * ev.value(groups[0], at[0]);
 */
export interface ChebyshevGroupEvaluator {
  /** f(g, v) as {@link chebyshevByGroup} gives it for a row of group g at v (the interpolant, or f where there is none). */
  value(g: number, v: number): number;
  /** The values of many rows, as {@link chebyshevByGroup}. */
  evaluateRows(groups: ArrayLike<number>, at: ArrayLike<number>): Float64Array;
}

/**
 * The interpolants of {@link chebyshevByGroup} built once from the rows (their groups' counts and
 * ranges), evaluated later at any (g, v) a row of those groups has: `value(g, v)` equals the
 * value chebyshevByGroup gives that row, bit for bit, so a caller may evaluate each distinct
 * (g, v) once and share it between rows (e.g. customers whose T is the same whole number of days).
 * No input checks: the caller has checked the groups (whole numbers >= 0) and values (finite).
 *
 * @param groups - group of each row, whole numbers >= 0
 * @param at - the variable of each row
 * @param f - the function f(group, value)
 * @param options - as chebyshevByGroup
 * @returns the evaluator
 * @example
 * chebyshevGroupEvaluator(Float64Array.of(0, 1), Float64Array.of(2, 3), (g, v) => (g + 1) * Math.exp(-v)).value(1, 3); // 2e^-3
 */
export function chebyshevGroupEvaluator(
  groups: ArrayLike<number>, at: ArrayLike<number>, f: (group: number, value: number) => number, options: ChebyshevGroupOptions = {},
): ChebyshevGroupEvaluator {
  return chebyshevRangeEvaluator(chebyshevGroupRanges(groups, at), f, options);
}

/**
 * Rows, smallest and largest value of each group (index = group), as {@link chebyshevGroupRanges} counts them.
 * @example
 * const ranges: ChebyshevGroupRanges = chebyshevGroupRanges([0, 1], [2, 3]); // count [1, 1]
 */
export interface ChebyshevGroupRanges {
  readonly count: Float64Array;
  readonly lo: Float64Array;
  readonly hi: Float64Array;
}

/**
 * The rows of each group and the range of its values: what the interpolants of
 * {@link chebyshevByGroup} are built on (count once, build for several functions).
 *
 * @param groups - group of each row, whole numbers >= 0
 * @param at - the variable of each row
 * @returns count, lo and hi per group
 * @example
 * chebyshevGroupRanges([0, 0, 1], [2, 5, 3]).hi; // [5, 3]
 */
export function chebyshevGroupRanges(groups: ArrayLike<number>, at: ArrayLike<number>): ChebyshevGroupRanges {
  const n = groups.length;
  let maxG = 0;
  for (let i = 0; i < n; i++) if (groups[i]! > maxG) maxG = groups[i]!;
  const count = new Float64Array(maxG + 1), lo = new Float64Array(maxG + 1).fill(Infinity), hi = new Float64Array(maxG + 1).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const g = groups[i]!, v = at[i]!;
    count[g]!++;
    if (v < lo[g]!) lo[g] = v;
    if (v > hi[g]!) hi[g] = v;
  }
  return { count, lo, hi };
}

/**
 * {@link chebyshevGroupEvaluator} from ranges counted once ({@link chebyshevGroupRanges}).
 *
 * @example
 * const ranges = chebyshevGroupRanges(x, T);
 * chebyshevRangeEvaluator(ranges, (g, v) => Math.exp(-g * v)).value(0, T[0]);
 */
export function chebyshevRangeEvaluator(
  ranges: ChebyshevGroupRanges, f: (group: number, value: number) => number, options: ChebyshevGroupOptions = {},
): ChebyshevGroupEvaluator {
  const { groups: G, cells: P, coefficients: K, split } = chebyshevGroupTables(ranges.count, ranges.lo, ranges.hi, f, options);
  const value = (g: number, v: number): number => {
    const gb = 4 * g, m = G[gb + 3]!;
    if (m === 0) return f(g, v);
    let c = ((v - G[gb]!) * G[gb + 1]!) | 0;
    if (c >= m) c = m - 1;
    const cell = G[gb + 2]! + c, cb = 4 * cell, d = P[cb + 3]!;
    if (d >= 0) return chebyshevClenshaw(K, P[cb + 2]!, d, (v - P[cb]!) * P[cb + 1]!);
    const y = d === -2 ? evaluateChebyshevPiecewise(split.get(cell)!, v) : NaN;
    return Number.isNaN(y) ? f(g, v) : y;
  };
  return {
    value,
    evaluateRows(rowGroups, rowAt) {
      const out = new Float64Array(rowGroups.length);
      for (let i = 0; i < out.length; i++) out[i] = value(rowGroups[i]!, rowAt[i]!);
      return out;
    },
  };
}

/**
 * f(g, v) as {@link chebyshevRangeEvaluator} gives it, bit for bit, with each cell's interpolant
 * built only when a value in it is first asked for: for callers that need a few (g, v) of many
 * groups (e.g. a handful of customers under each of many parameter draws), the cost of the cells
 * they touch instead of all of them. No input checks.
 *
 * @param ranges - rows, smallest and largest value of each group ({@link chebyshevGroupRanges})
 * @param f - the function f(group, value)
 * @param options - as chebyshevRangeEvaluator
 * @returns (g, v) -> f(g, v) through the interpolants
 * @example
 * const value = chebyshevLazyValue(chebyshevGroupRanges(x, T), (g, v) => Math.exp(-g * v));
 * value(x[0], T[0]);
 */
export function chebyshevLazyValue(
  ranges: ChebyshevGroupRanges, f: (group: number, value: number) => number, options: ChebyshevGroupOptions = {},
): (g: number, v: number) => number {
  const minGroup = Math.max(1, options.minGroupSize ?? 64), maxCells = options.maxCells ?? 16;
  // per group: cells (0: evaluate f), their scale, and the cells' interpolants once built
  const cellsOf = new Int32Array(ranges.count.length).fill(-1), scaleOf = new Float64Array(ranges.count.length);
  const built: (ChebyshevPiecewise | undefined)[][] = [];
  return (g, v) => {
    let m = cellsOf[g]!;
    if (m < 0) {
      const rows = ranges.count[g]!, a0 = ranges.lo[g]!, b0 = ranges.hi[g]!;
      m = cellsOf[g] = rows < minGroup ? 0 : groupCells(rows, a0, b0, maxCells);
      scaleOf[g] = b0 > a0 ? m / (b0 - a0) : 0;
      built[g] = [];
    }
    if (m === 0) return f(g, v);
    const a0 = ranges.lo[g]!;
    let c = ((v - a0) * scaleOf[g]!) | 0;
    if (c >= m) c = m - 1;
    const cells = built[g]!;
    const p = (cells[c] ??= groupCellInterpolant(f, g, ranges.count[g]!, a0, ranges.hi[g]!, m, c, options));
    if (p.degrees.length === 1) {
      const d = p.degrees[0]!;
      // as the tables read it: the piece's coefficients from their start
      if (d >= 0) return chebyshevClenshaw(p.coefficients, 0, d, (v - p.centers[0]!) * p.inverseHalfWidths[0]!);
      return f(g, v);
    }
    const y = evaluateChebyshevPiecewise(p, v);
    return Number.isNaN(y) ? f(g, v) : y;
  };
}
