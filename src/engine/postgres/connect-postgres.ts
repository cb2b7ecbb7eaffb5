import type pg from "pg";
import { DataError } from "../../data/data-error.js";

/**
 * An open PostgreSQL connection (one `pg` client), named without its password for messages.
 *
 * @example
 * const db: PostgresConnection = await connectPostgres(url, "crm summary");
 */
export interface PostgresConnection {
  /** The `pg` client; queries through {@link PostgresConnection.query} turn errors into one-line DataErrors. */
  readonly client: pg.Client;
  /** `user@host:port/database`, never the password: for messages and the row ledger. */
  readonly name: string;
  /**
   * Runs one statement; a PostgreSQL or network error becomes a one-line DataError naming the
   * connection (and `what`), with the password removed.
   */
  query<R extends pg.QueryResultRow = Record<string, unknown>>(sql: string, what: string, rowMode?: "array"): Promise<pg.QueryResult<R>>;
  /** Closes the connection; safe to call twice. */
  close(): Promise<void>;
}

/**
 * The environment variables `pg` (and psql) read when no URL is given.
 *
 * @example
 * PG_ENV.includes("PGPASSWORD"); // true
 */
export const PG_ENV = Object.freeze(["PGHOST", "PGHOSTADDR", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSERVICE"] as const);

/**
 * True when at least one of the standard PG* connection variables is set.
 *
 * @example
 * hasPgEnvironment({ PGHOST: "db.example" }); // true
 */
export function hasPgEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return PG_ENV.some((k) => (env[k] ?? "") !== "");
}

/** Removes every secret (the password as written and URL-decoded) from a message. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) if (s.length > 0) out = out.split(s).join("***");
  return out;
}

/** A one-line reason for a `pg` or network error. */
function reasonOf(error: unknown): string {
  const e = error as { code?: string; message?: string; address?: string; port?: number; hostname?: string } | undefined;
  const message = (e?.message ?? String(error)).split("\n")[0]!;
  switch (e?.code) {
    case "ECONNREFUSED": return `connection refused${e.address ? ` at ${e.address}${e.port ? `:${e.port}` : ""}` : ""} (is the server running and listening there?)`;
    case "ENOTFOUND": case "EAI_AGAIN": return `host ${e.hostname ?? ""} not found`.replace("  ", " ");
    case "ETIMEDOUT": return "the connection timed out";
    case "ENOENT": return `no server socket there (${message})`;
    default: return message;
  }
}

/**
 * Opens a connection to PostgreSQL from a `postgresql://` (or `postgres://`) URL, or, without
 * one, from the standard PG* environment variables (PGHOST, PGPORT, PGDATABASE, PGUSER,
 * PGPASSWORD). The session is set to UTC and ISO dates, so that dates and timestamps read as
 * text are the days written (`2024-01-02`, `2024-01-02 10:11:12+00`), and a table is always
 * scanned from its first page (no synchronised scans), so that row numbers are the same in every
 * read (a table's rows have no other order: its physical order, which is not always the order
 * they were inserted in).
 *
 * @param url - the connection URL, or undefined for the PG* variables
 * @param fn - the function or command named in messages, e.g. `crm summary`
 * @returns the open connection
 * @throws DataError, one line without the password, for a malformed URL, a refused
 *   connection, an unknown host, a failed login or a missing database
 * @example
 * const db = await connectPostgres("postgresql://me@localhost:5432/shop", "crm summary");
 * (await db.query("SELECT 1 AS x", "a test")).rows[0]; // { x: 1 }
 * await db.close();
 */
export async function connectPostgres(url: string | undefined, fn: string): Promise<PostgresConnection> {
  const secrets: string[] = [];
  let config: pg.ClientConfig;
  let name: string;
  if (url !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new DataError(`${fn}: --db is not a connection URL; write postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`);
    }
    if (parsed.password !== "") secrets.push(parsed.password, decodeURIComponent(parsed.password));
    if (parsed.protocol !== "postgresql:" && parsed.protocol !== "postgres:") {
      throw new DataError(`${fn}: --db must be a postgresql:// URL (got a ${parsed.protocol}// URL); write postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE`);
    }
    const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres";
    name = `${decodeURIComponent(parsed.username) || "(default user)"}@${parsed.hostname || "localhost"}:${parsed.port || "5432"}/${database}`;
    config = { connectionString: url };
  } else {
    if (process.env.PGPASSWORD) secrets.push(process.env.PGPASSWORD);
    const env = process.env;
    name = `${env.PGUSER ?? "(default user)"}@${env.PGHOST ?? "localhost"}:${env.PGPORT ?? "5432"}/${env.PGDATABASE ?? env.PGUSER ?? "(default database)"} (from the PG* environment variables)`;
    config = {};
  }
  const fail = (what: string, error: unknown): DataError => new DataError(scrub(`${fn}: ${what} ${name}: ${reasonOf(error)}`, secrets));
  // Loaded on first use: every command imports this file, few connect to a database.
  const { default: driver } = await import("pg");
  let client: pg.Client;
  try {
    client = new driver.Client({ ...config, connectionTimeoutMillis: 15_000, application_name: "crm-analytics" });
  } catch (error) {
    throw fail("cannot use the connection settings for", error);
  }
  // A connection lost later is reported by the query that needs it; never an unhandled event.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'iso_8601'; SET extra_float_digits = 1; SET synchronize_seqscans = off");
  } catch (error) {
    await client.end().catch(() => {});
    throw fail("cannot connect to", error);
  }
  let open = true;
  return Object.freeze({
    client,
    name,
    async query<R extends pg.QueryResultRow>(sql: string, what: string, rowMode?: "array"): Promise<pg.QueryResult<R>> {
      try {
        return rowMode === "array" ? await client.query<R>({ text: sql, rowMode: "array" } as pg.QueryConfig) : await client.query<R>(sql);
      } catch (error) {
        throw fail(`${what} failed on`, error);
      }
    },
    async close(): Promise<void> {
      if (!open) return;
      open = false;
      await client.end().catch(() => {});
    },
  });
}

/**
 * A PostgreSQL identifier or dotted table name quoted part by part (`sales.tx` -> `"sales"."tx"`).
 *
 * @param name - the name as the user wrote it (case kept: quoted names are case-sensitive)
 * @returns the quoted name
 * @throws DataError for a blank name or part
 * @example
 * quotePgName("sales.Tx"); // '"sales"."Tx"'
 */
export function quotePgName(name: string): string {
  const parts = name.split(".");
  if (name.trim() === "" || parts.some((p) => p === "")) throw new DataError(`--table "${name}" has a blank part; give NAME or SCHEMA.NAME`);
  return parts.map((p) => `"${p.replace(/"/g, '""')}"`).join(".");
}
