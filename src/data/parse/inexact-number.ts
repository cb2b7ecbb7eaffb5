/** The code under which rows holding a floating-point number too big to be exact are rejected. */
export const INEXACT_NUMBER_CODE = "inexact-number";

/**
 * The reader error for a row whose cell holds a floating-point number of magnitude 2^53 or more
 * (an XLSX numeric cell, a Parquet DOUBLE): such a number has lost digits (20-digit ids
 * `12345678901234567890` and `12345678901234567891` are the same double), so the row is rejected
 * in the ledger with this reason rather than read as a wrong, possibly merged, id or value.
 *
 * @param column - the column's name, for the reason
 * @param value - the cell value as the reader got it
 * @returns `{ code: "inexact-number", reason }` when the value is such a number, else undefined
 * @example
 * inexactNumberError("CustomerID", 12345678901234567890)?.reason;
 * // 'CustomerID 12345678901234567000 is a floating-point number of 2^53 or more, so its digits are not exact; store the column as text (or as a 64-bit integer in Parquet)'
 * inexactNumberError("amount", 9.5); // undefined
 */
export function inexactNumberError(column: string, value: unknown): { readonly code: string; readonly reason: string } | undefined {
  if (typeof value !== "number" || !(Math.abs(value) >= 2 ** 53)) return undefined;
  return {
    code: INEXACT_NUMBER_CODE,
    reason: `${column} ${String(value)} is a floating-point number of 2^53 or more, so its digits are not exact; store the column as text (or as a 64-bit integer in Parquet)`,
  };
}
