import { createRng } from "../math/rng.js";
import type { SbgParams } from "./sbg-model.js";
import { ArgumentError } from "../math/argument-error.js";

/**
 * Draws a cohort from the shifted-beta-geometric process (Fader & Hardie 2007, §2): each customer
 * has a churn probability θ ~ Beta(α, β) and, at the end of each period, leaves with probability θ
 * (so the lifetime T is geometric on 1, 2, ...). Seeded: the same seed gives the same cohort.
 *
 * @param params - alpha, beta (> 0)
 * @param cohortSize - customers at the start of period 0 (a whole number >= 1)
 * @param periods - periods to follow (a whole number >= 1)
 * @param seed - seed of the random stream (a safe integer)
 * @returns the survivors n_0 = cohortSize, n_1, ..., n_periods (the input of `fitSbg`)
 * @throws ArgumentError when a parameter is not positive or a count is not a whole number
 * @example
 * simulateSbg({ alpha: 0.704, beta: 1.182 }, 1000, 7, 1); // Float64Array [1000, ~630, ~470, ...]
 */
export function simulateSbg(params: SbgParams, cohortSize: number, periods: number, seed: number): Float64Array {
  for (const k of ["alpha", "beta"] as const) {
    if (!(params[k] > 0)) throw new ArgumentError(`simulateSbg: ${k} ${params[k]} must be a positive number`);
  }
  if (!(Number.isInteger(cohortSize) && cohortSize >= 1)) throw new ArgumentError(`simulateSbg: cohortSize ${cohortSize} must be a whole number >= 1`);
  if (!(Number.isInteger(periods) && periods >= 1)) throw new ArgumentError(`simulateSbg: periods ${periods} must be a whole number >= 1`);
  const rng = createRng(seed);
  const survivors = new Float64Array(periods + 1);
  for (let i = 0; i < cohortSize; i++) {
    const theta = rng.beta(params.alpha, params.beta);
    let t = 0;
    while (t < periods) {
      survivors[t]!++;
      if (rng.uniform() < theta) break;
      t++;
    }
    if (t === periods) survivors[periods]!++;
  }
  return survivors;
}
