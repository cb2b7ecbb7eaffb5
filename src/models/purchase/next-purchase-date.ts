import { formatDay } from "../../data/parse/format-day.js";
import { parseDay } from "../../data/parse/parse-day.js";
import { DAYS_PER_UNIT, type TimeUnit } from "../../summary/types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** 9999-12-31 in days since 1970-01-01: the last day an ISO date can name. */
const LAST_DAY = Date.UTC(9999, 11, 31) / 86_400_000;

/**
 * The calendar date of an expected next purchase: the calibration end plus the expected wait
 * (from {@link nextPurchase}, which is measured from the calibration end: the purchase process is
 * memoryless), converted to days with {@link DAYS_PER_UNIT} (a month is 30.4375 days) and
 * rounded to the nearest whole day.
 *
 * @param calibrationEndIso - the last day of the calibration period, ISO `YYYY-MM-DD`
 * @param wait - the expected wait in `timeUnit` (>= 0; Infinity gives null)
 * @param timeUnit - the time unit of the model the wait came from
 * @returns the ISO date, or null when the wait is infinite or ends after 9999-12-31 (no expected next purchase)
 * @throws ArgumentError when the date is not a valid ISO date, the wait is negative or NaN, or the unit is unknown
 * @example
 * expectedNextPurchaseDate("1997-09-30", 33.1, "week"); // "1998-05-20" (33.1 weeks = 232 days)
 * expectedNextPurchaseDate("1997-09-30", Infinity, "week"); // null
 */
export function expectedNextPurchaseDate(calibrationEndIso: string, wait: number, timeUnit: TimeUnit): string | null {
  const fn = "expectedNextPurchaseDate";
  const day = parseDay(calibrationEndIso, "iso");
  if (day === null) throw new ArgumentError(`${fn}: calibration end "${calibrationEndIso}" is not an ISO date YYYY-MM-DD`);
  const perUnit = DAYS_PER_UNIT[timeUnit];
  if (perUnit === undefined) throw new ArgumentError(`${fn}: time unit "${String(timeUnit)}" is not one of day, week, month`);
  if (!(wait >= 0)) throw new ArgumentError(`${fn}: wait ${wait} must be a number >= 0`);
  const next = day + Math.round(wait * perUnit);
  // An infinite wait, or one beyond the calendar's year 9999, has no date.
  if (!(next <= LAST_DAY)) return null;
  return formatDay(next);
}
