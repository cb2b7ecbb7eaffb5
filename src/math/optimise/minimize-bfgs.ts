/**
 * An objective for {@link minimizeBfgs}: returns f(x) and, when `gradient` is given, writes ∇f(x)
 * into it. Return a non-finite value where f is undefined; the line search then steps back.
 */
export type Objective = (x: Float64Array, gradient?: Float64Array) => number;

/** Options of {@link minimizeBfgs}. */
export interface MinimizeOptions {
  /** Iteration limit (default 500). */
  readonly maxIterations?: number;
  /** Converged when the largest |gradient| component is below this (default 1e-7). */
  readonly gradientTolerance?: number;
  /** Use central differences instead of the objective's own gradient (default false). */
  readonly numericalGradient?: boolean;
  /** A starting inverse-Hessian approximation, n × n row-major (default the identity). */
  readonly initialInverseHessian?: ArrayLike<number>;
}

/** The outcome of {@link minimizeBfgs}. */
export interface MinimizeResult {
  readonly x: Float64Array;
  readonly value: number;
  readonly gradient: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Why it stopped, in words. */
  readonly message: string;
}

/**
 * Fills `out` with the central-difference gradient of `f` at `x` (steps of 1e-6 · max(1, |x_i|)).
 *
 * @example
 * numericalGradient((x) => x[0]! ** 2, Float64Array.of(3), new Float64Array(1)); // ≈ [6]
 */
export function numericalGradient(f: Objective, x: Float64Array, out: Float64Array): Float64Array {
  const y = Float64Array.from(x);
  for (let i = 0; i < x.length; i++) {
    const h = 1e-6 * Math.max(1, Math.abs(x[i]!));
    y[i] = x[i]! + h;
    const up = f(y);
    y[i] = x[i]! - h;
    const down = f(y);
    y[i] = x[i]!;
    out[i] = (up - down) / (2 * h);
  }
  return out;
}

/**
 * Minimises a smooth function of a few unbounded variables by BFGS with a backtracking
 * (Armijo) line search; a step into a region where f is not finite is halved. Optimise positive
 * parameters on their logarithms.
 *
 * @param f - the objective (value, and gradient when asked)
 * @param x0 - the starting point
 * @param options - iteration limit, gradient tolerance, numerical gradient
 * @returns the minimiser found, with `converged` false when a limit was hit first
 * @example
 * minimizeBfgs((x, g) => { if (g) { g[0] = 2 * (x[0]! - 1); } return (x[0]! - 1) ** 2; }, [5]).x[0]; // ≈ 1
 */
export function minimizeBfgs(f: Objective, x0: ArrayLike<number>, options: MinimizeOptions = {}): MinimizeResult {
  const n = x0.length;
  const maxIterations = options.maxIterations ?? 500;
  const gtol = options.gradientTolerance ?? 1e-7;
  const evaluate = (x: Float64Array, g: Float64Array): number =>
    options.numericalGradient ? (numericalGradient(f, x, g), f(x)) : f(x, g);
  let x = Float64Array.from(x0);
  let g = new Float64Array(n);
  let fx = evaluate(x, g);
  if (!Number.isFinite(fx)) return result(x, fx, g, 0, false, "the objective is not finite at the starting point");
  const H = options.initialInverseHessian ? Float64Array.from(options.initialInverseHessian) : identity(n);
  const d = new Float64Array(n);
  for (let iter = 1; iter <= maxIterations; iter++) {
    if (maxAbs(g) < gtol) return result(x, fx, g, iter - 1, true, "gradient below tolerance");
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++) s -= H[i * n + j]! * g[j]!;
      d[i] = s;
    }
    let slope = dot(g, d);
    if (!(slope < 0)) {
      H.set(identity(n)); // not a descent direction: restart from steepest descent
      for (let i = 0; i < n; i++) d[i] = -g[i]!;
      slope = dot(g, d);
    }
    let step = 1;
    const xNew = new Float64Array(n);
    const gNew = new Float64Array(n);
    let fNew = NaN;
    for (let k = 0; k < 60; k++) {
      for (let i = 0; i < n; i++) xNew[i] = x[i]! + step * d[i]!;
      fNew = evaluate(xNew, gNew);
      if (Number.isFinite(fNew) && fNew <= fx + 1e-4 * step * slope) break;
      step *= Number.isFinite(fNew) ? 0.5 : 0.1;
      fNew = NaN;
    }
    if (!Number.isFinite(fNew)) {
      return result(x, fx, g, iter, maxAbs(g) < gtol * 100, "the line search found no lower point");
    }
    const s = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      s[i] = xNew[i]! - x[i]!;
      y[i] = gNew[i]! - g[i]!;
    }
    const sy = dot(s, y);
    if (sy > 1e-12 * Math.sqrt(dot(s, s) * dot(y, y))) updateInverseHessian(H, s, y, sy, n);
    const change = Math.abs(fx - fNew);
    x = xNew;
    g = gNew;
    fx = fNew;
    if (change <= 1e-15 * Math.max(1, Math.abs(fx)) && maxAbs(g) < Math.sqrt(gtol)) {
      return result(x, fx, g, iter, true, "no further decrease");
    }
  }
  return result(x, fx, g, maxIterations, maxAbs(g) < gtol, "iteration limit reached");
}

function updateInverseHessian(H: Float64Array, s: Float64Array, y: Float64Array, sy: number, n: number): void {
  const Hy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let j = 0; j < n; j++) v += H[i * n + j]! * y[j]!;
    Hy[i] = v;
  }
  const yHy = dot(y, Hy);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      H[i * n + j] = H[i * n + j]! + ((sy + yHy) * s[i]! * s[j]!) / (sy * sy) - (Hy[i]! * s[j]! + s[i]! * Hy[j]!) / sy;
    }
  }
}

function identity(n: number): Float64Array {
  const m = new Float64Array(n * n);
  for (let i = 0; i < n; i++) m[i * n + i] = 1;
  return m;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

function maxAbs(a: Float64Array): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
}

function result(x: Float64Array, value: number, gradient: Float64Array, iterations: number, converged: boolean, message: string): MinimizeResult {
  return Object.freeze({ x, value, gradient, iterations, converged, message });
}
