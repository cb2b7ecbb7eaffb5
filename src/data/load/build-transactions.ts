import { DataError } from "../data-error.js";
import { dayRangeProblem, latestDay } from "../parse/day-range.js";
import { dayParser } from "../parse/parse-day.js";
import { numberRangeProblem, parseNumber, whyNotNumber } from "../parse/parse-number.js";
import type { RawTable } from "../read/raw-table.js";
import { missingColumn, resolveColumns } from "../columns/resolve-columns.js";
import { dayWindow, describeDateFormat, kebab, shapeProblem } from "../ledger/row-checks.js";
import { type RejectedRow, ledgerOf, withGuests } from "../ledger/row-ledger.js";
import { type LoadedTransactions, TRANSACTION_COLUMNS, type TransactionOptions } from "../columns/transaction-options.js";
import { type NumericColumn, NUMERIC_COLUMNS, TEXT_COLUMNS, type Transactions } from "../types.js";

const ZERO_WHEN_BLANK: ReadonlySet<NumericColumn> = new Set(["discount", "freight", "returnedQuantity", "returnedAmount"]);

/**
 * Validates raw rows into a {@link Transactions} table and its {@link RowLedger}: every row is
 * used or rejected with its line, a code and a reason that says what is wrong. The public
 * builder behind every loader (and behind the DuckDB Parquet reader in `engine/`).
 *
 * Per row, the first failing check decides: reader error (e.g. `bad-json`); `blank-line`;
 * `wrong-field-count`; `bad-date` (blank, unparsable or not a
 * calendar date such as 2024-02-30); `outside-window` (`from`/`to`); `bad-amount`; then
 * `bad-<field>` for an optional numeric column (`bad-quantity`, `bad-unit-price`, ...); last,
 * `missing-customer` (blank id: a guest order, otherwise valid; its amount is counted in
 * `ledger.guests` with its share of revenue). A source without an amount column and without quantity and unit price is a purchase log: the
 * table then has no `amount` (the spend-based analyses say they cannot run).
 * Customer ids and text columns are kept as written after trimming (leading zeros kept).
 * Numbers must be plain decimals (see {@link parseNumber}). When there is no amount column but
 * there are quantity and unit_price, `amount = quantity * unit_price - discount`. Blank
 * optional numbers are 0 for discount, freight, returned_quantity and returned_amount, and NaN
 * for quantity, unit_price and cost.
 *
 * @param table - header and rows from a reader
 * @param options - column mapping, date format, decimal mark, date window
 * @param source - the file or text named in the ledger and in messages (default `"rows"`)
 * @returns the frozen table and ledger
 * @throws DataError when a required column is missing (customer_id, date), a mapped column is not
 *   there, or an option is invalid
 * @example
 * const { transactions, ledger } = buildTransactions({ header: ["customer_id", "date", "amount"],
 *   rows: [{ line: 2, values: ["007", "2024-01-02", "9.5"] }, { line: 3, values: ["", "2024-01-02", "1"] }] });
 * transactions.customerId; // ["007"]
 * ledger.byReason;         // { "missing-customer": 1 }
 */
export function buildTransactions(table: RawTable, options: TransactionOptions = {}, source = "rows"): LoadedTransactions {
  return buildTransactionsAs(table, options, source, "buildTransactions");
}

/**
 * {@link buildTransactions} with the public function to name in error messages (the loaders
 * pass their own name).
 *
 * @param table - header and rows from a reader
 * @param options - as {@link buildTransactions}
 * @param source - the file or text named in the ledger and in messages
 * @param fn - the public function named in messages, e.g. `loadTransactionsFile`
 * @returns the frozen table and ledger
 * @throws DataError as {@link buildTransactions}
 * @example
 * buildTransactionsAs(table, {}, "tx.parquet", "loadTransactionsTable");
 */
