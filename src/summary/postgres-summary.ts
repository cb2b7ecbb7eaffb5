import type { CleanPolicy } from "../data/load/clean-transactions.js";
import type { ColumnRef } from "../data/columns/resolve-columns.js";
import { missingColumn, resolveColumns } from "../data/columns/resolve-columns.js";
import { TRANSACTION_COLUMNS } from "../data/columns/transaction-options.js";
import { DataError } from "../data/data-error.js";
import { type RejectedRow, type RowLedger, ledgerOf } from "../data/ledger/row-ledger.js";
import { formatDay } from "../data/parse/format-day.js";
import type { CanonicalField } from "../data/types.js";
import { connectPostgres, type PostgresConnection } from "../engine/postgres/connect-postgres.js";
import { tableColumns } from "../engine/postgres/read-postgres-table.js";
import { ArgumentError } from "../math/argument-error.js";
import { DAYS_PER_UNIT, type CustomerSummary, type TimeUnit } from "./types.js";
import { warehouseLedgerSql, warehouseRowChecks, warehouseSummaryParts, type WarehouseColumns, type WarehouseSummaryOptions } from "./warehouse-sql.js";

/**
 * Options of {@link postgresCustomerSummary}: the periods, the column mapping and the rules of the loaders.
 *
 * @example
 * const o: PostgresSummaryOptions = { calibrationEnd: "1997-09-30", timeUnit: "week", columns: { amount: "dollar_value" } };
 */
export interface PostgresSummaryOptions extends Pick<CleanPolicy, "returns" | "cancelPrefix" | "duplicates"> {
  /** Last day of the calibration period, ISO, inclusive (default: the observation end). */
  readonly calibrationEnd?: string;
  /** Last day observed, ISO, inclusive (default: the last valid date up to the run date). */
  readonly observationEnd?: string;
  /** Unit of recency and T (default `week`). */
  readonly timeUnit?: TimeUnit;
  /** Source column of each field, by name (case-insensitive, as the file loaders match) or 1-based position. */
  readonly columns?: Partial<Record<CanonicalField, ColumnRef>>;
  /** First and last day kept, ISO (`--from`, `--to`). */
  readonly from?: string;
  readonly to?: string;
  /** A date format other than auto, or a decimal comma: only text columns need them, so the rows are read and parsed locally. */
  readonly dateFormat?: string;
  readonly decimal?: string;
  /** The run date, ISO (default: today in UTC): dates more than a year after it are out of range; without an observation end, later lines are outside the window. */
  readonly today?: string;
  /** The function or command named in messages (default `postgresCustomerSummary`). */
  readonly caller?: string;
}

/**
 * What {@link postgresCustomerSummary} returns: the summary computed in the database and the row
 * ledger of the table; or, when the table or the options need the local parser (text dates,
 * amounts from quantity × unit price, --duplicates drop, ...), `pushed: false` with the reason.
 *
 * @example
 * const r = await postgresCustomerSummary(url, "tx");
 * if (r.pushed) r.summary.length;
 */
export type PostgresSummaryResult =
  | { readonly pushed: true; readonly summary: CustomerSummary; readonly ledger: RowLedger }
  | { readonly pushed: false; readonly reason: string };

/** Type OIDs of PostgreSQL's date and time types (date, timestamp, timestamptz). */
const DATE_TYPES = new Set([1082, 1114, 1184]);
/** Type OIDs of PostgreSQL's numeric types (int2, int4, int8, float4, float8, numeric). */
const NUMBER_TYPES = new Set([21, 23, 20, 700, 701, 1700]);

/**
 * The customer summary of a PostgreSQL table, computed inside the database (the postgres SQL of
 * {@link warehouseSummarySql}, in one read-only transaction): only the per-customer rows and the
 * rejected rows' numbers come back. The columns are found as the file loaders find them (the
 * same mapping, names matched case-insensitively) and the rows are checked by the same rules
 * (src/data/POLICY.md, per typed column: a blank id or date, a date out of range or outside the
 * window, a blank or out-of-range amount), so the result equals `customerSummary` on the same
 * rows read from a file, ordered by customer id (byte order) instead of first appearance. The
 * ledger lists every rejected row with its 1-based row number in the table's scan order.
 *
 * The summary is computed locally instead (the result says why, `pushed: false`) when the date
 * column is not a DATE or TIMESTAMP, the amount or returned amount is not numeric, there is no
 * amount column, or the options need the local parser (a date format, a decimal comma, a cancel
 * prefix, `duplicates: "drop"`).
 *
 * @param url - a postgresql:// URL, or undefined for the PG* environment variables
 * @param table - the table or view (`tx`, `sales.tx`; quoted as written)
 * @param options - periods, time unit, column mapping, window and returns policy
 * @returns the summary and ledger, or why it must be computed locally
 * @throws DataError (one line, no password) for a bad URL, a refused connection, a missing table
 *   or column, or a table without usable rows; ArgumentError for a calibration end after the observation end
 * @example
 * const r = await postgresCustomerSummary("postgresql://me@localhost/shop", "tx", { calibrationEnd: "1997-09-30" });
 * if (r.pushed) console.log(r.summary.length, r.ledger.used);
 */
