import { logAddExp } from "./special-functions.js";
import { ArgumentError } from "../argument-error.js";

/**
 * ln ₂F₁(a, b; a+1; z) for a > 0, real b and 0 <= z < 1, accurate (about 1e-14 relative) up to
 * z = 1 − 1e-300 when b < a + 1 (for b > a + 1 the series alternates and loses digits), with
 * its gradient (∂/∂a, ∂/∂b, ∂/∂z) written into `grad` when given. This is the family of the
 * Pareto/NBD likelihood (Fader & Hardie 2005, note 009, eq. 22-23: ₂F₁(r+s+x, s+1 or r+x;
 * r+s+x+1; z)), where z → 1 when α ≫ β or β ≫ α and the plain series needs millions of terms.
 *
 * Two paths, by ε = 1 − z and y₀ = min(1/2, 2/a):
 * - ε >= y₀: Euler's transformation ₂F₁(a,b;a+1;z) = (1−z)^(1−b) ₂F₁(1, a+1−b; a+1; z)
 *   (Abramowitz & Stegun 15.3.3), whose terms shrink by at least z each (for b > 0), summed in
 *   linear space with the derivative of each term's log carried along (an exact gradient);
 * - ε < y₀: the integral ₂F₁(a,b;a+1;z) = a z^(−a) ∫_ε^1 (1−y)^(a−1) y^(−b) dy (A&S 15.3.1 with
 *   y = 1 − zt) split at y₀: ∫_{y₀}^1 is the first path at 1 − y₀ (cached per (a, b)); on [ε, y₀]
 *   (1−y)^(a−1) is expanded in powers of y and integrated term by term, each term
 *   (y₀^δ − ε^δ)/δ taken through expm1 so that δ = j+1−b near 0 (s a whole number in the
 *   likelihood: the log case of A&S 15.3.10) needs no special case. The gradient here is by
 *   central differences (relative error about 1e-9).
 *
 * @param a - first numerator parameter, > 0 (the denominator is a + 1)
 * @param b - second numerator parameter
 * @param z - argument in [0, 1)
 * @param grad - optional output of length >= 3: ∂/∂a, ∂/∂b, ∂/∂z of the log
 * @returns ln ₂F₁(a, b; a+1; z)
 * @throws ArgumentError when a <= 0 or z is outside [0, 1)
 * @example
 * Math.exp(hyp2f1LnShifted(1, 1, 0.999999)); // 13.815524 (= −ln(1−z)/z)
 */
export function hyp2f1LnShifted(a: number, b: number, z: number, grad?: Float64Array): number {
  if (!(a > 0) || !Number.isFinite(a)) throw new ArgumentError(`hyp2f1LnShifted: a ${a} must be a positive number`);
  if (!(z >= 0 && z < 1)) throw new ArgumentError(`hyp2f1LnShifted: z ${z} must be in [0, 1)`);
  const eps = 1 - z, y0 = Math.min(0.5, 2 / a);
  if (eps >= y0) return direct(a, b, z, grad);
  const v = nearOne(a, b, eps, y0);
  if (grad) {
    const ha = 1e-5 * Math.max(1, a), hb = 1e-5 * Math.max(1, Math.abs(b)), he = 1e-5;
    grad[0] = (lnAny(a + ha, b, eps) - lnAny(a - ha, b, eps)) / (2 * ha);
    grad[1] = (lnAny(a, b + hb, eps) - lnAny(a, b - hb, eps)) / (2 * hb);
    grad[2] = -(lnAny(a, b, eps * Math.exp(he)) - lnAny(a, b, eps * Math.exp(-he))) / (2 * he * eps);
  }
  return v;
}

function lnAny(a: number, b: number, eps: number): number {
  const y0 = Math.min(0.5, 2 / a);
  return eps >= y0 ? direct(a, b, 1 - eps, undefined) : nearOne(a, b, eps, y0);
}

