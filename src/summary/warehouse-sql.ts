import { formatDay } from "../data/parse/format-day.js";
import { isoDayOption } from "../data/parse/iso-day-option.js";
import { DAYS_AFTER_RUN_DATE } from "../data/parse/day-range.js";
import { ArgumentError } from "../math/argument-error.js";
import { DAYS_PER_UNIT, type TimeUnit } from "./types.js";

/**
 * The SQL dialects {@link warehouseSummarySql} writes.
 *
 * @example
 * SQL_DIALECTS.includes("snowflake"); // true
 */
export const SQL_DIALECTS = Object.freeze(["duckdb", "postgres", "bigquery", "snowflake"] as const);

/**
 * One of {@link SQL_DIALECTS}.
 *
 * @example
 * const d: SqlDialect = "bigquery";
 */
export type SqlDialect = (typeof SQL_DIALECTS)[number];

/**
 * The source columns of the warehouse summary: names as they are in the table (quoted as
 * written, so case matters in PostgreSQL and Snowflake). Absent order id: orders are purchase
 * days; absent returned amount: no refunds.
 *
 * @example
 * const c: WarehouseColumns = { customerId: "cust", date: "order_date", amount: "net_amount", orderId: "order_no" };
 */
export interface WarehouseColumns {
  /** Customer id column (any type; read as trimmed text). Default `customer_id` (`CUSTOMER_ID` in Snowflake, which stores unquoted names in capitals; likewise below). */
  readonly customerId?: string;
  /** Date column: DATE, TIMESTAMP or ISO text, converted with CAST(... AS DATE). Default `date`. */
  readonly date?: string;
  /** Amount column, a number in currency units. Default `amount`. */
  readonly amount?: string;
  /** Order id column (optional): orders are its distinct values. */
  readonly orderId?: string;
  /** Returned amount column (optional, currency units, blank = 0): deducted from spend. */
  readonly returnedAmount?: string;
}

/**
 * Options of {@link warehouseSummarySql}.
 *
 * @example
 * const o: WarehouseSummaryOptions = { dialect: "postgres", table: "sales.tx", calibrationEnd: "1997-09-30", timeUnit: "week" };
 */
export interface WarehouseSummaryOptions {
  readonly dialect: SqlDialect;
  /** Table (or view) name; dots separate schema (and project/database) parts, each quoted. */
  readonly table: string;
  readonly columns?: WarehouseColumns;
  /** Last day of the calibration period, ISO, inclusive (default: the observation end). */
  readonly calibrationEnd?: string;
  /** Last day observed, ISO, inclusive (default: the last valid date, up to the run date). */
  readonly observationEnd?: string;
  /** First day kept, ISO (the `--from` of the loaders). */
  readonly from?: string;
  /** Last day kept, ISO (the `--to` of the loaders; default the observation end, else the run date). */
  readonly to?: string;
  /** `exclude`: lines with a negative amount are left out (default `net`: returns, deducted from spend). */
  readonly returns?: "net" | "exclude";
  /** Unit of recency, T (default `week`). */
  readonly timeUnit?: TimeUnit;
  /** Run date, ISO: fixes the date range check and the default end (default: the database's CURRENT_DATE). */
  readonly today?: string;
}

/** The per-dialect pieces of the SQL. */
interface Dialect {
  readonly quote: (name: string) => string;
  readonly text: string;
  readonly decimal: string;
  readonly double: string;
  readonly dayNumber: (date: string) => string;
  readonly isoText: (date: string) => string;
  readonly plusDays: (date: string, days: number) => string;
  readonly collate: string;
  /** True for NaN, Infinity and -Infinity (written-out non-numbers, `bad-amount` in the loaders). */
  readonly notFinite: (x: string) => string;
}

const doubleQuote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

