import { DataError } from "../data/data-error.js";
import { listColumns } from "../data/columns/resolve-columns.js";
import { type RejectedRow, type RowLedger, ledgerOf } from "../data/ledger/row-ledger.js";
import { formatDay, formatDays } from "../data/parse/format-day.js";
import { isoDayOption } from "../data/parse/iso-day-option.js";
import { parseDay } from "../data/parse/parse-day.js";
import { numberRangeProblem, parseNumber } from "../data/parse/parse-number.js";
import { readRowsFileAs, type ReadRowsOptions } from "../data/read/read-rows.js";
import { SUMMARY_CSV_COLUMNS } from "./summary-to-csv.js";
import { DAYS_PER_UNIT, type CustomerSummary, type SummaryColumns, type TimeUnit } from "./types.js";

/**
 * Options of {@link loadSummaryFile}.
 *
 * @example
 * const o: LoadSummaryFileOptions = { timeUnit: "week", observationEnd: "1998-06-30" };
 */
export interface LoadSummaryFileOptions extends ReadRowsOptions {
  /** The time unit the file's durations are in (default: found from T and first_purchase, trying week, day, month). */
  readonly timeUnit?: TimeUnit;
  /** Last day observed, ISO (default: the calibration end; the file does not say). */
  readonly observationEnd?: string;
  /** The function or command named in messages (default `loadSummaryFile`). */
  readonly caller?: string;
}

/** The columns of a summary file that may be absent (then 0: no holdout period). */
const OPTIONAL: ReadonlySet<string> = new Set(["frequency_holdout", "monetary_holdout"]);
/** Money columns: blank means unknown (a purchase log's summary), never 0. */
const MONEY: ReadonlySet<string> = new Set(["monetary_value", "total_spend", "monetary_holdout"]);
const TEXT: ReadonlySet<string> = new Set(["customer_id", "first_purchase", "last_purchase"]);

/**
 * Reads a customer-summary file back into a {@link CustomerSummary}: the CSV that `crm summary`
 * writes, or the result of `crm sql summary`'s SQL saved from a database (CSV, TSV, JSON or XLSX;
 * header names matched case-insensitively; other columns ignored). Every row is used or rejected
 * in the ledger with its line and reason (wrong field count, a blank customer id, a repeated
 * customer id, a number that is not a plain number or beyond ±1e12, a date that is not ISO).
 *
 * The calibration end and the time unit are not columns of the file: they are found from each
 * row's `first_purchase` and `T` (calibration end = first purchase + T time units, the same day
 * for every row), trying week, day and month unless `timeUnit` is given.
 *
 * @param file - path of the summary file
 * @param options - time unit, observation end, reading options
 * @returns the summary (rows in file order) and the row ledger
 * @throws DataError for a missing file or column, no usable row, or T that fits no time unit
 * @example
 * const { summary, ledger } = await loadSummaryFile("summary.csv");
 * summary.calibrationEnd; // "2024-12-31"
 */
