import type { CohortPeriod } from "./cohort-period.js";
import type { CohortGroup, CohortMatrix } from "./cohort-types.js";
import { ArgumentError } from "../../math/argument-error.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** Options of {@link survivalCurve}. */
export interface SurvivalCurveOptions {
  /**
   * Periods a cohort must have been observed beyond an age before it counts at that age (default
   * 6 for months, 2 for quarters): "still buying at age k" looks for a purchase at age k or later,
   * and a cohort seen for only one more period would call a customer lost after one quiet period.
   */
  readonly lookaheadPeriods?: number;
  /** Fewest cohorts that must count at an age for the curve to go on (default 2). */
  readonly minCohorts?: number;
}

/** A pooled "still buying" survival curve of one group of customers, by age in periods. */
export interface SurvivalCurve {
  /** The group ("all", a channel, ...). */
  readonly group: string;
  readonly period: CohortPeriod;
  /** Customers of the cohorts that count at age 0 (count). */
  readonly customers: number;
  /** S(0) = 1, S(1), ..., S(K): share still buying at each age (fraction, never increasing). */
  readonly survival: readonly number[];
  /** r(k) = S(k) / S(k-1) for k >= 1 (index 0 holds 1): the period-to-period retention of the still-buying customers. */
  readonly retention: readonly number[];
  /** Cohorts that count at each age (count). */
  readonly cohortsUsed: readonly number[];
  /** customers × S(k): the survivors table that `fitSbg` takes (customers, fractional). */
  readonly survivors: readonly number[];
  /** The lookahead used (periods). */
  readonly lookaheadPeriods: number;
}

/**
 * The "still buying" survival curve of a group, pooled over its cohorts. In non-contractual data
 * nobody is seen to leave, so we define: a customer is *still buying at age k* when they buy in
 * the period of age k or in any later fully observed period. Each cohort gives a never-increasing
 * count; the cohorts are pooled with the product-limit (Kaplan-Meier) rule
 * r(k) = Σ still(k) / Σ still(k−1) over the cohorts that count at age k (observed at least
 * `lookaheadPeriods` beyond k), S(k) = r(1)···r(k). Read S(k) as a lower bound of the share
 * still active: a customer who will buy again only after the observation end counts as lost.
 *
 * @param matrix - a `cohortMatrix` result (for its period)
 * @param group - the group's cohorts (default the matrix itself: all customers)
 * @param options - lookahead, fewest cohorts per age
 * @returns the frozen curve
 * @throws ArgumentError for a bad option, or when no cohort is observed for `lookaheadPeriods` periods
 * @example
 * const s = survivalCurve(cohortMatrix(tx, { period: "quarter" }));
 * s.survival.slice(0, 3); // e.g. [1, 0.55, 0.46]
 */
export function survivalCurve(matrix: CohortMatrix, group: CohortGroup = matrix, options: SurvivalCurveOptions = {}): SurvivalCurve {
  const fn = "survivalCurve";
  const h = options.lookaheadPeriods ?? (matrix.period === "month" ? 6 : 2);
  const minCohorts = options.minCohorts ?? 2;
  if (!(Number.isInteger(h) && h >= 1)) throw new ArgumentError(`${fn}: lookaheadPeriods ${h} must be a whole number >= 1`);
  if (!(Number.isInteger(minCohorts) && minCohorts >= 1)) throw new ArgumentError(`${fn}: minCohorts ${minCohorts} must be a whole number >= 1`);
  const counts = (k: number) => group.cohorts.filter((c) => c.observedPeriods - k >= h);
  const base = counts(0);
  if (base.length === 0) throw new AnalysisNotPossibleError(`${fn}: no cohort of group "${group.group}" is observed for ${h} periods (lookaheadPeriods ${h})`);
  const customers = base.reduce((s, c) => s + c.size, 0);
  const survival = [1], retention = [1], used = [base.length];
  for (let k = 1; ; k++) {
    const cs = counts(k);
    if (cs.length < Math.min(minCohorts, base.length)) break;
    let num = 0, den = 0;
    for (const c of cs) {
      num += c.stillBuying[k]!;
      den += c.stillBuying[k - 1]!;
    }
    if (den === 0) break;
    retention.push(num / den);
    survival.push(survival[k - 1]! * (num / den));
    used.push(cs.length);
  }
  return Object.freeze({
    group: group.group,
    period: matrix.period,
    customers,
    survival: Object.freeze(survival),
    retention: Object.freeze(retention),
    cohortsUsed: Object.freeze(used),
    survivors: Object.freeze(survival.map((s) => s * customers)),
    lookaheadPeriods: h,
  });
}

/**
 * The survival curves of all customers and of each group of a matrix (groups whose cohorts are
 * all too young are left out).
 *
 * @param matrix - a `cohortMatrix` result, with or without groups
 * @param options - as {@link survivalCurve}
 * @returns the frozen curves, "all" first
 * @throws ArgumentError as {@link survivalCurve} for the "all" curve
 * @example
 * survivalCurves(cohortMatrix(tx, { by: "channel" })).map((s) => s.group); // ["all", "web", "store", "call-centre"]
 */
export function survivalCurves(matrix: CohortMatrix, options: SurvivalCurveOptions = {}): readonly SurvivalCurve[] {
  const out = [survivalCurve(matrix, matrix, options)];
  for (const g of matrix.groups) {
    const h = options.lookaheadPeriods ?? (matrix.period === "month" ? 6 : 2);
    if (g.cohorts.some((c) => c.observedPeriods >= h)) out.push(survivalCurve(matrix, g, options));
  }
  return Object.freeze(out);
}
