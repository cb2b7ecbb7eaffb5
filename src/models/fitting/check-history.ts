import type { CustomerHistory } from "./model-types.js";
import { ArgumentError } from "../../math/argument-error.js";
import { isTrustedHistory } from "./trusted-history.js";

/**
 * Checks customer histories before a model uses them: equal lengths, whole repeat purchases
 * x >= 0, 0 <= t_x <= T, T >= 0 (a customer whose first purchase is on the calibration end has
 * T = 0 and simply tells the model nothing yet), t_x = 0 when x = 0, and weights >= 0. Errors name the
 * function, the row and the values, so a bad summary never turns into NaN predictions. Histories
 * built from checked ones ({@link isTrustedHistory}) are not checked again.
 *
 * @param fn - the public function, named in errors (e.g. `fitBgNbd`)
 * @param customers - the histories
 * @returns the number of rows
 * @throws ArgumentError naming the first offending row
 * @example
 * checkHistory("fitBgNbd", { frequency: [2], recency: [30.43], T: [38.86] }); // 1
 */
export function checkHistory(fn: string, customers: CustomerHistory): number {
  const { frequency: x, recency: tx, T, weights } = customers;
  const n = x.length;
  if (isTrustedHistory(customers)) return n;
  checkHistoryLengths(fn, customers);
  // The common case in one comparison chain a row; from the first row that fails it, the rows are
  // checked one rule at a time for the message.
  let i = weights ? 0 : firstUnusualRow(x, tx, T, n);
  for (; i < n; i++) {
    const xi = x[i]!, ti = tx[i]!, Ti = T[i]!;
    if (!(Number.isInteger(xi) && xi >= 0)) throw new ArgumentError(`${fn}: frequency ${xi} of row ${i} is not a whole number >= 0`);
    if (!(Ti >= 0) || !Number.isFinite(Ti)) throw new ArgumentError(`${fn}: T ${Ti} of row ${i} must be a number >= 0`);
    if (!(ti >= 0 && ti <= Ti * (1 + 1e-12))) throw new ArgumentError(`${fn}: recency ${ti} of row ${i} must be between 0 and T ${Ti}`);
    if (xi === 0 && ti !== 0) throw new ArgumentError(`${fn}: recency ${ti} of row ${i} must be 0 when frequency is 0`);
    if (weights && !(weights[i]! >= 0 && Number.isFinite(weights[i]!))) {
      throw new ArgumentError(`${fn}: weight ${weights[i]} of row ${i} must be a finite number >= 0`);
    }
  }
  return n;
}

/**
 * The part of {@link checkHistory} that looks at the columns, not the rows: equal lengths (and
 * weights, when given, one per row).
 *
 * @param fn - the public function, named in errors
 * @param customers - the histories
 * @returns the number of rows
 * @throws ArgumentError when the lengths differ
 * @example
 * checkHistoryLengths("predict", { frequency: [2], recency: [30.43], T: [38.86] }); // 1
 */
export function checkHistoryLengths(fn: string, customers: CustomerHistory): number {
  const { frequency: x, recency: tx, T, weights } = customers;
  const n = x.length;
  if (tx.length !== n || T.length !== n) {
    throw new ArgumentError(`${fn}: frequency, recency and T differ in length (${n}, ${tx.length}, ${T.length})`);
  }
  if (weights && weights.length !== n) throw new ArgumentError(`${fn}: ${weights.length} weights for ${n} customers`);
  return n;
}

/**
 * Whether one row is plainly valid: x a safe whole number >= 0, 0 <= t_x <= T finite, t_x = 0
 * when x = 0. A loop that checks each row with it as it reads it, and calls
 * {@link checkHistory} at the first row that is not plain (which throws, or checks all rows rule by
 * rule and lets the loop stop checking), checks as much as checkHistory without a pass of its own
 * over the columns.
 *
 * @param xi - repeat purchases x
 * @param ti - recency t_x (time units)
 * @param Ti - T (time units)
 * @example
 * isPlainRow(2, 30.43, 38.86); // true
 */
export function isPlainRow(xi: number, ti: number, Ti: number): boolean {
  return xi >= 0 && xi <= 9007199254740991 && Math.floor(xi) === xi && Ti < Infinity && ti >= 0 && ti <= Ti * (1 + 1e-12) && (xi !== 0 || ti === 0);
}

/** The first row that is not plainly valid ({@link isPlainRow}), or n. */
function firstUnusualRow(x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, n: number): number {
  for (let i = 0; i < n; i++) if (!isPlainRow(x[i]!, tx[i]!, T[i]!)) return i;
  return n;
}