export async function loadSummaryFile(file: string, options: LoadSummaryFileOptions = {}): Promise<{ readonly summary: CustomerSummary; readonly ledger: RowLedger }> {
  const fn = options.caller ?? "loadSummaryFile";
  const table = await readRowsFileAs(file, options, fn);
  const lower = table.header.map((h) => h.trim().toLowerCase());
  const at = new Map<string, number>();
  for (const name of SUMMARY_CSV_COLUMNS) {
    const i = lower.indexOf(name.toLowerCase());
    if (i < 0 && !OPTIONAL.has(name)) {
      throw new DataError(`${fn}: no ${name} column in ${file} (columns: ${listColumns(table.header)}); a summary file has the columns crm summary writes: ${SUMMARY_CSV_COLUMNS.join(", ")}`);
    }
    if (i >= 0) at.set(name, i);
  }
  const rows: { values: readonly string[]; numbers: Map<string, number>; first: number; last: number }[] = [];
  const rejected: RejectedRow[] = [];
  const seen = new Map<string, number>();
  for (const row of table.rows) {
    const reject = (code: string, reason: string): void => void rejected.push({ line: row.line, code, reason });
    if (row.error) { reject(row.error.code, row.error.reason); continue; }
    if (row.values.length !== table.header.length) { reject("wrong-field-count", `${row.values.length} fields where the header has ${table.header.length}`); continue; }
    const cell = (name: string): string => row.values[at.get(name)!]!.trim();
    const id = cell("customer_id");
    if (id === "") { reject("missing-customer", "customer_id is blank"); continue; }
    const first = parseDay(cell("first_purchase"), "iso");
    const last = parseDay(cell("last_purchase"), "iso");
    if (first === null || last === null) { reject("bad-date", `first_purchase "${cell("first_purchase")}" or last_purchase "${cell("last_purchase")}" is not a YYYY-MM-DD date`); continue; }
    const numbers = new Map<string, number>();
    let problem: [string, string] | undefined;
    for (const name of SUMMARY_CSV_COLUMNS) {
      if (TEXT.has(name) || !at.has(name)) continue;
      const text = cell(name);
      if (text === "" && MONEY.has(name)) { numbers.set(name, NaN); continue; }
      const x = parseNumber(text, ".");
      if (x === null) { problem = [`bad-${name.toLowerCase().replace(/_/g, "-")}`, `${name} "${text}" is not a number`]; break; }
      const far = numberRangeProblem(name, text, x);
      if (far !== null) { problem = [`${name.toLowerCase().replace(/_/g, "-")}-out-of-range`, far]; break; }
      numbers.set(name, x);
    }
    if (problem) { reject(problem[0], problem[1]); continue; }
    const earlier = seen.get(id);
    if (earlier !== undefined) { reject("duplicate-customer", `customer_id "${id}" already on line ${earlier}`); continue; }
    seen.set(id, row.line);
    rows.push({ values: row.values, numbers, first, last });
  }
  const ledger = ledgerOf(file, table.rows.length, rejected);
  if (rows.length === 0) {
    const e = rejected[0];
    throw new DataError(`${fn}: no usable customer rows in ${file} (${ledger.read} read${e ? `; e.g. line ${e.line}: ${e.reason}` : ""})`);
  }
  // The calibration end: first purchase + T units, one day for every row.
  const units: readonly TimeUnit[] = options.timeUnit ? [options.timeUnit] : ["week", "day", "month"];
  const fits = (u: TimeUnit): number | undefined => {
    const days = DAYS_PER_UNIT[u];
    const cal = Math.round(rows[0]!.first + rows[0]!.numbers.get("T")! * days);
    return rows.every((r) => Math.abs(r.first + r.numbers.get("T")! * days - cal) < 1e-6) ? cal : undefined;
  };
  const unit = units.find((u) => fits(u) !== undefined);
  if (unit === undefined) {
    throw new DataError(`${fn}: the T column of ${file} does not give one calibration end with first_purchase in ${options.timeUnit ? `time unit ${options.timeUnit} (--time-unit)` : "days, weeks or months"}; give the --time-unit the summary was made with`);
  }
  const cal = fits(unit)!;
  const obs = options.observationEnd === undefined ? cal : isoDayOption(options.observationEnd, fn, "observationEnd");
  if (obs < cal) throw new DataError(`${fn}: the observation end ${formatDay(obs)} is before the summary's calibration end ${formatDay(cal)}`);
  const num = (name: string): Float64Array => Float64Array.from(rows, (r) => r.numbers.get(name) ?? 0);
  const columns: SummaryColumns = Object.freeze({
    customer_id: Object.freeze(rows.map((r) => r.values[at.get("customer_id")!]!.trim())),
    frequency: num("frequency"),
    recency: num("recency"),
    T: num("T"),
    monetary_value: num("monetary_value"),
    first_purchase: Object.freeze(formatDays(rows.map((r) => r.first))),
    last_purchase: Object.freeze(formatDays(rows.map((r) => r.last))),
    days_since_last_purchase: num("days_since_last_purchase"),
    orders: num("orders"),
    total_spend: num("total_spend"),
    frequency_holdout: num("frequency_holdout"),
    monetary_holdout: num("monetary_holdout"),
  });
  const hasSpend = !columns.total_spend.every(Number.isNaN);
  const summary: CustomerSummary = Object.freeze({
    length: rows.length,
    timeUnit: unit,
    calibrationEnd: formatDay(cal),
    observationEnd: formatDay(obs),
    durationHoldout: (obs - cal) / DAYS_PER_UNIT[unit],
    customersAfterCalibration: 0,
    hasSpend,
    columns,
  });
  return Object.freeze({ summary, ledger });
}
