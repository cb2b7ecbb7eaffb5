import type { Transactions } from "../types.js";

/**
 * A new {@link Transactions} table holding only the rows whose `keep` flag is set, every column
 * (required and optional) filtered alike. The input is not changed.
 *
 * @param t - the table
 * @param keep - one flag per row (1 keep, 0 drop)
 * @returns a new frozen table
 * @throws Error when `keep` is not as long as the table
 * @example
 * selectTransactions(t, Uint8Array.of(1, 0, 1)).length; // 2
 */
export function selectTransactions(t: Transactions, keep: Uint8Array): Transactions {
  if (keep.length !== t.length) throw new Error(`selectTransactions: keep has ${keep.length} flags for ${t.length} rows`);
  const idx: number[] = [];
  for (let i = 0; i < keep.length; i++) if (keep[i]) idx.push(i);
  const out: Record<string, unknown> = { length: idx.length };
  for (const [key, col] of Object.entries(t)) {
    if (key === "length" || col === undefined) continue;
    if (col instanceof Float64Array) out[key] = Float64Array.from(idx, (i) => col[i]!);
    else if (col instanceof Int32Array) out[key] = Int32Array.from(idx, (i) => col[i]!);
    else if (Array.isArray(col)) out[key] = Object.freeze(idx.map((i) => col[i] as string));
  }
  return Object.freeze(out) as unknown as Transactions;
}
