import { ArgumentError } from "../../math/argument-error.js";
/** The length of a cohort period: a calendar month or a calendar quarter. */
export type CohortPeriod = "month" | "quarter";

/** Periods in one year, by period length (12 months, 4 quarters). */
export const PERIODS_PER_YEAR: Readonly<Record<CohortPeriod, number>> = Object.freeze({ month: 12, quarter: 4 });

/**
 * The calendar period that holds a day, as a running index: months since January 1970
 * (`year * 12 + month - 1 - 1970 * 12`) or quarters since 1970-Q1. Consecutive periods have
 * consecutive indices, so "periods since the first purchase" is a difference of indices.
 *
 * @param day - whole days since 1970-01-01 UTC
 * @param period - "month" or "quarter"
 * @returns the period index (0 = January 1970 or 1970-Q1)
 * @throws ArgumentError when the day is not a whole number
 * @example
 * cohortPeriodIndex(19724, "month");   // 648 (2024-01)
 * cohortPeriodIndex(19724, "quarter"); // 216 (2024-Q1)
 */
export function cohortPeriodIndex(day: number, period: CohortPeriod): number {
  if (!Number.isInteger(day)) throw new ArgumentError(`cohortPeriodIndex: day ${day} must be a whole number of days since 1970-01-01`);
  const date = new Date(day * 86_400_000);
  const month = (date.getUTCFullYear() - 1970) * 12 + date.getUTCMonth();
  return period === "month" ? month : Math.floor(month / 3);
}

/**
 * The label of a period index: `YYYY-MM` for a month, `YYYY-Qn` for a quarter.
 *
 * @param index - a period index from {@link cohortPeriodIndex}
 * @param period - "month" or "quarter"
 * @returns the label
 * @throws ArgumentError when the index is not a whole number
 * @example
 * cohortPeriodLabel(648, "month");   // "2024-01"
 * cohortPeriodLabel(216, "quarter"); // "2024-Q1"
 */
export function cohortPeriodLabel(index: number, period: CohortPeriod): string {
  if (!Number.isInteger(index)) throw new ArgumentError(`cohortPeriodLabel: index ${index} must be a whole number`);
  const month = period === "month" ? index : index * 3;
  const year = 1970 + Math.floor(month / 12);
  const m = month - (year - 1970) * 12;
  return period === "month" ? `${year}-${String(m + 1).padStart(2, "0")}` : `${year}-Q${Math.floor(m / 3) + 1}`;
}

/**
 * The last day of a period (days since 1970-01-01 UTC): a period is fully observed when this day
 * is on or before the observation end.
 *
 * @param index - a period index from {@link cohortPeriodIndex}
 * @param period - "month" or "quarter"
 * @returns the day number of the period's last day
 * @throws ArgumentError when the index is not a whole number
 * @example
 * cohortPeriodLastDay(648, "month");   // 19753 (2024-01-31)
 * cohortPeriodLastDay(216, "quarter"); // 19813 (2024-03-31)
 */
export function cohortPeriodLastDay(index: number, period: CohortPeriod): number {
  if (!Number.isInteger(index)) throw new ArgumentError(`cohortPeriodLastDay: index ${index} must be a whole number`);
  const nextMonth = period === "month" ? index + 1 : (index + 1) * 3;
  return Date.UTC(1970 + Math.floor(nextMonth / 12), nextMonth % 12, 1) / 86_400_000 - 1;
}
