import type { RawRow, RawTable } from "../data/read/raw-table.js";
import { tableFromColumns } from "../data/read/table-from-columns.js";
import { checkInputFile } from "../data/read/check-input-file.js";
import { DataError } from "../data/data-error.js";
import { inexactNumberError } from "../data/parse/inexact-number.js";
import type { DuckDBConnection } from "@duckdb/node-api";
import { withEngine } from "./open-engine.js";

/**
 * DuckDB types that come to JavaScript as they are: booleans, floating-point numbers (checked for
 * exactness below) and text. Every other column is read as its text: integers and decimals
 * exactly (`12345678901234567890`, `1.50`), dates, times, intervals, lists and structs as DuckDB
 * writes them, so that no conversion to a JavaScript number or Date can round or throw.
 */
const AS_IS = /^(BOOLEAN|FLOAT|DOUBLE|VARCHAR)\b/;

/**
 * Reads a Parquet file through DuckDB into the shared {@link RawTable} shape (cells as text by
 * `cellText`, nulls as empty cells), so that it goes through the same validation and row ledger
 * as the text formats. Columns other than numbers, booleans and text (DATE, TIMESTAMP, INTERVAL,
 * lists, structs ...) come as DuckDB writes them as text (`2024-01-02`, `2024-01-02 10:11:12`;
 * time zones in UTC), never through a JavaScript Date: a value no Date can hold (`infinity`,
 * year 5881580) reaches the ledger as that row's `bad-date`.
 * Row `line` numbers are 1-based row positions plus one, as if the file had a header line.
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
    try {
      return await readParquetRows(engine.connection, file, limit === undefined ? {} : { limit });
    } catch (error) {
      if (error instanceof DataError) throw error;
      const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new DataError(`readParquetTable: "${file}" could not be read as Parquet (${why})`);
    }
  });
}

/** `read_parquet` of a file, with the row number of each row in the file as `file_row_number`. */
export const parquetReaderSql = (file: string): string => `read_parquet('${file.replace(/'/g, "''")}', file_row_number = true)`;

/**
 * Reads rows of a Parquet file as {@link readParquetTable} does (the same cell texts, row lines and
 * inexact-number marks) on an open connection: all rows, the first `limit`, or those whose row
 * numbers (0-based) a SQL query gives.
 *
 * @param connection - an open DuckDB connection (its time zone is set to UTC)
 * @param file - path of the Parquet file
 * @param pick - `limit`: the first rows only; `rowsIn`: a SQL query of one column, the row numbers to read
 * @returns the header and the rows, in file order, line = row number + 2
 * @throws the DuckDB error when the file is not Parquet
 * @example
 * const t = await readParquetRows(c, "tx.parquet", { rowsIn: "SELECT 3 UNION ALL SELECT 7" });
 * t.rows.map((r) => r.line); // [5, 9]
 */
export async function readParquetRows(connection: DuckDBConnection, file: string, pick: { readonly limit?: number; readonly rowsIn?: string }): Promise<RawTable> {
  const from = parquetReaderSql(file);
  await connection.run("SET TimeZone = 'UTC'");
  const described = (await connection.runAndReadAll(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${from}`)).getRowObjectsJS();
  const select = described.map((c) => {
    const name = `"${String(c.column_name).replace(/"/g, '""')}"`;
    return AS_IS.test(String(c.column_type)) ? name : `CAST(${name} AS VARCHAR) AS ${name}`;
  });
  const where = pick.rowsIn === undefined ? "" : ` WHERE file_row_number IN (${pick.rowsIn})`;
  const limit = pick.limit === undefined ? "" : ` LIMIT ${Math.max(0, Math.floor(pick.limit))}`;
  const reader = await connection.runAndReadAll(`SELECT file_row_number::DOUBLE AS file_row_number${select.map((x) => `, ${x}`).join("")} FROM ${from}${where} ORDER BY file_row_number${limit}`);
  const header = reader.columnNames().slice(1);
  const [rowNumbers, ...columns] = reader.getColumnsJS();
  const table = tableFromColumns(header, columns, reader.currentRowCount);
  const floats = reader.columnTypes().slice(1).flatMap((t, j) => (/^(DOUBLE|FLOAT)$/.test(t.toString()) ? [j] : []));
  const rows: RawRow[] = table.rows.map((row, i) => {
    const line = Number(rowNumbers![i]) + 2;
    const inexact = floats.flatMap((j) => {
      const error = inexactNumberError(header[j]!, columns[j]![i]);
      return error === undefined ? [] : [{ column: j, ...error }];
    });
    return inexact.length === 0 ? (line === row.line ? row : { ...row, line }) : { ...row, line, inexact };
  });
  return Object.freeze({ header: table.header, rows: Object.freeze(rows) });
}
