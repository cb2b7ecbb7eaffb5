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
  /** Whether to invert the information at the estimate (default true); else `covariance` is null. */
  readonly covariance?: boolean;
}

/** The kernel's answer on the standardised scale: beta[0] is the intercept. */
export interface LogisticKernelFit {
  readonly beta: Float64Array;
  /** Mean penalised negative log-likelihood at beta. */
  readonly objective: number;
  /** Weighted log-likelihood at beta (not penalised). */
  readonly logLikelihood: number;
  /** Inverse of the (summed, unpenalised) information matrix X'WX, row-major (p+1)², or null when singular or not asked for. */
  readonly covariance: Float64Array | null;
  readonly iterations: number;
  readonly converged: boolean;
}

const sigmoid = (eta: number): number => (eta >= 0 ? 1 / (1 + Math.exp(-eta)) : Math.exp(eta) / (1 + Math.exp(eta)));
/** log(1 + e^eta) without overflow. */
const softplus = (eta: number): number => (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta)));

/** Rows per block of the row loops: a block of every column stays in the processor's cache. */
const BLOCK = 1024;

/** η = β₀ + Σ_j β_j z_j into `eta` (each element summed over j in order, as column by column, but block by block of rows). */
function linearInto(problem: LogisticProblem, beta: Float64Array, eta: Float64Array): Float64Array {
  const n = eta.length, z = problem.z;
  eta.fill(beta[0]!);
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (let j = 0; j < z.length; j++) {
      const b = beta[j + 1]!, col = z[j]!; // every column has y.length values (checked by logisticRegression)
      if (b !== 0) for (let i = start; i < end; i++) eta[i]! += b * col[i]!;
    }
  }
  return eta;
}

/** Weighted log-likelihood Σ w (y η − log(1 + e^η)) and the mean penalised objective, with η written into `eta` (block by block of rows: η of a block is summed while in the cache; the same order). */
function evaluate(problem: LogisticProblem, beta: Float64Array, W: number, eta: Float64Array): { ll: number; objective: number; eta: Float64Array } {
  const n = eta.length, z = problem.z, w = problem.w, y = problem.y;
  eta.fill(beta[0]!);
  let ll = 0;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (let j = 0; j < z.length; j++) {
      const b = beta[j + 1]!, col = z[j]!;
      if (b !== 0) for (let i = start; i < end; i++) eta[i]! += b * col[i]!;
    }
    for (let i = start; i < end; i++) ll += w[i]! * (y[i]! * eta[i]! - softplus(eta[i]!));
  }
  let pen = 0;
  for (let j = 1; j < beta.length; j++) pen += 0.5 * problem.l2 * beta[j]! ** 2 + problem.l1 * Math.abs(beta[j]!);
  return { ll, objective: -ll / W + pen, eta };
}

/**
 * Gradient of the mean objective's smooth part and (optionally) its Hessian, from η: with
 * r_i = w_i (p_i − y_i) and c_i = w_i p_i (1 − p_i), g_a = Σ x_ia r_i / W (+ l2 β_a for a slope) and
 * the information X'CX, Σ x_ia x_ib c_i (its mean plus l2 on the slopes is the Hessian). Each sum
 * runs over the rows in order, as the column by column loops did, but block by block of rows so
 * that a block of every column is read from the cache for all k(k+1)/2 sums, not the whole
 * column from memory for each: the same numbers to the last bit, several times faster on a
 * million rows. The intercept column (all ones) is not stored: 1 · x = x exactly.
 *
 * @param problem - standardised columns, labels, weights, l2
 * @param beta - intercept then slopes (standardised scale)
 * @param eta - the linear predictor at beta (one per row)
 * @param W - the sum of the weights
 * @param hessian - whether to compute the information and the Hessian
 * @param scratch - two arrays of n numbers to work in (default: new ones)
 * @returns g (k), the Hessian h and the information (k × k row-major, or null)
 * @throws never
 * @example
 * logisticDerivatives({ z: [Float64Array.of(-1, 1)], y: Float64Array.of(0, 1), w: Float64Array.of(1, 1), l2: 0, l1: 0, maxIterations: 1 }, new Float64Array(2), new Float64Array(2), 2, true).g; // [0, -0.5]
 */
