import { ArgumentError } from "../../math/argument-error.js";
/** Customers as the BG/BB model takes them: counts over n discrete transaction opportunities. */
export interface BgBbHistory {
  /** Repeat transactions x: the opportunities (of n) in which the customer transacted. */
  readonly frequency: ArrayLike<number>;
  /** Recency t_x: the opportunity (1..n) of the last transaction, 0 when x = 0. */
  readonly recency: ArrayLike<number>;
  /** Transaction opportunities n (`periods`): one value for everyone, or one per row. */
  readonly periods: number | ArrayLike<number>;
  /** Optional count of identical customers per row (a recency-frequency table). */
  readonly weights?: ArrayLike<number>;
}

/** A checked BG/BB history: columns as Float64Array, `periods` one per row, weights filled with 1. */
export interface CheckedBgBbHistory {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly periods: Float64Array;
  readonly weights: Float64Array;
}

/**
 * Checks BG/BB histories at the edge of a public step and returns them as columns: equal
 * lengths; whole numbers with n >= 1, 0 <= x <= t_x <= n, t_x = 0 when x = 0 and t_x >= 1 when
 * x > 0 (Fader, Hardie & Shang 2010, §2: x transactions in the first t_x of n opportunities);
 * weights finite and >= 0. Errors name the function, the row and the values.
 *
 * @param fn - the public function, named in errors (e.g. `fitBgBb`)
 * @param customers - the histories
 * @param weights - weights overriding `customers.weights` (e.g. from FitOptions)
 * @returns the columns, new arrays (the input is not touched)
 * @throws ArgumentError naming the first offending row
 * @example
 * bgBbHistory("fitBgBb", { frequency: [2], recency: [4], periods: 6 }).periods; // Float64Array [6]
 * bgBbHistory("fitBgBb", { frequency: [2], recency: [7], periods: 6 }); // RangeError: fitBgBb: recency 7 of row 0 must be a whole number between frequency 2 and periods 6
 */
export function bgBbHistory(fn: string, customers: BgBbHistory, weights?: ArrayLike<number>): CheckedBgBbHistory {
  const { frequency: x, recency: tx, periods } = customers;
  const w = weights ?? customers.weights;
  const n = x.length;
  if (tx.length !== n) throw new ArgumentError(`${fn}: frequency and recency differ in length (${n}, ${tx.length})`);
  if (typeof periods !== "number" && periods.length !== n) {
    throw new ArgumentError(`${fn}: ${periods.length} periods for ${n} customers`);
  }
  if (w && w.length !== n) throw new ArgumentError(`${fn}: ${w.length} weights for ${n} customers`);
  const out = {
    frequency: new Float64Array(n),
    recency: new Float64Array(n),
    periods: new Float64Array(n),
    weights: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, ti = tx[i]!, ni = typeof periods === "number" ? periods : periods[i]!;
    if (!(Number.isInteger(ni) && ni >= 1)) throw new ArgumentError(`${fn}: periods ${ni} of row ${i} must be a whole number >= 1`);
    if (!(Number.isInteger(xi) && xi >= 0 && xi <= ni)) {
      throw new ArgumentError(`${fn}: frequency ${xi} of row ${i} must be a whole number between 0 and periods ${ni}`);
    }
    if (xi === 0 && ti !== 0) throw new ArgumentError(`${fn}: recency ${ti} of row ${i} must be 0 when frequency is 0`);
    if (xi > 0 && !(Number.isInteger(ti) && ti >= xi && ti <= ni)) {
      throw new ArgumentError(`${fn}: recency ${ti} of row ${i} must be a whole number between frequency ${xi} and periods ${ni}`);
    }
    const wi = w ? w[i]! : 1;
    if (!(wi >= 0 && Number.isFinite(wi))) throw new ArgumentError(`${fn}: weight ${wi} of row ${i} must be a finite number >= 0`);
    out.frequency[i] = xi;
    out.recency[i] = ti;
    out.periods[i] = ni;
    out.weights[i] = wi;
  }
  return Object.freeze(out);
}