export async function postgresCustomerSummary(url: string | undefined, table: string, options: PostgresSummaryOptions = {}): Promise<PostgresSummaryResult> {
  const fn = options.caller ?? "postgresCustomerSummary";
  const db = await connectPostgres(url, fn);
  try {
    return await summariseIn(db, table, options, fn);
  } finally {
    await db.close();
  }
}

async function summariseIn(db: PostgresConnection, table: string, options: PostgresSummaryOptions, fn: string): Promise<PostgresSummaryResult> {
  const source = `table ${table} on ${db.name}`;
  const notPushed = (reason: string): PostgresSummaryResult => Object.freeze({ pushed: false, reason });
  const { names, types } = await tableColumns(db, table);
  const col = resolveColumns(names, TRANSACTION_COLUMNS, options.columns ?? {}, fn, source);
  const spec = (f: CanonicalField) => TRANSACTION_COLUMNS.find((s) => s.field === f)!;
  if (col.customerId < 0) throw missingColumn(fn, source, names, spec("customerId"));
  if (col.date < 0) throw missingColumn(fn, source, names, spec("date"));
  if (options.cancelPrefix !== undefined) return notPushed("--cancel-prefix needs the order ids of each line");
  if (options.duplicates === "drop") return notPushed("--duplicates drop compares whole lines");
  if (options.dateFormat !== undefined && options.dateFormat !== "auto") return notPushed("--date-format is for dates written as text");
  if (options.decimal === ",") return notPushed("--decimal , is for numbers written as text");
  if (col.amount < 0) return notPushed("the table has no amount column (amounts from quantity x unit price, or a purchase log)");
  if (!DATE_TYPES.has(types[col.date]!)) return notPushed(`the date column "${names[col.date]}" is not a DATE or TIMESTAMP (its text is parsed by crm's date rules)`);
  if (!NUMBER_TYPES.has(types[col.amount]!)) return notPushed(`the amount column "${names[col.amount]}" is not numeric (its text is parsed by crm's number rules)`);
  if (col.returnedAmount >= 0 && !NUMBER_TYPES.has(types[col.returnedAmount]!)) return notPushed(`the returned amount column "${names[col.returnedAmount]}" is not numeric`);
  const columns: WarehouseColumns = {
    customerId: names[col.customerId]!,
    date: names[col.date]!,
    amount: names[col.amount]!,
    ...(col.orderId >= 0 ? { orderId: names[col.orderId]! } : {}),
    ...(col.returnedAmount >= 0 ? { returnedAmount: names[col.returnedAmount]! } : {}),
  };
  const timeUnit = options.timeUnit ?? "week";
  const sqlOptions: WarehouseSummaryOptions = {
    dialect: "postgres",
    table,
    columns,
    calibrationEnd: options.calibrationEnd,
    observationEnd: options.observationEnd,
    from: options.from,
    to: options.to,
    returns: options.returns,
    timeUnit,
    today: options.today ?? new Date().toISOString().slice(0, 10),
  };
  const parts = warehouseSummaryParts(sqlOptions);
  const reasons = new Map(warehouseRowChecks(sqlOptions).checks.map((c) => [c.code, c.reason]));
  await db.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "starting a read-only transaction");
  try {
    // The summary joins per-customer aggregates; the planner, which cannot see through the
    // row checks, estimates them at a few rows and picks nested loops, quadratic in the customers
    // (30 s for 5,000 customers of a table not yet analysed, instead of 0.3 s): hash and merge
    // joins are right at every size here. Without nested loops the estimated cost is huge and
    // would start JIT compilation (2 of 3.6 s on 95,000 lines), which a query read once never
    // repays; a larger work_mem keeps the per-customer groups out of temporary files.
    await db.query("SET LOCAL enable_nestloop = off; SET LOCAL jit = off; SET LOCAL work_mem = '128MB'", "setting up the summary query");
    const checked = (await db.query<{ row_number: string; code: string; amount: number | null }>(warehouseLedgerSql(sqlOptions), `checking the rows of table "${table}"`)).rows;
    const ledger = ledgerFrom(source, checked, reasons);
    if (ledger.used === 0) {
      const first = ledger.rejected[0];
      throw new DataError(`${fn}: no usable transaction rows in ${source} (${ledger.read} read, ${ledger.rejected.length} rejected${first ? `; e.g. row ${first.line}: ${first.reason}` : ""})`);
    }
    const facts = (await db.query<Record<string, string | number | null>>(
      `${parts.with}
SELECT (SELECT cal FROM bounds) AS cal,
       (SELECT MAX(day) FROM lines) AS last_day,
       (SELECT COUNT(*) FROM firsts CROSS JOIN bounds b WHERE firsts.first_day > b.cal) AS after_cal,
       r.n AS returns_only, r.amount AS returns_only_amount
FROM (SELECT COUNT(*) AS n, CAST(SUM(s) AS DOUBLE PRECISION) AS amount
      FROM (SELECT customer_id, SUM(amount) AS s FROM lines GROUP BY customer_id HAVING MAX(amount) < 0) x) r`,
      `summarising table "${table}"`,
    )).rows[0]!;
    const lastDay = Number(facts.last_day);
    const cal = Number(facts.cal);
    const obs = options.observationEnd === undefined ? lastDay : dayOf(options.observationEnd);
    if (cal > obs) {
      throw new ArgumentError(`${fn}: calibrationEnd ${formatDay(cal)} is after observationEnd ${formatDay(obs)}; choose an earlier calibration end`);
    }
    const rows = (await db.query<Record<string, string | number>>(parts.sql, `summarising table "${table}"`)).rows;
    const unit = DAYS_PER_UNIT[timeUnit];
    const num = (name: string): Float64Array => Float64Array.from(rows, (r) => Number(r[name]));
    const text = (name: string): readonly string[] => Object.freeze(rows.map((r) => String(r[name])));
    const n = Number(facts.returns_only ?? 0);
    const summary: CustomerSummary = Object.freeze({
      length: rows.length,
      timeUnit,
      calibrationEnd: formatDay(cal),
      observationEnd: formatDay(obs),
      durationHoldout: (obs - cal) / unit,
      customersAfterCalibration: Number(facts.after_cal ?? 0),
      hasSpend: true,
      ...(n > 0 ? { returnsOnly: Object.freeze({ customers: n, amount: Number(facts.returns_only_amount) }) } : {}),
      columns: Object.freeze({
        customer_id: text("customer_id"),
        frequency: num("frequency"),
        recency: num("recency"),
        T: num("T"),
        monetary_value: num("monetary_value"),
        first_purchase: text("first_purchase"),
        last_purchase: text("last_purchase"),
        days_since_last_purchase: num("days_since_last_purchase"),
        orders: num("orders"),
        total_spend: num("total_spend"),
        frequency_holdout: num("frequency_holdout"),
        monetary_holdout: num("monetary_holdout"),
      }),
    });
    return Object.freeze({ pushed: true, summary, ledger });
  } finally {
    await db.query("COMMIT", "ending the read-only transaction").catch(() => {});
  }
}

/** Days since 1970-01-01 of an ISO date (already checked by the SQL builder). */
function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}

/** The row ledger from the rows of {@link warehouseLedgerSql}: rejected rows and the `(read)` count. */
function ledgerFrom(source: string, checked: readonly { row_number: string; code: string; amount: number | null }[], reasons: ReadonlyMap<string, string>): RowLedger {
  let read = 0;
  let usedAmount = 0;
  let guestLines = 0;
  let guestAmount = 0;
  const rejected: RejectedRow[] = [];
  for (const r of checked) {
    if (r.code === "(read)") {
      read = Number(r.row_number);
      usedAmount = Number(r.amount ?? 0);
      continue;
    }
    rejected.push({ line: Number(r.row_number), code: r.code, reason: reasons.get(r.code) ?? r.code });
    if (r.code === "missing-customer") {
      guestLines++;
      guestAmount += Number(r.amount ?? 0);
    }
  }
  const ledger = ledgerOf(source, read, rejected);
  if (guestLines === 0) return ledger;
  const total = guestAmount + usedAmount;
  return Object.freeze({ ...ledger, guests: Object.freeze({ lines: guestLines, amount: guestAmount, shareOfAmount: total !== 0 ? guestAmount / total : null }) });
}
