import { createRng } from "../math/rng.js";
import type { BgBbParams } from "./bg-bb-model.js";
import { ArgumentError } from "../math/argument-error.js";

/** Simulated BG/BB customers: x, t_x and n per customer (whole numbers). */
export interface SimulatedBgBbHistory {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly periods: Float64Array;
}

/**
 * Draws customer histories from the BG/BB process (Fader, Hardie & Shang 2010, §2): each customer
 * has p ~ Beta(α, β) and θ ~ Beta(γ, δ); at each opportunity t = 1..n a customer still alive
 * first drops out with probability θ and, if still alive, transacts with probability p. Seeded:
 * the same seed gives the same histories.
 *
 * @param params - alpha, beta, gamma, delta
 * @param nCustomers - customers to draw (a whole number >= 0)
 * @param periods - opportunities n, one value or one per customer (whole numbers >= 1)
 * @param seed - seed of the random stream (a safe integer)
 * @returns frequency x, recency t_x (0 when x = 0) and periods n per customer, frozen
 * @throws ArgumentError when nCustomers or periods are not whole numbers, or a parameter is not positive
 * @example
 * simulateBgBb({ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 }, 1000, 6, 1).frequency.length; // 1000
 */
export function simulateBgBb(params: BgBbParams, nCustomers: number, periods: number | ArrayLike<number>, seed: number): SimulatedBgBbHistory {
  for (const k of ["alpha", "beta", "gamma", "delta"] as const) {
    if (!(params[k] > 0)) throw new ArgumentError(`simulateBgBb: ${k} ${params[k]} must be a positive number`);
  }
  if (!(Number.isInteger(nCustomers) && nCustomers >= 0)) throw new ArgumentError(`simulateBgBb: nCustomers ${nCustomers} must be a whole number >= 0`);
  if (typeof periods !== "number" && periods.length !== nCustomers) {
    throw new ArgumentError(`simulateBgBb: ${periods.length} periods for ${nCustomers} customers`);
  }
  const rng = createRng(seed);
  const frequency = new Float64Array(nCustomers), recency = new Float64Array(nCustomers), opportunities = new Float64Array(nCustomers);
  for (let i = 0; i < nCustomers; i++) {
    const n = typeof periods === "number" ? periods : periods[i]!;
    if (!(Number.isInteger(n) && n >= 1)) throw new ArgumentError(`simulateBgBb: periods ${n} of customer ${i} must be a whole number >= 1`);
    const p = rng.beta(params.alpha, params.beta);
    const theta = rng.beta(params.gamma, params.delta);
    let x = 0, last = 0;
    for (let t = 1; t <= n; t++) {
      if (rng.uniform() < theta) break;
      if (rng.uniform() < p) {
        x++;
        last = t;
      }
    }
    frequency[i] = x;
    recency[i] = last;
    opportunities[i] = n;
  }
  return Object.freeze({ frequency, recency, periods: opportunities });
}
