import { ArgumentError } from "../../math/argument-error.js";
/** Customers sorted into repeat-purchase classes 0, 1, ..., maxFrequency - 1 and "maxFrequency+". */
export interface FrequencyClasses {
  /** Class of each customer: min(x, maxFrequency). */
  readonly classOf: Int32Array;
  /** Class labels "0", "1", ..., "7+". */
  readonly labels: readonly string[];
  /** Customers in each class (count). */
  readonly customers: readonly number[];
}

/**
 * Sorts customers by calibration repeat purchases into the classes of FHL (2005) Figures 2 and 4:
 * 0, 1, ..., maxFrequency - 1 and an open-ended "maxFrequency+" class.
 *
 * @param fn - the public function named in errors
 * @param frequency - repeat purchases per customer (count, whole numbers >= 0)
 * @param maxFrequency - first value of the open-ended class (whole number >= 1)
 * @returns the class of each customer, the labels and the class sizes, frozen
 * @throws ArgumentError when maxFrequency is not a whole number >= 1 or a frequency is not a whole number >= 0
 * @example
 * frequencyClasses("f", [0, 3, 9], 7).customers; // [1, 0, 0, 1, 0, 0, 0, 1]
 */
export function frequencyClasses(fn: string, frequency: ArrayLike<number>, maxFrequency: number): FrequencyClasses {
  if (!(Number.isInteger(maxFrequency) && maxFrequency >= 1)) {
    throw new ArgumentError(`${fn}: maxFrequency ${maxFrequency} must be a whole number >= 1`);
  }
  const n = frequency.length;
  const classOf = new Int32Array(n);
  const customers = new Array<number>(maxFrequency + 1).fill(0);
  for (let i = 0; i < n; i++) {
    const x = frequency[i]!;
    if (!(Number.isInteger(x) && x >= 0)) {
      throw new ArgumentError(`${fn}: frequency ${x} of row ${i} must be a whole number >= 0`);
    }
    const c = Math.min(x, maxFrequency);
    classOf[i] = c;
    customers[c]! += 1;
  }
  const labels = customers.map((_, k) => (k === maxFrequency ? `${k}+` : String(k)));
  return Object.freeze({ classOf, labels: Object.freeze(labels), customers: Object.freeze(customers) });
}
