import type { ParameterEstimate } from "../../models/fitting/model-types.js";
import { fitSbg } from "../../models/retention/sbg.js";
import type { SbgParams } from "../../models/retention/sbg.js";
import type { SurvivalCurve } from "./survival-curve.js";
import { ArgumentError } from "../../math/argument-error.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** Actual against fitted at one age. */
export interface RetentionComparisonRow {
  /** Age in periods since the first purchase. */
  readonly age: number;
  /** Observed share still buying (fraction). */
  readonly actualSurvival: number;
  /** sBG S(age) (fraction). */
  readonly fittedSurvival: number;
  /** Observed retention r(age) = S(age)/S(age−1) (fraction; null at age 0). */
  readonly actualRetention: number | null;
  /** sBG retention (β+age−1)/(α+β+age−1) (fraction; null at age 0). */
  readonly fittedRetention: number | null;
}

/** One projected age. */
export interface RetentionProjectionRow {
  readonly age: number;
  /** sBG S(age) (fraction). */
  readonly survival: number;
  /** sBG r(age) (fraction; null at age 0). */
  readonly retention: number | null;
  /** True for the ages beyond the observed curve (a forecast). */
  readonly projected: boolean;
}

/** The sBG model fitted to a pooled survival curve: parameters, fit, comparison and projection. */
export interface RetentionProjection {
  readonly group: string;
  readonly params: SbgParams;
  readonly estimates: readonly ParameterEstimate[];
  readonly logLikelihood: number;
  /** Customers behind the curve (count). */
  readonly customers: number;
  readonly comparison: readonly RetentionComparisonRow[];
  /** Mean |actual − fitted| survival over the observed ages >= 1 (fraction). */
  readonly meanAbsoluteError: number;
  readonly projection: readonly RetentionProjectionRow[];
  /** Expected periods still buying of a new customer within the horizon, E[min(T, horizon)] (periods). */
  readonly expectedPeriodsWithinHorizon: number;
  /** Mean churn probability α/(α+β) of a new customer in a period (fraction). */
  readonly meanChurnProbability: number;
  /**
   * Absent for an ordinary fit. When no customer of the curve is still buying after the first
   * period, the likelihood is highest at the edge of the parameter space (β → 0: every customer
   * stops after the first period; α is not identified): this sentence says so, and the result is
   * that limit (retention 0, survival 0 from age 1, `params.alpha` NaN, no standard errors).
   */
  readonly boundary?: string;
}

/**
 * Fits the shifted-beta-geometric model (Fader & Hardie 2007, "How to Project Customer
 * Retention") to a pooled "still buying" survival curve (`fitSbg` on `curve.survivors`), compares
 * actual with fitted survival and retention at each observed age, and projects the curve to the
 * horizon. sBG is a contractual model: here "churn" means having made one's last purchase, as
 * defined by the curve. The pooled curve is fitted as if all its customers were followed to the
 * last age, so standard errors are optimistic.
 *
 * @param curve - a `survivalCurve` result with at least ages 0 and 1
 * @param options - `horizonPeriods` of the projection (default 60 months / 20 quarters)
 * @returns the frozen, plain (JSON-ready) projection
 * When nobody on the curve is still buying after age 0, the maximum of the likelihood is on the
 * boundary (β → 0): that limit is returned with `boundary` saying so (retention 0), not a fit.
 *
 * @throws ArgumentError for a short curve or a bad horizon; ConvergenceError when the fit fails
 * @example
 * const p = retentionProjection(survivalCurve(cohortMatrix(tx)));
 * p.params; // e.g. { alpha: 0.9, beta: 2.1 }
 * p.projection[24].survival; // the share of a new cohort still buying two years on
 */
export function retentionProjection(curve: SurvivalCurve, options: { readonly horizonPeriods?: number } = {}): RetentionProjection {
  const fn = "retentionProjection";
  const horizon = options.horizonPeriods ?? (curve.period === "month" ? 60 : 20);
  if (!(Number.isInteger(horizon) && horizon >= 1)) throw new ArgumentError(`${fn}: horizonPeriods ${horizon} must be a whole number >= 1`);
  if (curve.survival.length < 2) throw new AnalysisNotPossibleError(`${fn}: the survival curve of "${curve.group}" has ${curve.survival.length} age(s); need at least ages 0 and 1`);
  if (curve.survivors.slice(1).every((x) => x === 0)) return zeroRetention(curve, horizon);
  const model = fitSbg({ survivors: curve.survivors });
  const { alpha, beta } = model.params;
  const comparison = curve.survival.map((s, age) =>
    Object.freeze({
      age,
      actualSurvival: s,
      fittedSurvival: model.survival(age),
      actualRetention: age === 0 ? null : curve.retention[age]!,
      fittedRetention: age === 0 ? null : model.retentionRate(age),
    }),
  );
  const observed = comparison.length - 1;
  const mae = comparison.slice(1).reduce((sum, r) => sum + Math.abs(r.actualSurvival - r.fittedSurvival), 0) / observed;
  const projection = Array.from({ length: horizon + 1 }, (_, age) =>
    Object.freeze({ age, survival: model.survival(age), retention: age === 0 ? null : model.retentionRate(age), projected: age > observed }),
  );
  return Object.freeze({
    group: curve.group,
    params: Object.freeze({ alpha, beta }),
    estimates: Object.freeze(model.summary().map((r) => Object.freeze({ ...r }))),
    logLikelihood: model.logLikelihood,
    customers: curve.customers,
    comparison: Object.freeze(comparison),
    meanAbsoluteError: mae,
    projection: Object.freeze(projection),
    expectedPeriodsWithinHorizon: model.expectedLifetime(horizon),
    meanChurnProbability: alpha / (alpha + beta),
  });
}

/**
 * The sBG limit for a curve where nobody is still buying after age 0: the likelihood rises to 1
 * (log-likelihood 0) as β → 0, every customer stopping after the first period; α is not
 * identified. A result to report, not a failed fit.
 */
function zeroRetention(curve: SurvivalCurve, horizon: number): RetentionProjection {
  const comparison = curve.survival.map((s, age) =>
    Object.freeze({ age, actualSurvival: s, fittedSurvival: age === 0 ? 1 : 0, actualRetention: age === 0 ? null : curve.retention[age]!, fittedRetention: age === 0 ? null : 0 }),
  );
  const observed = comparison.length - 1;
  const mae = comparison.slice(1).reduce((sum, r) => sum + Math.abs(r.actualSurvival - r.fittedSurvival), 0) / observed;
  const n = Math.round(curve.survivors[0]!).toLocaleString("en-US");
  return Object.freeze({
    group: curve.group,
    params: Object.freeze({ alpha: NaN, beta: 0 }),
    estimates: Object.freeze([]),
    logLikelihood: 0,
    customers: curve.customers,
    comparison: Object.freeze(comparison),
    meanAbsoluteError: mae,
    projection: Object.freeze(Array.from({ length: horizon + 1 }, (_, age) => Object.freeze({ age, survival: age === 0 ? 1 : 0, retention: age === 0 ? null : 0, projected: age > observed }))),
    expectedPeriodsWithinHorizon: 1,
    meanChurnProbability: 1,
    boundary: `none of the ${n} customers on the curve was still buying after their first ${curve.period}, so retention is 0: the sBG likelihood is highest at its boundary (beta → 0, every customer stops after the first ${curve.period}; alpha cannot be estimated), and the projection stays at 0`,
  });
}
