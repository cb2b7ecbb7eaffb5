import { checkInputFile } from "../data/read/check-input-file.js";
import { inspectFile, type InspectOptions } from "../data/inspect/inspect-file.js";
import { type Inspection, INSPECT_ROWS, inspectTable } from "../data/inspect/inspect-table.js";
import { formatOfName } from "../data/read/read-rows.js";
import { readParquetTable } from "./read-parquet-table.js";

/**
 * Inspects a file of any supported format, Parquet included (its first 1000 rows, read through
 * DuckDB); the other formats go to {@link inspectFile}. See {@link inspectTable} for what is found.
 *
 * @param file - the file
 * @param options - format, delimiter, header, encoding, sheet (as {@link inspectFile})
 * @returns the inspection
 * @throws DataError as {@link inspectFile}, or when a Parquet file cannot be read
 * @example
 * const i = await inspectInput("tx.parquet");
 * i.mapping.columns; // { customerId: "customer_id", date: "date", amount: "amount" }
 */
export async function inspectInput(file: string, options: InspectOptions = {}): Promise<Inspection> {
  const format = options.format?.trim().toLowerCase() ?? formatOfName(file);
  if (format !== "parquet") return inspectFile(file, options);
  await checkInputFile(file, "inspectInput", Infinity);
  const table = await readParquetTable(file, INSPECT_ROWS);
  const fromName = formatOfName(file);
  return inspectTable(table, {
    file, format: "parquet", ...(fromName === undefined ? {} : { formatFromName: fromName }), header: true, wholeFile: table.rows.length < INSPECT_ROWS,
  });
}
