import type { RawRow, RawTable } from "./raw-table.js";

/**
 * The text of one cell of an in-memory or engine table, as a file would hold it: empty for
 * null, undefined or NaN; `YYYY-MM-DD` for a Date at midnight UTC, else its full ISO time
 * (whose time part the date parser drops); other values by `String`.
 *
 * @param value - any cell value
 * @returns the cell text
 * @example
 * cellText(new Date(Date.UTC(2024, 0, 2))); // "2024-01-02"
 * cellText(null);                            // ""
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" && Number.isNaN(value)) return "";
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

/**
 * Turns columns held in memory (an arquero or danfo table, a Parquet file read by DuckDB) into the
 * shared {@link RawTable} shape, so that they get the same validation and row ledger as a file.
 * Row `i` (0-based) gets `line` i + 2, as in a CSV export with a header line.
 *
 * @param header - the column names
 * @param columns - one array-like per column, each at least `length` long
 * @param length - the number of rows
 * @returns the raw table
 * @throws Error when the header and the columns differ in number
 * @example
 * tableFromColumns(["customer_id", "amount"], [["007"], [9.5]], 1).rows[0];
 * // { line: 2, values: ["007", "9.5"] }
 */
export function tableFromColumns(header: readonly string[], columns: readonly ArrayLike<unknown>[], length: number): RawTable {
  if (header.length !== columns.length) {
    throw new Error(`tableFromColumns: ${header.length} column names but ${columns.length} columns`);
  }
  const rows = new Array<RawRow>(length);
  for (let i = 0; i < length; i++) {
    rows[i] = { line: i + 2, values: columns.map((c) => cellText(c[i])) };
  }
  return Object.freeze({ header: Object.freeze([...header]), rows: Object.freeze(rows) });
}
