import { numericalGradient, type Objective } from "./minimize-bfgs.js";

/**
 * The Hessian of `f` at `x`, symmetrised, row-major n × n: forward differences of the analytic
 * gradient when the objective fills it (n + 1 gradient evaluations, relative step 1e-5), else
 * central differences of a numerical gradient.
 *
 * @param f - the objective
 * @param x - the point (an optimum, for standard errors)
 * @param analyticGradient - whether `f` fills the gradient (default true)
 * @returns the n × n Hessian, row-major
 * @example
 * numericalHessian((x, g) => { if (g) g[0] = 6 * x[0]!; return 3 * x[0]! ** 2; }, Float64Array.of(1)); // ≈ [6]
 */
export function numericalHessian(f: Objective, x: Float64Array, analyticGradient = true): Float64Array {
  const n = x.length;
  const H = new Float64Array(n * n);
  const y = Float64Array.from(x);
  const gUp = new Float64Array(n);
  const gDown = new Float64Array(n);
  if (analyticGradient) f(x, gDown); // forward differences of the exact gradient: n + 1 evaluations
  for (let j = 0; j < n; j++) {
    if (analyticGradient) {
      const h = 1e-5 * Math.max(1, Math.abs(x[j]!));
      y[j] = x[j]! + h;
      f(y, gUp);
      y[j] = x[j]!;
      for (let i = 0; i < n; i++) H[i * n + j] = (gUp[i]! - gDown[i]!) / h;
    } else {
      const h = 1e-4 * Math.max(1, Math.abs(x[j]!));
      y[j] = x[j]! + h;
      numericalGradient(f, y, gUp);
      y[j] = x[j]! - h;
      numericalGradient(f, y, gDown);
      y[j] = x[j]!;
      for (let i = 0; i < n; i++) H[i * n + j] = (gUp[i]! - gDown[i]!) / (2 * h);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const m = (H[i * n + j]! + H[j * n + i]!) / 2;
      H[i * n + j] = m;
      H[j * n + i] = m;
    }
  }
  return H;
}
