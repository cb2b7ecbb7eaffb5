import { checkInteger, checkProbability } from "../check-param.js";
import { logFactorial } from "../special/log-factorial.js";
import type { UniformSource } from "./rng-types.js";

/**
 * A Binomial(n, p) draw: successes in n independent trials, in {0, ..., n}; mean np,
 * variance np(1-p). When n*min(p, 1-p) < 10: sequential inversion; otherwise BTRS, the
 * transformed rejection of Hörmann (1993), "The generation of binomial random variates",
 * J. Statist. Comput. Simul. 46. Works on min(p, 1-p) and mirrors the result.
 *
 * @example
 * const rng = createRng(7);
 * randomBinomial(rng, 20, 0.3); // one count; mean 6
 * randomBinomial(rng, 5, 1);    // 5
 * @throws ArgumentError when n is not an integer >= 0 or p is not in [0, 1].
 */
export function randomBinomial(rng: UniformSource, n: number, p: number): number {
  checkInteger("randomBinomial", "n", n, 0);
  checkProbability("randomBinomial", "p", p);
  if (n === 0 || p === 0) return 0;
  if (p === 1) return n;
  const flip = p > 0.5;
  const q = flip ? 1 - p : p;
  const k = n * q < 10 ? inversion(rng, n, q) : btrs(rng, n, q);
  return flip ? n - k : k;
}

function inversion(rng: UniformSource, n: number, p: number): number {
  // walk up the pmf from 0; restart on the (rare) rounding overflow past n
  const ratio = p / (1 - p);
  const p0 = Math.exp(n * Math.log1p(-p));
  for (;;) {
    let u = rng.uniform();
    let pk = p0;
    let k = 0;
    while (u >= pk) {
      u -= pk;
      pk *= (ratio * (n - k)) / (k + 1);
      k++;
      if (k > n) break;
    }
    if (k <= n) return k;
  }
}

function btrs(rng: UniformSource, n: number, p: number): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / (1 - p));
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = rng.uniform() - 0.5;
    const v = rng.uniform();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    if (v <= 0) continue;
    const lv = Math.log((v * alpha) / (a / (us * us) + b));
    if (lv <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}
