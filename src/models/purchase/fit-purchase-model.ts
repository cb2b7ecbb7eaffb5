import { checkHistory } from "../fitting/check-history.js";
import { compressPatterns } from "../fitting/compress-patterns.js";
import { uniquePatterns } from "../fitting/history-patterns.js";
import { fitMaximumLikelihood, type LikelihoodProblem, type MlFit } from "../fitting/fit-maximum-likelihood.js";
import type { CustomerHistory, FitOptions } from "../fitting/model-types.js";
import { strideSubsample } from "../fitting/stride-subsample.js";

/**
 * A purchase model's log-likelihood over patterns: parameters in `names` order (natural scale),
 * the pattern columns and weights, and the gradient with respect to the log-parameters when `g`
 * is given.
 */
export type PatternLogLikelihood = (
  params: readonly number[],
  x: Float64Array, tx: Float64Array, T: Float64Array, w: Float64Array,
  g?: Float64Array,
) => number;

/**
 * The fit that BG/NBD, Pareto/NBD and MBG/NBD share: checks the histories, compresses them into
 * unique (x, t_x, T) patterns with weights, and maximises the likelihood from the given starts
 * (the caller's `initialParams` first), warm-started on large data from an evenly spaced
 * subsample (see {@link fitMaximumLikelihood}).
 *
 * @param fn - the public function, named in errors (e.g. `fitBgNbd`)
 * @param model - the model id
 * @param names - parameter names in order
 * @param logLikelihood - the model's pattern log-likelihood
 * @param defaultStarts - starting points for the given mean T of the data (natural scale)
 * @param customers - x, t_x, T (and weights)
 * @param options - weights, penalizer, initial parameters, iteration limit
 * @returns the maximum-likelihood fit and the number of customers (sum of weights)
 * @throws ArgumentError for invalid histories; ConvergenceError when the fit does not converge
 * @example
 * const { fit, nCustomers } = fitPurchaseModel("fitBgNbd", "bg-nbd", ["r", "alpha", "a", "b"], ll, (meanT) => [[1, meanT, 1, 1]], summary, {});
 */
export function fitPurchaseModel(
  fn: string,
  model: string,
  names: readonly string[],
  logLikelihood: PatternLogLikelihood,
  defaultStarts: (meanT: number) => number[][],
  customers: CustomerHistory,
  options: FitOptions,
): { fit: MlFit; nCustomers: number } {
  const weights = options.weights ?? customers.weights;
  checkHistory(fn, { ...customers, weights });
  // Without weights, the patterns of these columns are computed once and shared with the predictions.
  const shared = weights === undefined ? uniquePatterns(customers) : null;
  const p = shared === null ? compressPatterns([customers.frequency, customers.recency, customers.T], weights) : null;
  const [x, tx, T] = (p === null ? [shared!.patterns.frequency, shared!.patterns.recency, shared!.patterns.T] : p.columns) as [Float64Array, Float64Array, Float64Array];
  const w = p === null ? shared!.counts : p.weights;
  let nCustomers = 0, sumT = 0;
  for (let i = 0; i < w.length; i++) {
    nCustomers += w[i]!;
    sumT += w[i]! * T[i]!;
  }
  const init = options.initialParams;
  const starts = defaultStarts(Math.max(1e-3, sumT / Math.max(nCustomers, 1e-300)));
  if (init) starts.unshift(names.map((k) => init[k] ?? 1));
  const problem = (xs: Float64Array, txs: Float64Array, Ts: Float64Array, ws: Float64Array, n: number): LikelihoodProblem => ({
    model,
    names,
    hasGradient: true,
    starts,
    nCustomers: n,
    logLikelihood: (logp, g) => logLikelihood(Array.from(logp, Math.exp), xs, txs, Ts, ws, g),
    subsample: (rows) => {
      const s = strideSubsample([xs, txs, Ts], ws, rows);
      return s ? problem(s.columns[0]!, s.columns[1]!, s.columns[2]!, s.weights, n) : null;
    },
  });
  const fit = fitMaximumLikelihood(problem(x, tx, T, w, nCustomers), { penalizer: options.penalizer, maxIterations: options.maxIterations });
  return { fit, nCustomers };
}