export function logisticDerivatives(
  problem: LogisticProblem, beta: Float64Array, eta: Float64Array, W: number, hessian: boolean,
  scratch: readonly [Float64Array, Float64Array] = [new Float64Array(eta.length), new Float64Array(eta.length)],
): { g: Float64Array; h: Float64Array | null; info: Float64Array | null } {
  const k = beta.length, n = eta.length, z = problem.z, y = problem.y, w = problem.w;
  const [resid, curv] = scratch;
  // Running sums: sums[a] for the gradient, info[a * k + b] (b <= a) for the information.
  const sums = new Float64Array(k);
  const info = hessian ? new Float64Array(k * k) : null;
  for (let start = 0; start < n; start += BLOCK) {
    const end = Math.min(n, start + BLOCK);
    for (let i = start; i < end; i++) {
      const p = sigmoid(eta[i]!);
      resid[i] = w[i]! * (p - y[i]!);
      curv[i] = w[i]! * p * (1 - p);
    }
    let s = sums[0]!;
    for (let i = start; i < end; i++) s += resid[i]!;
    sums[0] = s;
    if (info) {
      let t = info[0]!;
      for (let i = start; i < end; i++) t += curv[i]!;
      info[0] = t;
    }
    for (let a = 1; a < k; a++) {
      const ca = z[a - 1]!;
      let s = sums[a]!;
      for (let i = start; i < end; i++) s += ca[i]! * resid[i]!;
      sums[a] = s;
      if (!info) continue;
      let t = info[a * k]!;
      for (let i = start; i < end; i++) t += ca[i]! * curv[i]!;
      info[a * k] = t;
      let b = 1;
      // Four sums at a time (independent running totals keep the processor busy), each still in row order.
      for (; b + 3 <= a; b += 4) {
        const c1 = z[b - 1]!, c2 = z[b]!, c3 = z[b + 1]!, c4 = z[b + 2]!, o = a * k + b;
        let u1 = info[o]!, u2 = info[o + 1]!, u3 = info[o + 2]!, u4 = info[o + 3]!;
        for (let i = start; i < end; i++) {
          const x = ca[i]!, c = curv[i]!;
          u1 += x * c1[i]! * c;
          u2 += x * c2[i]! * c;
          u3 += x * c3[i]! * c;
          u4 += x * c4[i]! * c;
        }
        info[o] = u1; info[o + 1] = u2; info[o + 2] = u3; info[o + 3] = u4;
      }
      for (; b <= a; b++) {
        const cb = z[b - 1]!;
        let u = info[a * k + b]!;
        for (let i = start; i < end; i++) u += ca[i]! * cb[i]! * curv[i]!;
        info[a * k + b] = u;
      }
    }
  }
  const g = new Float64Array(k);
  for (let a = 0; a < k; a++) g[a] = sums[a]! / W + (a > 0 ? problem.l2 * beta[a]! : 0);
  if (info) for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) info[b * k + a] = info[a * k + b]!;
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
  // Four work arrays of n numbers for the whole fit (no new array per step): η at the current and the trial point, and the derivatives' scratch.
  const n = problem.y.length;
  let spare: Float64Array = new Float64Array(n);
  const scratch = [new Float64Array(n), new Float64Array(n)] as const;
  let cur = evaluate(problem, beta, W, new Float64Array(n));
  let iterations = 0, converged = false;
  if (problem.l1 === 0) {
    for (; iterations < problem.maxIterations && !converged; iterations++) {
      const { g, h } = logisticDerivatives(problem, beta, cur.eta, W, true, scratch);
      const hInv = invertPositiveDefinite(h!, k);
      if (!hInv) break;
      const step = new Float64Array(k);
      for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) step[a]! -= hInv[a * k + b]! * g[b]!; // a < k = step.length
      let t = 1, next = beta, trial = cur;
      for (let half = 0; half < 40; half++, t /= 2) {
        next = Float64Array.from(beta, (v, a) => v + t * step[a]!);
        trial = evaluate(problem, next, W, spare);
        if (trial.objective <= cur.objective + 1e-12 * Math.abs(cur.objective)) break;
      }
      const decrease = cur.objective - trial.objective;
      beta = next;
      if (trial !== cur) spare = cur.eta;
      cur = trial;
      const gMax = Math.max(...g.map(Math.abs));
      converged = gMax < 1e-9 || (decrease >= 0 && decrease < 1e-15 * Math.max(1, Math.abs(cur.objective)) && gMax < 1e-6);
    }
  } else {
    // Lipschitz constant of the smooth part: ≤ λmax(X'X)/(4W) + l2 ≤ trace/(4W) + l2 with standardised columns.
    const L = (1 + problem.z.length) / 4 + problem.l2;
    let yk = Float64Array.from(beta), tk = 1;
    for (; iterations < problem.maxIterations && !converged; iterations++) {
      const { g } = logisticDerivatives(problem, yk, linearInto(problem, yk, spare), W, false, scratch);
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
    cur = evaluate(problem, beta, W, spare);
  }
  if (problem.covariance === false) return { beta, objective: cur.objective, logLikelihood: cur.ll, covariance: null, iterations, converged };
  const { info } = logisticDerivatives(problem, beta, cur.eta, W, true, scratch);
  return { beta, objective: cur.objective, logLikelihood: cur.ll, covariance: invertPositiveDefinite(info!, k), iterations, converged };
}
