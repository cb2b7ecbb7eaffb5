import { ConvergenceError } from "../fitting/convergence-error.js";
import { fitLogisticKernel } from "./logistic-regression-kernel.js";
import { ArgumentError } from "../../math/argument-error.js";

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
  /**
   * Whether to compute the standard errors of an unpenalised fit (default true). With false the
   * information matrix at the estimate (one more pass over the data) is skipped and the
   * standard errors, z and p-values are null; the estimates are the same.
   */
  readonly standardErrors?: boolean;
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
  for (let i = 0; i < n; i++) if (y[i] !== 0 && y[i] !== 1) throw new ArgumentError(`${fn}: label ${y[i]} at row ${i} is not 0 or 1`);
  const w = options.weights ? Float64Array.from(options.weights) : new Float64Array(n).fill(1);
  if (w.length !== n) throw new ArgumentError(`${fn}: ${w.length} weights for ${n} labels`);
  let W = 0;
  for (let i = 0; i < n; i++) {
    if (!(Number.isFinite(w[i]!) && w[i]! >= 0)) throw new ArgumentError(`${fn}: weight ${w[i]} at row ${i} must be >= 0`);
    W += w[i]!;
  }
  if (!(W > 0)) throw new ArgumentError(`${fn}: the weights sum to ${W}; need a positive total`);
  const means = new Float64Array(names.length), scales = new Float64Array(names.length);
  const z = names.map((name, j) => {
    const given = features[name]!;
    if (given.length !== n) throw new ArgumentError(`${fn}: feature "${name}" has ${given.length} values for ${n} labels`);
    // One kind of array in the loops below (a plain array is copied), so they stay fast on a million rows.
    const col = given instanceof Float64Array ? given : Float64Array.from(given);
    // Without weights w_i = 1 and 1 · x = x exactly: the same sums without the products. (d * d is d ** 2 exactly: pow's y = 2 case.)
    const unit = !options.weights;
    let m = 0;
    for (let i = 0; i < n; i++) {
      const x = col[i]!;
      if (!Number.isFinite(x)) throw new ArgumentError(`${fn}: feature "${name}" has the value ${x} at row ${i}; give finite numbers`);
      m += unit ? x : w[i]! * x;
    }
    m /= W;
    let v = 0;
    if (unit) for (let i = 0; i < n; i++) { const d = col[i]! - m; v += d * d; }
    else for (let i = 0; i < n; i++) { const d = col[i]! - m; v += w[i]! * (d * d); }
    const sd = Math.sqrt(v / W);
    if (!(sd > 1e-12 * Math.max(1, Math.abs(m)))) throw new ArgumentError(`${fn}: feature "${name}" is constant (${m}); drop it`);
    means[j] = m;
    scales[j] = sd;
    const zj = new Float64Array(n);
    for (let i = 0; i < n; i++) zj[i] = (col[i]! - m) / sd;
    return zj;
  });
  const maxIterations = options.maxIterations ?? (l1 > 0 ? 20_000 : 100);
  const withErrors = l2 === 0 && l1 === 0 && options.standardErrors !== false;
  const fit = fitLogisticKernel({ z, y, w, l2, l1, maxIterations, covariance: withErrors });
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
    covariance: withErrors ? fit.covariance : null,
    logLikelihood: fit.logLikelihood, nObservations: n, iterations: fit.iterations, converged: true,
  });
}

/** One row of {@link LogisticRegressionModel.summary}: a term per unit of its feature. */
export interface LogisticTerm {
  /** "(intercept)" or the feature name. */
  readonly term: string;
  /** Change in log-odds per unit of the feature (the intercept: log-odds at every feature 0). */
  readonly estimate: number;
  /** Standard error (null with a penalty). */
  readonly standardError: number | null;
  /** Wald z = estimate / standard error (null with a penalty). */
  readonly z: number | null;
  /** Two-sided p-value of the Wald test (null with a penalty). */
  readonly pValue: number | null;
  /** e^estimate: the factor by which one more unit multiplies the odds (the intercept: the odds at 0). */
  readonly oddsRatio: number;
  /** 95 % Wald interval of the odds ratio, e^(estimate ± 1.96 SE) (null with a penalty). */
  readonly oddsRatioLower95: number | null;
  readonly oddsRatioUpper95: number | null;
  /** Change in log-odds per standard deviation of the feature (null for the intercept). */
  readonly standardizedEstimate: number | null;
}

/** A fitted logistic regression: frozen, with estimates per unit of each feature. */
export interface LogisticRegressionModel {
  readonly model: "logistic-regression";
  readonly featureNames: readonly string[];
  /** Log-odds when every feature is 0. */
  readonly intercept: number;
  /** Change in log-odds per unit of each feature. */
  readonly coefficients: Readonly<Record<string, number>>;
  /** Change in log-odds per standard deviation of each feature (the scale the penalty acts on). */
  readonly standardizedCoefficients: Readonly<Record<string, number>>;
  /** e^coefficient per feature. */
  readonly oddsRatios: Readonly<Record<string, number>>;
  /** Standard errors per unit, "(intercept)" included; null with a penalty or a singular information matrix. */
  readonly standardErrors: Readonly<Record<string, number>> | null;
  /** Weighted means and standard deviations used to standardise the features. */
  readonly featureMeans: Readonly<Record<string, number>>;
  readonly featureScales: Readonly<Record<string, number>>;
  readonly l2: number;
  readonly l1: number;
  /** Weighted log-likelihood at the estimates (natural log). */
  readonly logLikelihood: number;
  readonly nObservations: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** P(y = 1) for each row of the given columns (every feature of the fit, same length). */
  predict(features: FeatureColumns): Float64Array;
  /** One row per term: estimate, SE, z, p, odds ratio with its 95 % interval. */
  summary(): readonly LogisticTerm[];
  toJSON(): { readonly model: "logistic-regression"; readonly schemaVersion: 1; readonly featureNames: readonly string[]; readonly intercept: number; readonly coefficients: Readonly<Record<string, number>> };
}

