import { DEFAULT_COLUMN_NAMES, NUMERIC_COLUMNS, TEXT_COLUMNS, type Transactions } from "../types.js";

/**
 * Which columns of the canonical schema a transactions table has and which it lacks, by their
 * default names (`customer_id`, `date`, `amount`, `order_id`, ...), so that a report can say what
 * its analyses used and what would add to them.
 *
 * @param t - the transactions
 * @returns the names present and missing, in schema order
 * @example
 * transactionColumns(loadTransactionsText("customer_id,date,amount\nC1,2024-01-02,9.5\n").transactions);
 * // { present: ["customer_id", "date", "amount"], missing: ["order_id", "channel", "product_id", "category", "quantity", ...] }
 */
export function transactionColumns(t: Transactions): { readonly present: readonly string[]; readonly missing: readonly string[] } {
  const optional = ["amount", ...TEXT_COLUMNS, ...NUMERIC_COLUMNS] as const;
  const has = (c: (typeof optional)[number]): boolean => hasColumn(t, c);
  return Object.freeze({
    present: Object.freeze([DEFAULT_COLUMN_NAMES.customerId, DEFAULT_COLUMN_NAMES.date, ...optional.filter(has).map((c) => DEFAULT_COLUMN_NAMES[c])]),
    missing: Object.freeze(optional.filter((c) => !has(c)).map((c) => DEFAULT_COLUMN_NAMES[c])),
  });
}

/**
 * Whether a transactions table has a column, without reading it (a text column kept as codes,
 * `lazyTextColumn`, is not made by asking).
 *
 * @param t - the transactions
 * @param column - a column name of {@link Transactions}
 * @example
 * hasColumn(t, "category"); // true when the file had a category column
 */
export function hasColumn(t: Transactions, column: keyof Transactions): boolean {
  const d = Object.getOwnPropertyDescriptor(t, column);
  return d !== undefined && (d.get !== undefined || d.value !== undefined);
}
