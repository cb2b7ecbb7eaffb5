import { formatDay } from "../../data/parse/format-day.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import type { Transactions } from "../../data/types.js";
import { DAYS_PER_UNIT, type TimeUnit } from "../../summary/types.js";
import type { ModelParams, PurchaseModel } from "../fitting/model-types.js";
import { checkTimeUnit } from "./check-time-unit.js";
import { countRepeatPurchasesByPeriod } from "./count-repeat-purchases-by-period.js";
import { expectedCumulativeByPeriod } from "./expected-cumulative-by-period.js";
import { periodGrid, type PeriodGrid } from "./period-grid.js";
import { repeatPurchasesFromDays, type HoldoutCohort } from "./holdout-cohort.js";
import { resolveCohort, type TrackingCohort } from "./resolve-cohort.js";
import { ArgumentError } from "../../math/argument-error.js";
import { customerCodes } from "../../data/columns/text-codes.js";

/** The most periods a tracking series may have (20,000: 384 years of weeks), so that no span of dates allocates without bound. */
export const MAX_TRACKING_PERIODS = 20_000;

/** Options of {@link purchaseTracking}; each defaults to the summary's when the cohort is a summary. */
export interface PurchaseTrackingOptions {
  /** Last day of the calibration period, ISO `YYYY-MM-DD`, inclusive. */
  readonly calibrationEnd?: string;
  /** Last day of the observation period, ISO, inclusive. */
  readonly observationEnd?: string;
  /** The model's time unit (default: the summary's, else the model's, else "week"). */
  readonly timeUnit?: TimeUnit;
  /** Length of one tracking period (default "week"; a month is 30.4375 days). */
  readonly period?: TimeUnit;
  /** First day of period 1, ISO (default: the cohort's earliest first purchase). */
  readonly start?: string;
}

/** Actual vs expected repeat purchases of a cohort, period by period (FHL 2005 Figure 3). */
export interface PurchaseTracking {
  readonly period: TimeUnit;
  readonly timeUnit: TimeUnit;
  /** First day of period 1, ISO. */
  readonly start: string;
  readonly calibrationEnd: string;
  readonly observationEnd: string;
  /** The period holding the calibration end (1-based): periods after it are the holdout. */
  readonly calibrationPeriods: number;
  /** Customers in the cohort (count). */
  readonly customers: number;
  /** Period numbers 1..K. */
  readonly periods: readonly number[];
  /** Last day of each period, ISO (the last one may be cut short by the observation end). */
  readonly periodEnd: readonly string[];
  /** Repeat purchases per period (count per period). */
  readonly actual: readonly number[];
  /** Σ_i [E[X(t_k - s_i)] - E[X(t_(k-1) - s_i)]] (count per period). */
  readonly expected: readonly number[];
  /** Running sums of `actual` and `expected` (count). */
  readonly actualCumulative: readonly number[];
  readonly expectedCumulative: readonly number[];
}

/**
 * Tracks a cohort's repeat purchases period by period against the model (Fader, Hardie & Lee
 * 2005, "Counting Your Customers the Easy Way", Marketing Science 24(2), Figure 3). Customer i
 * first buys on day s_i; the expected repeat purchases up to the end t of a period are
 * Σ_i E[X(t - s_i)], with t - s_i counted from the first purchase day to the period's last
 * day, as the summary counts T (so the expected cumulative at the calibration end is
 * Σ_i E[X(T_i)]). Actual repeat purchases are purchase days after the first (same-day lines
 * merged, returns never make one), as the summary's frequency and frequency_holdout count
 * them. Fast at 100k customers: E[X(t)] is evaluated once per distinct age in days.
 *
 * @param model - a fitted purchase model
 * @param transactions - the transactions of (at least) the cohort
 * @param cohort - a CustomerSummary (customer_id, first_purchase) or `{ customerId, firstPurchaseDay }`
 * @param options - period ends, time unit, period length, start day
 * @returns the frozen series
 * @throws ArgumentError for a missing or malformed date, calibrationEnd outside start..observationEnd,
 *   an empty cohort, a first purchase before the start or after the observation end, a duplicate customer id,
 *   a time unit that differs from the model's, or more than {@link MAX_TRACKING_PERIODS} periods
 * @example
 * const tr = purchaseTracking(bgNbd, tx, cdnowSummary); // weeks from 1997-01-01
 * tr.actualCumulative[77]; // 4339 (2,457 + 1,882)
 * tr.expectedCumulative[77]; // 4166.4 (-4.0 %)
 */
export function purchaseTracking<P extends ModelParams>(
  model: PurchaseModel<P>,
  transactions: Transactions,
  cohort: TrackingCohort,
  options: PurchaseTrackingOptions = {},
): PurchaseTracking {
  return tracking(model, cohort, options, (ids, firstOffset, start, grid) => {
    const { codes, dictionary } = customerCodes(transactions);
    return countRepeatPurchasesByPeriod(transactions, codes, cohortCodes("purchaseTracking", ids, dictionary), firstOffset, start, grid);
  });
}

/**
 * {@link purchaseTracking} of a holdout cohort ({@link holdoutCohort}) on the transactions it was
 * made from: the actual repeat purchases come from the cohort's purchase days, with no second
 * pass over the lines. The same series as purchaseTracking with the cohort's ids and first days.
 *
 * @param model - a fitted purchase model
 * @param cohort - the holdout cohort
 * @param options - as purchaseTracking (calibrationEnd and observationEnd default to the cohort's)
 * @returns the frozen series
 * @throws as purchaseTracking
 * @example
 * const tr = holdoutTracking(model, holdoutCohort(tx, cal, obs, "week"));
 */