export function buildTransactionsAs(table: RawTable, options: TransactionOptions, source: string, fn: string): LoadedTransactions {
  const { header, rows } = table;
  if (header.length === 0) throw new DataError(`${fn}: ${source} is empty (no header and no rows)`);
  const col = resolveColumns(header, TRANSACTION_COLUMNS, options.columns ?? {}, fn, source);
  // A cell a reader could not read exactly rejects its row only when a field reads that column.
  const usedColumns = new Set(Object.values(col).filter((i) => i >= 0));
  const spec = (f: string) => TRANSACTION_COLUMNS.find((s) => s.field === f)!;
  if (col.customerId < 0) throw missingColumn(fn, source, header, spec("customerId"));
  if (col.date < 0) throw missingColumn(fn, source, header, spec("date"));
  // Amounts: an amount column, else quantity x unit price, else none (a purchase log).
  const derive = col.amount < 0 && col.quantity >= 0 && col.unitPrice >= 0;
  const hasAmount = col.amount >= 0 || derive;
  const dateFormat = options.dateFormat ?? "auto";
  const toDay = dayParser(dateFormat, fn);
  const decimal = options.decimal ?? ".";
  if (decimal !== "." && decimal !== ",") throw new DataError(`${fn}: decimal mark ${JSON.stringify(decimal)} must be "." or ","; use --decimal ,`);
  const [lo, hi] = dayWindow(options.from, options.to, fn);
  const latest = latestDay(options.today);
  const texts = TEXT_COLUMNS.filter((c) => col[c] >= 0);
  const nums = NUMERIC_COLUMNS.filter((c) => col[c] >= 0);
  const n = rows.length;
  const width = header.length;
  const customerId: string[] = [];
  const day = new Int32Array(n), amount = new Float64Array(n), sourceLine = new Int32Array(n);
  const textOut = texts.map(() => [] as string[]);
  const numOut = nums.map(() => new Float64Array(n));
  const numIdx = nums.map((c) => col[c]);
  const rejected: RejectedRow[] = [];
  const reject = (line: number, code: string, reason: string) => void rejected.push({ line, code, reason });
  const ci = col.customerId, di = col.date, ai = col.amount;
  const qk = nums.indexOf("quantity"), pk = nums.indexOf("unitPrice"), dk = nums.indexOf("discount");
  let k = 0, guestLines = 0, guestAmount = 0;
  rows: for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    const shape = shapeProblem(row, width, usedColumns);
    if (shape !== null) { rejected.push(shape); continue; }
    const v = row.values, line = row.line;
    const id = v[ci]!.trim();
    const dt = v[di]!;
    const d = toDay(dt);
    if (d === null) {
      reject(line, "bad-date", dt.trim() === "" ? `${header[di]} is blank` : `${header[di]} "${dt.trim()}" is not a valid date (expected ${describeDateFormat(dateFormat)})`);
      continue;
    }
    const farDay = dayRangeProblem(header[di]!, dt, d, latest);
    if (farDay !== null) { reject(line, "date-out-of-range", farDay); continue; }
    if (d < lo || d > hi) {
      reject(line, "outside-window", d < lo ? `date ${dt.trim()} is before --from ${options.from}` : `date ${dt.trim()} is after ${options.toLabel ?? `--to ${options.to}`}`);
      continue;
    }
    let a = NaN;
    if (hasAmount && !derive) {
      const x = parseNumber(v[ai]!, decimal);
      if (x === null) { reject(line, "bad-amount", whyNotNumber(header[ai]!, v[ai]!, decimal)); continue; }
      const far = numberRangeProblem(header[ai]!, v[ai]!, x);
      if (far !== null) { reject(line, "amount-out-of-range", far); continue; }
      a = x;
    }
    for (let j = 0; j < nums.length; j++) {
      const t = v[numIdx[j]!]!;
      let x: number | null;
      if (t.trim() === "") x = ZERO_WHEN_BLANK.has(nums[j]!) ? 0 : NaN;
      else if ((x = parseNumber(t, decimal)) === null) {
        reject(line, `bad-${kebab(nums[j]!)}`, whyNotNumber(header[numIdx[j]!]!, t, decimal));
        continue rows;
      }
      const far = numberRangeProblem(header[numIdx[j]!]!, t, x);
      if (far !== null) { reject(line, `${kebab(nums[j]!)}-out-of-range`, far); continue rows; }
      numOut[j]![k] = x;
    }
    if (derive) {
      const q = numOut[qk]![k]!, p = numOut[pk]![k]!;
      if (Number.isNaN(q) || Number.isNaN(p)) {
        reject(line, "bad-amount", `cannot compute amount: ${Number.isNaN(q) ? header[col.quantity] : header[col.unitPrice]} is blank`);
        continue;
      }
      a = q * p - (dk >= 0 ? numOut[dk]![k]! : 0);
      const far = numberRangeProblem(`amount computed as ${header[col.quantity]} x ${header[col.unitPrice]}${dk >= 0 ? ` - ${header[col.discount]}` : ""}`, String(a), a);
      if (far !== null) { reject(line, "amount-out-of-range", far); continue; }
    }
    if (id === "") {
      // A guest checkout: a valid line without a customer to follow. Rejected, but its revenue is
      // counted so that the report can state its share.
      reject(line, "missing-customer", `${header[ci]} is blank (a guest order: no customer to follow)`);
      guestLines += 1;
      if (hasAmount) guestAmount += a;
      continue;
    }
    customerId.push(id);
    day[k] = d; amount[k] = a; sourceLine[k] = line;
    for (let j = 0; j < texts.length; j++) textOut[j]!.push(v[col[texts[j]!]]!.trim());
    k++;
  }
  const t: Record<string, unknown> = {
    length: k, customerId: Object.freeze(customerId), day: day.slice(0, k), sourceLine: sourceLine.slice(0, k),
  };
  if (hasAmount) t.amount = amount.slice(0, k);
  texts.forEach((c, j) => (t[c] = Object.freeze(textOut[j]!)));
  nums.forEach((c, j) => (t[c] = numOut[j]!.slice(0, k)));
  const ledger = ledgerOf(source, n, rejected);
  const transactions = Object.freeze(t) as unknown as Transactions;
  return Object.freeze({ transactions, ledger: guestLines > 0 ? withGuests(ledger, guestLines, guestAmount, transactions.amount) : ledger });
}
