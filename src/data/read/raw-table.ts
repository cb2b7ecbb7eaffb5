/**
 * One data row as read from a source, before any validation.
 *
 * `values` are the cell texts in column order (not trimmed by the delimited readers, so that a
 * quoted `" 007"` survives; the builders trim). `line` is the 1-based line in the source where
 * the row starts (the header, when there is one, is line 1). A reader that cannot make sense of
 * a row (a JSON line that does not parse) still emits it, with `error` set, so that the builder
 * rejects it in the ledger instead of losing it.
 */
export interface RawRow {
  /** 1-based line number where the row starts in the source. */
  readonly line: number;
  /** Cell texts in column order; `[""]` for a blank line. */
  readonly values: readonly string[];
  /** Set by a reader when the row could not be read; the builders reject it with this code. */
  readonly error?: { readonly code: string; readonly reason: string };
  /**
   * Cells a reader could not read exactly (a floating-point number of 2^53 or more in XLSX or
   * Parquet), by 0-based column: a builder rejects the row when it uses one of these columns.
   */
  readonly inexact?: readonly { readonly column: number; readonly code: string; readonly reason: string }[];
}

/**
 * The shared shape every reader returns and every builder takes: a header and rows of strings.
 * Engines that read other formats (Parquet through DuckDB) produce this shape and call
 * {@link buildTransactions} to get the same validation and ledger.
 *
 * @example
 * const t: RawTable = { header: ["customer_id", "date", "amount"], rows: [{ line: 2, values: ["C1", "2024-01-02", "9.5"] }] };
 */
export interface RawTable {
  /** Column names (trimmed); `"1"`, `"2"`, ... when the source had no header. */
  readonly header: readonly string[];
  /** Data rows in source order (a trailing empty line is not a row). */
  readonly rows: readonly RawRow[];
}

/** Options shared by the readers. */
export interface ReadOptions {
  /**
   * Whether the first line names the columns (default true). Without a header the columns are
   * named `"1"`, `"2"`, ... (by the width of the first row) so they can be mapped by position.
   */
  readonly header?: boolean;
}

/**
 * The names given to columns when the source has no header: `"1"` .. `"n"`.
 *
 * @param n - number of columns (>= 0)
 * @returns `["1", "2", ..., String(n)]`
 * @example
 * positionalHeader(3); // ["1", "2", "3"]
 */
export function positionalHeader(n: number): string[] {
  const out: string[] = [];
  for (let i = 1; i <= n; i++) out.push(String(i));
  return out;
}

/**
 * Turns a list of rows (the first one possibly the header) into a frozen {@link RawTable}.
 *
 * @param rows - every row read, header included when `header` is true
 * @param header - whether the first row is the header
 * @returns the table; header names are trimmed
 * @example
 * tableFromRows([{ line: 1, values: ["a", "b"] }, { line: 2, values: ["1", "2"] }], true).header; // ["a", "b"]
 */
export function tableFromRows(rows: RawRow[], header: boolean): RawTable {
  if (rows.length === 0) return Object.freeze({ header: Object.freeze([]), rows: Object.freeze([]) });
  if (header) {
    const names = rows[0]!.values.map((v) => v.trim());
    return Object.freeze({ header: Object.freeze(names), rows: Object.freeze(rows.slice(1)) });
  }
  return Object.freeze({ header: Object.freeze(positionalHeader(rows[0]!.values.length)), rows: Object.freeze(rows) });
}
