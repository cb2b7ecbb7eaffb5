import { chebyshevClenshaw } from "./chebyshev-clenshaw.js";
import { chebyshevGroupTables, type ChebyshevGroupOptions } from "./chebyshev-group-tables.js";
import { evaluateChebyshevPiecewise } from "./chebyshev-interpolant.js";
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
  let maxG = 0;
  for (let i = 0; i < n; i++) if (groups[i]! > maxG) maxG = groups[i]!;
  const count = new Float64Array(maxG + 1), lo = new Float64Array(maxG + 1).fill(Infinity), hi = new Float64Array(maxG + 1).fill(-Infinity);
  for (let i = 0; i < n; i++) {
    const g = groups[i]!, v = at[i]!;
    count[g]!++;
    if (v < lo[g]!) lo[g] = v;
    if (v > hi[g]!) hi[g] = v;
  }
  return evaluate(groups, at, f, chebyshevGroupTables(count, lo, hi, f, options));
}

function evaluate(
  groups: ArrayLike<number>, at: ArrayLike<number>, f: (group: number, value: number) => number,
  { groups: G, cells: P, coefficients: K, split }: ReturnType<typeof chebyshevGroupTables>,
): Float64Array {
  const n = groups.length, out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = groups[i]!, v = at[i]!, gb = 4 * g, m = G[gb + 3]!;
    if (m === 0) {
      out[i] = f(g, v);
      continue;
    }
    let c = ((v - G[gb]!) * G[gb + 1]!) | 0;
    if (c >= m) c = m - 1;
    const cell = G[gb + 2]! + c, cb = 4 * cell, d = P[cb + 3]!;
    if (d >= 0) {
      out[i] = chebyshevClenshaw(K, P[cb + 2]!, d, (v - P[cb]!) * P[cb + 1]!);
    } else {
      const y = d === -2 ? evaluateChebyshevPiecewise(split.get(cell)!, v) : NaN;
      out[i] = Number.isNaN(y) ? f(g, v) : y;
    }
  }
  return out;
}
