import { customerCodes } from "../../data/columns/text-codes.js";
import { formatDay } from "../../data/parse/format-day.js";
import type { Transactions } from "../../data/types.js";
import { DAYS_PER_UNIT, type TimeUnit } from "../../summary/types.js";
import type { HoldoutSummary } from "./types.js";
import type { PeriodGrid } from "./period-grid.js";
import { sortedGroups } from "./sorted-groups.js";

/**
 * The customers of a calibration/holdout check and the summary columns the check reads: a
 * {@link HoldoutSummary} with the customers' ids and first purchase days, as a cohort for
 * `purchaseTracking`.
 */
export interface HoldoutCohort extends HoldoutSummary {
  readonly timeUnit: TimeUnit;
  /** ISO `YYYY-MM-DD`. */
  readonly calibrationEnd: string;
  readonly observationEnd: string;
  /** Holdout length, time units. */
  readonly durationHoldout: number;
  readonly customerId: readonly string[];
  /** First purchase day of each customer (days since 1970-01-01). */
  readonly firstPurchaseDay: Int32Array;
  readonly columns: {
    readonly frequency: Float64Array;
    readonly recency: Float64Array;
    readonly T: Float64Array;
    readonly frequency_holdout: Float64Array;
  };
  /** Customer code of each row (`customerCodes(transactions)`). */
  readonly customerCode: Int32Array;
  /**
   * Every customer's purchase days up to the observation end, by customer code: distinct and
   * ascending, `days[start[code]]` to `days[start[code + 1] - 1]`.
   */
  readonly purchaseDays: { readonly start: Int32Array; readonly days: Int32Array };
}

/**
 * The columns of `customerSummary(transactions, { calibrationEnd, observationEnd, timeUnit })`
 * that the holdout check reads (frequency, recency, T, frequency_holdout, with the customers' ids
 * and first purchase days), with the same definitions, values and row order: a purchase day is
 * a day with a line of amount >= 0 (every line in a purchase log), up to the observation end;
 * customers whose first purchase day is after the calibration end are left out; rows follow the
 * customers' first appearance. Computed from the typed columns (customer codes, day, amount) by a
 * counting sort of the purchase lines by customer and a sort of each customer's few days: two
 * passes over the lines and no text, in place of a second summary of every line.
 *
 * @param transactions - the validated transactions
 * @param calibrationEnd - last calibration day (days since 1970-01-01)
 * @param observationEnd - last day observed (>= calibrationEnd)
 * @param timeUnit - unit of recency, T and the holdout length
 * @returns the frozen cohort
 * @throws never
 * @example
 * const s = holdoutCohort(tx, 10_042, 10_224, "week");
 * s.columns.frequency_holdout[0]; // purchase days of the first customer after the calibration end
 */
export function holdoutCohort(transactions: Transactions, calibrationEnd: number, observationEnd: number, timeUnit: TimeUnit): HoldoutCohort {
  const { codes, dictionary } = customerCodes(transactions);
  const { day, amount } = transactions;
  const lines = transactions.length, customers = dictionary.length;
  const purchase = (i: number): boolean => day[i]! <= observationEnd && (amount === undefined || amount[i]! >= 0);
  const { start, values: days } = sortedGroups(lines, customers, (i) => (purchase(i) ? codes[i]! : -1), (i) => day[i]!);
  const unit = DAYS_PER_UNIT[timeUnit];
  const ids: string[] = [];
  const first = new Int32Array(customers), frequency = new Float64Array(customers), last = new Int32Array(customers), holdout = new Float64Array(customers);
  const code = new Int32Array(customers);
  // each customer's sorted days kept once each (compacted in place: distinct[c] to distinct[c + 1])
  const distinct = new Int32Array(customers + 1);
  let write = 0;
  for (let c = 0; c < customers; c++) {
    const a = start[c]!, b = start[c + 1]!;
    distinct[c] = write;
    if (a === b) continue; // no purchase day (returns only, or only after the observation end)
    const from = write;
    for (let j = a; j < b; j++) if (j === a || days[j] !== days[j - 1]) days[write++] = days[j]!;
    const f = days[from]!;
    if (f > calibrationEnd) continue;
    let inCalibration = 0, after = 0, lastDay = f;
    for (let j = from; j < write; j++) {
      const d = days[j]!;
      if (d <= calibrationEnd) {
        inCalibration++;
        lastDay = d;
      } else after++;
    }
    const r = ids.length;
    code[r] = c;
    ids.push(dictionary[c]!);
    first[r] = f;
    frequency[r] = inCalibration - 1;
    last[r] = lastDay;
    holdout[r] = after;
  }
  distinct[customers] = write;
  const n = ids.length;
  const recency = new Float64Array(n), T = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    recency[i] = (last[i]! - first[i]!) / unit;
    T[i] = (calibrationEnd - first[i]!) / unit;
  }
  return Object.freeze({
    timeUnit,
    calibrationEnd: formatDay(calibrationEnd),
    observationEnd: formatDay(observationEnd),
    durationHoldout: (observationEnd - calibrationEnd) / unit,
    customerId: Object.freeze(ids),
    firstPurchaseDay: first.slice(0, n),
    columns: Object.freeze({ frequency: frequency.slice(0, n), recency, T, frequency_holdout: holdout.slice(0, n) }),
    customerCode: code.slice(0, n),
    purchaseDays: Object.freeze({ start: distinct, days: days.subarray(0, write) }),
  });
}

/**
 * The cohort's repeat purchases per period from its customers' purchase days ({@link holdoutCohort}):
 * the counts of `countRepeatPurchasesByPeriod` without another pass over the lines.
 *
 * @param cohort - the holdout cohort
 * @param firstOffset - each row's first purchase day as an offset from the grid start (days)
 * @param startDay - the grid's first day (days since 1970-01-01)
 * @param grid - the periods
 * @returns repeat purchases per period (count)
 * @example
 * repeatPurchasesFromDays(cohort, firstOffset, start, periodGrid(days, 7)); // Float64Array per week
 */
export function repeatPurchasesFromDays(cohort: HoldoutCohort, firstOffset: Int32Array, startDay: number, grid: PeriodGrid): Float64Array {
  const gridDays = grid.periodOfOffset.length;
  const { start, days } = cohort.purchaseDays;
  const out = new Float64Array(grid.periods);
  for (let r = 0; r < firstOffset.length; r++) {
    const c = cohort.customerCode[r]!, f = firstOffset[r]!;
    for (let j = start[c]!; j < start[c + 1]!; j++) {
      const o = days[j]! - startDay;
      if (o > f && o < gridDays) out[grid.periodOfOffset[o]!]! += 1;
    }
  }
  return out;
}
