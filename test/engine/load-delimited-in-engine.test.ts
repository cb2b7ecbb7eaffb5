import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { keepsFileOrder, loadDelimitedInEngine } from "../../src/engine/load-delimited-in-engine.js";
import { loadTransactions } from "../../src/engine/load-transactions.js";
import { engineTableOf, useSharedEngine } from "../../src/engine/shared-engine.js";
import { loadTransactionsFile, type LoadTransactionsOptions } from "../../src/data/load/load-transactions.js";
import { customerSummary } from "../../src/summary/customer-summary.js";
import { createRng } from "../../src/math/random/rng.js";
import { expectSameLoad } from "./same-load.js";

const fixtures = path.resolve(import.meta.dirname, "../fixtures");
const TODAY = { today: "2026-01-01" } as const;

/** Loads with JavaScript and through DuckDB: the same transactions and ledger, or the same error. */
async function same(file: string, options: LoadTransactionsOptions = {}): Promise<boolean> {
  const opts = { ...TODAY, ...options };
  const js = await loadTransactionsFile(file, opts).then((r) => r, (e: Error) => e);
  const viaEngine = await loadTransactions(file, opts).then((r) => r, (e: Error) => e);
  if (!expectSameLoad(js, viaEngine)) return false;
  return (await loadDelimitedInEngine(file, opts, "t")) !== undefined;
}

