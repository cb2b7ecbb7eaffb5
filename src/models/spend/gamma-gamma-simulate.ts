import { createRng } from "../../math/random/rng.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Simulated spend: the repeat transactions given and the drawn mean value of each customer's. */
export interface SimulatedSpend {
  readonly frequency: Float64Array;
  /** Mean repeat transaction value zbar, money (0 where frequency is 0). */
  readonly monetaryValue: Float64Array;
}

/**
 * Draws each customer's mean repeat transaction value from the Gamma-Gamma process (Fader &
 * Hardie 2013, note 025, §2): ν ~ Gamma(q, rate γ) per customer, then each of the x transaction
 * values ~ Gamma(p, rate ν), so their mean zbar ~ Gamma(px, rate xν) (drawn directly). Customers
 * with x = 0 get zbar 0. Seeded: the same seed gives the same values.
 *
 * @param params - p, q, gamma (gamma in money units)
 * @param frequency - repeat transactions per customer (whole numbers >= 0)
 * @param seed - seed of the random stream (a safe integer)
 * @returns the frequencies (copied) and the drawn zbar, frozen
 * @throws ArgumentError when a parameter is not positive or a frequency is not a whole number >= 0
 * @example
 * simulateGammaGamma({ p: 6, q: 4, gamma: 15 }, [2, 0, 5], 1).monetaryValue; // [≈ 30, 0, ≈ 30]
 */
export function simulateGammaGamma(
  params: { readonly p: number; readonly q: number; readonly gamma: number },
  frequency: ArrayLike<number>,
  seed: number,
): SimulatedSpend {
  for (const k of ["p", "q", "gamma"] as const) {
    if (!(params[k] > 0 && Number.isFinite(params[k]))) throw new ArgumentError(`simulateGammaGamma: ${k} ${params[k]} must be a positive number`);
  }
  const rng = createRng(seed);
  const n = frequency.length;
  const x = new Float64Array(n), zbar = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const xi = frequency[i]!;
    if (!(Number.isInteger(xi) && xi >= 0)) throw new ArgumentError(`simulateGammaGamma: frequency ${xi} of row ${i} is not a whole number >= 0`);
    x[i] = xi;
    if (xi === 0) continue;
    const nu = rng.gamma(params.q, 1 / params.gamma);
    zbar[i] = rng.gamma(params.p * xi, 1 / (xi * nu));
  }
  return Object.freeze({ frequency: x, monetaryValue: zbar });
}
