import { checkPositive } from "../check-param.js";
import { gammaKernel } from "./random-gamma.js";
import type { UniformSource } from "./rng-types.js";

const ONE_BELOW = 1 - Number.EPSILON / 2; // the largest double below 1

/**
 * A Beta(a, b) draw in the open interval (0, 1): mean a/(a+b), variance
 * ab / ((a+b)^2 (a+b+1)). Drawn as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b) (each by
 * Marsaglia-Tsang, see {@link randomGamma}). A draw that rounds to 0 or 1 in double precision
 * (possible when a or b is far below 1) is clamped to the nearest double inside (0, 1).
 *
 * In BG/NBD (Fader, Hardie & Lee 2005, eq. 3) the dropout probability p ~ Beta(a, b).
 *
 * @example
 * const rng = createRng(7);
 * randomBeta(rng, 0.8, 3); // one draw; over many draws the mean is about 0.21
 * @throws ArgumentError when a or b is not a finite number > 0.
 */
export function randomBeta(rng: UniformSource, a: number, b: number): number {
  checkPositive("randomBeta", "a", a);
  checkPositive("randomBeta", "b", b);
  const x = gammaKernel(rng, a);
  const y = gammaKernel(rng, b);
  const z = x / (x + y);
  if (!(z > 0)) return Number.MIN_VALUE;
  return z < 1 ? z : ONE_BELOW;
}
