/**
 * The error thrown for every problem with the user's input (a missing file, a missing column,
 * an unreadable sheet, a bad option value). Its message is one line that names the function,
 * the offending value and what to do, so a command line can print it as is and exit with code 2.
 *
 * Problems with single rows are never thrown: they go to the {@link RowLedger} instead.
 *
 * @example
 * try {
 *   loadTransactionsText("customer_id,date\nC1,2024-01-02\n");
 * } catch (e) {
 *   e instanceof DataError; // true
 *   e.message; // 'loadTransactionsText: no amount column in text (columns: customer_id, date); use --amount COL, or give quantity and unit_price (--quantity COL --unit-price COL)'
 * }
 */
export class DataError extends Error {
  override readonly name = "DataError";

  /**
   * @param message - one line: `function: what is wrong (the value); what to do`
   */
  constructor(message: string) {
    super(message);
    Object.setPrototypeOf(this, new.target.prototype);
  }
}

/**
 * Returns true when a value is a {@link DataError} (by class, never by its name text).
 *
 * @param e - any caught value
 * @returns whether it is an input error to report in one line
 * @example
 * isDataError(new DataError("f: x")); // true
 * isDataError(new Error("x"));        // false
 */
export function isDataError(e: unknown): e is DataError {
  return e instanceof DataError;
}
