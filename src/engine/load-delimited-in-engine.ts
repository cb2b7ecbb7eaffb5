import path from "node:path";
import type { DuckDBConnection } from "@duckdb/node-api";
import { resolveColumns } from "../data/columns/resolve-columns.js";
import { type LoadedTransactions, TRANSACTION_COLUMNS } from "../data/columns/transaction-options.js";
import { buildTransactionsAs } from "../data/load/build-transactions.js";
import type { LoadTransactionsOptions } from "../data/load/load-transactions.js";
import { latestDay } from "../data/parse/day-range.js";
import { dayWindow } from "../data/ledger/row-checks.js";
import { ledgerOf, withGuests } from "../data/ledger/row-ledger.js";
import { checkInputFile } from "../data/read/check-input-file.js";
import { detectDelimiter } from "../data/read/detect-delimiter.js";
import { readDelimited } from "../data/read/read-delimited.js";
import type { RawRow, RawTable } from "../data/read/raw-table.js";
import { type NumericColumn, NUMERIC_COLUMNS, TEXT_COLUMNS, type TextColumn, type Transactions } from "../data/types.js";
import { lazyTextColumn } from "../data/columns/text-codes.js";
import { attachEngineTable, newTableName, useSharedEngine } from "./shared-engine.js";
import { plainQuoting, prescanTextFile } from "./prescan-text-file.js";
import { numbers } from "./read-numeric-columns.js";
import { dayInRangeSql, daySql, plainNumberSql, untrimmedSql } from "./transaction-sql.js";

const ZERO_WHEN_BLANK: ReadonlySet<NumericColumn> = new Set(["discount", "freight", "returnedQuantity", "returnedAmount"]);

/**
 * Loads a CSV or TSV file of transactions through DuckDB, out of core: DuckDB reads the file
 * (in parallel, never as one JavaScript string) and SQL parses and checks every row. The rows
 * the SQL accepts (plain values: ISO or pattern dates, plain numbers, ids without blanks around
 * them) come into JavaScript as typed columns, customer ids dictionary-encoded; every other row
 * goes through the JavaScript builder ({@link buildTransactionsAs}), which uses it or rejects it
 * with its line and reason, so the result and the row ledger are exactly those of
 * {@link loadTransactionsFile}, whatever the file holds.
 *
 * Returns undefined (the caller then reads with JavaScript) where DuckDB could see other rows or
 * line numbers than the project's reader: a format other than csv/tsv, an encoding other than
 * UTF-8, bytes that are not UTF-8, NUL bytes, quoting other than plain one-line RFC 4180 quoting
 * (see {@link plainQuoting}), blank lines, lone carriage returns, a
 * date format without a SQL form (`excel`), or a file DuckDB's strict CSV reader refuses (e.g.
 * a row with the wrong number of fields).
 *
 * The loaded table stays in the shared engine (see {@link useSharedEngine}) so that the customer
 * summary runs on it without copying the rows back.
 *
 * @param file - path of the file
 * @param options - as {@link loadTransactionsFile}
 * @param fn - the public function named in messages
 * @returns the transactions and ledger, or undefined when the file must be read by JavaScript
 * @throws DataError as {@link buildTransactionsAs} for a missing column or a bad option
 * @example
 * const loaded = await loadDelimitedInEngine("tx.csv", {}, "loadTransactions");
 * loaded?.ledger.used; // 1002158
 */