export function holdoutTracking<P extends ModelParams>(model: PurchaseModel<P>, cohort: HoldoutCohort, options: PurchaseTrackingOptions = {}): PurchaseTracking {
  return tracking(model, { customerId: cohort.customerId, firstPurchaseDay: cohort.firstPurchaseDay },
    { calibrationEnd: cohort.calibrationEnd, observationEnd: cohort.observationEnd, timeUnit: cohort.timeUnit, ...options },
    (_ids, firstOffset, start, grid) => repeatPurchasesFromDays(cohort, firstOffset, start, grid));
}

function tracking<P extends ModelParams>(
  model: PurchaseModel<P>,
  cohort: TrackingCohort,
  options: PurchaseTrackingOptions,
  countActual: (ids: readonly string[], firstOffset: Int32Array, start: number, grid: PeriodGrid) => Float64Array,
): PurchaseTracking {
  const fn = "purchaseTracking";
  const fromSummary = "columns" in cohort ? cohort : undefined;
  const unit = options.timeUnit ?? fromSummary?.timeUnit;
  const timeUnit = checkTimeUnit(fn, model.timeUnit, unit) ?? "week";
  const period = options.period ?? "week";
  if (!(period in DAYS_PER_UNIT)) throw new ArgumentError(`${fn}: period "${String(period)}" is not one of day, week, month`);
  const dateOption = (name: "calibrationEnd" | "observationEnd"): number => {
    const text = options[name] ?? fromSummary?.[name];
    if (text === undefined) throw new ArgumentError(`${fn}: give ${name} (ISO YYYY-MM-DD) in the options`);
    return isoDayOption(text, fn, name);
  };
  const obs = dateOption("observationEnd");
  const cal = dateOption("calibrationEnd");
  const { ids, firstDay, minFirst } = resolveCohort(fn, cohort);
  if (ids.length === 0) throw new ArgumentError(`${fn}: the cohort has no customers`);
  const start = options.start === undefined ? minFirst : isoDayOption(options.start, fn, "start");
  if (minFirst < start) throw new ArgumentError(`${fn}: a customer's first purchase ${formatDay(minFirst)} is before start ${formatDay(start)}`);
  if (!(start <= cal && cal <= obs)) {
    throw new ArgumentError(`${fn}: calibrationEnd ${formatDay(cal)} must lie between start ${formatDay(start)} and observationEnd ${formatDay(obs)}`);
  }
  const days = obs - start + 1;
  const periods = Math.ceil(days / DAYS_PER_UNIT[period]);
  if (periods > MAX_TRACKING_PERIODS) {
    throw new ArgumentError(`${fn}: ${formatDay(start)} to ${formatDay(obs)} is ${periods} ${period}s, more than ${MAX_TRACKING_PERIODS} to track; give a later start or a longer period`);
  }
  const firstOffset = new Int32Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const o = firstDay[i]! - start;
    if (o >= days) throw new ArgumentError(`${fn}: first purchase ${formatDay(firstDay[i]!)} of customer "${ids[i]}" is after observationEnd ${formatDay(obs)}`);
    firstOffset[i] = o;
  }
  const grid = periodGrid(days, DAYS_PER_UNIT[period]);
  const actual = countActual(ids, firstOffset, start, grid);
  const cumulative = expectedCumulativeByPeriod((t) => model.expectedPurchases(t), firstOffset, grid, DAYS_PER_UNIT[timeUnit]);
  const expected = Array.from(cumulative, (c, k) => (k === 0 ? c : c - cumulative[k - 1]!));
  const runningSum = (v: ArrayLike<number>): number[] => {
    let s = 0;
    return Array.from(v, (x) => (s += x));
  };
  return Object.freeze({
    period,
    timeUnit,
    start: formatDay(start),
    calibrationEnd: formatDay(cal),
    observationEnd: formatDay(obs),
    calibrationPeriods: grid.periodOfOffset[cal - start]! + 1,
    customers: ids.length,
    periods: Object.freeze(Array.from({ length: grid.periods }, (_, k) => k + 1)),
    periodEnd: Object.freeze(Array.from(grid.lastOffset, (o) => formatDay(start + o))),
    actual: Object.freeze(Array.from(actual)),
    expected: Object.freeze(expected),
    actualCumulative: Object.freeze(runningSum(actual)),
    expectedCumulative: Object.freeze(runningSum(expected)),
  });
}

/**
 * The cohort position of each customer code of the transactions (−1 for customers outside the
 * cohort). A summary's customers come in order of first appearance, as the codes do: the ids are
 * then matched by one walk along the dictionary; in any other order, through a map of the ids.
 *
 * @throws ArgumentError when an id appears twice in the cohort
 */
function cohortCodes(fn: string, ids: readonly string[], dictionary: readonly string[]): Int32Array {
  const of = new Int32Array(dictionary.length).fill(-1);
  let j = 0, walked = true;
  for (let i = 0; i < ids.length && walked; i++) {
    const id = ids[i];
    while (j < dictionary.length && dictionary[j] !== id) j++;
    if (j === dictionary.length) walked = false;
    else of[j++] = i;
  }
  if (walked) return of; // each id matched a later dictionary entry than the one before: no id twice
  of.fill(-1);
  const index = new Map<string, number>();
  ids.forEach((id, i) => {
    if (index.has(id)) throw new ArgumentError(`${fn}: customer "${id}" appears twice in the cohort`);
    index.set(id, i);
  });
  dictionary.forEach((id, code) => {
    const i = index.get(id);
    if (i !== undefined) of[code] = i;
  });
  return of;
}
