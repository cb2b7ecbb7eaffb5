import path from "node:path";
import { buildTransactionsAs } from "../data/load/build-transactions.js";
import { cleanTransactions } from "../data/load/clean-transactions.js";
import { loadTransactionsFile, type LoadTransactionsOptions } from "../data/load/load-transactions.js";
import type { LoadedTransactions } from "../data/columns/transaction-options.js";
import { loadDelimitedInEngine } from "./load-delimited-in-engine.js";
import { readParquetTable } from "./read-parquet-table.js";
import { loadParquetInEngine } from "./load-parquet-in-engine.js";

export type { LoadedTransactions, LoadTransactionsOptions };

/**
 * Loads a transactions file of any supported format: CSV and TSV through DuckDB, out of core
 * ({@link loadDelimitedInEngine}; any file it cannot read exactly as the project's reader does
 * goes to {@link loadTransactionsFile}), Parquet (`.parquet`, or `format: "parquet"`) through
 * DuckDB's data step too ({@link loadParquetInEngine}; else read whole by DuckDB), every other format through {@link loadTransactionsFile}. Every way gives the same
 * transactions and row ledger: the same column mapping, validation and cleaning policy.
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
  if (!isParquet) {
    // messages name loadTransactionsFile, whichever way the file is read (the same words as ever)
    const inEngine = await loadDelimitedInEngine(file, options, "loadTransactionsFile");
    return inEngine === undefined ? loadTransactionsFile(file, options) : cleanTransactions(inEngine, options);
  }
  const inEngine = await loadParquetInEngine(file, options, "loadTransactions");
  if (inEngine !== undefined) return cleanTransactions(inEngine, options);
  const table = await readParquetTable(file);
  return cleanTransactions(buildTransactionsAs(table, options, options.source ?? file, "loadTransactions"), options);
}
