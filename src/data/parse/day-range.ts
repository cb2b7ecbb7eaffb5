import { formatDay } from "./format-day.js";
import { daysFromCivil } from "./parse-day.js";
import { ArgumentError } from "../../math/argument-error.js";

/** The first accepted day of an input row: 1900-01-01 (days since 1970-01-01: -25567). */
export const EARLIEST_DAY = daysFromCivil(1900, 1, 1)!;

/** How many days after the run date a row may be dated (one year and a day): orders booked ahead, clocks off. */
export const DAYS_AFTER_RUN_DATE = 366;

/**
 * The last accepted day of an input row: the run date plus {@link DAYS_AFTER_RUN_DATE}. Later
 * dates (`9999-12-31`, typing errors) are rejected per line as `date-out-of-range`, so that they
 * never move the end of the observation period.
 *
 * @param today - the run date, ISO `YYYY-MM-DD` (default: the current date in UTC); tests and
 *   reproducible runs pass it
 * @returns days since 1970-01-01
 * @throws ArgumentError when `today` is not an ISO date
 * @example
 * latestDay("2024-01-01"); // 20089 (2025-01-01)
 */
export function latestDay(today?: string): number {
  if (today === undefined) return Math.floor(Date.now() / 86_400_000) + DAYS_AFTER_RUN_DATE;
  const d = /^\d{4}-\d{2}-\d{2}$/.test(today) ? daysFromCivil(+today.slice(0, 4), +today.slice(5, 7), +today.slice(8, 10)) : null;
  if (d === null) throw new ArgumentError(`latestDay: today "${today}" is not a date in the form YYYY-MM-DD`);
  return d + DAYS_AFTER_RUN_DATE;
}

/**
 * Says why a parsed day is outside the accepted range {@link EARLIEST_DAY} .. `latest`, or null
 * when it is inside (for the ledger's reasons, code `date-out-of-range`).
 *
 * @param field - the column's name for the message, e.g. `date`
 * @param text - the date as written
 * @param day - the parsed day (days since 1970-01-01)
 * @param latest - the last accepted day, from {@link latestDay}
 * @returns e.g. `date "9999-12-31" is after 2025-01-01 (one year after the run date; accepted dates run from 1900-01-01)`
 * @example
 * dayRangeProblem("date", "0000-01-01", -719528, 20089);
 * // 'date "0000-01-01" is before 1900-01-01 (accepted dates run from 1900-01-01 to 2025-01-01)'
 */
export function dayRangeProblem(field: string, text: string, day: number, latest: number): string | null {
  if (day >= EARLIEST_DAY && day <= latest) return null;
  const t = text.trim();
  return day < EARLIEST_DAY
    ? `${field} "${t}" is before 1900-01-01 (accepted dates run from 1900-01-01 to ${formatDay(latest)})`
    : `${field} "${t}" is after ${formatDay(latest)} (one year after the run date; accepted dates run from 1900-01-01)`;
}
