import { rankOrder } from "./rank-order.js";
import type { AbcClass } from "./types.js";
import { ArgumentError } from "../math/argument-error.js";

/** ABC thresholds: cumulative value shares (fractions) where class A and class B end. */
export interface AbcThresholds {
  /** A: the customers making the first `a` of value (default 0.8). */
  readonly a?: number;
  /** B: the customers making the value from `a` to `b` (default 0.95); C: the rest. */
  readonly b?: number;
}

/**
 * Pareto / ABC classes. Customers are ranked by value, best first; a customer is in class A
 * when the customers ranked before them make less than `a` (80 %) of the total positive value,
 * in B when they make less than `b` (95 %), else in C. So A is "the customers making the first
 * 80 % of value" (the customer who crosses 80 % is in A), and a customer with value <= 0 is
 * always in C.
 *
 * @param ids - customer ids (ties broken by id)
 * @param values - the value of each customer (e.g. net contribution, currency units)
 * @param thresholds - `a` and `b`, with 0 < a <= b <= 1
 * @returns the class of each customer, in input order (frozen)
 * @throws ArgumentError when the thresholds are out of order or outside (0, 1], or lengths differ
 * @example
 * abcClasses(["a", "b", "c", "d"], [70, 20, 6, 4]); // ["A", "A", "B", "C"]
 */
export function abcClasses(ids: readonly string[], values: ArrayLike<number>, thresholds: AbcThresholds = {}): readonly AbcClass[] {
  const a = thresholds.a ?? 0.8;
  const b = thresholds.b ?? 0.95;
  if (!(a > 0 && a <= b && b <= 1)) throw new ArgumentError(`abcClasses: thresholds a ${a} and b ${b} must satisfy 0 < a <= b <= 1`);
  const order = rankOrder(ids, values);
  let positive = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > 0) positive += values[i]!;
  const classes = new Array<AbcClass>(ids.length);
  let before = 0;
  for (const i of order) {
    const v = values[i]!;
    const share = positive > 0 ? before / positive : 1;
    classes[i] = !(v > 0) ? "C" : share < a ? "A" : share < b ? "B" : "C";
    if (v > 0) before += v;
  }
  return Object.freeze(classes);
}
