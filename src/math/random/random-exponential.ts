import { checkPositive } from "../check-param.js";
import type { UniformSource } from "./rng-types.js";

/**
 * An exponential draw with the given rate (events per unit of time): mean 1/rate,
 * variance 1/rate^2, in units of time. Inversion: -ln(1 - U) / rate, always finite and >= 0.
 *
 * @example
 * const rng = createRng(7);
 * randomExponential(rng, 0.5); // one waiting time; the mean is 2 time units
 * @throws ArgumentError when rate is not a finite number > 0.
 */
export function randomExponential(rng: UniformSource, rate = 1): number {
  checkPositive("randomExponential", "rate", rate);
  return -Math.log(1 - rng.uniform()) / rate;
}
