import type { RawRow, RawTable } from "../data/raw-table.js";
import { tableFromColumns } from "../data/table-from-columns.js";
import { checkInputFile } from "../data/check-input-file.js";
import { DataError } from "../data/data-error.js";
import { inexactNumberError } from "../data/inexact-number.js";
import { withEngine } from "./open-engine.js";

/** Column types read as their exact text: 64- and 128-bit integers and decimals (never rounded to a double). */
const EXACT_AS_TEXT = /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|DECIMAL)\b/;

/**
 * Reads a Parquet file through DuckDB into the shared {@link RawTable} shape (cells as text by
 * `cellText`: dates as ISO `YYYY-MM-DD`, nulls as empty cells), so that it goes through the same
 * validation and row ledger as the text formats. Row `line` numbers are 1-based row positions
 * plus one, as if the file had a header line.
 *
 * Ids stay exact: integer columns (BIGINT, HUGEINT, UBIGINT ...) and DECIMAL columns are read as
 * their exact text (`12345678901234567890`, `1.50`), and a row with a DOUBLE or FLOAT cell of
 * magnitude 2^53 or more (digits already lost) is a reader error `inexact-number`, rejected in
 * the ledger rather than read as a merged id.
 *
 * @param file - path of a `.parquet` file (a regular file: folders, devices and pipes are refused)
 * @param limit - read only the first `limit` rows (default: all)
 * @returns the table
 * @throws DataError when the file is missing, not a regular file, or is not Parquet
 * @example
 * const t = await readParquetTable("tx.parquet");
 * t.header; // ["customer_id", "date", "amount"]
 */
export async function readParquetTable(file: string, limit?: number): Promise<RawTable> {
  await checkInputFile(file, "readParquetTable", Infinity);
  return withEngine(async (engine) => {
    let reader;
    try {
      const from = `read_parquet('${file.replace(/'/g, "''")}')`;
      const shape = await engine.connection.runAndReadAll(`SELECT * FROM ${from} LIMIT 0`);
      const types = shape.columnTypes().map((t) => t.toString());
      const select = shape.columnNames().map((name, i) => {
        const id = `"${name.replace(/"/g, '""')}"`;
        return EXACT_AS_TEXT.test(types[i]!) ? `CAST(${id} AS VARCHAR) AS ${id}` : id;
      });
      const tail = limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(limit))}`;
      reader = await engine.connection.runAndReadAll(`SELECT ${select.length ? select.join(", ") : "*"} FROM ${from}${tail}`);
    } catch (error) {
      if (error instanceof DataError) throw error;
      const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new DataError(`readParquetTable: "${file}" could not be read as Parquet (${why})`);
    }
    const header = reader.columnNames();
    const columns = reader.getColumnsJS();
    const table = tableFromColumns(header, columns, reader.currentRowCount);
    const floats = reader.columnTypes().flatMap((t, j) => (/^(DOUBLE|FLOAT)$/.test(t.toString()) ? [j] : []));
    if (floats.length === 0) return table;
    const rows: RawRow[] = table.rows.map((row, i) => {
      for (const j of floats) {
        const error = inexactNumberError(header[j]!, columns[j]![i]);
        if (error !== undefined) return { ...row, error };
      }
      return row;
    });
    return Object.freeze({ header: table.header, rows: Object.freeze(rows) });
  });
}
