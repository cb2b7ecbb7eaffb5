import { checkPositive } from "../check-param.js";
import type { UniformSource } from "./rng-types.js";

/**
 * A Gamma(shape, scale) draw: density x^(shape-1) e^(-x/scale) / (Γ(shape) scale^shape),
 * mean `shape * scale`, variance `shape * scale^2`, in the units of `scale`.
 *
 * Marsaglia & Tsang (2000), "A simple method for generating gamma variables", ACM TOMS 26(3),
 * with their boost for shape < 1: Gamma(a) = Gamma(a + 1) * U^(1/a), done in log space.
 * Results are > 0; a draw that would underflow (shape well below 0.01) is returned as
 * `Number.MIN_VALUE`.
 *
 * @example
 * const rng = createRng(7);
 * randomGamma(rng, 2, 3); // one draw; over many draws the mean is about 6
 * @throws ArgumentError when shape or scale is not a finite number > 0.
 */
export function randomGamma(rng: UniformSource, shape: number, scale = 1): number {
  checkPositive("randomGamma", "shape", shape);
  checkPositive("randomGamma", "scale", scale);
  return gammaKernel(rng, shape) * scale;
}

/** Unchecked Gamma(shape, 1) draw for shape > 0 (the kernel of {@link randomGamma}). */
export function gammaKernel(rng: UniformSource, shape: number): number {
  if (shape < 1) {
    // log G = log Gamma(shape + 1) + log(U) / shape
    const u = 1 - rng.uniform(); // (0, 1]
    const x = Math.exp(Math.log(marsagliaTsang(rng, shape + 1)) + Math.log(u) / shape);
    return x > 0 ? x : Number.MIN_VALUE;
  }
  return marsagliaTsang(rng, shape);
}

function marsagliaTsang(rng: UniformSource, shape: number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.uniform();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (u > 0 && Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}
