/**
 * The canonical transactions table: one entry per input transaction line, stored by column.
 *
 * Dates are whole days since 1970-01-01 (UTC), so that day arithmetic is exact and time-zone free.
 * Money is in the data's own currency units. Optional columns are present only when the input
 * had them (or they could be derived); see data/README.md for the data dictionary.
 *
 * @example
 * const t: Transactions = loadTransactionsText("customer_id,date,amount\nC1,2024-01-02,9.5\n").transactions;
 * t.customerId[0]; // "C1"
 * t.day[0];        // 19724 (days since 1970-01-01)
 * t.amount[0];     // 9.5
 */
export interface Transactions {
  /** Number of transaction lines. */
  readonly length: number;
  /** Customer id as text (leading zeros kept). */
  readonly customerId: readonly string[];
  /** Transaction date as whole days since 1970-01-01 UTC. */
  readonly day: Int32Array;
  /**
   * Line revenue in currency units, after discount, before freight; negative for a return or
   * cancellation. Absent for a purchase log without amounts (customer and date only): the
   * analyses that need spend then say so instead of running.
   */
  readonly amount?: Float64Array;
  /** 1-based line number in the source (the header is line 1 when there is one). */
  readonly sourceLine: Int32Array;
  readonly orderId?: readonly string[];
  readonly channel?: readonly string[];
  readonly productId?: readonly string[];
  readonly category?: readonly string[];
  /** Units on the line (NaN when unknown). */
  readonly quantity?: Float64Array;
  /** Price per unit before discount (NaN when unknown). */
  readonly unitPrice?: Float64Array;
  /** Discount given on the line, currency units (0 when blank). */
  readonly discount?: Float64Array;
  /** Freight and handling charged to us for the line, currency units (0 when blank). */
  readonly freight?: Float64Array;
  /** Cost of goods of the line, currency units (NaN when unknown). */
  readonly cost?: Float64Array;
  /** Units later returned from this line (0 when blank). */
  readonly returnedQuantity?: Float64Array;
  /** Value later refunded for this line, currency units (0 when blank). */
  readonly returnedAmount?: Float64Array;
}

/** Names of the optional text columns of {@link Transactions}. */
export const TEXT_COLUMNS = ["orderId", "channel", "productId", "category"] as const;
/** Names of the optional numeric columns of {@link Transactions}. */
export const NUMERIC_COLUMNS = [
  "quantity",
  "unitPrice",
  "discount",
  "freight",
  "cost",
  "returnedQuantity",
  "returnedAmount",
] as const;

/** One optional text column name. */
export type TextColumn = (typeof TEXT_COLUMNS)[number];
/** One optional numeric column name. */
export type NumericColumn = (typeof NUMERIC_COLUMNS)[number];
/** Every field of the canonical schema, required or optional. */
export type CanonicalField = "customerId" | "date" | "amount" | TextColumn | NumericColumn;

/** The snake_case column name that each canonical field is read from by default. */
export const DEFAULT_COLUMN_NAMES: Readonly<Record<CanonicalField, string>> = Object.freeze({
  customerId: "customer_id",
  date: "date",
  amount: "amount",
  orderId: "order_id",
  channel: "channel",
  productId: "product_id",
  category: "category",
  quantity: "quantity",
  unitPrice: "unit_price",
  discount: "discount",
  freight: "freight",
  cost: "cost",
  returnedQuantity: "returned_quantity",
  returnedAmount: "returned_amount",
});
