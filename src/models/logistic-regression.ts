import { ConvergenceError } from "./convergence-error.js";
import { fitLogisticKernel } from "./logistic-regression-kernel.js";
import { logisticRegressionModel, type LogisticRegressionModel } from "./logistic-regression-model.js";
import { ArgumentError } from "../math/argument-error.js";

/** Feature columns by name: one number per observation in each (column order = key order). */
export type FeatureColumns = Readonly<Record<string, ArrayLike<number>>>;

/** Options of {@link fitLogisticRegression}. */
export interface LogisticRegressionOptions {
  /** Ridge penalty λ₂ >= 0 on the standardised slopes, in the mean-log-likelihood scale (default 0). */
  readonly l2?: number;
  /** Lasso penalty λ₁ >= 0 on the standardised slopes (default 0); > 0 switches to proximal-gradient (FISTA) steps. */
  readonly l1?: number;
  /** Case weights >= 0 (default 1 each). */
  readonly weights?: ArrayLike<number>;
  /** Iteration limit (default 100 Newton steps, or 20,000 proximal steps when l1 > 0). */
  readonly maxIterations?: number;
}

/**
 * Fits a logistic regression, P(y = 1 | x) = 1 / (1 + e^−(β₀ + Σ β_j x_j)): the log-odds of the
 * event are linear in the features. Each feature is standardised (weighted mean 0, standard
 * deviation 1) before the fit so that one penalty suits all; the estimates are reported back per
 * unit of each feature. The fit minimises
 *
 *   −(1/W) Σ w_i [y_i η_i − log(1 + e^η_i)] + (l2/2) Σ_j b_j² + l1 Σ_j |b_j|
 *
 * over the standardised slopes b_j (the intercept is never penalised), by Newton's method
 * (iteratively reweighted least squares, with step halving) or, when l1 > 0, FISTA proximal
 * steps. Without a penalty the standard errors are the square roots of the diagonal of the
 * inverse information (X'WX)⁻¹ (Hosmer & Lemeshow, *Applied Logistic Regression*, §2.3); with a
 * penalty they are null (penalised estimates are biased; their naive errors mislead).
 *
 * @param features - named numeric columns of equal length n
 * @param labels - 0/1 outcomes (n of them)
 * @param options - penalties, weights, iteration limit
 * @returns the frozen fitted model: coefficients per unit, odds ratios, `predict`, `summary`
 * @throws ArgumentError for no feature, unequal lengths, a non-finite value, a label not 0/1, a
 *   constant feature, a bad penalty or weight; ConvergenceError when the fit does not converge
 *   (typically complete separation without a penalty: give `l2`)
 * @example
 * const m = fitLogisticRegression({ x: [0, 0, 0, 1, 1, 1] }, [0, 0, 1, 0, 1, 1]);
 * m.intercept;          // -0.6931 (log odds 1:2 at x = 0)
 * m.coefficients.x;     // 1.3863 (odds ratio 4 per unit of x)
 * m.standardErrors?.x;  // 1.7321 (sqrt 3)
 */
export function fitLogisticRegression(features: FeatureColumns, labels: ArrayLike<number>, options: LogisticRegressionOptions = {}): LogisticRegressionModel {
  const fn = "fitLogisticRegression";
  const names = Object.keys(features);
  if (names.length === 0) throw new ArgumentError(`${fn}: no feature column was given`);
  const n = labels.length;
  if (n < 2) throw new ArgumentError(`${fn}: ${n} observations; need at least 2`);
  const l2 = options.l2 ?? 0, l1 = options.l1 ?? 0;
  for (const [name, v] of [["l2", l2], ["l1", l1]] as const) {
    if (!(Number.isFinite(v) && v >= 0)) throw new ArgumentError(`${fn}: ${name} ${v} must be a number >= 0`);
  }
  const y = Float64Array.from(labels);
  y.forEach((v, i) => { if (v !== 0 && v !== 1) throw new ArgumentError(`${fn}: label ${v} at row ${i} is not 0 or 1`); });
  const w = options.weights ? Float64Array.from(options.weights) : new Float64Array(n).fill(1);
  if (w.length !== n) throw new ArgumentError(`${fn}: ${w.length} weights for ${n} labels`);
  w.forEach((v, i) => { if (!(Number.isFinite(v) && v >= 0)) throw new ArgumentError(`${fn}: weight ${v} at row ${i} must be >= 0`); });
  const W = w.reduce((s, v) => s + v, 0);
  if (!(W > 0)) throw new ArgumentError(`${fn}: the weights sum to ${W}; need a positive total`);
  const means = new Float64Array(names.length), scales = new Float64Array(names.length);
  const z = names.map((name, j) => {
    const col = features[name]!;
    if (col.length !== n) throw new ArgumentError(`${fn}: feature "${name}" has ${col.length} values for ${n} labels`);
    let m = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(col[i]!)) throw new ArgumentError(`${fn}: feature "${name}" has the value ${col[i]} at row ${i}; give finite numbers`);
      m += w[i]! * col[i]!;
    }
    m /= W;
    let v = 0;
    for (let i = 0; i < n; i++) v += w[i]! * (col[i]! - m) ** 2;
    const sd = Math.sqrt(v / W);
    if (!(sd > 1e-12 * Math.max(1, Math.abs(m)))) throw new ArgumentError(`${fn}: feature "${name}" is constant (${m}); drop it`);
    means[j] = m;
    scales[j] = sd;
    return Float64Array.from({ length: n }, (_, i) => (col[i]! - m) / sd);
  });
  const maxIterations = options.maxIterations ?? (l1 > 0 ? 20_000 : 100);
  const fit = fitLogisticKernel({ z, y, w, l2, l1, maxIterations });
  // Without a penalty, complete separation sends slopes to infinity: Newton keeps "converging" as
  // the gradient vanishes. A slope of 20 log-odds per standard deviation (odds x 5e8) means that.
  const largest = Math.max(...Array.from(fit.beta.subarray(1), Math.abs));
  if (!fit.converged || !(largest < (l2 === 0 && l1 === 0 ? 20 : 1e3))) {
    throw new ConvergenceError(
      "logistic-regression",
      fit.converged ? `a coefficient grew to ${largest.toPrecision(3)} standard units` : `no convergence in ${fit.iterations} iterations`,
      "the classes are probably (almost) perfectly separated by the features; give a ridge penalty such as l2: 0.01 or drop the separating feature",
    );
  }
  return logisticRegressionModel({
    featureNames: names, means, scales, beta: fit.beta, l2, l1,
    covariance: l2 === 0 && l1 === 0 ? fit.covariance : null,
    logLikelihood: fit.logLikelihood, nObservations: n, iterations: fit.iterations, converged: true,
  });
}