export async function loadDelimitedInEngine(file: string, options: LoadTransactionsOptions, fn: string): Promise<LoadedTransactions | undefined> {
  const ext = path.extname(file).toLowerCase();
  const format = options.format?.trim().toLowerCase() ?? (ext === ".csv" ? "csv" : ext === ".tsv" || ext === ".tab" ? "tsv" : undefined);
  if (format !== "csv" && format !== "tsv") return undefined;
  if ((options.encoding ?? "utf8").trim().toLowerCase().replace("-", "") !== "utf8") return undefined;
  await checkInputFile(file, fn, Infinity);
  const scan = await prescanTextFile(file);
  if (!scan.utf8 || scan.irregularLines || scan.head === "") return undefined;
  const delimiter = options.delimiter ?? (format === "tsv" ? "\t" : headLines(scan.head) > 6 ? detectDelimiter(scan.head) : undefined);
  if (delimiter === undefined || delimiter.length !== 1 || delimiter === "\n" || delimiter === "\r" || delimiter === '"') return undefined;
  if (scan.quotes && !(await plainQuoting(file, delimiter))) return undefined;
  const hasHeader = options.header ?? true;
  const firstLine = scan.head.split("\n", 1)[0]!.replace(/\r$/, "");
  const header = readDelimited(firstLine + "\n", { delimiter, header: hasHeader }).header;
  const source = options.source ?? file;
  const columns = header.map((_, i) => `${sqlText(`c${i}`)}: 'VARCHAR'`).join(", ");
  const reader = `read_csv(${sqlText(file)}, header = ${hasHeader}, auto_detect = false, delim = ${sqlText(delimiter)}, quote = '"', escape = '"', strict_mode = true, null_padding = false, columns = {${columns}})`;
  return useSharedEngine((engine) => runDataStep(engine.connection, { reader, header, offset: hasHeader ? 2 : 1 }, options, source, fn));
}

/**
 * Where the data step reads rows from: a SQL table function or subquery whose columns `c0`,
 * `c1`, ... are the fields' texts as the project's reader sees them (NULL for an empty field).
 */
export interface EngineSource {
  /** The FROM item, e.g. `read_csv(...)`; it must keep the file's row order (see {@link keepsFileOrder}). */
  readonly reader: string;
  /** The column names, one per field. */
  readonly header: readonly string[];
  /** The line number of the first row (2 after a header line). */
  readonly offset: number;
  /**
   * The rows the SQL does not take, as the project's reader gives them, by their 0-based row
   * numbers (a SQL query of one column); absent: the raw texts of the reader's columns.
   */
  readonly fallbackRows?: (c: DuckDBConnection, rowsIn: string) => Promise<RawTable>;
}

/**
 * The data step on the shared engine: parses and checks every row of `src` in SQL, hands the
 * rows SQL does not take to the JavaScript builder, and reads the rest as typed columns (see
 * {@link loadDelimitedInEngine}). Undefined when DuckDB could read the rows in another order or
 * refuses them (the caller then reads with JavaScript).
 *
 * @param c - the shared engine's connection (call inside `useSharedEngine`)
 * @param src - the rows' source
 * @param options - as {@link loadTransactionsFile}
 * @param source - how messages and the ledger name the data
 * @param fn - the public function named in messages
 * @returns the transactions and ledger, or undefined
 * @throws DataError as {@link buildTransactionsAs} for a missing column or a bad option
 * @example
 * const loaded = await useSharedEngine((e) => runDataStep(e.connection, { reader: "read_csv(...)", header, offset: 2 }, {}, "tx.csv", "loadTransactions"));
 */
export async function runDataStep(c: DuckDBConnection, src: EngineSource, options: LoadTransactionsOptions, source: string, fn: string): Promise<LoadedTransactions | undefined> {
  // Header-level checks (missing columns, bad options) with exactly the builder's messages.
  buildTransactionsAs({ header: src.header, rows: [] }, options, source, fn);
  const dateSql = daySql("c" + resolveColumns(src.header, TRANSACTION_COLUMNS, options.columns ?? {}, fn, source).date, options.dateFormat ?? "auto");
  if (dateSql === undefined) return undefined;
  const table = newTableName();
  const select = parseSql(src, dateSql, options);
  try {
    if (!(await keepsFileOrder(c, select))) return undefined;
    await c.run(`CREATE TABLE ${table} AS ${select}`);
  } catch {
    // DuckDB refused a row (a CSV row with the wrong field count, an over-long line, ...): the
    // project's reader gives every such row its line and reason.
    await c.run(`DROP TABLE IF EXISTS ${table}`);
    return undefined;
  }
  try {
    return await collect(c, table, src, options, source, fn);
  } catch (error) {
    await c.run(`DROP TABLE IF EXISTS ${table}_tx`); // kept only when the load succeeds (the summary runs on it)
    throw error;
  } finally {
    const dicts = Array.from({ length: TEXT_COLUMNS.length + 1 }, (_, x) => `DROP TABLE IF EXISTS ${table}_d${x}; DROP TYPE IF EXISTS ${table}_e${x};`).join(" ");
    await c.run(`DROP TABLE IF EXISTS ${table}; ${dicts}`);
  }
}

