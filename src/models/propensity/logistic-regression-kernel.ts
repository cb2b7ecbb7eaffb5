import { invertPositiveDefinite } from "../../math/optimise/cholesky.js";

/** The standardised design and penalties that {@link fitLogisticKernel} works on. */
export interface LogisticProblem {
  /** Standardised feature columns (mean 0, standard deviation 1), p columns of n rows. */
  readonly z: readonly Float64Array[];
  /** Labels 0/1. */
  readonly y: Float64Array;
  /** Case weights (sum W). */
  readonly w: Float64Array;
  readonly l2: number;
  readonly l1: number;
  readonly maxIterations: number;
}

/** The kernel's answer on the standardised scale: beta[0] is the intercept. */
export interface LogisticKernelFit {
  readonly beta: Float64Array;
  /** Mean penalised negative log-likelihood at beta. */
  readonly objective: number;
  /** Weighted log-likelihood at beta (not penalised). */
  readonly logLikelihood: number;
  /** Inverse of the (summed, unpenalised) information matrix X'WX, row-major (p+1)², or null when singular. */
  readonly covariance: Float64Array | null;
  readonly iterations: number;
  readonly converged: boolean;
}

const sigmoid = (eta: number): number => (eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta)));
/** log(1 + e^eta) without overflow. */
const softplus = (eta: number): number => (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta)));

function linear(problem: LogisticProblem, beta: Float64Array): Float64Array {
  const eta = new Float64Array(problem.y.length).fill(beta[0]!);
  problem.z.forEach((col, j) => { const b = beta[j + 1]!; if (b !== 0) for (let i = 0; i < col.length; i++) eta[i]! += b * col[i]!; }); // every column has y.length values (checked by logisticRegression)
  return eta;
}

/** Weighted log-likelihood Σ w (y η − log(1 + e^η)) and the mean penalised objective. */
function evaluate(problem: LogisticProblem, beta: Float64Array, W: number): { ll: number; objective: number; eta: Float64Array } {
  const eta = linear(problem, beta);
  let ll = 0;
  for (let i = 0; i < eta.length; i++) ll += problem.w[i]! * (problem.y[i]! * eta[i]! - softplus(eta[i]!));
  let pen = 0;
  for (let j = 1; j < beta.length; j++) pen += 0.5 * problem.l2 * beta[j]! ** 2 + problem.l1 * Math.abs(beta[j]!);
  return { ll, objective: -ll / W + pen, eta };
}

/** Gradient of the mean objective's smooth part and (optionally) its Hessian, from η. */
function derivatives(problem: LogisticProblem, beta: Float64Array, eta: Float64Array, W: number, hessian: boolean): { g: Float64Array; h: Float64Array | null; info: Float64Array | null } {
  const k = beta.length, n = eta.length;
  const cols = [new Float64Array(n).fill(1), ...problem.z];
  const g = new Float64Array(k);
  const info = hessian ? new Float64Array(k * k) : null;
  const resid = new Float64Array(n), curv = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = sigmoid(eta[i]!);
    resid[i] = problem.w[i]! * (p - problem.y[i]!);
    curv[i] = problem.w[i]! * p * (1 - p);
  }
  for (let a = 0; a < k; a++) {
    const ca = cols[a]!;
    let s = 0;
    for (let i = 0; i < n; i++) s += ca[i]! * resid[i]!;
    g[a] = s / W + (a > 0 ? problem.l2 * beta[a]! : 0);
    if (!info) continue;
    for (let b = 0; b <= a; b++) {
      const cb = cols[b]!;
      let t = 0;
      for (let i = 0; i < n; i++) t += ca[i]! * cb[i]! * curv[i]!;
      info[a * k + b] = t;
      info[b * k + a] = t;
    }
  }
  const h = info ? Float64Array.from(info, (v, idx) => v / W + (idx % (k + 1) === 0 && idx > 0 ? problem.l2 : 0)) : null;
  return { g, h, info };
}

