import type { DuckDBConnection, DuckDBVector } from "@duckdb/node-api";

/**
 * The values of a numeric vector without NULLs as a typed array: the vector's own array where it
 * has one (INTEGER, DOUBLE), else read value by value (BIGINT, DECIMAL, ...).
 *
 * @param vec - a column vector of a result chunk
 * @param m - the chunk's row count
 * @returns the first `m` values (a view of the vector's memory when it is typed)
 * @example
 * numbers(chunk.getColumnVector(0), chunk.rowCount)[0]; // 42
 */
export function numbers(vec: DuckDBVector, m: number): ArrayLike<number> {
  const items = (vec as unknown as { items?: unknown }).items;
  if ((items instanceof Float64Array || items instanceof Int32Array) && items.length >= m) return items.subarray(0, m);
  return Array.from({ length: m }, (_, i) => Number(vec.getItem(i)));
}

/**
 * Runs a query whose columns are all numbers without NULLs and reads them into typed columns,
 * chunk by chunk (no value boxed through a JavaScript object per row). Cast in the SQL to DOUBLE
 * or INTEGER for the fastest path.
 *
 * @param connection - an open DuckDB connection
 * @param sql - the query
 * @returns one Float64Array per column, by the query's column names, in row order
 * @example
 * const cols = await readNumericColumns(c, "SELECT 1::DOUBLE AS x");
 * cols.x; // Float64Array [1]
 */
export async function readNumericColumns(connection: DuckDBConnection, sql: string): Promise<Record<string, Float64Array>> {
  const stream = await connection.stream(sql);
  const names = stream.columnNames();
  const parts: Float64Array[][] = names.map(() => []);
  let n = 0;
  for (;;) {
    const chunk = await stream.fetchChunk();
    if (chunk === null || chunk.rowCount === 0) break;
    const m = chunk.rowCount;
    for (let j = 0; j < names.length; j++) parts[j]!.push(Float64Array.from(numbers(chunk.getColumnVector(j), m)));
    n += m;
  }
  return Object.fromEntries(names.map((name, j) => {
    const column = new Float64Array(n);
    let at = 0;
    for (const part of parts[j]!) (column.set(part, at), (at += part.length));
    return [name, column];
  }));
}
