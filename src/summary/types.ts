/** Time unit of a customer summary: durations are days divided by {@link DAYS_PER_UNIT}. */
export type TimeUnit = "day" | "week" | "month";

/**
 * Days in one unit of time. A month is the average Gregorian month, 365.25 / 12 = 30.4375 days,
 * so that durations are exact fractions and no calendar rounding enters the models.
 *
 * @example
 * 14 / DAYS_PER_UNIT.week; // 2
 */
export const DAYS_PER_UNIT: Readonly<Record<TimeUnit, number>> = Object.freeze({
  day: 1,
  week: 7,
  month: 365.25 / 12,
});

/**
 * The per-customer columns of a customer summary, named as lifetimes users know them.
 * Durations are in the summary's time unit; money in the data's currency units.
 */
export interface SummaryColumns {
  /** Customer id (text, leading zeros kept). */
  readonly customer_id: readonly string[];
  /** Repeat purchase days in the calibration period (same-day purchases merge into one). */
  readonly frequency: Float64Array;
  /** Time from first to last purchase day in the calibration period (0 when frequency is 0). */
  readonly recency: Float64Array;
  /** Time from the first purchase day to the calibration end. */
  readonly T: Float64Array;
  /** Mean value of the repeat purchase days, first purchase excluded (0 when frequency is 0). */
  readonly monetary_value: Float64Array;
  /** First purchase date, ISO YYYY-MM-DD. */
  readonly first_purchase: readonly string[];
  /** Last purchase date in the calibration period, ISO YYYY-MM-DD. */
  readonly last_purchase: readonly string[];
  /** RFM recency: whole days from the last purchase to the calibration end. */
  readonly days_since_last_purchase: Float64Array;
  /** RFM frequency: orders in the calibration period (distinct order ids, or purchase days when there are none). */
  readonly orders: Float64Array;
  /** RFM monetary: total net spend in the calibration period, first purchase included, returns deducted. */
  readonly total_spend: Float64Array;
  /** Purchase days in the holdout period (after the calibration end, up to the observation end). */
  readonly frequency_holdout: Float64Array;
  /** Net spend in the holdout period. */
  readonly monetary_holdout: Float64Array;
}

/**
 * A customer summary: one row per customer who made a first purchase on or before the
 * calibration end.
 *
 * @example
 * const s = await customerSummary(transactions, { calibrationEnd: "1997-09-30", timeUnit: "week" });
 * s.columns.frequency[0]; // 2
 */
export interface CustomerSummary {
  /** Number of customers (rows). */
  readonly length: number;
  readonly timeUnit: TimeUnit;
  /** Last day of the calibration period, ISO date (inclusive). */
  readonly calibrationEnd: string;
  /** Last day of the observation (holdout) period, ISO date (inclusive); equals calibrationEnd when there is no holdout. */
  readonly observationEnd: string;
  /** Length of the holdout period in the time unit. */
  readonly durationHoldout: number;
  /** Customers whose first purchase falls after the calibration end (not in the table). */
  readonly customersAfterCalibration: number;
  /**
   * Customers with lines up to the observation end but no purchase among them, only returns
   * (negative amounts: the purchase was before the data). They are not in the table; their count
   * and the sum of their lines (currency, negative) are kept here so that no refund is lost
   * without a word. Absent when there are none.
   */
  readonly returnsOnly?: { readonly customers: number; readonly amount: number };
  /**
   * False when the transactions had no amounts (a purchase log): the money columns
   * (`monetary_value`, `total_spend`, `monetary_holdout`) are then NaN, unknown, never 0.
   * Absent or true: spend is known.
   */
  readonly hasSpend?: boolean;
  readonly columns: SummaryColumns;
}
