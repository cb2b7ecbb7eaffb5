import type { RawRow, RawTable } from "../../data/read/raw-table.js";
import { buildTransactionsAs } from "../../data/load/build-transactions.js";
import { type CleanPolicy, cleanTransactions } from "../../data/load/clean-transactions.js";
import type { LoadedTransactions, TransactionOptions } from "../../data/columns/transaction-options.js";
import { type PostgresConnection, connectPostgres, quotePgName } from "./connect-postgres.js";

/**
 * Rows fetched from the server-side cursor at a time (one `FETCH FORWARD`).
 *
 * @example
 * FETCH_ROWS; // 10000
 */
export const FETCH_ROWS = 10_000;

/**
 * The column names of a table or view, in order (`SELECT * ... LIMIT 0`).
 *
 * @param db - an open connection
 * @param table - the table name as the user gave it (`tx`, `sales.tx`)
 * @returns the names, and the type OID of each column
 * @throws DataError (one line) when the table does not exist or cannot be read
 * @example
 * const { names } = await tableColumns(db, "tx"); // ["customer_id", "date", "amount"]
 */
export async function tableColumns(db: PostgresConnection, table: string): Promise<{ readonly names: readonly string[]; readonly types: readonly number[] }> {
  const r = await db.query(`SELECT * FROM ${quotePgName(table)} LIMIT 0`, `reading the columns of table "${table}"`);
  return Object.freeze({ names: r.fields.map((f) => f.name), types: r.fields.map((f) => f.dataTypeID) });
}

/**
 * Reads every row of a PostgreSQL table through a server-side cursor (`DECLARE ... CURSOR`,
 * `FETCH` in batches of {@link FETCH_ROWS}, inside a read-only transaction), each column as the
 * server prints it as text (`CAST(... AS TEXT)`: numbers exactly as stored, dates ISO, timestamps
 * in UTC), NULL as an empty cell, into the shared {@link RawTable} shape that every reader
 * returns, so that the rows go through the same column mapping, validation and row ledger as a
 * file. A row's `line` is its 1-based row number in the table's scan order (no header line).
 *
 * @param db - an open connection
 * @param table - the table or view (`tx`, `sales.tx`; quoted as written, case-sensitive)
 * @param onBatch - called after each batch with the rows read so far (progress)
 * @returns the header (the table's column names) and the rows
 * @throws DataError (one line) when the table is missing or a query fails
 * @example
 * const raw = await readPostgresTable(db, "tx");
 * raw.rows[0]; // { line: 1, values: ["C1", "2024-01-02", "9.50"] }
 */
export async function readPostgresTable(db: PostgresConnection, table: string, onBatch?: (rowsRead: number) => void): Promise<RawTable> {
  const { names } = await tableColumns(db, table);
  const select = names.map((n) => `CAST("${n.replace(/"/g, '""')}" AS TEXT)`).join(", ");
  const rows: RawRow[] = [];
  await db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "starting a read-only transaction");
  try {
    await db.query(`DECLARE crm_rows NO SCROLL CURSOR FOR SELECT ${select || "1"} FROM ${quotePgName(table)}`, `reading table "${table}"`);
    for (;;) {
      const batch = await db.query<unknown[]>(`FETCH FORWARD ${FETCH_ROWS} FROM crm_rows`, `reading table "${table}"`, "array");
      for (const r of batch.rows as unknown as (string | null)[][]) {
        rows.push({ line: rows.length + 1, values: names.length === 0 ? [""] : r.map((v) => v ?? "") });
      }
      onBatch?.(rows.length);
      if (batch.rows.length < FETCH_ROWS) break;
    }
    await db.query("CLOSE crm_rows", `reading table "${table}"`);
  } finally {
    await db.query("COMMIT", "ending the read-only transaction").catch(() => {});
  }
  return Object.freeze({ header: Object.freeze([...names]), rows: Object.freeze(rows) });
}

/**
 * Options of {@link loadPostgresTransactions}: the column mapping, validation and cleaning of the file loaders.
 *
 * @example
 * const o: LoadPostgresOptions = { columns: { amount: "net_amount" }, returns: "net" };
 */
export interface LoadPostgresOptions extends TransactionOptions, CleanPolicy {
  /** Name of the source in the ledger (default `table T on user@host:port/db`). */
  readonly source?: string;
  /** Progress: rows read so far, after each batch. */
  readonly onBatch?: (rowsRead: number) => void;
  /** The function or command named in messages (default `loadPostgresTransactions`). */
  readonly caller?: string;
}

/**
 * Loads transactions from a PostgreSQL table: reads its rows through a server-side cursor
 * ({@link readPostgresTable}) and validates and cleans them exactly as a file's
 * (`buildTransactions`, `cleanTransactions`: same mapping flags, same rules, same ledger; a
 * rejected row's line is its row number).
 *
 * @param url - a postgresql:// URL, or undefined for the PG* environment variables
 * @param table - the table or view
 * @param options - column mapping, date format, window, returns and duplicates policy
 * @returns the transactions and the ledger of every row
 * @throws DataError (one line, no password) for a bad URL, a refused connection, a missing table or column
 * @example
 * const { transactions, ledger } = await loadPostgresTransactions("postgresql://me@localhost/shop", "tx");
 * ledger.used + ledger.rejected.length === ledger.read; // true
 */
export async function loadPostgresTransactions(url: string | undefined, table: string, options: LoadPostgresOptions = {}): Promise<LoadedTransactions> {
  const fn = options.caller ?? "loadPostgresTransactions";
  const db = await connectPostgres(url, fn);
  try {
    const raw = await readPostgresTable(db, table, options.onBatch);
    const source = options.source ?? `table ${table} on ${db.name}`;
    return cleanTransactions(buildTransactionsAs(raw, options, source, fn), options);
  } finally {
    await db.close();
  }
}
