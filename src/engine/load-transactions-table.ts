import { DOUBLE, DuckDBDataChunk, INTEGER } from "@duckdb/node-api";
import { EARLIEST_DAY } from "../data/parse/day-range.js";
import { daysFromCivil } from "../data/parse/parse-day.js";
import { MAX_ABS_NUMBER } from "../data/parse/parse-number.js";
import type { Transactions } from "../data/types.js";
import { ArgumentError } from "../math/argument-error.js";
import type { Engine } from "./open-engine.js";

const CHUNK_ROWS = 2048;

/** A transactions table inside DuckDB, and the dictionary of its customer codes. */
export interface EngineTransactions {
  /** Name of the DuckDB table. */
  readonly table: string;
  /** `customerIds[code]` is the customer id of code `code`; codes follow first appearance in the input. */
  readonly customerIds: readonly string[];
}

/**
 * Dictionary-encodes text: each distinct value gets the next integer code, in order of first
 * appearance (so sorting by code keeps input order).
 *
 * @param values - the texts
 * @returns the codes per value and the distinct values by code
 * @example
 * encodeText(["b", "a", "b"]); // { codes: Int32Array [0, 1, 0], dictionary: ["b", "a"] }
 */
export function encodeText(values: readonly string[]): { codes: Int32Array; dictionary: string[] } {
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    let code = index.get(v);
    if (code === undefined) {
      code = dictionary.length;
      index.set(v, code);
      dictionary.push(v);
    }
    codes[i] = code;
  }
  return { codes, dictionary };
}

/**
 * Copies the columns the aggregations need from a {@link Transactions} table into a DuckDB table
 * of the (in-memory) engine, in chunks. Text ids travel as integer codes (dictionary-encoded
 * here), which is several times faster than strings and makes the group-bys cheaper.
 *
 * Columns of the new table: `customer_id INTEGER` (a code into `customerIds`), `day INTEGER`
 * (days since 1970-01-01), `amount DOUBLE` (0 for a purchase log without amounts: every line is a
 * purchase), `refund DOUBLE` (returned_amount, 0 when absent),
 * `order_id INTEGER` (a code, NULL when the input has no order ids).
 *
 * @param engine - an open engine
 * @param transactions - the table to copy
 * @param table - name of the table to create (replaced if it exists)
 * The values are checked first, so that no SQL over the table can fail on them: amounts and
 * refunds must be within ±1e12 (`MAX_ABS_NUMBER`; an amount may be NaN, unknown), days from
 * 1900-01-01 to 9999-12-31. The loaders reject other rows per line; a table built by hand gets the error.
 *
 * @returns the table name and the customer-code dictionary
 * @throws ArgumentError naming the first value out of range and its source line
 * @example
 * const { table, customerIds } = await loadTransactionsTable(engine, transactions, "tx");
 */
export async function loadTransactionsTable(engine: Engine, transactions: Transactions, table = "tx"): Promise<EngineTransactions> {
  checkValues(transactions);
  const c = engine.connection;
  await c.run(`CREATE OR REPLACE TABLE ${table} (customer_id INTEGER, day INTEGER, amount DOUBLE, refund DOUBLE, order_id INTEGER)`);
  const customers = encodeText(transactions.customerId);
  const orders = transactions.orderId ? encodeText(transactions.orderId).codes : undefined;
  const refund = transactions.returnedAmount;
  const appender = await c.createAppender(table);
  const types = [INTEGER, INTEGER, DOUBLE, DOUBLE, INTEGER];
  const n = transactions.length;
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const end = Math.min(n, start + CHUNK_ROWS);
    const size = end - start;
    const chunk = DuckDBDataChunk.create(types, size);
    chunk.setColumnValues(0, Array.from(customers.codes.subarray(start, end)));
    chunk.setColumnValues(1, Array.from(transactions.day.subarray(start, end)));
    chunk.setColumnValues(2, transactions.amount ? Array.from(transactions.amount.subarray(start, end)) : new Array<number>(size).fill(0));
    chunk.setColumnValues(3, refund ? Array.from(refund.subarray(start, end)) : new Array<number>(size).fill(0));
    chunk.setColumnValues(4, orders ? Array.from(orders.subarray(start, end)) : new Array<null>(size).fill(null));
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
  return Object.freeze({ table, customerIds: customers.dictionary });
}

const LAST_DAY = daysFromCivil(9999, 12, 31)!;

/** Throws for the first amount, refund or day that the SQL or the date code could not take. */
function checkValues(t: Transactions): void {
  const fn = "loadTransactionsTable";
  const where = (i: number): string => `row ${i + 1}${t.sourceLine ? ` (source line ${t.sourceLine[i]})` : ""}`;
  for (let i = 0; i < t.length; i++) {
    const a = t.amount ? t.amount[i]! : 0, r = t.returnedAmount?.[i] ?? 0, d = t.day[i]!;
    if (!(Math.abs(a) <= MAX_ABS_NUMBER)) throw new ArgumentError(`${fn}: amount ${a} of ${where(i)} is outside -1e12 to 1e12; load the rows with buildTransactions, which rejects such lines`);
    if (!(Math.abs(r) <= MAX_ABS_NUMBER)) throw new ArgumentError(`${fn}: returned amount ${r} of ${where(i)} is not a number from -1e12 to 1e12`);
    if (!(d >= EARLIEST_DAY && d <= LAST_DAY)) throw new ArgumentError(`${fn}: day ${d} of ${where(i)} is not from 1900-01-01 to 9999-12-31`);
  }
}