const DIALECTS: Readonly<Record<SqlDialect, Dialect>> = {
  duckdb: {
    quote: doubleQuote,
    text: "VARCHAR",
    decimal: "DECIMAL(38, 10)",
    double: "DOUBLE",
    dayNumber: (d) => `date_diff('day', DATE '1970-01-01', ${d})`,
    isoText: (d) => `strftime(${d}, '%Y-%m-%d')`,
    plusDays: (d, n) => `CAST(${d} + INTERVAL ${n} DAY AS DATE)`,
    collate: "",
    notFinite: (x) => `NOT isfinite(CAST(${x} AS DOUBLE))`,
  },
  postgres: {
    quote: doubleQuote,
    text: "TEXT",
    decimal: "NUMERIC",
    double: "DOUBLE PRECISION",
    dayNumber: (d) => `(${d} - DATE '1970-01-01')`,
    isoText: (d) => `to_char(${d}, 'YYYY-MM-DD')`,
    plusDays: (d, n) => `(${d} + ${n})`,
    collate: ` COLLATE "C"`,
    notFinite: (x) => `CAST(${x} AS DOUBLE PRECISION) IN (CAST('NaN' AS DOUBLE PRECISION), CAST('Infinity' AS DOUBLE PRECISION), CAST('-Infinity' AS DOUBLE PRECISION))`,
  },
  bigquery: {
    quote: (name) => `\`${name.replace(/[`\\]/g, (c) => `\\${c}`)}\``,
    text: "STRING",
    decimal: "BIGNUMERIC",
    double: "FLOAT64",
    dayNumber: (d) => `UNIX_DATE(${d})`,
    isoText: (d) => `FORMAT_DATE('%Y-%m-%d', ${d})`,
    plusDays: (d, n) => `DATE_ADD(${d}, INTERVAL ${n} DAY)`,
    collate: "",
    notFinite: (x) => `(IS_NAN(CAST(${x} AS FLOAT64)) OR IS_INF(CAST(${x} AS FLOAT64)))`,
  },
  snowflake: {
    quote: doubleQuote,
    text: "VARCHAR",
    decimal: "NUMBER(38, 10)",
    double: "DOUBLE",
    dayNumber: (d) => `DATEDIFF(day, DATE '1970-01-01', ${d})`,
    isoText: (d) => `TO_CHAR(${d}, 'YYYY-MM-DD')`,
    plusDays: (d, n) => `DATEADD(day, ${n}, ${d})`,
    collate: "",
    notFinite: (x) => `CAST(${x} AS DOUBLE) IN (CAST('NaN' AS DOUBLE), CAST('inf' AS DOUBLE), CAST('-inf' AS DOUBLE))`,
  },
};

/**
 * A table name with each dot-separated part quoted for the dialect (`sales.tx` -> `"sales"."tx"`;
 * BigQuery: `` `project.dataset.table` ``).
 *
 * @param dialect - the SQL dialect
 * @param table - the name as the user gave it
 * @returns the quoted name
 * @throws ArgumentError for a blank name or a blank part
 * @example
 * quoteTableName("postgres", "sales.tx"); // '"sales"."tx"'
 */
export function quoteTableName(dialect: SqlDialect, table: string): string {
  const parts = table.split(".");
  if (table.trim() === "" || parts.some((p) => p === "")) throw new ArgumentError(`warehouseSummarySql: table name "${table}" has a blank part; give NAME or SCHEMA.NAME`);
  if (dialect === "bigquery") return DIALECTS.bigquery.quote(table);
  return parts.map((p) => DIALECTS[dialect].quote(p)).join(".");
}

/**
 * A column or alias name quoted for the dialect (`T` stays `T`, not `t` or `T` folded).
 *
 * @example
 * quoteName("bigquery", "T"); // "`T`"
 */
export function quoteName(dialect: SqlDialect, name: string): string {
  return DIALECTS[dialect].quote(name);
}

/**
 * One row check: the SQL that is true when the row passes, and the one that is true when it fails.
 *
 * @example
 * const c: RowCheckSql = { code: "bad-date", ok: "d IS NOT NULL", fails: "d IS NULL", reason: "date is blank" };
 */
export interface RowCheckSql {
  /** The ledger code of a row that fails, e.g. `bad-date`. */
  readonly code: string;
  /** True when the row passes this check (NULL or false when it does not). */
  readonly ok: string;
  /** True exactly when the row fails this check (having passed the checks before it). */
  readonly fails: string;
  /** The reason text shown in the ledger. */
  readonly reason: string;
}

/**
 * The SELECT list and checks shared by the summary and its row ledger: the `src` projection of
 * the user's columns, and the row checks in the order of the data policy (src/data/POLICY.md):
 * bad-date, date-out-of-range, outside-window, bad-amount, amount-out-of-range,
 * bad-returned-amount, returned-amount-out-of-range, return-excluded, and last missing-customer.
 *
 * @param options - as {@link warehouseSummarySql}
 * @returns the projection (`customer_id, d, amount_raw, refund_raw, order_id`) and the checks
 * @example
 * warehouseRowChecks({ dialect: "postgres", table: "tx" }).checks.map((c) => c.code)[0]; // "bad-date"
 */
