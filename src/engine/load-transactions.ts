import path from "node:path";
import { buildTransactionsAs } from "../data/load/build-transactions.js";
import { cleanTransactions } from "../data/load/clean-transactions.js";
import { loadTransactionsFile, type LoadTransactionsOptions } from "../data/load/load-transactions.js";
import type { LoadedTransactions } from "../data/columns/transaction-options.js";
import { readParquetTable } from "./read-parquet-table.js";

export type { LoadedTransactions, LoadTransactionsOptions };

/**
 * Loads a transactions file of any supported format: Parquet (`.parquet`, or `format:
 * "parquet"`) through DuckDB, every other format through {@link loadTransactionsFile}. Either way
 * the rows go through the same column mapping, validation, cleaning policy and row ledger.
 *
 * @param file - path of the file
 * @param options - as {@link loadTransactionsFile}; `format` may also be `"parquet"`
 * @returns the transactions and the ledger of every row
 * @throws DataError with a one-line message when the file is missing, unreadable or lacks a column
 * @example
 * const { transactions, ledger } = await loadTransactions("tx.parquet");
 * ledger.used === ledger.read - ledger.rejected.length; // true
 */
export async function loadTransactions(file: string, options: LoadTransactionsOptions = {}): Promise<LoadedTransactions> {
  const isParquet = options.format === undefined ? path.extname(file).toLowerCase() === ".parquet" : options.format === "parquet";
  if (!isParquet) return loadTransactionsFile(file, options);
  const table = await readParquetTable(file);
  return cleanTransactions(buildTransactionsAs(table, options, options.source ?? file, "loadTransactions"), options);
}
