import { DOUBLE, DuckDBDataChunk, INTEGER, VARCHAR } from "@duckdb/node-api";
import type { Transactions } from "../data/types.js";
import type { Engine } from "./open-engine.js";

const CHUNK_ROWS = 2048;

/**
 * Copies the columns the aggregations need from a {@link Transactions} table into a DuckDB
 * temporary table, in chunks (about 1M rows a second here).
 *
 * Columns of the new table: `customer_id VARCHAR, day INTEGER` (days since 1970-01-01),
 * `amount DOUBLE, refund DOUBLE` (returned_amount, 0 when absent), `order_id VARCHAR`
 * (NULL when absent), `row INTEGER` (0-based position in the input, to keep input order).
 *
 * @param engine - an open engine
 * @param transactions - the table to copy
 * @param table - name of the table to create (replaced if it exists)
 * @returns the table name
 * @example
 * await loadTransactionsTable(engine, transactions, "tx"); // "tx"
 */
export async function loadTransactionsTable(engine: Engine, transactions: Transactions, table = "tx"): Promise<string> {
  const c = engine.connection;
  await c.run(
    `CREATE OR REPLACE TABLE ${table} (customer_id VARCHAR, day INTEGER, amount DOUBLE, refund DOUBLE, order_id VARCHAR, "row" INTEGER)`,
  );
  const appender = await c.createAppender(table);
  const types = [VARCHAR, INTEGER, DOUBLE, DOUBLE, VARCHAR, INTEGER];
  const n = transactions.length;
  const refund = transactions.returnedAmount;
  const orderId = transactions.orderId;
  for (let start = 0; start < n; start += CHUNK_ROWS) {
    const end = Math.min(n, start + CHUNK_ROWS);
    const size = end - start;
    const chunk = DuckDBDataChunk.create(types, size);
    const rows = new Array<number>(size);
    for (let i = 0; i < size; i++) rows[i] = start + i;
    chunk.setColumnValues(0, transactions.customerId.slice(start, end));
    chunk.setColumnValues(1, Array.from(transactions.day.subarray(start, end)));
    chunk.setColumnValues(2, Array.from(transactions.amount.subarray(start, end)));
    chunk.setColumnValues(3, refund ? Array.from(refund.subarray(start, end)) : new Array<number>(size).fill(0));
    chunk.setColumnValues(4, orderId ? orderId.slice(start, end) : new Array<null>(size).fill(null));
    chunk.setColumnValues(5, rows);
    appender.appendDataChunk(chunk);
  }
  appender.flushSync();
  appender.closeSync();
  return table;
}