/**
 * Whether DuckDB's plan of a SELECT over the CSV or Parquet reader has only operators that keep
 * the file's row order (projections and filters), so that a CREATE TABLE of it numbers the rows as the file
 * does. An optimiser may add others (a long `IN (...)` list becomes a join); the loader then leaves
 * the file to the JavaScript reader rather than read it in another order.
 *
 * @param c - an open DuckDB connection
 * @param select - the SELECT (not run: only its plan is looked at)
 * @returns true when every operator of the plan is a projection, a filter or the CSV or Parquet reader
 * @example
 * await keepsFileOrder(c, "SELECT c0 FROM read_csv('tx.csv')"); // true
 * await keepsFileOrder(c, "SELECT c0 IN ('a','b','c','d','e','f','g','h','i','j','k') FROM read_csv('tx.csv')"); // false
 */
export async function keepsFileOrder(c: DuckDBConnection, select: string): Promise<boolean> {
  interface PlanNode { readonly name?: string; readonly children?: readonly PlanNode[] }
  const plan = JSON.parse(String((await c.runAndReadAll(`EXPLAIN (FORMAT json) ${select}`)).getRowsJS()[0]?.[1] ?? "[]")) as PlanNode[];
  const orderly = (n: PlanNode): boolean => ["PROJECTION", "FILTER", "READ_CSV", "READ_PARQUET"].includes(n.name ?? "") && (n.children ?? []).every(orderly);
  return plan.every(orderly);
}

function headLines(head: string): number {
  let n = 0;
  for (let p = head.indexOf("\n"); p >= 0; p = head.indexOf("\n", p + 1)) n++;
  return n;
}

const sqlText = (s: string): string => `'${s.replaceAll("'", "''")}'`;

/** The columns of the engine table: per canonical field, its SQL and the raw column. */
function fieldColumns(header: readonly string[], options: LoadTransactionsOptions, fn: string, source: string) {
  const col = resolveColumns(header, TRANSACTION_COLUMNS, options.columns ?? {}, fn, source);
  const texts = TEXT_COLUMNS.filter((t) => col[t] >= 0);
  const nums = NUMERIC_COLUMNS.filter((n) => col[n] >= 0);
  const derive = col.amount < 0 && col.quantity >= 0 && col.unitPrice >= 0;
  return { col, texts, nums, derive, hasAmount: col.amount >= 0 || derive };
}

/**
 * SELECT of the parsed rows, in one pass over the file: typed values and an `ok` flag for every
 * row, and (unless the source reads them itself) for the rows that are not ok their raw fields
 * (`raw0`, `raw1`, ...) for the JavaScript builder. It only projects (no join, window or
 * aggregate: see {@link keepsFileOrder}), so a CREATE TABLE of it keeps the file's order
 * (insertion order) and the table's rowid is the row number.
 */
