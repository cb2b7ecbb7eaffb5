import { invertPositiveDefinite } from "../../math/optimise/cholesky.js";
import { minimizeBfgs, type MinimizeResult } from "../../math/optimise/minimize-bfgs.js";
import { numericalHessian } from "../../math/optimise/numerical-hessian.js";
import { ConvergenceError } from "./convergence-error.js";
import { ArgumentError } from "../../math/argument-error.js";

/** A model's likelihood, as {@link fitMaximumLikelihood} takes it. */
export interface LikelihoodProblem {
  /** The model id, named in errors. */
  readonly model: string;
  /** Parameter names in order, e.g. `["r", "alpha", "a", "b"]`. */
  readonly names: readonly string[];
  /**
   * The total (weighted) log-likelihood at θ = exp(logParams). When `gradient` is given and
   * `hasGradient` is true, it also writes ∂LL/∂ln θ into it.
   */
  logLikelihood(logParams: Float64Array, gradient?: Float64Array): number;
  /** Whether `logLikelihood` fills the gradient (else central differences are used). */
  readonly hasGradient: boolean;
  /** Starting points on the natural scale, tried in order until one converges. */
  readonly starts: readonly (readonly number[])[];
  /** Customers (sum of weights), to scale the objective and the penalty. */
  readonly nCustomers: number;
  /**
   * Optional warm start for large data: the same likelihood on an evenly spaced subsample of
   * about `rows` patterns (weights scaled up), or null when the data are small. Its optimum is
   * tried first, so the full fit needs only a few iterations.
   */
  readonly subsample?: (rows: number) => LikelihoodProblem | null;
}

/** Patterns above which a fit first runs on a subsample of this many (see `subsample`). */
const WARM_START_ROWS = 20_000;

/** The result of {@link fitMaximumLikelihood}. */
export interface MlFit {
  readonly params: Readonly<Record<string, number>>;
  readonly logLikelihood: number;
  readonly iterations: number;
  readonly converged: boolean;
  /** Covariance of ln θ (inverse Hessian of the negative log-likelihood), row-major. */
  readonly covarianceLog: readonly number[];
  /** Standard errors of θ by the delta method (NaN for a parameter at the edge). */
  readonly standardErrors: Readonly<Record<string, number>>;
  /** Parameters whose maximum lies at the edge of the parameter space (not identified; fixed in the covariance). */
  readonly boundary: readonly string[];
}

/**
 * Maximum-likelihood fit on log-parameters: minimises −LL/N + penalizer·Σθ² by BFGS from each
 * start in turn (keeping the first converged one), then takes standard errors from the Hessian of
 * the (penalised) negative log-likelihood at the optimum (delta method: SE(θ) = θ·SE(ln θ)).
 *
 * @param problem - the model's likelihood, names and starts
 * @param options - `penalizer` (default 0) and `maxIterations` (default 500)
 * @returns the estimates, the unpenalised log-likelihood at them, and their uncertainty
 * @throws ConvergenceError when no start converges to finite parameters, or the likelihood is flat
 *   at the optimum (the Hessian is not positive definite), with advice
 * @example
 * const fit = fitMaximumLikelihood(problem, { penalizer: 0 });
 * fit.params.r; // 0.2426
 */
export function fitMaximumLikelihood(
  problem: LikelihoodProblem,
  options: { readonly penalizer?: number; readonly maxIterations?: number } = {},
): MlFit {
  const penalizer = options.penalizer ?? 0;
  if (!(penalizer >= 0)) throw new ArgumentError(`${problem.model}: penalizer ${penalizer} must be >= 0`);
  if (!(problem.nCustomers > 0)) throw new ArgumentError(`${problem.model}: there are no customers to fit on`);
  const n = problem.names.length;
  const scale = 1 / problem.nCustomers;
  const objective = makeObjective(problem, penalizer);
  const best = optimise(problem, penalizer, options.maxIterations);
  const x = best.x;
  // Standard errors from the Hessian of the total objective N·(−LL/N + penalizer·Σθ²) on ln θ.
  const total = (y: Float64Array, g?: Float64Array): number => {
    const v = objective(y, g) / scale;
    if (g && problem.hasGradient) for (let i = 0; i < n; i++) g[i] = g[i]! / scale;
    return v;
  };
  const full = invertPositiveDefinite(numericalHessian(total, x, problem.hasGradient), n);
  // A maximum at the edge of the parameter space (e.g. BG/NBD's a -> 0, b -> infinity: no dropout
  // detectable) is a result, the model's limit: those parameters are reported as not identified
  // (standard error NaN, fixed in the covariance) and the others keep their Hessian intervals.
  const boundary = full ? [] : problem.names.map((_, i) => i).filter((i) => Math.abs(x[i]!) > BOUNDARY_LOG);
  const cov = full ?? (boundary.length > 0 && boundary.length < n ? reducedCovariance(total, x, boundary, problem.hasGradient) : null);
  if (!cov) {
    throw new ConvergenceError(
      problem.model,
      `the likelihood is flat at ${formatStart(problem.names, Array.from(x, Math.exp))}: the data cannot identify every parameter`,
      "check that enough customers made repeat purchases, or add a small penalizer (e.g. 0.001)",
    );
  }
  const params: Record<string, number> = {};
  const se: Record<string, number> = {};
  problem.names.forEach((name, i) => {
    params[name] = Math.exp(x[i]!);
    se[name] = boundary.includes(i) ? NaN : Math.exp(x[i]!) * Math.sqrt(cov[i * n + i]!);
  });
  return Object.freeze({
    params: Object.freeze(params),
    logLikelihood: problem.logLikelihood(x),
    iterations: best.iterations,
    converged: true,
    covarianceLog: Object.freeze(Array.from(cov)),
    standardErrors: Object.freeze(se),
    boundary: Object.freeze(boundary.map((i) => problem.names[i]!)),
  });
}