/** What {@link logisticRegressionModel} builds a model from (standardised-scale estimates). */
export interface LogisticParts {
  readonly featureNames: readonly string[];
  readonly means: Float64Array;
  readonly scales: Float64Array;
  /** Intercept then slopes, on the standardised scale. */
  readonly beta: Float64Array;
  readonly l2: number;
  readonly l1: number;
  /** (X'WX)⁻¹ on the standardised scale, or null. */
  readonly covariance: Float64Array | null;
  readonly logLikelihood: number;
  readonly nObservations: number;
  readonly iterations: number;
  readonly converged: boolean;
}

/** Standard normal upper tail Q(z) = erfc(z/√2)/2 (Numerical Recipes' erfcc, relative error < 1.2e-7). */
function upperTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/**
 * Builds the frozen {@link LogisticRegressionModel} from standardised-scale estimates: slopes
 * per unit b_j / s_j, intercept b₀ − Σ b_j m_j / s_j, and their covariance A C Aᵀ.
 *
 * @param parts - estimates, standardisation, covariance and fit facts
 * @returns the model
 * @throws never (predict throws RangeError for a missing or short feature column)
 * @example
 * logisticRegressionModel({ featureNames: ["x"], means: Float64Array.of(0), scales: Float64Array.of(1), beta: Float64Array.of(0, 1), l2: 0, l1: 0, covariance: null, logLikelihood: 0, nObservations: 2, iterations: 1, converged: true }).predict({ x: [0] }); // [0.5]
 */
export function logisticRegressionModel(parts: LogisticParts): LogisticRegressionModel {
  const { featureNames: names, means, scales, beta, covariance } = parts;
  const k = names.length + 1;
  const slopes = names.map((_, j) => beta[j + 1]! / scales[j]!);
  const intercept = beta[0]! - slopes.reduce((s, b, j) => s + b * means[j]!, 0);
  const A = new Float64Array(k * k);
  A[0] = 1;
  names.forEach((_, j) => { A[j + 1] = -means[j]! / scales[j]!; A[(j + 1) * k + j + 1] = 1 / scales[j]!; });
  const se = covariance ? Array.from({ length: k }, (_, a) => {
    let v = 0;
    for (let b = 0; b < k; b++) for (let c = 0; c < k; c++) v += A[a * k + b]! * covariance[b * k + c]! * A[a * k + c]!;
    return Math.sqrt(v);
  }) : null;
  const record = (values: ArrayLike<number>, withIntercept = false): Readonly<Record<string, number>> =>
    Object.freeze(Object.fromEntries(withIntercept ? [["(intercept)", values[0]!], ...names.map((n, j) => [n, values[j + 1]!])] : names.map((n, j) => [n, values[j]!])));
  const coefficients = record(slopes);
  const terms = (): readonly LogisticTerm[] => Object.freeze(["(intercept)", ...names].map((term, a) => {
    const estimate = a === 0 ? intercept : slopes[a - 1]!;
    const s = se ? se[a]! : null;
    return Object.freeze({
      term, estimate, standardError: s, z: s ? estimate / s : null, pValue: s ? 2 * upperTail(Math.abs(estimate / s)) : null,
      oddsRatio: Math.exp(estimate), oddsRatioLower95: s ? Math.exp(estimate - 1.959964 * s) : null, oddsRatioUpper95: s ? Math.exp(estimate + 1.959964 * s) : null,
      standardizedEstimate: a === 0 ? null : beta[a]!,
    });
  }));
  return Object.freeze({
    model: "logistic-regression" as const,
    featureNames: Object.freeze([...names]),
    intercept, coefficients,
    standardizedCoefficients: record(beta.subarray(1)),
    oddsRatios: record(slopes.map(Math.exp)),
    standardErrors: se ? record(se, true) : null,
    featureMeans: record(means), featureScales: record(scales),
    l2: parts.l2, l1: parts.l1, logLikelihood: parts.logLikelihood, nObservations: parts.nObservations,
    iterations: parts.iterations, converged: parts.converged,
    predict(features: FeatureColumns): Float64Array {
      const first = features[names[0]!];
      const n = first?.length ?? 0;
      const cols = names.map((name) => {
        const col = features[name];
        if (!col || col.length !== n) throw new ArgumentError(`logisticRegression.predict: feature "${name}" is ${col ? `${col.length} long, expected ${n}` : "missing"}`);
        return col instanceof Float64Array ? col : Float64Array.from(col);
      });
      // η = intercept + Σ_j slope_j x_j, each row summed over j in order, block by block of rows (η stays in the cache).
      const eta = new Float64Array(n).fill(intercept);
      for (let start = 0; start < n; start += 1024) {
        const end = Math.min(n, start + 1024);
        for (let j = 0; j < cols.length; j++) {
          const b = slopes[j]!, col = cols[j]!;
          for (let i = start; i < end; i++) eta[i]! += b * col[i]!;
        }
        for (let i = start; i < end; i++) { const e = eta[i]!; eta[i] = e >= 0 ? 1 / (1 + Math.exp(-e)) : Math.exp(e) / (1 + Math.exp(e)); }
      }
      return eta;
    },
    summary: terms,
    toJSON: () => Object.freeze({ model: "logistic-regression" as const, schemaVersion: 1 as const, featureNames: Object.freeze([...names]), intercept, coefficients }),
  });
}
