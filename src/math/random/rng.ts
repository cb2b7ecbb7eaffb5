import { checkInteger, checkProbability } from "../check-param.js";
import { randomBeta } from "./random-beta.js";
import { randomBinomial } from "./random-binomial.js";
import { randomCategorical } from "./random-categorical.js";
import { randomExponential } from "./random-exponential.js";
import { randomGamma } from "./random-gamma.js";
import { randomGeometric } from "./random-geometric.js";
import { randomPoisson } from "./random-poisson.js";
import type { Rng } from "./rng-types.js";
import { ArgumentError } from "../argument-error.js";

const TWO_POW_32 = 4294967296;

/**
 * A seeded pseudo-random number generator: xoshiro128** 1.1 (Blackman & Vigna 2018,
 * https://prng.di.unimi.it/xoshiro128starstar.c), its 128-bit state filled from the seed by a
 * splitmix-style 32-bit hash (Wellons' lowbias32 finaliser). uniform() joins two outputs into a
 * 53-bit double in [0, 1); normal() is Marsaglia's polar method (the spare is kept).
 * The same seed gives the same stream on every platform; the library never uses the unseeded global generator.
 *
 * @param seed Any safe integer (negative allowed); both 32-bit halves are used.
 * @example
 * const rng = createRng(20261125);
 * rng.uniform();        // 0.411352025818172 (the same on every run)
 * rng.gamma(6, 40 / 3); // an order value, mean 80
 * @throws ArgumentError when seed is not a safe integer.
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) {
    throw new ArgumentError(`createRng: seed must be a safe integer, got ${String(seed)}`);
  }
  let h = (seed >>> 0) ^ mix32(Math.floor(seed / TWO_POW_32) >>> 0);
  const next = (): number => (h = mix32((h + 0x9e3779b9) | 0));
  let s0 = next() | 0;
  let s1 = next() | 0;
  let s2 = next() | 0;
  let s3 = next() | 0;
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1; // the all-zero state is the one forbidden state
  let spare = NaN;

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9);
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result >>> 0;
  };
  const uniform = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  const standardNormal = (): number => {
    if (spare === spare) {
      const z = spare;
      spare = NaN;
      return z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    return u * f;
  };

  const rng: Rng = {
    seed,
    nextUint32,
    uniform,
    normal: (mean = 0, sd = 1) => mean + sd * standardNormal(),
    uniformInt(n) {
      checkInteger("uniformInt", "n", n, 1);
      return Math.floor(uniform() * n);
    },
    uniformRange(min, max) {
      if (!(Number.isFinite(min) && Number.isFinite(max) && min <= max)) {
        throw new ArgumentError(`uniformRange: need finite min <= max, got ${String(min)}, ${String(max)}`);
      }
      return min + (max - min) * uniform();
    },
    bernoulli(p) {
      checkProbability("bernoulli", "p", p);
      return uniform() < p;
    },
    gamma: (shape, scale = 1) => randomGamma(rng, shape, scale),
    beta: (a, b) => randomBeta(rng, a, b),
    poisson: (mean) => randomPoisson(rng, mean),
    exponential: (rate = 1) => randomExponential(rng, rate),
    geometric: (p) => randomGeometric(rng, p),
    binomial: (n, p) => randomBinomial(rng, n, p),
    categorical: (weights) => randomCategorical(rng, weights),
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(uniform() * (i + 1));
        const tmp = out[i]!;
        out[i] = out[j]!;
        out[j] = tmp;
      }
      return out;
    },
    fork: () => createRng(nextUint32() * 2097152 + (nextUint32() >>> 11)),
  };
  return Object.freeze(rng);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** lowbias32 (Wellons, hash-prospector): a 32-bit integer finaliser with low bias. */
function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x21f0aaad);
  x ^= x >>> 15;
  x = Math.imul(x, 0x735a2d97);
  x ^= x >>> 15;
  return x >>> 0;
}
