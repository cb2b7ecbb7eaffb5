import { lazyColumn } from "../data/columns/text-codes.js";
import { hasColumn } from "../data/columns/transaction-columns.js";
import { formatDay, formatDays } from "../data/parse/format-day.js";
import { isoDayOption } from "../data/parse/iso-day-option.js";
import type { Transactions } from "../data/types.js";
import { loadTransactionsTable, type EngineTransactions } from "../engine/load-transactions-table.js";
import { withEngine, type Engine } from "../engine/open-engine.js";
import { derivedTable, engineTableOf, useSharedEngine } from "../engine/shared-engine.js";
import { summaryCountsSql, summaryDaysSql, summaryOrdersSql, summarySql, type SummarySources } from "./summary-sql.js";
import { readNumericColumns } from "../engine/read-numeric-columns.js";
import { DAYS_PER_UNIT, type CustomerSummary, type TimeUnit } from "./types.js";
import { ArgumentError } from "../math/argument-error.js";

/** Options of {@link customerSummary}. */
export interface CustomerSummaryOptions {
  /** Last day of the calibration period, ISO `YYYY-MM-DD`, inclusive (default: the observation end). */
  readonly calibrationEnd?: string;
  /** Last day of the observation period, ISO, inclusive (default: the last transaction date). Later lines are ignored. */
  readonly observationEnd?: string;
  /** Unit of recency, T and the holdout length (default `"week"`). */
  readonly timeUnit?: TimeUnit;
  /** An engine to reuse; by default a fresh one is opened and closed. */
  readonly engine?: Engine;
  /** The transactions already loaded into `engine` (by loadTransactionsTable): summaries at several dates load them once. */
  readonly loaded?: EngineTransactions;
}

/**
 * Builds the customer summary, one row per customer, with DuckDB.
 *
 * Definitions (Fader, Hardie & Lee 2005; the lifetimes conventions):
 * - a *purchase day* is a day with at least one line of amount >= 0 (returns never make one);
 *   same-day lines merge into one purchase day whose value is their sum;
 * - `frequency`: purchase days after the first one, up to the calibration end;
 * - `recency`: last minus first purchase day, `T`: calibration end minus first purchase day,
 *   both in `timeUnit` (days / 1, / 7, or / 30.4375, never rounded);
 * - `monetary_value`: mean value of the repeat purchase days (first excluded; 0 when frequency is 0);
 * - RFM features: `days_since_last_purchase` (to the calibration end), `orders` (distinct order
 *   ids, else purchase days), `total_spend` (all lines net of returns and refunds);
 * - holdout: purchase days and net spend after the calibration end, up to the observation end.
 * Customers whose first purchase is after the calibration end are counted in
 * `customersAfterCalibration` and left out. Rows are in order of each customer's first input line.
 *
 * @param transactions - the validated transactions
 * @param options - period ends and time unit
 * @returns the frozen summary
 * @throws ArgumentError for a malformed date, a calibration end after the observation end, or no transactions
 * @example
 * const s = await customerSummary(tx, { calibrationEnd: "1997-09-30", timeUnit: "week" });
 * s.columns.T[0]; // 38.857142857142854 for a first purchase on 1997-01-01
 */
export async function customerSummary(
  transactions: Transactions,
  options: CustomerSummaryOptions = {},
): Promise<CustomerSummary> {
  const fn = "customerSummary";
  if (transactions.length === 0) throw new ArgumentError(`${fn}: there are no transactions to summarise`);
  const timeUnit = options.timeUnit ?? "week";
  if (!(timeUnit in DAYS_PER_UNIT)) {
    throw new ArgumentError(`${fn}: timeUnit "${String(timeUnit)}" is not one of day, week, month`);
  }
  let lastDay = -Infinity;
  for (let i = 0; i < transactions.length; i++) lastDay = Math.max(lastDay, transactions.day[i]!); // day has `length` entries
  const obs = options.observationEnd === undefined ? lastDay : isoDayOption(options.observationEnd, fn, "observationEnd");
  const cal = options.calibrationEnd === undefined ? obs : isoDayOption(options.calibrationEnd, fn, "calibrationEnd");
  if (cal > obs) {
    throw new ArgumentError(
      `${fn}: calibrationEnd ${formatDay(cal)} is after observationEnd ${formatDay(obs)}; choose an earlier calibration end`,
    );
  }
  if (options.loaded && !options.engine) throw new ArgumentError(`${fn}: loaded needs the engine that holds the table`);
  const run = (engine: Engine): Promise<CustomerSummary> =>
    summarise(engine, transactions, cal, obs, timeUnit, hasColumn(transactions, "orderId"), options.loaded);
  // Transactions a loader read through DuckDB are still there: summarise them in place.
  if (options.loaded === undefined && engineTableOf(transactions) !== undefined) return useSharedEngine(run);
  return options.engine ? run(options.engine) : withEngine(run);
}

