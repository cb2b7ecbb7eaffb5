import { tmpdir } from "node:os";
import path from "node:path";
import type { Transactions } from "../data/types.js";
import { type Engine, openEngine } from "./open-engine.js";

let shared: Promise<Engine> | undefined;
/**
 * DuckDB keeps to 512 MB of memory and spills the rest to a folder of the system's temporary
 * directory, so that a file of tens of millions of lines fits beside the JavaScript columns
 * (measured on the 10M-line bench file: the report peaks at 3.94 GB with 512 MB, 4.03 GB with
 * 768 MB, 4.32 GB with 1 GB; 512 MB costs about 4 s of its 97 s in spilled aggregations).
 */
const SHARED_SETTINGS: Readonly<Record<string, string>> = Object.freeze({
  memory_limit: "512MB",
  temp_directory: path.join(tmpdir(), `crm-analytics-duckdb-${process.pid}`),
});
let counter = 0;
let queue: Promise<unknown> = Promise.resolve();
const pendingDrops: string[] = [];
const derived = new Map<string, Set<string>>(); // attached table -> tables made from it, dropped with it

/**
 * Runs `work` on the process's shared in-memory DuckDB engine (opened on first use), where the
 * loaders keep the transaction tables they read (see {@link engineTableOf}). One piece of work
 * at a time: a DuckDB connection runs one query at a time, and a new query would end a result
 * still being streamed. Tables of garbage-collected transactions are dropped before the work.
 * The engine ends with the process.
 *
 * @param work - what to do with the engine
 * @returns what `work` returns
 * @example
 * const n = await useSharedEngine(async (e) => (await e.connection.runAndReadAll("select 1 as n")).getRowObjectsJS()[0]);
 */
export function useSharedEngine<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
  const run = async (): Promise<T> => {
    shared ??= openEngine(undefined, SHARED_SETTINGS);
    const engine = await shared;
    while (pendingDrops.length > 0) {
      const table = pendingDrops.pop()!;
      for (const name of [table, ...(derived.get(table) ?? [])]) await engine.connection.run(`DROP TABLE IF EXISTS ${name}`);
      derived.delete(table);
    }
    return work(engine);
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
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
// Never a query from the finalizer itself: it could end a result being streamed. The next use drops the table.
const dropper = new FinalizationRegistry<string>((table) => void pendingDrops.push(table));

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

/**
 * A table made once from an attached transactions table (e.g. its lines by customer and day,
 * which every customer summary reads) and dropped with it. Call inside {@link useSharedEngine}.
 *
 * @param engine - the shared engine (as given to the work of useSharedEngine)
 * @param base - the attached table (see {@link engineTableOf})
 * @param suffix - the derived table's name suffix (letters and underscores)
 * @param select - the SELECT that makes it
 * @returns the derived table's name, `${base}_${suffix}`
 * @example
 * await useSharedEngine((e) => derivedTable(e, "crm_load_1_tx", "days", "SELECT ...")); // "crm_load_1_tx_days"
 */
export async function derivedTable(engine: Engine, base: string, suffix: string, select: string): Promise<string> {
  const name = `${base}_${suffix}`;
  let names = derived.get(base);
  if (names === undefined) derived.set(base, (names = new Set()));
  if (!names.has(name)) {
    await engine.connection.run(`CREATE TABLE ${name} AS ${select}`);
    names.add(name);
  }
  return name;
}
