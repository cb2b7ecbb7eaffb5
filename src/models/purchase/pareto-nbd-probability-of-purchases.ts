import { lnGamma } from "../../math/special/special-functions.js";

/** Pareto/NBD parameters as this file needs them (see ParetoNbdParams in pareto-nbd.ts). */
interface Params { readonly r: number; readonly alpha: number; readonly s: number; readonly beta: number }

/**
 * P(X(t) = n) under the Pareto/NBD model: the probability that a new customer makes n purchases
 * in a period of length t (Fader, Hardie & Lee 2006, "Deriving an Expression for P(X(t) = x)
 * under the Pareto/NBD Model", brucehardie.com note 012, eq. 3 before its closed form):
 *
 * P = NB(n; r, α, t)·(β/(β+t))^s + Γ(r+n)/(Γ(r) n!) α^r s β^s ∫_0^t τ^n (α+τ)^−(r+n) (β+τ)^−(s+1) dτ,
 *
 * alive through t, or dead at τ < t after n purchases by τ. The integral is taken by adaptive
 * 10-point Gauss-Legendre quadrature in v = ln(1 + τ/β) (absolute error below 1e-14), which
 * stays accurate where the note's ₂F₁ closed form would need arguments near 1.
 *
 * @param params - r, alpha, s, beta (rates per time unit)
 * @param n - purchases, a whole number >= 0
 * @param t - period length in time units, > 0
 * @returns the probability
 * @example
 * paretoNbdProbabilityOfPurchases({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }, 0, 39); // 0.5936 (to 4 d.p.)
 */
export function paretoNbdProbabilityOfPurchases(params: Params, n: number, t: number): number {
  const { r, alpha, s, beta } = params;
  const lnComb = lnGamma(r + n) - lnGamma(r) - lnGamma(n + 1);
  const alive = Math.exp(lnComb + r * Math.log(alpha / (alpha + t)) + n * Math.log(t / (alpha + t)) + s * Math.log(beta / (beta + t)));
  const c = lnComb + r * Math.log(alpha) + Math.log(s) + s * Math.log(beta);
  const f = (v: number): number => {
    const tau = beta * Math.expm1(v);
    if (tau <= 0) return n === 0 ? Math.exp(c - r * Math.log(alpha) - s * Math.log(beta)) : 0;
    return Math.exp(c + n * Math.log(tau) - (r + n) * Math.log(alpha + tau) - s * Math.log(beta + tau));
  };
  const vMax = Math.log1p(t / beta);
  return alive + adaptive(f, 0, vMax, gauss(f, 0, vMax), 0);
}

function adaptive(f: (v: number) => number, a: number, b: number, whole: number, depth: number): number {
  const m = (a + b) / 2;
  const left = gauss(f, a, m), right = gauss(f, m, b);
  if (Math.abs(left + right - whole) <= 1e-15 || depth > 40) return left + right;
  return adaptive(f, a, m, left, depth + 1) + adaptive(f, m, b, right, depth + 1);
}

const [NODES, WEIGHTS] = legendre(10);

function gauss(f: (v: number) => number, a: number, b: number): number {
  const h = (b - a) / 2, c = (a + b) / 2;
  let sum = 0;
  for (let i = 0; i < NODES.length; i++) sum += WEIGHTS[i]! * f(c + h * NODES[i]!);
  return sum * h;
}

/** Gauss-Legendre nodes and weights on [-1, 1] by Newton's method on P_k (Golub-Welsch not needed at k = 10). */
function legendre(k: number): [Float64Array, Float64Array] {
  const x = new Float64Array(k), w = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (k + 0.5)), dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1, p1 = z;
      for (let j = 2; j <= k; j++) [p0, p1] = [p1, ((2 * j - 1) * z * p1 - (j - 1) * p0) / j];
      dp = (k * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    x[i] = z;
    w[i] = 2 / ((1 - z * z) * dp * dp);
  }
  return [x, w];
}