/**
 * Fits the penalised logistic regression on a standardised design: Newton's method with step
 * halving when `l1` is 0 (the objective is then smooth and strictly convex for l2 > 0), else
 * FISTA proximal-gradient steps (Beck & Teboulle 2009) with soft-thresholding of the slopes.
 * The objective is the mean negative log-likelihood + l2/2 Σ β_j² + l1 Σ |β_j| over the slopes
 * (the intercept is never penalised).
 *
 * @param problem - standardised columns, labels, weights, penalties, iteration limit
 * @returns coefficients on the standardised scale and the information matrix's inverse
 * @throws never (the caller checks convergence)
 * @example
 * fitLogisticKernel({ z: [Float64Array.of(-1, 1)], y: Float64Array.of(0, 1), w: Float64Array.of(1, 1), l2: 1, l1: 0, maxIterations: 50 }).beta[1]; // 0.4010...
 */
export function fitLogisticKernel(problem: LogisticProblem): LogisticKernelFit {
  const k = problem.z.length + 1;
  const W = problem.w.reduce((s, v) => s + v, 0);
  let beta = new Float64Array(k);
  let ybar = 0;
  for (let i = 0; i < problem.y.length; i++) ybar += problem.w[i]! * problem.y[i]!;
  ybar /= W;
  beta[0] = Math.log(Math.min(Math.max(ybar, 1e-6), 1 - 1e-6) / (1 - Math.min(Math.max(ybar, 1e-6), 1 - 1e-6)));
  let cur = evaluate(problem, beta, W);
  let iterations = 0, converged = false;
  if (problem.l1 === 0) {
    for (; iterations < problem.maxIterations && !converged; iterations++) {
      const { g, h } = derivatives(problem, beta, cur.eta, W, true);
      const hInv = invertPositiveDefinite(h!, k);
      if (!hInv) break;
      const step = new Float64Array(k);
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) step[a]! -= hInv[a * k + b]! * g[b]!; // a < k = step.length
      let t = 1, next = beta, trial = cur;
      for (let half = 0; half < 40; half++, t /= 2) {
        next = Float64Array.from(beta, (v, a) => v + t * step[a]!);
        trial = evaluate(problem, next, W);
        if (trial.objective <= cur.objective + 1e-12 * Math.abs(cur.objective)) break;
      }
      const decrease = cur.objective - trial.objective;
      beta = next;
      cur = trial;
      const gMax = Math.max(...g.map(Math.abs));
      converged = gMax < 1e-9 || (decrease >= 0 && decrease < 1e-15 * Math.max(1, Math.abs(cur.objective)) && gMax < 1e-6);
    }
  } else {
    // Lipschitz constant of the smooth part: ≤ λmax(X'X)/(4W) + l2 ≤ trace/(4W) + l2 with standardised columns.
    const L = (1 + problem.z.length) / 4 + problem.l2;
    let yk = Float64Array.from(beta), tk = 1;
    for (; iterations < problem.maxIterations && !converged; iterations++) {
      const { g } = derivatives(problem, yk, linear(problem, yk), W, false);
      const next = Float64Array.from(yk, (v, a) => {
        const u = v - g[a]! / L;
        return a === 0 ? u : Math.sign(u) * Math.max(0, Math.abs(u) - problem.l1 / L);
      });
      const tNext = (1 + Math.sqrt(1 + 4 * tk * tk)) / 2;
      let change = 0;
      for (let a = 0; a < k; a++) change = Math.max(change, Math.abs(next[a]! - beta[a]!));
      yk = Float64Array.from(next, (v, a) => v + ((tk - 1) / tNext) * (v - beta[a]!));
      beta = next;
      tk = tNext;
      converged = change < 1e-10;
    }
    cur = evaluate(problem, beta, W);
  }
  const { info } = derivatives(problem, beta, cur.eta, W, true);
  return { beta, objective: cur.objective, logLikelihood: cur.ll, covariance: invertPositiveDefinite(info!, k), iterations, converged };
}
