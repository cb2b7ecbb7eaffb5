import type { CohortPeriod } from "./cohort-period.js";

/**
 * One acquisition cohort (customers whose first purchase fell in the same period), followed over
 * the periods since that first purchase (age 0 = the acquisition period itself). Arrays are
 * indexed by age and cover only the fully observed periods (`observedPeriods` of them): this is
 * one row of the cohort triangle. Money in the data's currency units.
 */
export interface CohortRow {
  /** The acquisition period, e.g. "2024-01" or "2024-Q1". */
  readonly cohort: string;
  /** Running index of the acquisition period (see `cohortPeriodIndex`). */
  readonly periodIndex: number;
  /** Customers in the cohort (count). */
  readonly size: number;
  /** Fully observed periods of this cohort (ages 0 .. observedPeriods - 1). */
  readonly observedPeriods: number;
  /** Customers who bought in the period of that age (count); active[0] = size. */
  readonly active: readonly number[];
  /** active / size (fraction; 1 at age 0). */
  readonly retention: readonly number[];
  /** Customers with a purchase at that age or any later fully observed age ("still buying", count). */
  readonly stillBuying: readonly number[];
  /** Purchase revenue of the cohort in the period (sum of positive amounts, currency). */
  readonly revenue: readonly number[];
  /** revenue / size: revenue per original customer (currency per customer). */
  readonly revenuePerCustomer: readonly number[];
  /** The period in progress at the observation end (not in the triangle), or null when none. */
  readonly partial: { readonly age: number; readonly active: number; readonly revenue: number } | null;
}

/** A cohort matrix for one group of customers (or all of them). */
export interface CohortGroup {
  /** The group's name (e.g. a channel), or "all". */
  readonly group: string;
  /** Customers in the group (count). */
  readonly customers: number;
  /** The cohorts, oldest first. */
  readonly cohorts: readonly CohortRow[];
}

/** The result of `cohortMatrix`: the triangle for all customers and, with `by`, for each group. */
export interface CohortMatrix extends CohortGroup {
  readonly period: CohortPeriod;
  /** Last day observed, ISO YYYY-MM-DD. */
  readonly observationEnd: string;
  /** What the groups are ("channel", "acquisition_channel", ...), or null without `by`. */
  readonly by: string | null;
  /** One matrix per group, largest group first (empty without `by`). */
  readonly groups: readonly CohortGroup[];
  /** Purchase revenue of every line counted (all cells, the partial periods included; currency). */
  readonly totalRevenue: number;
  /** Customers left out because they have no purchase line (only returns) on or before the observation end. */
  readonly customersWithoutPurchase: number;
  /** Lines after the observation end, left out (count). */
  readonly linesAfterObservationEnd: number;
}