/** |ln θ| beyond which a parameter whose Hessian is singular counts as at the edge (θ < 1.2e-4 or > 8,100). */
const BOUNDARY_LOG = 9;

/**
 * The covariance of ln θ with the edge parameters held fixed: the inverse Hessian over the
 * others, embedded with zero rows and columns for the fixed ones; null when even that is singular.
 */
function reducedCovariance(total: (y: Float64Array, g?: Float64Array) => number, x: Float64Array, fixed: readonly number[], hasGradient: boolean): Float64Array | null {
  const n = x.length;
  const free = Array.from({ length: n }, (_, i) => i).filter((i) => !fixed.includes(i));
  const m = free.length;
  const sub = (y: Float64Array, g?: Float64Array): number => {
    const z = Float64Array.from(x);
    free.forEach((i, k) => (z[i] = y[k]!));
    const gz = g ? new Float64Array(n) : undefined;
    const v = total(z, gz);
    if (g && gz) free.forEach((i, k) => (g[k] = gz[i]!));
    return v;
  };
  const inv = invertPositiveDefinite(numericalHessian(sub, Float64Array.from(free, (i) => x[i]!), hasGradient), m);
  if (!inv) return null;
  const cov = new Float64Array(n * n);
  free.forEach((i, a) => free.forEach((j, b) => (cov[i * n + j] = inv[a * m + b]!)));
  return cov;
}

/** −LL/N + penalizer·Σθ² on ln θ, with its gradient when the problem has one; NaN where undefined. */
function makeObjective(problem: LikelihoodProblem, penalizer: number): (x: Float64Array, g?: Float64Array) => number {
  const n = problem.names.length;
  const scale = 1 / problem.nCustomers;
  return (x, g) => {
    const ll = problem.logLikelihood(x, g && problem.hasGradient ? g : undefined);
    let value = -ll * scale;
    for (let i = 0; i < n; i++) {
      const theta = Math.exp(x[i]!);
      value += penalizer * theta * theta;
      if (g && problem.hasGradient) g[i] = -g[i]! * scale + 2 * penalizer * theta * theta;
    }
    return Number.isFinite(value) ? value : NaN;
  };
}

/** Runs BFGS from the warm start (if any), then each start in turn; the first converged result wins. */
function optimise(problem: LikelihoodProblem, penalizer: number, maxIterations: number | undefined): MinimizeResult {
  const objective = makeObjective(problem, penalizer);
  const small = problem.subsample?.(WARM_START_ROWS) ?? null;
  const starts = [...problem.starts];
  let inverseHessian: Float64Array | null = null;
  if (small) {
    try {
      const warm = optimise(small, penalizer, maxIterations);
      starts.unshift(Array.from(warm.x, Math.exp));
      // The subsample's curvature approximates the full one (both objectives are means).
      inverseHessian = invertPositiveDefinite(numericalHessian(makeObjective(small, penalizer), warm.x, small.hasGradient), warm.x.length);
    } catch {
      // the subsample could not be fitted: start the full fit from the usual points
    }
  }
  let failure = "no starting point was tried";
  for (const start of starts) {
    const x0 = start.map((v) => Math.log(v));
    const r = minimizeBfgs(objective, x0, {
      maxIterations,
      numericalGradient: !problem.hasGradient,
      initialInverseHessian: start === starts[0] && inverseHessian ? inverseHessian : undefined,
    });
    const finite = r.x.every((v) => Number.isFinite(v) && Math.abs(v) < 700);
    if (r.converged && finite) return r; // the first converged start is kept
    failure = `${r.message} after ${r.iterations} iterations from ${formatStart(problem.names, start)}`;
  }
  throw new ConvergenceError(
    problem.model,
    failure,
    "try a small penalizer (e.g. 0.001), other initial parameters, or check the data (time unit, frequency <= recency periods, enough repeat customers)",
  );
}

function formatStart(names: readonly string[], start: readonly number[]): string {
  return names.map((name, i) => `${name} ${start[i]}`).join(", ");
}