export function warehouseRowChecks(options: WarehouseSummaryOptions): { readonly select: string; readonly checks: readonly RowCheckSql[] } {
  const fn = "warehouseSummarySql";
  const D = DIALECTS[options.dialect];
  if (D === undefined) throw new ArgumentError(`${fn}: dialect "${String(options.dialect)}" is not one of ${SQL_DIALECTS.join(", ")}`);
  const c = options.columns ?? {};
  // Snowflake stores unquoted names in capitals: the default column names are looked up so.
  const byDefault = (name: string): string => (options.dialect === "snowflake" ? name.toUpperCase() : name);
  const q = (name: string | undefined, what: string): string => {
    if (name === undefined || name.trim() === "") throw new ArgumentError(`${fn}: the ${what} column name is blank`);
    return D.quote(name);
  };
  const select = [
    `TRIM(CAST(${q(c.customerId ?? byDefault("customer_id"), "customer id")} AS ${D.text})) AS customer_id`,
    `CAST(${q(c.date ?? byDefault("date"), "date")} AS DATE) AS d`,
    `${q(c.amount ?? byDefault("amount"), "amount")} AS amount_raw`,
    c.returnedAmount === undefined ? "0 AS refund_raw" : `COALESCE(${q(c.returnedAmount, "returned amount")}, 0) AS refund_raw`,
    c.orderId === undefined ? `CAST(NULL AS ${D.text}) AS order_id` : `COALESCE(TRIM(CAST(${q(c.orderId, "order id")} AS ${D.text})), '') AS order_id`,
  ].join(",\n         ");
  const date = (iso: string, name: string): string => `DATE '${formatDay(isoDayOption(iso, fn, name))}'`;
  const today = options.today === undefined ? "CURRENT_DATE" : date(options.today, "today");
  const latest = D.plusDays(today, DAYS_AFTER_RUN_DATE);
  const to = options.to ?? options.observationEnd;
  const upper = to === undefined ? today : date(to, options.to === undefined ? "observationEnd" : "to");
  const from = options.from === undefined ? undefined : date(options.from, "from");
  const check = (code: string, ok: string, reason: string, fails = `NOT (${ok})`): RowCheckSql => ({ code, ok, fails, reason });
  const checks: RowCheckSql[] = [
    check("bad-date", "d IS NOT NULL", "date is blank", "d IS NULL"),
    check("date-out-of-range", `d >= DATE '1900-01-01' AND d <= ${latest}`, "date is before 1900-01-01 or more than a year after the run date"),
    check("outside-window", from === undefined ? `d <= ${upper}` : `d >= ${from} AND d <= ${upper}`,
      `date is outside the window${options.from === undefined ? "" : ` from ${options.from}`} to ${to === undefined ? "the run date" : to}`),
    check("bad-amount", `amount_raw IS NOT NULL AND NOT (${D.notFinite("amount_raw")})`, "amount is blank, NaN or infinite", `amount_raw IS NULL OR ${D.notFinite("amount_raw")}`),
    check("amount-out-of-range", "amount_raw BETWEEN -1e12 AND 1e12", "amount is not a finite number from -1e12 to 1e12"),
    check("bad-returned-amount", `NOT (${D.notFinite("refund_raw")})`, "returned amount is NaN or infinite"),
    check("returned-amount-out-of-range", "refund_raw BETWEEN -1e12 AND 1e12", "returned amount is not a number from -1e12 to 1e12"),
    ...(options.returns === "exclude" ? [check("return-excluded", "amount_raw >= 0", "negative amount (a return) left out under --returns exclude")] : []),
    check("missing-customer", "customer_id <> ''", "customer id is blank (a guest order)", "customer_id IS NULL OR customer_id = ''"),
  ];
  return Object.freeze({ select, checks: Object.freeze(checks) });
}

