import { checkPositive } from "../check-param.js";
import { logFactorial } from "../special/log-factorial.js";
import type { UniformSource } from "./rng-types.js";

/**
 * A Poisson(mean) draw in {0, 1, ...}: mean and variance both `mean`.
 * Mean below 10: multiplication of uniforms (Knuth). From 10: PTRS, the transformed rejection
 * with squeeze of Hörmann (1993), "The transformed rejection method for generating Poisson
 * random variables", Insurance: Mathematics and Economics 12. A mean of 0 returns 0.
 *
 * @example
 * const rng = createRng(7);
 * randomPoisson(rng, 3.5); // one count; mean 3.5
 * @throws ArgumentError when mean is negative or not finite.
 */
export function randomPoisson(rng: UniformSource, mean: number): number {
  if (mean === 0) return 0;
  checkPositive("randomPoisson", "mean", mean);
  return mean < 10 ? knuth(rng, mean) : ptrs(rng, mean);
}

function knuth(rng: UniformSource, mean: number): number {
  const limit = Math.exp(-mean);
  let k = 0;
  let prod = rng.uniform();
  while (prod >= limit) {
    k++;
    prod *= rng.uniform();
  }
  return k;
}

function ptrs(rng: UniformSource, lam: number): number {
  const slam = Math.sqrt(lam);
  const logLam = Math.log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + lam + 0.43);
    if (us >= 0.07 && v <= vr) return k;
    if (k < 0 || (us < 0.013 && v > us)) continue;
    if (
      v > 0 &&
      Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b) <= -lam + k * logLam - logFactorial(k)
    ) {
      return k;
    }
  }
}
