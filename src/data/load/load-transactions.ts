import { buildTransactionsAs } from "./build-transactions.js";
import { type CleanPolicy, cleanTransactions } from "./clean-transactions.js";
import { type ReadRowsOptions, readRowsFileAs, readRowsTextAs } from "../read/read-rows.js";
import type { LoadedTransactions, TransactionOptions } from "../columns/transaction-options.js";

/** Everything a transactions loader can be told: how to read, how to map and validate, how to clean. */
export interface LoadTransactionsOptions extends ReadRowsOptions, TransactionOptions, CleanPolicy {
  /** Name of the source in the ledger and messages (default: the path, or `"text"`). */
  readonly source?: string;
}

/**
 * Loads transactions from text: reads it ({@link readRowsText}; format `csv` unless given),
 * validates the rows ({@link buildTransactions}) and applies the cleaning policy
 * ({@link cleanTransactions}; defaults net returns, keep duplicates).
 *
 * @param text - the content, e.g. `"customer_id,date,amount\nC1,2024-01-02,9.5\n"`
 * @param options - format, header, delimiter, columns, dateFormat, decimal, from, to, returns, duplicates, source
 * @returns the transactions and the ledger of every row
 * @throws DataError with a one-line message for a missing column, an unknown format, an unclosed quote, invalid JSON or a bad option
 * @example
 * const { transactions, ledger } = loadTransactionsText("customer_id,date,amount\n007,2024-01-02,9.5\n");
 * transactions.customerId[0]; // "007"
 * ledger.used;                // 1
 */
export function loadTransactionsText(text: string, options: LoadTransactionsOptions = {}): LoadedTransactions {
  const fn = "loadTransactionsText";
  const source = options.source ?? "text";
  const table = readRowsTextAs(text, options, fn, source);
  return cleanTransactions(buildTransactionsAs(table, options, source, fn), options);
}

/**
 * Loads transactions from a file. The format comes from `options.format`, else the extension:
 * .csv, .tsv, .txt/.dat (whitespace separated), .json, .jsonl, .xlsx (Parquet: see `engine/`).
 *
 * @param file - path of the file
 * @param options - as {@link loadTransactionsText}, plus `sheet` for workbooks
 * @returns the transactions and the ledger of every row
 * @throws DataError with a one-line message when the file is missing or unreadable, or as {@link loadTransactionsText}
 * @example
 * const { transactions, ledger } = await loadTransactionsFile("CDNOW_sample.txt", {
 *   header: false, columns: { customerId: "2", date: "3", amount: "5" } });
 * ledger.used; // 6919
 */
export async function loadTransactionsFile(file: string, options: LoadTransactionsOptions = {}): Promise<LoadedTransactions> {
  const fn = "loadTransactionsFile";
  const table = await readRowsFileAs(file, options, fn);
  return cleanTransactions(buildTransactionsAs(table, options, options.source ?? file, fn), options);
}