async function summarise(
  engine: Engine,
  transactions: Transactions,
  cal: number,
  obs: number,
  timeUnit: TimeUnit,
  hasOrders: boolean,
  loaded?: EngineTransactions,
): Promise<CustomerSummary> {
  const attached = loaded === undefined ? engineTableOf(transactions) : undefined;
  const { table, customerIds } = loaded ?? attached ?? (await loadTransactionsTable(engine, transactions));
  // The lines by customer and day (and the orders' first days) of an attached table are made once: summaries at other dates reuse them.
  const sources: SummarySources | undefined = attached && {
    days: await derivedTable(engine, table, "days", summaryDaysSql(table)),
    ...(hasOrders ? { orders: await derivedTable(engine, table, "orders", summaryOrdersSql(table)) } : {}),
  };
  // Every column a number (NULL as 0), read as typed columns: no JavaScript value per cell.
  const names = ["customer_id", "first_day", "last_day", "frequency", "monetary_value", "orders", "total_spend", "frequency_holdout", "monetary_holdout"];
  const cols = await readNumericColumns(engine.connection, `SELECT ${names.map((c) => `COALESCE(${c}, 0)::DOUBLE AS ${c}`).join(", ")} FROM (${summarySql(table, cal, obs, hasOrders, sources)}) ORDER BY customer_id`);
  const unit = DAYS_PER_UNIT[timeUnit];
  const num = (name: string): Float64Array => cols[name]!;
  // A purchase log has no amounts: its money columns are unknown (NaN), not zero.
  const hasSpend = transactions.amount !== undefined;
  const first = num("first_day");
  const money = (name: string): Float64Array => (hasSpend ? num(name) : new Float64Array(first.length).fill(NaN));
  const last = num("last_day");
  const n = first.length;
  const counts = await readNumericColumns(engine.connection, summaryCountsSql(table, cal, obs, sources));
  // The dates as text are made when first read (two strings a customer that most analyses never use).
  const columns: Record<string, unknown> = {
    customer_id: Object.freeze(Array.from(cols.customer_id!, (code) => customerIds[code]!)),
    frequency: num("frequency"),
    recency: Float64Array.from(first, (f, i) => (last[i]! - f) / unit), // first and last: columns of one result
    T: Float64Array.from(first, (f) => (cal - f) / unit),
    monetary_value: money("monetary_value"),
  };
  lazyColumn(columns, "first_purchase", () => Object.freeze(formatDays(first)));
  lazyColumn(columns, "last_purchase", () => Object.freeze(formatDays(last)));
  Object.assign(columns, {
    days_since_last_purchase: Float64Array.from(last, (l) => cal - l),
    orders: num("orders"),
    total_spend: money("total_spend"),
    frequency_holdout: num("frequency_holdout"),
    monetary_holdout: money("monetary_holdout"),
  });
  const returnsOnly = counts.returns_only![0]! > 0 ? Object.freeze({ customers: counts.returns_only![0]!, amount: counts.returns_only_amount![0]! }) : undefined;
  return Object.freeze({
    length: n,
    timeUnit,
    calibrationEnd: formatDay(cal),
    observationEnd: formatDay(obs),
    durationHoldout: (obs - cal) / unit,
    customersAfterCalibration: counts.late![0]!,
    hasSpend,
    ...(returnsOnly ? { returnsOnly } : {}),
    columns: Object.freeze(columns) as unknown as CustomerSummary["columns"],
  });
}
