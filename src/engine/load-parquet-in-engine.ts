import type { LoadedTransactions } from "../data/columns/transaction-options.js";
import { resolveColumns } from "../data/columns/resolve-columns.js";
import { TRANSACTION_COLUMNS } from "../data/columns/transaction-options.js";
import { buildTransactionsAs } from "../data/load/build-transactions.js";
import type { LoadTransactionsOptions } from "../data/load/load-transactions.js";
import { checkInputFile } from "../data/read/check-input-file.js";
import { NUMERIC_COLUMNS, TEXT_COLUMNS } from "../data/types.js";
import { runDataStep } from "./load-delimited-in-engine.js";
import { parquetReaderSql, readParquetRows } from "./read-parquet-table.js";
import { useSharedEngine } from "./shared-engine.js";

const FLOAT = /^(DOUBLE|FLOAT)$/;

/**
 * Loads a Parquet file of transactions through DuckDB's data step, out of core: the same SQL
 * parsing, checks and row ledger as a CSV file (see `loadDelimitedInEngine`), on the fields' texts
 * exactly as {@link readParquetTable} gives them to the JavaScript builder (integers and decimals
 * as their exact text, dates as `YYYY-MM-DD`, timestamps in UTC). Floating-point columns give
 * their numbers directly (their shortest text, `-0` as `0`; NaN and infinities go to the builder).
 * The rows SQL does not take are read back as `readParquetTable` reads them and go through the
 * builder, so the result equals reading the whole file into JavaScript.
 *
 * Returns undefined (the caller then reads the file with `readParquetTable`) when DuckDB cannot
 * read the file as Parquet, or when a text field (customer, order, product, channel, category)
 * or the date is a floating-point column (its JavaScript text differs from DuckDB's).
 *
 * @param file - path of a `.parquet` file
 * @param options - as `loadTransactionsFile`
 * @param fn - the public function named in messages
 * @returns the transactions and ledger, or undefined
 * @throws DataError when the file is missing or not a regular file, or lacks a column
 * @example
 * const loaded = await loadParquetInEngine("tx.parquet", {}, "loadTransactions");
 * loaded?.ledger.used; // 1002158
 */
export async function loadParquetInEngine(file: string, options: LoadTransactionsOptions, fn: string): Promise<LoadedTransactions | undefined> {
  await checkInputFile(file, "readParquetTable", Infinity);
  const source = options.source ?? file;
  return useSharedEngine(async (engine) => {
    const c = engine.connection;
    const from = parquetReaderSql(file);
    let described: Record<string, unknown>[];
    try {
      await c.run("SET TimeZone = 'UTC'");
      described = (await c.runAndReadAll(`DESCRIBE SELECT * EXCLUDE (file_row_number) FROM ${from}`)).getRowObjectsJS();
    } catch {
      return undefined; // not Parquet: readParquetTable says so in its words
    }
    const header = described.map((d) => String(d.column_name));
    const types = described.map((d) => String(d.column_type));
    buildTransactionsAs({ header, rows: [] }, options, source, fn); // missing columns: the builder's words
    const col = resolveColumns(header, TRANSACTION_COLUMNS, options.columns ?? {}, fn, source);
    const textual = [col.customerId, col.date, ...TEXT_COLUMNS.map((t) => col[t])].filter((j) => j >= 0);
    if (textual.some((j) => FLOAT.test(types[j]!))) return undefined;
    const numeric = new Set([col.amount, ...NUMERIC_COLUMNS.map((n) => col[n])].filter((j) => j >= 0));
    const fields = header.map((name, j) => {
      const q = `"${name.replace(/"/g, '""')}"`;
      if (!numeric.has(j) && !textual.includes(j)) return `NULL::VARCHAR AS c${j}`; // not read
      if (FLOAT.test(types[j]!)) return `CASE WHEN ${q} = 0 THEN '0' ELSE CAST(CAST(${q} AS DOUBLE) AS VARCHAR) END AS c${j}`;
      return types[j] === "VARCHAR" ? `${q} AS c${j}` : `CAST(${q} AS VARCHAR) AS c${j}`;
    });
    const reader = `(SELECT ${fields.join(", ")} FROM ${from})`;
    return runDataStep(c, { reader, header, offset: 2, fallbackRows: (conn, rowsIn) => readParquetRows(conn, file, { rowsIn }) }, options, source, fn);
  });
}