describe("loadDelimitedInEngine (the DuckDB data step)", () => {
  it("gives the JavaScript loader's transactions and ledger on every CSV/TSV fixture, or leaves the file to it", async () => {
    const hostile = path.join(fixtures, "hostile");
    const files = readdirSync(hostile).filter((f) => /\.(csv|tsv)$/.test(f));
    const taken: string[] = [];
    for (const f of files) if (await same(path.join(hostile, f))) taken.push(f);
    if (await same(path.join(hostile, "dd-mm-yyyy.csv"), { dateFormat: "DD/MM/YYYY" })) taken.push("dd-mm-yyyy (format)");
    if (await same(path.join(hostile, "decimal-comma.csv"), { decimal: "," })) taken.push("decimal-comma (,)");
    for (const f of ["shop.csv", "retail.csv", "pos.csv", "log.csv"]) if (await same(path.join(fixtures, "exports", f))) taken.push(f);
    // the DuckDB path really runs on the plain files (not only the fallback)
    expect(taken).toEqual(expect.arrayContaining(["good.csv", "good.tsv", "datetime.csv", "decimal-comma (,)", "dd-mm-yyyy (format)"]));
  }, 120_000);

  it("agrees with JavaScript on seeded random files of valid and invalid values", async () => {
    const rng = createRng(11);
    const rnd = (): number => rng.uniform();
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const ids = ["C1", "C2", "007", " C3", "C4 ", "C\u00a05", "", "C6\u2003", "Ω7", "C8"];
    const dates = ["2024-01-02", "2024-02-29", "2023-02-29", "2024-02-30", "2024-13-01", "20240105", "2024-01-02 10:11", "2024-01-02T23:59:60", "2024-01-02 24:00",
      "2024-01-02 9:05:07", "2024-01-02T10:11:12Z", " 2024-01-03", "1899-12-31", "1900-01-01", "2027-06-01", "45292", "2024-1-2", ""];
    const amounts = ["12", "-0", "0", "1.", ".5", "+3e2", "1e12", "-1e12", "1e13", "1e309", "NaN", "12,5", "1,234.5", "$12", " 12", "12 ", "", "0.1", "123456789.123456789"];
    const opt = ["", "3", "x", "1.5", "-0"];
    const dir = mkdtempSync(path.join(tmpdir(), "crm-engine-"));
    for (let f = 0; f < 4; f++) {
      // semicolons: the amounts hold commas
      const lines = ["customer_id;date;amount;order_id;quantity;returned_amount;channel"];
      for (let i = 0; i < 400; i++) lines.push([pick(ids), pick(dates), pick(amounts), pick(["O1", "O2", "", " O3"]), pick(opt), pick(opt), pick(["web", "", "store "])].join(";"));
      const file = path.join(dir, `r${f}.csv`);
      writeFileSync(file, lines.join("\n") + (f % 2 ? "\n" : ""));
      expect(await same(file)).toBe(true);
      expect(await same(file, { from: "2024-01-01", to: "2024-06-30" })).toBe(true);
      const comma = path.join(dir, `c${f}.csv`);
      writeFileSync(comma, lines.join("\n"));
      expect(await same(comma, { decimal: "," })).toBe(true);
    }
    // derived amounts (quantity x unit price - discount) and a purchase log
    const derived = path.join(dir, "derived.csv");
    writeFileSync(derived, ["customer_id,date,quantity,unit_price,discount", ...Array.from({ length: 300 }, () => [pick(ids), pick(dates), pick(opt), pick(amounts.filter((a) => !a.includes(","))), pick(opt)].join(","))].join("\n"));
    expect(await same(derived)).toBe(true);
    const log = path.join(dir, "log.csv");
    writeFileSync(log, ["customer_id,date", ...Array.from({ length: 300 }, () => [pick(ids), pick(dates)].join(","))].join("\n"));
    expect(await same(log)).toBe(true);
    const pattern = path.join(dir, "pattern.csv");
    writeFileSync(pattern, ["customer_id,date,amount", ...Array.from({ length: 300 }, () => [pick(ids), pick(["1/2/2024", "31/12/2023", "29/02/2023", "01/02/2024 8:26", "1/13/2024", "2024-01-02"]), "1"].join(","))].join("\n"));
    expect(await same(pattern, { dateFormat: "D/M/YYYY" })).toBe(true);
    expect(await same(pattern, { dateFormat: "M/D/YYYY H:mm" })).toBe(true);
  }, 120_000);

  it("reads quoted fields through DuckDB when the quoting is plain, and agrees with JavaScript on every quoting", async () => {
    const rng = createRng(23);
    const rnd = (): number => rng.uniform();
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const dir = mkdtempSync(path.join(tmpdir(), "crm-engine-"));
    const quote = (v: string): string => `"${v.replaceAll('"', '""')}"`;
    const field = (v: string): string => (v.includes(",") || rnd() < 0.5 ? quote(v) : v);
    const ids = ["C1", "C,2", 'C"3', " C4", "", "C 5", "Ω6"];
    const amounts = ["12.5", "1,5", "-3", "", "x", "1e3"];
    const notes = ["plain", "a, b", 'say ""hi""', ""];
    const plainRows = (n: number): string[] => Array.from({ length: n }, () => [field(pick(ids).replaceAll('"', "")), field(pick(["2024-01-02", "2024-02-30", ""])), pick(amounts.filter((a) => !a.includes(","))), field(pick(notes).replaceAll('""', ""))].join(","));
    // plain one-line quoting: read by DuckDB, the same as JavaScript
    const plain = path.join(dir, "plain.csv");
    writeFileSync(plain, ["customer_id,date,amount,channel", ...plainRows(400)].join("\n") + "\n");
    expect(await same(plain)).toBe(true);
    // quoted commas, doubled quotes and empty quoted fields, CRLF line ends, a quoted header
    const quoted = path.join(dir, "quoted.csv");
    const rows = Array.from({ length: 400 }, () => [quote(pick(ids)), quote(pick(["2024-01-02", "2024-03-04"])), quote(pick(amounts)), quote(pick(notes))].join(","));
    writeFileSync(quoted, ['"customer_id","date","amount","channel"', ...rows].join("\r\n") + "\r\n");
    expect(await same(quoted)).toBe(true);
    // irregular quoting: each of these leaves the file to the JavaScript reader, which gives every row its line
    const irregular = ['C1,"a"b,1', 'C1,a"b",1', 'C1, "a",1', 'C1,"a\nb",1', 'C1,"open,1'];
    for (const [k, bad] of irregular.entries()) {
      const file = path.join(dir, `irregular${k}.csv`);
      writeFileSync(file, ["customer_id,date,amount", ...plainRows(50).map((r) => r.split(",").slice(0, 3).join(",")), bad.replace(/^C1,/, "C1,2024-01-02,").replace(/,1$/, "")].join("\n") + "\n");
      expect(await same(file)).toBe(false);
    }
  }, 120_000);

  it("keeps the file's row order on a file big enough for DuckDB to read in parallel", async () => {
    const rng = createRng(5);
    const dir = mkdtempSync(path.join(tmpdir(), "crm-engine-"));
    const file = path.join(dir, "big.csv");
    const lines = ["customer_id,date,amount,order_id"];
    for (let i = 0; i < 300_000; i++) {
      const day = 1 + Math.floor(rng.uniform() * 28);
      lines.push(`C${Math.floor(rng.uniform() * 50_000)},2024-02-${String(day).padStart(2, "0")},${(rng.uniform() * 100).toFixed(2)},O${i}`);
    }
    writeFileSync(file, lines.join("\n") + "\n");
    expect(await same(file)).toBe(true);
  }, 120_000);

  it("reads in one pass only where DuckDB's plan keeps the file's order (a long IN list would become a join)", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-engine-"));
    const file = path.join(dir, "t.csv");
    writeFileSync(file, "a,b\nx,1\n");
    const reader = `read_csv('${file}', header = true, auto_detect = false, columns = {'c0': 'VARCHAR', 'c1': 'VARCHAR'})`;
    const list = Array.from({ length: 20 }, (_, i) => `'v${i}'`).join(", ");
    const [plain, inList] = await useSharedEngine(async (e) => [
      await keepsFileOrder(e.connection, `SELECT c0, try_cast(c1 AS DOUBLE) AS v FROM ${reader} WHERE c0 IS NOT NULL`),
      await keepsFileOrder(e.connection, `SELECT c0 IN (${list}) AS hit FROM ${reader}`),
    ]);
    expect(plain).toBe(true);
    expect(inList).toBe(false);
  });

  it("keeps the rows in DuckDB for the customer summary, which equals the summary of a copy", async () => {
    const rng = createRng(8);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "crm-engine-")), "orders.csv");
    const lines = ["customer_id,order_id,date,amount,returned_amount"];
    for (let i = 0; i < 3000; i++) {
      const c = Math.floor(rng.uniform() * 300), o = Math.floor(i / 3);
      lines.push(`C${c},O${o},2024-${String(1 + (o % 12)).padStart(2, "0")}-${String(1 + (o % 28)).padStart(2, "0")},${(rng.uniform() * 90 - 10).toFixed(2)},${rng.uniform() < 0.1 ? "5.00" : ""}`);
    }
    writeFileSync(file, lines.join("\n"));
    const { transactions } = await loadTransactions(file, TODAY);
    expect(engineTableOf(transactions)).toBeDefined();
    const copy = Object.freeze({ ...transactions });
    expect(engineTableOf(copy)).toBeUndefined();
    expect(await customerSummary(transactions, { calibrationEnd: "2024-06-30" })).toEqual(await customerSummary(copy, { calibrationEnd: "2024-06-30" }));
  });
});