/** (1−z)^(1−b) Σ_k z^k (a+1−b)_k/(a+1)_k, with the gradient of the log. */
function direct(a: number, b: number, z: number, grad: Float64Array | undefined): number {
  const lnEps = Math.log1p(-z);
  if (z === 0) {
    if (grad) { grad[0] = 0; grad[1] = 0; grad[2] = (a * b) / (a + 1); }
    return 0;
  }
  const c = a + 1, e = a + 1 - b;
  let t = 1, sum = 1, sa = 0, sb = 0, sk = 0, da = 0, db = 0;
  for (let k = 0; k < 5_000_000; k++) {
    const num = e + k;
    if (num === 0) break;
    const rho = (num / (c + k)) * z;
    if (grad) {
      da += 1 / num - 1 / (c + k);
      db -= 1 / num;
    }
    t *= rho;
    sum += t;
    if (grad) { sa += t * da; sb += t * db; sk += t * (k + 1); }
    if (rho < 1 && Math.abs(t) <= 1e-17 * Math.abs(sum) * (1 - rho)) {
      if (grad) {
        grad[0] = sa / sum;
        grad[1] = -lnEps + sb / sum;
        grad[2] = (b - 1) / (1 - z) + sk / (z * sum);
      }
      return (1 - b) * lnEps + Math.log(sum);
    }
    if (!Number.isFinite(sum)) break;
  }
  if (grad) { grad[0] = sa / sum; grad[1] = -lnEps + sb / sum; grad[2] = (b - 1) / (1 - z) + sk / (z * sum); }
  if (Number.isFinite(sum) && sum > 0) return (1 - b) * lnEps + Math.log(sum);
  throw new ArgumentError(`hyp2f1LnShifted: the series for a ${a}, b ${b}, z ${z} did not converge`);
}

const tailCache = new Map<string, number>();

/** ln ∫_{y0}^1 (1−y)^(a−1) y^(−b) dy = ln[(1−y0)^a/a · ₂F₁(a, b; a+1; 1−y0)], memoised. */
function lnTail(a: number, b: number, y0: number): number {
  const key = `${a}|${b}`;
  const hit = tailCache.get(key);
  if (hit !== undefined) return hit;
  const v = a * Math.log1p(-y0) - Math.log(a) + direct(a, b, 1 - y0, undefined);
  if (tailCache.size > 4096) tailCache.clear();
  tailCache.set(key, v);
  return v;
}

/** ln[a z^(−a) (∫_ε^{y0} + ∫_{y0}^1) (1−y)^(a−1) y^(−b) dy] for ε < y0. */
function nearOne(a: number, b: number, eps: number, y0: number): number {
  const lnE = Math.log(eps), lnY0 = Math.log(y0), L = lnY0 - lnE;
  const S = b > 1 ? (1 - b) * lnE : (1 - b) * lnY0; // scale: the largest term is about e^S
  let c = 1, sum = 0;
  for (let j = 0; j < 400; j++) {
    const d = j + 1 - b;
    let D: number;
    if (Math.abs(d * L) < 0.5) D = d === 0 ? Math.exp(-S) * L : (Math.exp(d * lnE - S) * Math.expm1(d * L)) / d;
    else D = (Math.exp(d * lnY0 - S) - Math.exp(d * lnE - S)) / d;
    const term = c * D;
    sum += term;
    if (j >= 3 && Math.abs(term) <= 1e-17 * Math.abs(sum)) break; // |c_j| y0^j <= (a y0)^j / j! <= 2^j / j!
    c *= (j + 1 - a) / (j + 1);
    if (c === 0) break;
  }
  if (!(sum > 0)) throw new ArgumentError(`hyp2f1LnShifted: lost precision near z = 1 for a ${a}, b ${b}, 1 − z ${eps}`);
  const lnInt = logAddExp(S + Math.log(sum), lnTail(a, b, y0));
  return Math.log(a) - a * Math.log1p(-eps) + lnInt;
}
