import type { DecimalMark } from "../parse/parse-number.js";
import type { DateFormat } from "../parse/parse-day.js";
import type { ColumnRef, ColumnSpec } from "./resolve-columns.js";
import type { RowLedger } from "../ledger/row-ledger.js";
import { kebab } from "../ledger/row-checks.js";
import { type CanonicalField, type Transactions, DEFAULT_COLUMN_NAMES } from "../types.js";

/**
 * How the rows of a source become {@link Transactions}: which columns, which date format, which
 * decimal mark, which date window. Every option has a default that fits the canonical layout
 * `customer_id,date,amount` with ISO dates.
 */
export interface TransactionOptions {
  /**
   * Source column of each canonical field, by name (case-insensitive) or 1-based position
   * (`{ customerId: "2", date: "3", amount: "5" }` for CDNOW_sample.txt). Unmapped fields are
   * looked for under their {@link DEFAULT_COLUMN_NAMES} name.
   */
  readonly columns?: Partial<Record<CanonicalField, ColumnRef>>;
  /** Date format (see {@link DateFormat}); default `"auto"`: ISO, else YYYYMMDD. */
  readonly dateFormat?: DateFormat;
  /** Decimal mark of numbers, `"."` (default) or `","`. */
  readonly decimal?: DecimalMark;
  /** First day kept, `YYYY-MM-DD`, inclusive; earlier rows are rejected as `outside-window`. */
  readonly from?: string;
  /** Last day kept, `YYYY-MM-DD`, inclusive; later rows are rejected as `outside-window`. */
  readonly to?: string;
  /** What `to` is, for the reason of a rejected row (default `--to YYYY-MM-DD`), e.g. `the run date 2026-12-03`. */
  readonly toLabel?: string;
  /**
   * The run date, `YYYY-MM-DD` (default: the current date in UTC): rows dated more than a year
   * after it, or before 1900-01-01, are rejected as `date-out-of-range` (see `latestDay`).
   */
  readonly today?: string;
}

/** A transactions table together with the account of every input row. */
export interface LoadedTransactions {
  /** The rows that were used. */
  readonly transactions: Transactions;
  /** Every row read: used, or rejected with line, code and reason. */
  readonly ledger: RowLedger;
}

/**
 * Every canonical field with its default column name and the `crm` flag that maps it:
 * `--customer` for the customer id, `--product` for the product id, else the field in kebab case (`--unit-price`).
 */
export const TRANSACTION_COLUMNS: readonly ColumnSpec<CanonicalField>[] = Object.freeze(
  (Object.keys(DEFAULT_COLUMN_NAMES) as CanonicalField[]).map((field) =>
    Object.freeze({ field, name: DEFAULT_COLUMN_NAMES[field], flag: field === "customerId" ? "--customer" : field === "productId" ? "--product" : `--${kebab(field)}` }),
  ),
);
