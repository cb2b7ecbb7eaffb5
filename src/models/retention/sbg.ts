import { hyp2f1 } from "../../math/special/hyp2f1.js";
import { lnBeta } from "../../math/special/special-functions.js";
import { fittedModelBase, knownParamsStatistics, type FitStatistics, fitStatistics, knownParams, readModelJson } from "../fitting/fitted-model-base.js";
import type { FittedModel, FitOptions } from "../fitting/model-types.js";
import { ArgumentError } from "../../math/argument-error.js";
import { createRng } from "../../math/random/rng.js";
import { fitMaximumLikelihood } from "../fitting/fit-maximum-likelihood.js";
import { sbgLogLikelihood } from "./sbg-log-likelihood.js";
import { sbgSurvivors, type SbgSurvivalTable } from "./sbg-survivors.js";

/** sBG parameters (Fader & Hardie 2007): the churn probability θ ~ Beta(α, β) across customers. */
export interface SbgParams extends Record<string, number> {
  readonly alpha: number;
  readonly beta: number;
}

/** A fitted (or given) shifted-beta-geometric retention model; time in contract periods. */
export interface SbgModel extends FittedModel<SbgParams> {
  /** P(T = t) = B(α+1, β+t−1)/B(α, β): the share of a new cohort lost at the end of period t >= 1 (FH 2007 eqs. 5, 7). */
  churnProbability(t: number): number;
  /** S(t) = B(α, β+t)/B(α, β): the share still active after t >= 0 renewal points (FH 2007 eq. 6). */
  survival(t: number): number;
  /** r(t) = S(t)/S(t−1) = (β+t−1)/(α+β+t−1): the retention rate of period t >= 1 (FH 2007 eq. 8). */
  retentionRate(t: number): number;
  /** E[T] = Σ S(t) over t >= 0 = (α+β−1)/(α−1) (∞ when α <= 1), or E[min(T, periods)] for a horizon. */
  expectedLifetime(periods?: number): number;
  /**
   * DERL (Fader & Hardie 2010 eq. 6): the expected number of further periods a customer who has made
   * `renewals` renewals pays for, discounted at `discountRatePerPeriod`, seen just before the next
   * renewal decision (that period counts undiscounted): Σ_{t>=n} S(t)/S(n−1)/(1+d)^(t−n), n = renewals + 1,
   * = (β+n−1)/(α+β+n−1) · 2F1(1, β+n; α+β+n; 1/(1+d)). Multiply by the margin per period for a value.
   */
  discountedExpectedResidualLifetime(discountRatePerPeriod: number, renewals: number): number;
  /** S(0), S(1), ..., S(periods): the projected survival curve of a new cohort. */
  projectSurvival(periods: number): Float64Array;
  /** Draws the survivors of a cohort of `cohortSize` over `periods` periods, seeded. */
  simulate(cohortSize: number, periods: number, seed: number): Float64Array;
  /** The same model with other parameter values (no fit statistics). */
  withParams(params: SbgParams): SbgModel;
}

/** The sBG parameter names in the order of FH 2007 (and of the optimiser and the JSON). */
export const SBG_NAMES = ["alpha", "beta"] as const;

/**
 * Builds the frozen sBG model object (Fader & Hardie 2007, "How to Project Customer Retention",
 * Journal of Interactive Marketing 21(1); DERL from Fader & Hardie 2010, "Customer-Base
 * Valuation in a Contractual Setting: The Perils of Ignoring Heterogeneity", Marketing Science
 * 29(1)) from parameters and fit statistics. Used by `fitSbg`, `sbgFromParams` and `sbgFromJson`;
 * it does not check the parameters.
 *
 * @param params - alpha, beta (> 0)
 * @param stats - fit statistics (`knownParamsStatistics()` for given values)
 * @returns the frozen model
 * @throws nothing itself; its methods throw RangeError for invalid periods or rates
 * @example
 * const m = sbgModel({ alpha: 0.704, beta: 1.182 }, knownParamsStatistics());
 * m.retentionRate(1); // 0.627 (regular customers, year 1); m.retentionRate(12); // 0.945
 */
