import { _columns } from "./to-columns.js";
import type { TableInput, TableRecord } from "./types.js";

/**
 * Converts any table to an array of plain records, one per row, with keys in column order
 * (integer-like names such as `"2024"` are listed first by JavaScript). Numbers stay numbers,
 * strings stay strings (ids such as `"00042"` keep their leading zeros).
 *
 * @param input - records, an arquero table, a danfo DataFrame or a columns object
 * @returns a frozen array of frozen records (a new array even when `input` is records)
 * @throws TypeError `toRecords: expected a table ...` naming what was passed
 * @example
 * toRecords({ id: ["00042", "007"], x: new Float64Array([1.5, 2]) });
 * // [{ id: "00042", x: 1.5 }, { id: "007", x: 2 }]
 */
export function toRecords<C extends object>(input: TableInput<C>): readonly TableRecord[] {
  return _records(input, "toRecords");
}

/**
 * Internal: {@link toRecords} with the caller's name in error messages.
 *
 * @param input - any table
 * @param caller - public function name for errors
 * @returns frozen records
 * @throws TypeError when `input` is not a table
 * @example
 * _records([{ a: 1 }], "fromArquero"); // [{ a: 1 }]
 */
export function _records(input: unknown, caller: string): readonly TableRecord[] {
  const { names, columns, length } = _columns(input, caller);
  const rows = new Array<TableRecord>(length);
  for (let i = 0; i < length; i++) {
    const r: TableRecord = {};
    for (let j = 0; j < names.length; j++) r[names[j] as string] = (columns[j] as ArrayLike<unknown>)[i];
    rows[i] = Object.freeze(r);
  }
  return Object.freeze(rows);
}
