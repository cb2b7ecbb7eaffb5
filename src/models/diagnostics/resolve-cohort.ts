import { isoDayOption } from "../../data/parse/iso-day-option.js";
import type { TimeUnit } from "../../summary/types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** A cohort given by a customer summary: its ids and first purchase dates (a CustomerSummary fits). */
export interface SummaryCohort {
  readonly timeUnit?: TimeUnit;
  /** ISO `YYYY-MM-DD`, inclusive. */
  readonly calibrationEnd?: string;
  /** ISO `YYYY-MM-DD`, inclusive. */
  readonly observationEnd?: string;
  readonly columns: {
    readonly customer_id: readonly string[];
    /** First purchase date, ISO `YYYY-MM-DD`. */
    readonly first_purchase: readonly string[];
  };
}

/** A cohort given by customer ids and first purchase days (whole days since 1970-01-01). */
export interface FirstPurchases {
  readonly customerId: readonly string[];
  readonly firstPurchaseDay: ArrayLike<number>;
}

/**
 * The customers tracked by {@link import("./purchase-tracking.js").purchaseTracking}: a customer
 * summary or explicit first purchase days.
 *
 * @example
 * const c: TrackingCohort = { customerId: ["A"], firstPurchaseDay: [9862] };
 * @throws never (types only)
 */
export type TrackingCohort = SummaryCohort | FirstPurchases;

/**
 * Reads a cohort's ids and first purchase days (days since 1970-01-01), with the earliest one.
 *
 * @param fn - the public function named in errors
 * @param cohort - a summary or first purchase days
 * @returns ids, first days and their minimum (Infinity for an empty cohort)
 * @throws ArgumentError when the columns differ in length or a first purchase is not a date (a whole day number)
 * @example
 * resolveCohort("f", { customerId: ["A"], firstPurchaseDay: [9862] }).minFirst; // 9862
 */
export function resolveCohort(fn: string, cohort: TrackingCohort): { ids: readonly string[]; firstDay: Int32Array; minFirst: number } {
  const ids = "columns" in cohort ? cohort.columns.customer_id : cohort.customerId;
  const n = ids.length;
  const firstDay = new Int32Array(n);
  if ("columns" in cohort) {
    const dates = cohort.columns.first_purchase;
    if (dates.length !== n) throw new ArgumentError(`${fn}: customer_id has ${n} rows but first_purchase ${dates.length}`);
    for (let i = 0; i < n; i++) firstDay[i] = isoDayOption(dates[i]!, fn, `first_purchase of customer "${ids[i]}"`);
  } else {
    const days = cohort.firstPurchaseDay;
    if (days.length !== n) throw new ArgumentError(`${fn}: customerId has ${n} rows but firstPurchaseDay ${days.length}`);
    for (let i = 0; i < n; i++) {
      const d = days[i]!;
      if (!Number.isInteger(d)) throw new ArgumentError(`${fn}: firstPurchaseDay ${d} of customer "${ids[i]}" is not a whole day number`);
      firstDay[i] = d;
    }
  }
  let minFirst = Infinity;
  for (let i = 0; i < n; i++) minFirst = Math.min(minFirst, firstDay[i]!);
  return { ids, firstDay, minFirst };
}
