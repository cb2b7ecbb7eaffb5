import { checkSpendHistory, type SpendHistory } from "./gamma-gamma-check.js";
import { gammaGammaLikelihood } from "./gamma-gamma-log-likelihood.js";
import { simulateGammaGamma, type SimulatedSpend } from "./gamma-gamma-simulate.js";
import { compressPatterns } from "../fitting/compress-patterns.js";
import { fitMaximumLikelihood } from "../fitting/fit-maximum-likelihood.js";
import { fitStatistics, fittedModelBase, knownParams, knownParamsStatistics, readModelJson, type FitStatistics } from "../fitting/fitted-model-base.js";
import type { FitOptions, FittedModel, ModelJson } from "../fitting/model-types.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Gamma-Gamma parameters (Fader & Hardie 2013, note 025; Fader, Hardie & Lee 2005, "RFM and CLV",
 * JMR 42(4)): each transaction's value z ~ Gamma(p, rate ν); across customers ν ~ Gamma(q, rate γ).
 * `gamma` is in money units (it scales spend); p and q have none.
 */
export interface GammaGammaParams extends Record<string, number> {
  readonly p: number;
  readonly q: number;
  readonly gamma: number;
}

/** The JSON form of a Gamma-Gamma model: {@link ModelJson} plus the zero-repeat customers skipped by the fit. */
export interface GammaGammaJson extends ModelJson {
  readonly customersSkipped: number;
}

/** A fitted (or given) Gamma-Gamma spend model. Money in the currency of the data. */
export interface GammaGammaModel extends FittedModel<GammaGammaParams> {
  /** Customers with x = 0 that the fit skipped (sum of their weights; 0 from `fromParams`). */
  readonly customersSkipped: number;
  /**
   * E[M | x, zbar] = p(γ + x·zbar) / (px + q − 1), the expected value of a customer's future
   * transactions (FHL 2005 JMR eq. 5; note 025 eq. 5): a weighted mean of the customer's zbar
   * and the population mean pγ/(q−1). For x = 0 it is the population mean (zbar ignored).
   * Infinite where px + q <= 1 (the mean does not exist).
   */
  conditionalExpectedAverageSpend(customers: Omit<SpendHistory, "weights">): Float64Array;
  /** E[Z] = pγ / (q − 1), the population mean transaction value. @throws ArgumentError when q <= 1. */
  expectedAverageSpend(): number;
  /** Draws average spends for customers with the given repeat transactions, seeded. */
  simulate(frequency: ArrayLike<number>, seed: number): SimulatedSpend;
  /** The same model with other parameter values (no fit statistics): used by the bootstrap. */
  withParams(params: GammaGammaParams): GammaGammaModel;
  toJSON(): GammaGammaJson;
}

const NAMES = ["p", "q", "gamma"] as const;

/**
 * Fits the Gamma-Gamma model of monetary value (Fader & Hardie 2013, note 025, eq. 4; FHL 2005
 * JMR) by maximum likelihood on the customers with x > 0, using x and zbar, on unique (x, zbar)
 * patterns with an analytic gradient on log-parameters. Rows with x = 0 carry no spend
 * information: they are skipped and counted in `customersSkipped`.
 *
 * @param customers - frequency x, monetaryValue zbar (money per repeat transaction), optional weights
 * @param options - weights, penalizer, initial parameters, iteration limit, time unit (stored only)
 * @returns the frozen fitted model
 * @throws ArgumentError for bad rows (zbar <= 0 with x > 0 names the row) or no repeat customers;
 *   ConvergenceError when the fit does not converge
 * @example
 * const gg = fitGammaGamma({ frequency: cdnow.frequency, monetaryValue: cdnow.monetary });
 * gg.params; // { p: 6.2488, q: 3.7446, gamma: 15.4476 } (note 025: 6.25, 3.74, 15.44)
 * gg.logLikelihood; // -4055.92; gg.nCustomers 946; gg.customersSkipped 1411
 */
