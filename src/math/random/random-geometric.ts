import { checkProbability } from "../check-param.js";
import type { UniformSource } from "./rng-types.js";

/**
 * A geometric draw: the number of Bernoulli(p) trials up to and including the first success,
 * in {1, 2, ...}; mean 1/p, variance (1-p)/p^2. Inversion: ceil(ln(U) / ln(1-p)).
 * (Subtract 1 for the "failures before the first success" convention.)
 *
 * In BG/NBD the number of repeat purchases until dropout is geometric in p.
 *
 * @example
 * const rng = createRng(7);
 * randomGeometric(rng, 0.25); // one count; the mean is 4
 * randomGeometric(rng, 1);    // 1
 * @throws ArgumentError when p is not in (0, 1].
 */
export function randomGeometric(rng: UniformSource, p: number): number {
  checkProbability("randomGeometric", "p", p, { openLow: true });
  if (p === 1) return 1;
  const u = 1 - rng.uniform(); // (0, 1]
  const k = Math.ceil(Math.log(u) / Math.log1p(-p));
  return k < 1 ? 1 : k;
}
