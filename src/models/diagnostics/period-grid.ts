import { ArgumentError } from "../../math/argument-error.js";
/** Calendar periods of equal length laid over a run of days, period 1 starting on the first day. */
export interface PeriodGrid {
  /** Number of periods K (the last one may be cut short by the observation end). */
  readonly periods: number;
  /** Period index (0-based) of each day offset 0..days - 1 from the start. */
  readonly periodOfOffset: Int32Array;
  /** Last day offset of each period (0-based period index), capped at days - 1. */
  readonly lastOffset: Int32Array;
}

/**
 * Lays periods of `periodDays` days (7 for weeks, 30.4375 for average months) over `days` days:
 * day offset o belongs to period floor(o / periodDays). Both the actual and the expected series
 * of {@link import("./purchase-tracking.js").purchaseTracking} use this one grid, so they agree
 * on where each period ends.
 *
 * @param days - days covered, start to observation end inclusive (whole number >= 1)
 * @param periodDays - period length in days (> 0)
 * @returns the frozen grid
 * @throws ArgumentError when days is not a whole number >= 1 or periodDays is not > 0
 * @example
 * periodGrid(10, 7).lastOffset; // Int32Array [6, 9]
 */
export function periodGrid(days: number, periodDays: number): PeriodGrid {
  if (!(Number.isInteger(days) && days >= 1)) throw new ArgumentError(`periodGrid: days ${days} must be a whole number >= 1`);
  if (!(periodDays > 0 && Number.isFinite(periodDays))) throw new ArgumentError(`periodGrid: periodDays ${periodDays} must be > 0`);
  const periodOfOffset = new Int32Array(days);
  for (let o = 0; o < days; o++) periodOfOffset[o] = Math.floor(o / periodDays);
  const periods = periodOfOffset[days - 1]! + 1;
  const lastOffset = new Int32Array(periods);
  for (let o = 0; o < days; o++) lastOffset[periodOfOffset[o]!] = o;
  return Object.freeze({ periods, periodOfOffset, lastOffset });
}
