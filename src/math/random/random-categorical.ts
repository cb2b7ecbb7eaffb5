import type { UniformSource } from "./rng-types.js";
import { ArgumentError } from "../argument-error.js";

/**
 * An index in [0, weights.length) drawn with probability weights[i] / sum(weights).
 * Weights need not sum to 1; zero weights are never drawn. Linear scan, O(k) a draw: for many
 * draws from the same weights use {@link categoricalSampler}.
 *
 * @example
 * const rng = createRng(7);
 * randomCategorical(rng, [0.5, 0.3, 0.2]); // 0 half of the time
 * @throws ArgumentError when weights is empty, a weight is negative or not finite, or all are 0.
 */
export function randomCategorical(rng: UniformSource, weights: ArrayLike<number>): number {
  const total = checkWeights("randomCategorical", weights);
  return pick(weights, total, rng.uniform() * total);
}

/**
 * A reusable categorical sampler: checks and accumulates `weights` once, then each call draws
 * an index by binary search (O(log k)). The weights are copied, so later changes to the input
 * do not affect the sampler.
 *
 * @example
 * const drawCategory = categoricalSampler([5, 3, 2]);
 * drawCategory(createRng(1)); // 0, 1 or 2 with probabilities 0.5, 0.3, 0.2
 * @throws ArgumentError when weights is empty, a weight is negative or not finite, or all are 0.
 */
export function categoricalSampler(weights: ArrayLike<number>): (rng: UniformSource) => number {
  const total = checkWeights("categoricalSampler", weights);
  const cum = new Float64Array(weights.length);
  let acc = 0;
  for (let i = 0; i < weights.length; i++) cum[i] = acc += weights[i]!;
  const last = cum.length - 1;
  let lastPositive = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) lastPositive = i;
  return (rng) => {
    const x = rng.uniform() * total;
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (x < cum[mid]!) hi = mid;
      else lo = mid + 1;
    }
    return x < cum[lo]! ? lo : lastPositive; // the first index whose cumulative weight exceeds x
  };
}

function pick(weights: ArrayLike<number>, total: number, x: number): number {
  let acc = 0;
  let lastPositive = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w > 0) {
      acc += w;
      lastPositive = i;
      if (x < acc) return i;
    }
  }
  return lastPositive; // x rounded up to total
}

function checkWeights(fn: string, weights: ArrayLike<number>): number {
  if (weights.length === 0) throw new ArgumentError(`${fn}: weights must not be empty`);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(Number.isFinite(w) && w >= 0)) {
      throw new ArgumentError(`${fn}: weight ${i} must be a finite number >= 0, got ${String(w)}`);
    }
    total += w;
  }
  if (!(total > 0)) throw new ArgumentError(`${fn}: weights must not all be 0`);
  return total;
}
