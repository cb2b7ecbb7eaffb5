import { buildTransactionsAs } from "../data/load/build-transactions.js";
import { cleanTransactions } from "../data/load/clean-transactions.js";
import type { LoadTransactionsOptions } from "../data/load/load-transactions.js";
import { tableFromColumns } from "../data/read/table-from-columns.js";
import type { LoadedTransactions } from "../data/columns/transaction-options.js";
import { _columns } from "./to-columns.js";
import type { TableInput } from "./types.js";

/**
 * Takes transactions that a statistician already holds in memory (an array of records, an
 * arquero table, a danfo DataFrame, or an object of columns) through the same column mapping,
 * validation, cleaning policy and row ledger as a file. Row `i` (0-based) is ledgered as line
 * i + 2, as in a CSV export with a header. Dates may be Date objects or text.
 *
 * @param input - the table, with columns named as in data/README.md or mapped by `options.columns`
 * @param options - as `loadTransactionsText` (columns, dateFormat, from, to, returns, duplicates, source)
 * @returns the transactions and their ledger
 * @throws TypeError when `input` is not a table; DataError when a required column is missing
 * @example
 * const { transactions, ledger } = transactionsFromTable(aq.table({ customer_id: ["007"], date: ["2024-01-02"], amount: [9.5] }));
 * ledger.used; // 1
 */
export function transactionsFromTable<C extends object>(
  input: TableInput<C>,
  options: LoadTransactionsOptions = {},
): LoadedTransactions {
  const fn = "transactionsFromTable";
  const { names, columns, length } = _columns(input, fn);
  const table = tableFromColumns(names, columns as readonly ArrayLike<unknown>[], length);
  return cleanTransactions(buildTransactionsAs(table, options, options.source ?? "table", fn), options);
}
