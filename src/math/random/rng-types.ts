/**
 * The source of randomness every sampler in `math/` draws from: a seeded, deterministic stream.
 *
 * Samplers take a `UniformSource` (not the full {@link Rng}) so that they can be used with any
 * seeded generator that offers these two draws.
 *
 * @example
 * const src: UniformSource = createRng(1);
 * src.uniform(); // a number in [0, 1)
 */
export interface UniformSource {
  /** A uniform draw in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A standard normal draw (mean 0, sd 1). */
  normal(): number;
}

/**
 * A seeded pseudo-random number generator (xoshiro128**, seeded through a splitmix-style hash)
 * with the samplers of `math/` attached as methods. The same seed always gives the same stream.
 *
 * It is the one mutable object of the library: each draw advances its state. Use
 * {@link Rng.fork} to hand an independent stream to a sub-task.
 *
 * @example
 * const rng = createRng(42);
 * rng.gamma(2, 3);      // mean 6
 * rng.categorical([1, 3]); // 1 three times as often as 0
 */
export interface Rng extends UniformSource {
  /** The seed this generator was created with. */
  readonly seed: number;
  /** The next raw 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number;
  /** A normal draw with the given mean and standard deviation (default 0 and 1). */
  normal(mean?: number, sd?: number): number;
  /** A uniform integer in [0, n); n a positive safe integer. @throws ArgumentError otherwise. */
  uniformInt(n: number): number;
  /** A uniform real in [min, max). @throws ArgumentError when min > max or either is not finite. */
  uniformRange(min: number, max: number): number;
  /** true with probability `p` in [0, 1]. @throws ArgumentError otherwise. */
  bernoulli(p: number): boolean;
  /** Gamma(shape, scale): mean shape*scale. See {@link randomGamma}. */
  gamma(shape: number, scale?: number): number;
  /** Beta(a, b) in (0, 1). See {@link randomBeta}. */
  beta(a: number, b: number): number;
  /** Poisson(mean). See {@link randomPoisson}. */
  poisson(mean: number): number;
  /** Exponential with the given rate (mean 1/rate). See {@link randomExponential}. */
  exponential(rate?: number): number;
  /** Trials up to and including the first success, in {1, 2, ...}. See {@link randomGeometric}. */
  geometric(p: number): number;
  /** Successes in n trials. See {@link randomBinomial}. */
  binomial(n: number, p: number): number;
  /** An index drawn with probability proportional to its weight. See {@link randomCategorical}. */
  categorical(weights: ArrayLike<number>): number;
  /** A new array with the items in a uniformly random order (Fisher-Yates); the input is untouched. */
  shuffle<T>(items: readonly T[]): T[];
  /** A new, independent generator seeded from this one's stream (advances this one by two draws). */
  fork(): Rng;
}