export function fitGammaGamma(customers: SpendHistory, options: FitOptions = {}): GammaGammaModel {
  const fn = "fitGammaGamma";
  const weights = options.weights ?? customers.weights;
  const n = checkSpendHistory(fn, { ...customers, weights });
  let skipped = 0, kept = 0;
  const keep = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (customers.frequency[i]! > 0) keep[kept++] = i;
    else skipped += weights ? weights[i]! : 1;
  }
  const pick = (a: ArrayLike<number>): Float64Array => {
    const out = new Float64Array(kept);
    for (let j = 0; j < kept; j++) out[j] = a[keep[j]!]!;
    return out;
  };
  const pat = compressPatterns([pick(customers.frequency), pick(customers.monetaryValue)], weights ? pick(weights) : undefined);
  const [x, zbar] = pat.columns as [Float64Array, Float64Array];
  const w = pat.weights;
  const nCustomers = w.reduce((s, v) => s + v, 0);
  if (!(nCustomers > 0)) throw new ArgumentError(`${fn}: no customer has frequency > 0 (and weight > 0); the spend model needs repeat customers`);
  let meanZ = 0;
  for (let i = 0; i < x.length; i++) meanZ += (w[i]! * zbar[i]!) / nCustomers;
  const init = options.initialParams;
  const starts = [init ? NAMES.map((k) => init[k] ?? 1) : [1, 2, meanZ], [1, 1, 1], [5, 5, Math.max(1, meanZ)]];
  const likelihood = gammaGammaLikelihood(x, zbar, w);
  const fit = fitMaximumLikelihood(
    {
      model: "gamma-gamma",
      names: NAMES,
      hasGradient: true,
      starts,
      nCustomers,
      logLikelihood: (lp, g) => likelihood(Math.exp(lp[0]!), Math.exp(lp[1]!), Math.exp(lp[2]!), g),
    },
    { penalizer: options.penalizer, maxIterations: options.maxIterations },
  );
  return makeGammaGamma(fit.params as GammaGammaParams, fitStatistics(fit, nCustomers, options.timeUnit ?? null), skipped);
}

/**
 * A Gamma-Gamma model from known parameters (no fit statistics, no covariance).
 *
 * @throws ArgumentError when a parameter is missing or not positive
 * @example
 * gammaGammaFromParams({ p: 6.25, q: 3.74, gamma: 15.44 }).expectedAverageSpend(); // 35.2190
 */
export function gammaGammaFromParams(params: GammaGammaParams, timeUnit: FitStatistics["timeUnit"] = null): GammaGammaModel {
  return makeGammaGamma(knownParams("gammaGammaFromParams", NAMES, params), knownParamsStatistics(timeUnit), 0);
}

/**
 * A Gamma-Gamma model back from its `toJSON()` form.
 *
 * @throws TypeError when the JSON is not a Gamma-Gamma model of schema version 1
 * @example
 * gammaGammaFromJson(JSON.parse(JSON.stringify(gg))).params.p === gg.params.p; // true
 */
export function gammaGammaFromJson(json: unknown): GammaGammaModel {
  const { params, stats } = readModelJson(json, "gamma-gamma", NAMES);
  const skipped = (json as Partial<GammaGammaJson>).customersSkipped;
  return makeGammaGamma(params as GammaGammaParams, stats, typeof skipped === "number" ? skipped : 0);
}

/**
 * E[M | x, zbar] = p(γ + x·zbar) / (px + q − 1) of one customer (FHL 2005 JMR eq. 5; note 025
 * eq. 5): the population mean pγ/(q−1) for x = 0 (zbar ignored), Infinity where px + q <= 1.
 * The formula of `conditionalExpectedAverageSpend`, for loops over parameter draws.
 *
 * @param p - shape of a transaction's value
 * @param q - shape of the customers' value scale
 * @param gamma - rate of the value scale, money
 * @param x - repeat transactions
 * @param zbar - mean repeat transaction value, money
 * @returns the expected value of a future transaction, money
 * @example
 * gammaGammaConditionalSpend(6.25, 3.74, 15.44, 0, 0); // 35.2190 (the population mean)
 */
export function gammaGammaConditionalSpend(p: number, q: number, gamma: number, x: number, zbar: number): number {
  const den = p * x + q - 1;
  return den > 0 ? (p * (gamma + (x > 0 ? x * zbar : 0))) / den : Infinity;
}

function makeGammaGamma(params: GammaGammaParams, stats: FitStatistics, customersSkipped: number): GammaGammaModel {
  const { p, q, gamma } = params;
  const base = fittedModelBase<GammaGammaParams>("gamma-gamma", NAMES, params, stats);
  const model: GammaGammaModel = {
    ...base,
    customersSkipped,
    conditionalExpectedAverageSpend(customers): Float64Array {
      const n = checkSpendHistory("gamma-gamma conditionalExpectedAverageSpend", customers);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = gammaGammaConditionalSpend(p, q, gamma, customers.frequency[i]!, customers.monetaryValue[i]!);
      return out;
    },
    expectedAverageSpend(): number {
      if (!(q > 1)) throw new ArgumentError(`gamma-gamma expectedAverageSpend: q ${q} must be > 1 for the mean spend to exist`);
      return (p * gamma) / (q - 1);
    },
    simulate: (frequency, seed) => simulateGammaGamma(params, frequency, seed),
    withParams: (next) => makeGammaGamma(next, knownParamsStatistics(stats.timeUnit), 0),
    toJSON: (): GammaGammaJson => ({ ...base.toJSON(), customersSkipped }),
  };
  return Object.freeze(model);
}