export function sbgModel(params: SbgParams, stats: FitStatistics): SbgModel {
  const { alpha, beta } = params;
  const base = fittedModelBase<SbgParams>("sbg", SBG_NAMES, params, stats);
  const lnBab = lnBeta(alpha, beta);
  const whole = (fn: string, name: string, v: number, min: number): void => {
    if (!(Number.isInteger(v) && v >= min)) throw new ArgumentError(`sbg ${fn}: ${name} ${v} must be a whole number >= ${min}`);
  };
  const model: SbgModel = {
    ...base,
    churnProbability(t: number): number {
      whole("churnProbability", "t", t, 1);
      return Math.exp(lnBeta(alpha + 1, beta + t - 1) - lnBab);
    },
    survival(t: number): number {
      whole("survival", "t", t, 0);
      return t === 0 ? 1 : Math.exp(lnBeta(alpha, beta + t) - lnBab);
    },
    retentionRate(t: number): number {
      whole("retentionRate", "t", t, 1);
      return (beta + t - 1) / (alpha + beta + t - 1);
    },
    expectedLifetime(periods?: number): number {
      if (periods === undefined) return alpha > 1 ? (alpha + beta - 1) / (alpha - 1) : Infinity;
      whole("expectedLifetime", "periods", periods, 0);
      let s = 1, sum = 0;
      for (let t = 0; t < periods; t++) {
        sum += s;
        s *= (beta + t) / (alpha + beta + t); // S(t+1) = S(t)·r(t+1)
      }
      return sum;
    },
    discountedExpectedResidualLifetime(discountRatePerPeriod: number, renewals: number): number {
      const d = discountRatePerPeriod;
      if (!(d > 0 && Number.isFinite(d))) throw new ArgumentError(`sbg discountedExpectedResidualLifetime: discountRatePerPeriod ${d} must be a positive number`);
      whole("discountedExpectedResidualLifetime", "renewals", renewals, 0);
      const n = renewals + 1;
      return ((beta + n - 1) / (alpha + beta + n - 1)) * hyp2f1(1, beta + n, alpha + beta + n, 1 / (1 + d));
    },
    projectSurvival(periods: number): Float64Array {
      whole("projectSurvival", "periods", periods, 0);
      const out = new Float64Array(periods + 1);
      out[0] = 1;
      for (let t = 1; t <= periods; t++) out[t] = out[t - 1]! * ((beta + t - 1) / (alpha + beta + t - 1));
      return out;
    },
    simulate(cohortSize: number, periods: number, seed: number): Float64Array {
      return simulateSbg(params, cohortSize, periods, seed);
    },
    withParams(p: SbgParams): SbgModel {
      return sbgModel(p, knownParamsStatistics(stats.timeUnit));
    },
  };
  return Object.freeze(model);
}

/**
 * Draws a cohort from the shifted-beta-geometric process (Fader & Hardie 2007, §2): each customer
 * has a churn probability θ ~ Beta(α, β) and, at the end of each period, leaves with probability θ
 * (so the lifetime T is geometric on 1, 2, ...). Seeded: the same seed gives the same cohort.
 *
 * @param params - alpha, beta (> 0)
 * @param cohortSize - customers at the start of period 0 (a whole number >= 1)
 * @param periods - periods to follow (a whole number >= 1)
 * @param seed - seed of the random stream (a safe integer)
 * @returns the survivors n_0 = cohortSize, n_1, ..., n_periods (the input of `fitSbg`)
 * @throws ArgumentError when a parameter is not positive or a count is not a whole number
 * @example
 * simulateSbg({ alpha: 0.704, beta: 1.182 }, 1000, 7, 1); // Float64Array [1000, ~630, ~470, ...]
 */
