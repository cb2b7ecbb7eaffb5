import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadParquetInEngine } from "../../src/engine/load-parquet-in-engine.js";
import { readParquetTable } from "../../src/engine/read-parquet-table.js";
import { useSharedEngine } from "../../src/engine/shared-engine.js";
import { buildTransactionsAs } from "../../src/data/load/build-transactions.js";
import { cleanTransactions } from "../../src/data/load/clean-transactions.js";
import type { LoadTransactionsOptions } from "../../src/data/load/load-transactions.js";
import { createRng } from "../../src/math/random/rng.js";
import { expectSameLoad } from "./same-load.js";

const hostile = path.resolve(import.meta.dirname, "../fixtures/hostile");
const TODAY = { today: "2026-01-01" } as const;

/** Reads a Parquet file whole into JavaScript (the reference) and through the data step: the same result. */
async function same(file: string, options: LoadTransactionsOptions = {}): Promise<boolean> {
  const opts = { ...TODAY, ...options };
  const reference = await readParquetTable(file).then((t) => cleanTransactions(buildTransactionsAs(t, opts, file, "loadTransactions"), opts), (e: Error) => e);
  const viaEngine = await loadParquetInEngine(file, opts, "loadTransactions").then((r) => r, (e: Error) => e);
  if (viaEngine === undefined) return false;
  return expectSameLoad(reference, viaEngine);
}

/** Writes a Parquet file with DuckDB from a SELECT over `rows` (a VALUES list). */
async function writeParquet(file: string, select: string, rowGroupSize = 122_880): Promise<void> {
  await useSharedEngine((e) => e.connection.run(`COPY (${select}) TO '${file}' (FORMAT parquet, ROW_GROUP_SIZE ${rowGroupSize})`));
}

describe("loadParquetInEngine (the DuckDB data step on Parquet)", () => {
  it("gives what reading the whole file into JavaScript gives, on every Parquet fixture", async () => {
    const taken: string[] = [];
    for (const f of readdirSync(hostile).filter((x) => x.endsWith(".parquet"))) if (await same(path.join(hostile, f))) taken.push(f);
    expect(taken).toEqual(expect.arrayContaining(["good.parquet", "parquet-huge-amounts.parquet", "parquet-ubigint-ids.parquet", "parquet-wrong-types.parquet"]));
  });

  it("agrees on seeded typed columns: floats (-0, NaN, infinities, 2^53), decimals, dates, timestamps, integer ids, blanks", async () => {
    const rng = createRng(31);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rng.uniform() * xs.length)]!;
    const ids = ["'C1'", "'007'", "' C2'", "''", "NULL", "'Ω3'"];
    const amounts = ["12.5", "-0.0", "0", "'nan'", "'inf'", "9007199254740993", "1e13", "0.1", "-3.25", "NULL", "1e-7"];
    const days = ["DATE '2024-01-02'", "DATE '1899-12-31'", "DATE '2027-06-01'", "NULL", "'infinity'::DATE"];
    const rows = Array.from({ length: 500 }, (_, i) =>
      `(${pick(ids)}, ${pick(days)}, ${pick(amounts)}::DOUBLE, ${pick(amounts)}::FLOAT, ${pick(["1.50", "-2.00", "NULL"])}::DECIMAL(9,2), ${i % 7}::BIGINT, TIMESTAMP '2024-03-04 10:11:12' + INTERVAL (${i}) HOUR, ${pick(["'web'", "'store '", "NULL"])})`);
    const dir = mkdtempSync(path.join(tmpdir(), "crm-parquet-"));
    const file = path.join(dir, "typed.parquet");
    await writeParquet(file, `SELECT * FROM (VALUES ${rows.join(", ")}) v(customer_id, date, amount, quantity, unit_price, order_id, ordered_at, channel)`);
    expect(await same(file)).toBe(true);
    expect(await same(file, { columns: { date: "ordered_at" } })).toBe(true);
    expect(await same(file, { columns: { customerId: "order_id" } })).toBe(true);
    expect(await same(file, { from: "2024-01-01", to: "2024-06-30" })).toBe(true);
    // derived amounts: quantity (FLOAT) x unit price (DECIMAL)
    expect(await same(file, { columns: { amount: "no_such" } }).catch((e: Error) => e.message)).toMatch(/no_such/);
    // a float customer id: DuckDB's text of it differs from JavaScript's, so the whole file is left to JavaScript
    expect(await loadParquetInEngine(file, { ...TODAY, columns: { customerId: "amount" } }, "loadTransactions")).toBeUndefined();
  });

  it("keeps the file's row order over many row groups read in parallel", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-parquet-"));
    const file = path.join(dir, "big.parquet");
    await writeParquet(file, "SELECT 'C' || (i * 7919 % 50000) AS customer_id, DATE '2024-01-01' + (i % 300)::INTEGER AS date, (i % 1000) / 10.0 AS amount, 'O' || i AS order_id FROM range(300000) t(i)", 10_000);
    expect(await same(file)).toBe(true);
  }, 120_000);

  it("leaves a file that is not Parquet to the JavaScript reader, which names the problem", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-parquet-"));
    const file = path.join(dir, "text.parquet");
    writeFileSync(file, "customer_id,date,amount\nC1,2024-01-02,3\n");
    expect(await loadParquetInEngine(file, TODAY, "loadTransactions")).toBeUndefined();
  });
});
