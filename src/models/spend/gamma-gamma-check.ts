import { ArgumentError } from "../../math/argument-error.js";
/** Customers as the Gamma-Gamma spend model takes them. */
export interface SpendHistory {
  /** Repeat transactions x (whole numbers >= 0). */
  readonly frequency: ArrayLike<number>;
  /** Mean value of the repeat transactions, zbar, in money (ignored when x = 0). */
  readonly monetaryValue: ArrayLike<number>;
  /** Optional count of identical customers per row. */
  readonly weights?: ArrayLike<number>;
}

/**
 * Checks spend histories before the Gamma-Gamma model uses them: equal lengths, whole x >= 0,
 * zbar a finite number > 0 wherever x > 0 (it is ignored where x = 0), weights finite and >= 0.
 * Errors name the function, the row and the value.
 *
 * @param fn - the public function, named in errors (e.g. `fitGammaGamma`)
 * @param customers - frequency, monetary value and optional weights
 * @returns the number of rows
 * @throws ArgumentError naming the first offending row
 * @example
 * checkSpendHistory("fitGammaGamma", { frequency: [2, 0], monetaryValue: [22.35, 0] }); // 2
 * checkSpendHistory("fitGammaGamma", { frequency: [2], monetaryValue: [0] });
 * // throws RangeError: fitGammaGamma: monetary value 0 of row 0 must be > 0 when frequency is 2
 */
export function checkSpendHistory(fn: string, customers: SpendHistory): number {
  const { frequency: x, monetaryValue: m, weights } = customers;
  const n = x.length;
  if (m.length !== n) throw new ArgumentError(`${fn}: frequency and monetaryValue differ in length (${n}, ${m.length})`);
  if (weights && weights.length !== n) throw new ArgumentError(`${fn}: ${weights.length} weights for ${n} customers`);
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, mi = m[i]!;
    if (!(Number.isInteger(xi) && xi >= 0)) throw new ArgumentError(`${fn}: frequency ${xi} of row ${i} is not a whole number >= 0`);
    if (xi > 0 && !(mi > 0 && Number.isFinite(mi))) {
      throw new ArgumentError(`${fn}: monetary value ${mi} of row ${i} must be > 0 when frequency is ${xi}`);
    }
    if (weights && !(weights[i]! >= 0 && Number.isFinite(weights[i]!))) {
      throw new ArgumentError(`${fn}: weight ${weights[i]} of row ${i} must be a finite number >= 0`);
    }
  }
  return n;
}