function parseSql(src: EngineSource, dateSql: string, options: LoadTransactionsOptions): string {
  const { col, texts, nums, derive, hasAmount } = fieldColumns(src.header, options, "", "");
  const decimal = options.decimal ?? ".";
  const [lo, hi] = dayWindow(options.from, options.to, "loadDelimitedInEngine");
  const raw = (i: number): string => `c${i}`;
  const parsed: string[] = [`${raw(col.customerId)} AS customer`, `${dateSql} AS day`];
  const checks: string[] = [`customer IS NOT NULL AND customer <> '' AND ${untrimmedSql("customer")}`, `day IS NOT NULL AND ${dayInRangeSql("day", latestDay(options.today), lo, hi)}`];
  for (const t of texts) {
    parsed.push(`COALESCE(${raw(col[t])}, '') AS ${t}`);
    checks.push(`(${t} = '' OR ${untrimmedSql(t)})`);
  }
  for (const n of nums) {
    const blank = ZERO_WHEN_BLANK.has(n) ? "0" : "'nan'::DOUBLE";
    parsed.push(`CASE WHEN ${raw(col[n])} IS NULL THEN ${blank} ELSE ${plainNumberSql(raw(col[n]), decimal)} END AS ${n}`);
    checks.push(`${n} IS NOT NULL`);
  }
  if (derive) {
    const disc = nums.includes("discount") ? " - discount" : "";
    parsed.push(`quantity * unitPrice${disc} AS amount_`);
    checks.push(`NOT isnan(quantity) AND NOT isnan(unitPrice) AND abs(amount_) <= 1e12`);
  } else if (hasAmount) {
    parsed.push(`${plainNumberSql(raw(col.amount), decimal)} AS amount_`);
    checks.push(`amount_ IS NOT NULL`);
  }
  const ok = checks.map((x) => `(${x})`).join(" AND ");
  const keep = ["customer", "day", ...texts, ...nums, ...(hasAmount ? ["amount_"] : [])];
  const rawOf = src.fallbackRows ? [] : src.header.map((_, i) => `CASE WHEN NOT ok THEN COALESCE(${raw(i)}, '') END AS raw${i}`);
  return `SELECT ok, ${[...keep.map((k) => `CASE WHEN ok THEN ${k} END AS ${k}`), ...rawOf].join(", ")}
FROM (SELECT *, COALESCE(${ok}, false) AS ok FROM (SELECT *, ${parsed.join(", ")} FROM ${src.reader}))`;
}

