import type { FitOptions } from "./model-types.js";
import { fitMaximumLikelihood } from "./fit-maximum-likelihood.js";
import { fitStatistics, knownParams, knownParamsStatistics, readModelJson, type FitStatistics } from "./fitted-model-base.js";
import { sbgLogLikelihood } from "./sbg-log-likelihood.js";
import { SBG_NAMES, sbgModel, type SbgModel, type SbgParams } from "./sbg-model.js";
import { sbgSurvivors, type SbgSurvivalTable } from "./sbg-survivors.js";

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
