import { bgBbHistory, type BgBbHistory } from "./bg-bb-history.js";
import { bgBbLogLikelihood } from "./bg-bb-log-likelihood.js";
import { BG_BB_NAMES, bgBbModel, type BgBbModel, type BgBbParams } from "./bg-bb-model.js";
import { compressPatterns } from "./compress-patterns.js";
import { fitMaximumLikelihood } from "./fit-maximum-likelihood.js";
import { fitStatistics, knownParams, knownParamsStatistics, readModelJson, type FitStatistics } from "./fitted-model-base.js";
import type { FitOptions } from "./model-types.js";

/**
 * Fits the BG/BB model of Fader, Hardie & Shang (2010), "Customer-Base Analysis in a
 * Discrete-Time Noncontractual Setting", Marketing Science 29(6), by maximum likelihood (their
 * eq. 5) on the unique (x, t_x, n) patterns, with an analytic gradient on log-parameters.
 * Time is counted in transaction opportunities (e.g. years for annual donations).
 *
 * @param customers - frequency x, recency t_x, periods n (whole numbers) and optional weights
 * @param options - weights, penalizer, initial parameters, iteration limit, time unit
 * @returns the frozen fitted model
 * @throws ArgumentError for invalid histories (e.g. recency > periods); ConvergenceError when the
 *   fit does not converge or the likelihood is flat (e.g. nobody ever transacts)
 * @example
 * const m = fitBgBb({ frequency, recency, periods, weights }); // the 11,104 donors, n = 6
 * m.params; // { alpha: 1.2035, beta: 0.7497, gamma: 0.6567, delta: 2.7834 } (FHS 2010: 1.204, 0.750, 0.657, 2.783)
 * m.logLikelihood; // -33225.58
 */
export function fitBgBb(customers: BgBbHistory, options: FitOptions = {}): BgBbModel {
  const h = bgBbHistory("fitBgBb", customers, options.weights);
  const p = compressPatterns([h.frequency, h.recency, h.periods], h.weights);
  const [x, tx, n] = p.columns as [Float64Array, Float64Array, Float64Array];
  const w = p.weights;
  const nCustomers = w.reduce((s, v) => s + v, 0);
  const init = options.initialParams;
  const starts = [
    init ? BG_BB_NAMES.map((k) => init[k] ?? 1) : [1, 1, 1, 1],
    [0.5, 0.5, 0.5, 2],
    [2, 2, 1, 5],
  ];
  const fit = fitMaximumLikelihood(
    {
      model: "bg-bb",
      names: BG_BB_NAMES,
      hasGradient: true,
      starts,
      nCustomers,
      logLikelihood: (lp, g) => bgBbLogLikelihood(Math.exp(lp[0]!), Math.exp(lp[1]!), Math.exp(lp[2]!), Math.exp(lp[3]!), x, tx, n, w, g),
    },
    { penalizer: options.penalizer, maxIterations: options.maxIterations },
  );
  return bgBbModel(fit.params as BgBbParams, fitStatistics(fit, nCustomers, options.timeUnit ?? null));
}

/**
 * A BG/BB model from known parameters (no fit statistics), e.g. the published donation values.
 *
 * @param params - alpha, beta, gamma, delta (all > 0)
 * @param timeUnit - the length of one transaction opportunity, if known (default null)
 * @returns the frozen model
 * @throws ArgumentError when a parameter is missing or not positive
 * @example
 * bgBbFromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 })
 *   .probabilityAlive({ frequency: [6], recency: [6], periods: 6 })[0]; // 0.93 (FHS 2010 Table 6)
 */
export function bgBbFromParams(params: BgBbParams, timeUnit: FitStatistics["timeUnit"] = null): BgBbModel {
  return bgBbModel(knownParams("bgBbFromParams", BG_BB_NAMES, params), knownParamsStatistics(timeUnit));
}

/**
 * A BG/BB model back from its `toJSON()` form.
 *
 * @param json - the parsed JSON
 * @returns the frozen model, with the fit statistics it was saved with
 * @throws TypeError when the JSON is not a BG/BB model of schema version 1
 * @example
 * bgBbFromJson(JSON.parse(JSON.stringify(model))).params.alpha === model.params.alpha; // true
 */
export function bgBbFromJson(json: unknown): BgBbModel {
  const { params, stats } = readModelJson(json, "bg-bb", BG_BB_NAMES);
  return bgBbModel(params as BgBbParams, stats);
}
