import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";

/**
 * An open in-memory DuckDB database and one connection to it.
 * Close it when done; {@link withEngine} does that for you.
 */
export interface Engine {
  readonly connection: DuckDBConnection;
  /** Closes the connection and releases the database. Safe to call twice. */
  close(): void;
}

/**
 * Opens a fresh in-memory DuckDB engine (no files are written).
 *
 * @param threads - worker threads DuckDB may use (default: DuckDB's own choice, the core count)
 * @param settings - other DuckDB settings, e.g. `{ memory_limit: "2GB" }`
 * @returns the engine; call `close()` when finished
 * @example
 * const engine = await openEngine();
 * const r = await engine.connection.runAndReadAll("select 42 as x");
 * r.getRowObjectsJS(); // [{ x: 42 }]
 * engine.close();
 */
export async function openEngine(threads?: number, settings: Readonly<Record<string, string>> = {}): Promise<Engine> {
  const options: Record<string, string> = { ...settings };
  if (threads !== undefined) options.threads = String(threads);
  const instance = await DuckDBInstance.create(":memory:", options);
  const connection = await instance.connect();
  let open = true;
  return Object.freeze({
    connection,
    close(): void {
      if (!open) return;
      open = false;
      connection.closeSync();
      instance.closeSync();
    },
  });
}

/**
 * Runs `work` with a fresh engine and always closes it afterwards, also when `work` throws.
 *
 * @param work - the async work to do with the engine
 * @returns what `work` returns
 * @example
 * const n = await withEngine(async (e) => (await e.connection.runAndReadAll("select 1 as n")).getRowObjectsJS()[0].n); // 1
 */
export async function withEngine<T>(work: (engine: Engine) => Promise<T>): Promise<T> {
  const engine = await openEngine();
  try {
    return await work(engine);
  } finally {
    engine.close();
  }
}
