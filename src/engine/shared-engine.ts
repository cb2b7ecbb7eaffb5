import type { Transactions } from "../data/types.js";
import { type Engine, openEngine } from "./open-engine.js";

let shared: Promise<Engine> | undefined;
let counter = 0;

/**
 * The process's shared in-memory DuckDB engine, opened on first use, where the loaders keep the
 * transaction tables they read (see {@link engineTableOf}). It is never closed by hand: its
 * tables are dropped when their transactions are garbage-collected, and the engine ends with
 * the process.
 *
 * @returns the engine
 * @example
 * const e = await sharedEngine();
 * await e.connection.run("select 1");
 */
export function sharedEngine(): Promise<Engine> {
  shared ??= openEngine();
  return shared;
}

/**
 * A fresh table name for the shared engine, e.g. `crm_load_3`.
 *
 * @returns the name
 * @example
 * newTableName(); // "crm_load_1"
 */
export function newTableName(): string {
  counter += 1;
  return `crm_load_${counter}`;
}

/** A transactions table kept in the shared engine: columns customer_id (code), day, amount, refund, order_id. */
export interface EngineTable {
  /** Name of the table in the shared engine. */
  readonly table: string;
  /** `customerIds[code]` is the customer id of code `code`, in order of first appearance. */
  readonly customerIds: readonly string[];
}

const tables = new WeakMap<Transactions, EngineTable>();
const dropper = new FinalizationRegistry<string>((table) => {
  void sharedEngine().then((e) => e.connection.run(`DROP TABLE IF EXISTS ${table}`)).catch(() => undefined);
});

/**
 * Records that `transactions` are also held, row for row, in a table of the shared engine (the
 * columns that `summarySql` reads), so that the customer summary can run there without copying
 * the rows back. The table is dropped when `transactions` is garbage-collected.
 *
 * @param transactions - the loaded transactions (frozen; never changed afterwards)
 * @param table - the engine table holding the same rows in the same order
 * @example
 * attachEngineTable(loaded.transactions, { table: "crm_load_1_tx", customerIds });
 */
export function attachEngineTable(transactions: Transactions, table: EngineTable): void {
  tables.set(transactions, table);
  dropper.register(transactions, table.table);
}

/**
 * The shared-engine table holding these exact transactions, or undefined (then copy them in
 * with `loadTransactionsTable`).
 *
 * @param transactions - transactions from a loader
 * @returns the table and its customer-code dictionary, or undefined
 * @example
 * const t = engineTableOf(transactions); // { table: "crm_load_1_tx", customerIds: [...] } or undefined
 */
export function engineTableOf(transactions: Transactions): EngineTable | undefined {
  return tables.get(transactions);
}
