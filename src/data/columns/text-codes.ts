/** A text column as integer codes: `dictionary[codes[i]]` is the value of row i. */
export interface TextCodes {
  /** Code of each row's value, 0-based, in order of each value's first appearance. */
  readonly codes: Int32Array;
  /** The distinct values, by code (in order of first appearance). */
  readonly dictionary: readonly string[];
}

// Columns are frozen arrays, never changed: their codes are computed (or given by a loader) once.
const known = new WeakMap<readonly string[], TextCodes>();

/**
 * The integer codes of a text column (a customer, order, product, channel or category column of
 * the transactions), in order of each value's first appearance. Computed once per column array
 * and then kept as long as the column lives, so every analysis that groups by the column shares
 * one pass; a loader that already has the codes (DuckDB's dictionaries) hands them over with
 * {@link rememberTextCodes} and no pass is made.
 *
 * @param column - the column's values, one per row (a frozen array: never changed afterwards)
 * @returns the codes (do not change them) and the dictionary
 * @throws never
 * @example
 * textCodes(["C2", "C1", "C2"]); // { codes: Int32Array [0, 1, 0], dictionary: ["C2", "C1"] }
 */
export function textCodes(column: readonly string[]): TextCodes {
  let coded = known.get(column);
  if (coded === undefined) {
    coded = encode(column);
    known.set(column, coded);
  }
  return coded;
}

/**
 * Records the codes of a column that a loader built from its own dictionary, so that
 * {@link textCodes} returns them without a pass. The codes must follow first appearance, as
 * `textCodes` would number them.
 *
 * @param column - the column's values (frozen)
 * @param coded - its codes and dictionary, in order of first appearance
 * @example
 * rememberTextCodes(transactions.customerId, { codes, dictionary: ids });
 */
export function rememberTextCodes(column: readonly string[], coded: TextCodes): void {
  known.set(column, coded);
}

function encode(values: readonly string[]): TextCodes {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  let prevValue: string | undefined, prev = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let code = v === prevValue ? prev : index.get(v); // runs of one value need no lookup
    if (code === undefined) {
      code = dictionary.length;
      index.set(v, code);
      dictionary.push(v);
    }
    codes[i] = code;
    prevValue = v;
    prev = code;
  }
  return { codes, dictionary };
}