/** Reads the engine table into transactions and a ledger, the rows SQL did not accept through the builder. */
async function collect(c: DuckDBConnection, table: string, src: EngineSource, options: LoadTransactionsOptions, source: string, fn: string): Promise<LoadedTransactions> {
  const { header, offset } = src;
  const { texts, nums, hasAmount } = fieldColumns(header, options, fn, source);
  const counts = (await c.runAndReadAll(`SELECT count(*)::BIGINT AS n, count(*) FILTER (WHERE NOT ok)::BIGINT AS other FROM ${table}`)).getRowObjectsJS()[0]!;
  const read = Number(counts.n), other = Number(counts.other);
  // The rows the SQL did not take: the builder decides (used, or rejected with a reason).
  let fallback: LoadedTransactions | undefined;
  const skipped: number[] = []; // their row numbers, ascending
  if (other > 0) {
    let rows: readonly RawRow[];
    if (src.fallbackRows) rows = (await src.fallbackRows(c, `SELECT rowid FROM ${table} WHERE NOT ok`)).rows;
    else {
      const res = await c.runAndReadAll(`SELECT rowid::BIGINT AS r, ${header.map((_, i) => `raw${i}`).join(", ")} FROM ${table} WHERE NOT ok ORDER BY rowid`);
      rows = res.getRowsJS().map(([r, ...values]) => ({ line: Number(r) + offset, values: values as string[] }));
    }
    if (rows.length !== other) throw new Error(`loadDelimitedInEngine: ${other} rows not taken by SQL, but ${rows.length} read back`);
    for (const row of rows) skipped.push(row.line - offset);
    fallback = buildTransactionsAs({ header, rows }, options, source, fn);
  }
  // Text comes as integer codes into per-column dictionaries (each distinct text decoded once);
  // codes follow first appearance among the rows SQL took.
  const dicts = ["customer", ...texts];
  for (const [x, name] of dicts.entries()) {
    await c.run(`CREATE TABLE ${table}_d${x} AS SELECT v, (row_number() OVER (ORDER BY first) - 1)::INTEGER AS code FROM (SELECT ${name} AS v, min(rowid) AS first FROM ${table} WHERE ok GROUP BY ${name})`);
  }
  const n = read - other;
  const fast = {
    line: new Int32Array(n), code: new Int32Array(n), day: new Int32Array(n), amount: new Float64Array(hasAmount ? n : 0),
    texts: texts.map(() => new Int32Array(n)), nums: nums.map(() => new Float64Array(n)),
  };
  // The rows with the codes of the two large dictionaries (customers, orders): also the table the
  // customer summary runs on. The small dictionaries are joined while reading the rest.
  const orders = texts.indexOf("orderId") + 1;
  const coded = `${table}_tx`;
  await c.run(`CREATE TABLE ${coded} AS SELECT t.rowid::INTEGER AS r, d.code AS customer_id, t.day, ${hasAmount ? "t.amount_" : "0::DOUBLE"} AS amount, ${nums.includes("returnedAmount") ? "t.returnedAmount" : "0::DOUBLE"} AS refund, ${orders > 0 ? "o.code" : "NULL::INTEGER"} AS order_id FROM ${table} t JOIN ${table}_d0 d ON t.customer = d.v${orders > 0 ? ` JOIN ${table}_d${orders} o ON t.orderId = o.v` : ""} WHERE t.ok`);
  // Row r of the file goes to place r - (rows SQL did not take before r): the rows arrive in any order, no sort.
  const below = (r: number): number => {
    let lo = 0, hi = skipped.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (skipped[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  /** Streams a query whose first column is the row number into `outs`, one typed array per further column; `lines`: also each row's line. */
  const place = async (sql: string, outs: readonly (Int32Array | Float64Array)[], lines?: Int32Array): Promise<void> => {
    const stream = await c.stream(sql);
    for (;;) {
      const chunk = await stream.fetchChunk();
      if (chunk === null || chunk.rowCount === 0) break;
      const m = chunk.rowCount;
      const rowid = numbers(chunk.getColumnVector(0), m);
      const at = new Int32Array(m);
      let inOrder = true;
      for (let i = 0; i < m; i++) {
        const r = rowid[i]!;
        at[i] = skipped.length === 0 ? r : r - below(r);
        if (lines) lines[at[i]!] = r + offset;
        if (at[i] !== at[0]! + i) inOrder = false;
      }
      // Rows in order (a plain scan): each column copied as one block (TypedArray.set, which also
      // converts the type); else row by row to their places.
      for (let j = 0; j < outs.length; j++) {
        const out = outs[j]!, col = numbers(chunk.getColumnVector(j + 1), m);
        if (inOrder && ArrayBuffer.isView(col)) out.set(col as Int32Array | Float64Array, at[0]!);
        else for (let i = 0; i < m; i++) out[at[i]!] = col[i]!;
      }
    }
  };
  const big = orders > 0 ? [fast.code, fast.texts[orders - 1]!] : [fast.code];
  await place(`SELECT r, customer_id${orders > 0 ? ", order_id" : ""} FROM ${coded}`, big, fast.line);
  // The small dictionaries as ENUM types: a cast gives each row's code (enum_code) with no join,
  // so the rows come in file order and each chunk's columns are copied as blocks.
  const small = texts.map((t, x) => ({ t, x })).filter(({ t }) => t !== "orderId");
  if (n > 0) for (const { x } of small) await c.run(`CREATE TYPE ${table}_e${x + 1} AS ENUM (SELECT v FROM ${table}_d${x + 1} ORDER BY code)`);
  const rest = ["rowid::INTEGER", "day", ...(hasAmount ? ["amount_"] : []), ...small.map(({ t, x }) => `enum_code(${t}::${table}_e${x + 1})::INTEGER`), ...nums];
  if (n > 0) await place(`SELECT ${rest.join(", ")} FROM ${table} WHERE ok`, [fast.day, ...(hasAmount ? [fast.amount] : []), ...small.map(({ x }) => fast.texts[x]!), ...fast.nums]);
  // The dictionaries' text last: millions of strings on the heap while the columns stream in made
  // every garbage collection the streaming's buffers set off mark them all (about 5 s at 10M lines).
  const values: string[][] = [];
  for (const x of dicts.keys()) values.push(((await c.runAndReadAll(`SELECT v FROM ${table}_d${x} ORDER BY code`)).getColumnsJS()[0] ?? []) as string[]); // no column without rows
  const ids = values[0]!;
  const textValues = values.slice(1);
  const transactions = merge(fast, ids, textValues, fallback?.transactions, texts, nums, hasAmount);
  let ledger = ledgerOf(source, read, fallback?.ledger.rejected ?? []);
  const guests = fallback?.ledger.guests;
  if (guests !== undefined) ledger = withGuests(ledger, guests.lines, guests.amount, transactions.amount);
  const loaded = Object.freeze({ transactions, ledger });
  // The customer summary runs on the coded rows when they are all the rows (else on the merged ones).
  if (fallback === undefined || fallback.transactions.length === 0) attachEngineTable(transactions, { table: coded, customerIds: ids });
  else await c.run(`DROP TABLE ${coded}`);
  return loaded;
}


interface FastRows {
  readonly line: Int32Array;
  readonly code: Int32Array;
  readonly day: Int32Array;
  readonly amount: Float64Array;
  readonly texts: Int32Array[];
  readonly nums: Float64Array[];
}

/** The rows SQL took and the rows the builder took, in line order, as one frozen table (the builder's column order). */
function merge(fast: FastRows, ids: readonly string[], textValues: readonly (readonly string[])[], slow: Transactions | undefined, texts: readonly TextColumn[], nums: readonly NumericColumn[], hasAmount: boolean): Transactions {
  const nf = fast.line.length, ns = slow?.length ?? 0, n = nf + ns;
  if (ns === 0) {
    // The text columns stay codes: the text of each line is made only if it is read. The
    // dictionaries number values by first appearance, as textCodes does: analyses group by these codes.
    const t: Record<string, unknown> = { length: nf };
    lazyTextColumn(t, "customerId", { codes: fast.code, dictionary: ids });
    Object.assign(t, { day: fast.day, sourceLine: fast.line, ...(hasAmount ? { amount: fast.amount } : {}) });
    texts.forEach((c, x) => lazyTextColumn(t, c, { codes: fast.texts[x]!, dictionary: textValues[x]! }));
    nums.forEach((c, x) => (t[c] = fast.nums[x]!));
    return Object.freeze(t) as unknown as Transactions;
  }
  const customerId = new Array<string>(n);
  const day = new Int32Array(n), sourceLine = new Int32Array(n), amount = new Float64Array(hasAmount ? n : 0);
  const textOut = texts.map(() => new Array<string>(n));
  const numOut = nums.map(() => new Float64Array(n));
  let i = 0, j = 0;
  for (let k = 0; k < n; k++) {
    if (j >= ns || (i < nf && fast.line[i]! < slow!.sourceLine[j]!)) {
      customerId[k] = ids[fast.code[i]!]!;
      day[k] = fast.day[i]!;
      sourceLine[k] = fast.line[i]!;
      if (hasAmount) amount[k] = fast.amount[i]!;
      for (let t = 0; t < texts.length; t++) textOut[t]![k] = textValues[t]![fast.texts[t]![i]!]!;
      for (let t = 0; t < nums.length; t++) numOut[t]![k] = fast.nums[t]![i]!;
      i++;
    } else {
      const s = slow!;
      customerId[k] = s.customerId[j]!;
      day[k] = s.day[j]!;
      sourceLine[k] = s.sourceLine[j]!;
      if (hasAmount) amount[k] = s.amount![j]!;
      for (let t = 0; t < texts.length; t++) textOut[t]![k] = s[texts[t]!]![j]!;
      for (let t = 0; t < nums.length; t++) numOut[t]![k] = s[nums[t]!]![j]!;
      j++;
    }
  }
  return frozenTable(customerId, day, sourceLine, hasAmount ? amount : undefined, texts, textOut, nums, numOut);
}

/** The frozen transactions table, its columns in the builder's order. */
function frozenTable(customerId: string[], day: Int32Array, sourceLine: Int32Array, amount: Float64Array | undefined, texts: readonly TextColumn[], textOut: string[][], nums: readonly NumericColumn[], numOut: Float64Array[]): Transactions {
  const t: Record<string, unknown> = { length: day.length, customerId: Object.freeze(customerId), day, sourceLine };
  if (amount) t.amount = amount;
  texts.forEach((c, x) => (t[c] = Object.freeze(textOut[x]!)));
  nums.forEach((c, x) => (t[c] = numOut[x]!));
  return Object.freeze(t) as unknown as Transactions;
}
