import { existsSync } from "node:fs";
import type { RawTable } from "../data/raw-table.js";
import { tableFromColumns } from "../data/table-from-columns.js";
import { DataError } from "../data/data-error.js";
import { withEngine } from "./open-engine.js";

/**
 * Reads a Parquet file through DuckDB into the shared {@link RawTable} shape (cells as text by
 * `cellText`: dates as ISO `YYYY-MM-DD`, nulls as empty cells), so that it goes through the same
 * validation and row ledger as the text formats. Row `line` numbers are 1-based row positions
 * plus one, as if the file had a header line.
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
      const quoted = file.replace(/'/g, "''");
      reader = await engine.connection.runAndReadAll(`SELECT * FROM read_parquet('${quoted}')`);
    } catch (error) {
      const why = error instanceof Error ? error.message.split("\n")[0] : String(error);
      throw new DataError(`readParquetTable: "${file}" could not be read as Parquet (${why})`);
    }
    const header = reader.columnNames();
    const columns = reader.getColumnsJS();
    return tableFromColumns(header, columns, reader.currentRowCount);
  });
}