export function simulateSbg(params: SbgParams, cohortSize: number, periods: number, seed: number): Float64Array {
  for (const k of ["alpha", "beta"] as const) {
    if (!(params[k] > 0)) throw new ArgumentError(`simulateSbg: ${k} ${params[k]} must be a positive number`);
  }
  if (!(Number.isInteger(cohortSize) && cohortSize >= 1)) throw new ArgumentError(`simulateSbg: cohortSize ${cohortSize} must be a whole number >= 1`);
  if (!(Number.isInteger(periods) && periods >= 1)) throw new ArgumentError(`simulateSbg: periods ${periods} must be a whole number >= 1`);
  const rng = createRng(seed);
  const survivors = new Float64Array(periods + 1);
  for (let i = 0; i < cohortSize; i++) {
    const theta = rng.beta(params.alpha, params.beta);
    let t = 0;
    while (t < periods) {
      survivors[t]!++;
      if (rng.uniform() < theta) break;
      t++;
    }
    if (t === periods) survivors[periods]!++;
  }
  return survivors;
}

/**
 * Fits the shifted-beta-geometric (sBG) retention model of Fader & Hardie (2007), "How to Project
 * Customer Retention", Journal of Interactive Marketing 21(1), to one cohort's survival table by
 * maximum likelihood (the likelihood of their appendix), with an analytic gradient on
 * log-parameters. `options.weights` does not apply (the table already counts customers).
 *
 * @param table - `{ survivors }`: customers active at the start of periods 0..k (first = cohort
 *   size), or `{ survivalShares, cohortSize }`: the same as shares of the cohort (first = 1)
 * @param options - penalizer, initial parameters, iteration limit, time unit of one period
 * @returns the frozen fitted model (`nCustomers` is the cohort size)
 * @throws ArgumentError for an invalid table (e.g. survivors increasing); ConvergenceError when the
 *   fit does not converge (e.g. nobody churned, so θ cannot be told apart from 0)
 * @example
 * const m = fitSbg({ survivors: [1000, 631, 468, 382, 326, 289, 262, 241] });
 * m.params; // { alpha: 0.704, beta: 1.182 } (FH 2007, regular customers, years 1-7)
 * Math.round(1000 * m.survival(12)); // 170 (actual 173)
 */
export function fitSbg(table: SbgSurvivalTable, options: FitOptions = {}): SbgModel {
  const survivors = sbgSurvivors("fitSbg", table);
  const nCustomers = survivors[0]!;
  const init = options.initialParams;
  const starts = [init ? SBG_NAMES.map((k) => init[k] ?? 1) : [1, 1], [0.5, 2], [3, 10]];
  const fit = fitMaximumLikelihood(
    {
      model: "sbg",
      names: SBG_NAMES,
      hasGradient: true,
      starts,
      nCustomers,
      logLikelihood: (lp, g) => sbgLogLikelihood(Math.exp(lp[0]!), Math.exp(lp[1]!), survivors, g),
    },
    { penalizer: options.penalizer, maxIterations: options.maxIterations },
  );
  return sbgModel(fit.params as SbgParams, fitStatistics(fit, nCustomers, options.timeUnit ?? null));
}

/**
 * An sBG model from known parameters (no fit statistics), e.g. the published FH 2007 values.
 *
 * @param params - alpha, beta (> 0)
 * @param timeUnit - the length of one contract period, if known (default null)
 * @returns the frozen model
 * @throws ArgumentError when a parameter is missing or not positive
 * @example
 * sbgFromParams({ alpha: 0.668, beta: 3.806 }).survival(1); // 0.8507 (high end, year 1; actual 0.869)
 */
export function sbgFromParams(params: SbgParams, timeUnit: FitStatistics["timeUnit"] = null): SbgModel {
  return sbgModel(knownParams("sbgFromParams", SBG_NAMES, params), knownParamsStatistics(timeUnit));
}

/**
 * An sBG model back from its `toJSON()` form.
 *
 * @param json - the parsed JSON
 * @returns the frozen model, with the fit statistics it was saved with
 * @throws TypeError when the JSON is not an sBG model of schema version 1
 * @example
 * sbgFromJson(JSON.parse(JSON.stringify(model))).params.beta === model.params.beta; // true
 */
export function sbgFromJson(json: unknown): SbgModel {
  const { params, stats } = readModelJson(json, "sbg", SBG_NAMES);
  return sbgModel(params as SbgParams, stats);
}