/**
 * The customer-summary SQL for a warehouse, runnable as printed on a table with the user's raw
 * columns (customer id of any type, a DATE / TIMESTAMP / ISO-text date, a numeric amount;
 * optional order id and returned amount). It returns one row per customer with the columns and
 * meaning of the CSV that `crm summary` writes (`customer_id, frequency, recency, T,
 * monetary_value, first_purchase, last_purchase, days_since_last_purchase, orders, total_spend,
 * frequency_holdout, monetary_holdout`), ordered by customer id (byte order).
 *
 * Rows are checked as the loaders check them (src/data/POLICY.md): a blank customer id or date,
 * a date before 1900-01-01, more than a year after the run date or outside the window (after the
 * observation end, else after the run date), a blank, NaN or infinite amount, an amount or
 * returned amount beyond ±1e12 leave the row out. Money is summed exactly (DECIMAL(38, 10) in DuckDB,
 * NUMERIC in PostgreSQL, BIGNUMERIC in BigQuery, NUMBER(38, 10) in Snowflake) and divided in
 * double precision; durations are days divided by the time unit (1, 7 or 30.4375 days) in double
 * precision; dates are days of the calendar (`CAST(... AS DATE)`: a TIMESTAMP WITH TIME ZONE is
 * read in the session's time zone).
 *
 * @param options - dialect, table, columns, periods, time unit
 * @returns the SQL text (one statement, no trailing semicolon)
 * @throws ArgumentError for an unknown dialect, a blank name, a malformed date or a calibration end after the observation end
 * @example
 * const sql = warehouseSummarySql({ dialect: "duckdb", table: "tx", calibrationEnd: "1997-09-30" });
 * sql.startsWith("WITH src AS"); // true
 */
export function warehouseSummarySql(options: WarehouseSummaryOptions): string {
  return warehouseSummaryParts(options).sql;
}

/**
 * {@link warehouseSummarySql} in parts: the `WITH` clause alone (its CTEs `lines`, `bounds` with
 * the calibration end `cal` in days since 1970-01-01, `purchase_days`, `firsts`, `calibration`,
 * `holdout`, `spend`), to which a caller adds its own SELECT, and the whole statement.
 *
 * @param options - as {@link warehouseSummarySql}
 * @returns `with` (ends before the final SELECT) and `sql`
 * @example
 * const { with: ctes } = warehouseSummaryParts({ dialect: "postgres", table: "tx" });
 * const sql = `${ctes} SELECT cal FROM bounds`;
 */
