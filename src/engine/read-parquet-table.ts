import { existsSync } from "node:fs";
import type { RawTable } from "../data/raw-table.js";
import { tableFromColumns } from "../data/table-from-columns.js";
import { DataError } from "../data/data-error.js";
import { withEngine } from "./open-engine.js";

/** DuckDB types that come to JavaScript as numbers, booleans or strings without a conversion that can fail. */
const PLAIN_TYPE = /^(BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL|VARCHAR)\b/;

/**
 * Reads a Parquet file through DuckDB into the shared {@link RawTable} shape (cells as text by
 * `cellText`, nulls as empty cells), so that it goes through the same validation and row ledger
 * as the text formats. Columns other than numbers, booleans and text (DATE, TIMESTAMP, INTERVAL,
 * lists, structs ...) come as DuckDB writes them as text (`2024-01-02`, `2024-01-02 10:11:12`;
 * time zones in UTC), never through a JavaScript Date: a value no Date can hold (`infinity`,
 * year 5881580) reaches the ledger as that row's `bad-date`.
 * Row `line` numbers are 1-based row positions plus one, as if the file had a header line.
 *
 * @param file - path of a `.parquet` file
 * @returns the table
 * @throws DataError when the file is missing or is not Parquet
 * @example
 * const t = await readParquetTable("tx.parquet");
 * t.header; // ["customer_id", "date", "amount"]
 */
export async function readParquetTable(file: string): Promise<RawTable> {
  if (!existsSync(file)) throw new DataError(`readParquetTable: file "${file}" not found; check the --input path`);
  return withEngine(async (engine) => {
    let reader;
    try {
      const from = `read_parquet('${file.replace(/'/g, "''")}')`;
      await engine.connection.run("SET TimeZone = 'UTC'");
      const described = (await engine.connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`)).getRowObjectsJS();
      const select = described.map((c) => {
        const name = `"${String(c.column_name).replace(/"/g, '""')}"`;
        return PLAIN_TYPE.test(String(c.column_type)) ? name : `CAST(${name} AS VARCHAR) AS ${name}`;
      });
      reader = await engine.connection.runAndReadAll(`SELECT ${select.join(", ") || "*"} FROM ${from}`);
    } catch (error) {
      const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new DataError(`readParquetTable: "${file}" could not be read as Parquet (${why})`);
    }
    const header = reader.columnNames();
    const columns = reader.getColumnsJS();
    return tableFromColumns(header, columns, reader.currentRowCount);
  });
}

