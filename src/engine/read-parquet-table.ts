import { existsSync } from "node:fs";
import type { RawRow, RawTable } from "../data/raw-table.js";
import { DataError } from "../data/data-error.js";
import { withEngine } from "./open-engine.js";

/**
 * Reads a Parquet file through DuckDB into the shared {@link RawTable} shape (every cell as
 * text, dates as ISO `YYYY-MM-DD`, nulls as empty cells), so that it goes through the same
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
    const rows: RawRow[] = reader.getRowsJS().map((row, i) => ({
      line: i + 2,
      values: row.map(cellText),
    }));
    return Object.freeze({ header: Object.freeze(header), rows: Object.freeze(rows) });
  });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}