export function warehouseSummaryParts(options: WarehouseSummaryOptions): { readonly with: string; readonly sql: string } {
  const fn = "warehouseSummarySql";
  const { select, checks } = warehouseRowChecks(options);
  const D = DIALECTS[options.dialect];
  const timeUnit = options.timeUnit ?? "week";
  if (!(timeUnit in DAYS_PER_UNIT)) throw new ArgumentError(`${fn}: timeUnit "${String(timeUnit)}" is not one of day, week, month`);
  const unit = DAYS_PER_UNIT[timeUnit];
  const obs = options.observationEnd === undefined ? undefined : isoDayOption(options.observationEnd, fn, "observationEnd");
  const cal = options.calibrationEnd === undefined ? obs : isoDayOption(options.calibrationEnd, fn, "calibrationEnd");
  if (cal !== undefined && obs !== undefined && cal > obs) {
    throw new ArgumentError(`${fn}: calibrationEnd ${formatDay(cal)} is after observationEnd ${formatDay(obs)}; choose an earlier calibration end`);
  }
  const n = (name: string): string => D.quote(name);
  const per = (expr: string): string => (unit === 1 ? `CAST(${expr} AS ${D.double})` : `CAST(${expr} AS ${D.double}) / CAST(${unit} AS ${D.double})`);
  const orders = options.columns?.orderId === undefined
    ? "c.frequency + 1"
    : "s.orders_by_id";
  const calSql = cal === undefined ? "SELECT MAX(day) AS cal FROM lines" : `SELECT ${cal} AS cal`;
  const ctes = `WITH src AS (
  SELECT ${select}
  FROM ${quoteTableName(options.dialect, options.table)}
),
lines AS (
  SELECT customer_id, d, ${D.dayNumber("d")} AS day,
         CAST(amount_raw AS ${D.decimal}) AS amount,
         CAST(refund_raw AS ${D.decimal}) AS refund,
         order_id
  FROM src
  WHERE ${checks.map((c) => c.ok).join("\n    AND ")}
),
bounds AS (
  ${calSql}
),
purchase_days AS (
  SELECT customer_id, day, MIN(d) AS d, SUM(amount) AS value
  FROM lines WHERE amount >= 0
  GROUP BY customer_id, day
),
firsts AS (
  SELECT customer_id, MIN(day) AS first_day FROM purchase_days GROUP BY customer_id
),
calibration AS (
  SELECT p.customer_id, f.first_day,
         MAX(p.day) AS last_day,
         MIN(p.d) AS first_date,
         MAX(p.d) AS last_date,
         COUNT(*) - 1 AS frequency,
         SUM(CASE WHEN p.day > f.first_day THEN p.value ELSE 0 END) AS repeat_value
  FROM purchase_days p
  JOIN firsts f ON p.customer_id = f.customer_id
  CROSS JOIN bounds b
  WHERE p.day <= b.cal AND f.first_day <= b.cal
  GROUP BY p.customer_id, f.first_day
),
holdout AS (
  SELECT p.customer_id, COUNT(*) AS frequency_holdout
  FROM purchase_days p CROSS JOIN bounds b
  WHERE p.day > b.cal
  GROUP BY p.customer_id
),
spend AS (
  SELECT l.customer_id,
         SUM(CASE WHEN l.day <= b.cal THEN l.amount - l.refund ELSE 0 END) AS total_spend,
         SUM(CASE WHEN l.day > b.cal THEN l.amount - l.refund ELSE 0 END) AS monetary_holdout,
         COUNT(DISTINCT CASE WHEN l.day <= b.cal AND l.amount >= 0 THEN l.order_id END) AS orders_by_id
  FROM lines l CROSS JOIN bounds b
  GROUP BY l.customer_id
)`;
  return Object.freeze({ with: ctes, sql: `${ctes}
SELECT c.customer_id AS ${n("customer_id")},
       c.frequency AS ${n("frequency")},
       ${per("c.last_day - c.first_day")} AS ${n("recency")},
       ${per("b.cal - c.first_day")} AS ${n("T")},
       CASE WHEN c.frequency > 0 THEN CAST(c.repeat_value AS ${D.double}) / c.frequency ELSE 0 END AS ${n("monetary_value")},
       ${D.isoText("c.first_date")} AS ${n("first_purchase")},
       ${D.isoText("c.last_date")} AS ${n("last_purchase")},
       b.cal - c.last_day AS ${n("days_since_last_purchase")},
       ${orders} AS ${n("orders")},
       CAST(s.total_spend AS ${D.double}) AS ${n("total_spend")},
       COALESCE(h.frequency_holdout, 0) AS ${n("frequency_holdout")},
       CAST(s.monetary_holdout AS ${D.double}) AS ${n("monetary_holdout")}
FROM calibration c
JOIN spend s ON s.customer_id = c.customer_id
LEFT JOIN holdout h ON h.customer_id = c.customer_id
CROSS JOIN bounds b
ORDER BY c.customer_id${D.collate}` });
}

/**
 * The row-ledger SQL that goes with {@link warehouseSummarySql}: every row of the table that the
 * summary leaves out, with its 1-based row number in the table's scan order, its code (the first
 * failing check) and its amount when readable (for the guests' revenue); and, as the last row,
 * the count of all rows (`code` = `'(read)'`, `row_number` = the count).
 *
 * @param options - as {@link warehouseSummarySql}
 * @returns the SQL text
 * @example
 * warehouseLedgerSql({ dialect: "postgres", table: "tx" }).includes("ROW_NUMBER() OVER ()"); // true
 */
export function warehouseLedgerSql(options: WarehouseSummaryOptions): string {
  const { select, checks } = warehouseRowChecks(options);
  const D = DIALECTS[options.dialect];
  const cases = checks.map((c) => `WHEN ${c.fails} THEN '${c.code}'`).join("\n              ");
  return `WITH src AS (
  SELECT ROW_NUMBER() OVER () AS row_number, ${select}
  FROM ${quoteTableName(options.dialect, options.table)}
),
checked AS (
  SELECT row_number, CASE ${cases}
              END AS code,
         CASE WHEN amount_raw BETWEEN -1e12 AND 1e12 THEN CAST(amount_raw AS ${D.double}) END AS amount
  FROM src
)
SELECT row_number, code, amount FROM checked WHERE code IS NOT NULL
UNION ALL
SELECT COUNT(*) AS row_number, '(read)' AS code, SUM(CASE WHEN code IS NULL THEN amount END) AS amount FROM checked`;
}
