import { hyp2f1LnShifted } from "./hyp2f1-ln-shifted.js";
import { lnGamma } from "./special-functions.js";
import { ArgumentError } from "../argument-error.js";

/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real z < 1 (c not 0 or a negative whole number), as the lifetime-value
 * models need it (BG/NBD and Pareto/NBD expectations). For 0 <= z < 1 it sums the power series
 * (terms ratio (a+k)(b+k)/((c+k)(k+1))·z, converging geometrically; near z = 1 this takes many
 * terms, so the sum runs up to 10 million terms with a relative tolerance of 1e-15). For z < 0 it
 * uses Pfaff's transformation ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), whose argument
 * lies in [0, 1). Near z = 1 the series is avoided: c = a or b is the closed form (1−z)^(−b or −a);
 * c = a+1 or b+1 goes to {@link hyp2f1LnShifted} (accurate to z = 1 − 1e-300); otherwise for
 * z > 0.9 the z → 1−z transformation A&S 15.3.6 is used when c−a−b is at least 1e-3 away from a
 * whole number (else the series, slow but exact).
 *
 * Sources: Abramowitz & Stegun 15.1.1 (series), 15.3.4 (Pfaff), 15.3.3 and 15.3.6.
 *
 * @param a - first numerator parameter
 * @param b - second numerator parameter
 * @param c - denominator parameter (not 0 or a negative whole number)
 * @param z - argument (< 1)
 * @returns ₂F₁(a, b; c; z)
 * @throws ArgumentError when z >= 1, c is 0 or a negative whole number, or the series does not converge
 * @example
 * hyp2f1(1, 1, 2, 0.5); // 1.3862943611198906 (= −ln(1−z)/z)
 * hyp2f1(1, 1, 2, 0.999999); // 13.815524373459896
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new ArgumentError(`hyp2f1: z ${z} must be below 1`);
  if (c <= 0 && Number.isInteger(c)) throw new ArgumentError(`hyp2f1: c ${c} must not be 0 or a negative whole number`);
  if (z < 0) return Math.pow(1 - z, -a) * nonNegative(a, c - b, c, z / (z - 1));
  return nonNegative(a, b, c, z);
}

function nonNegative(a: number, b: number, c: number, z: number): number {
  if (c === b) return Math.pow(1 - z, -a);
  if (c === a) return Math.pow(1 - z, -b);
  if (c === a + 1 && a > 0) return Math.exp(hyp2f1LnShifted(a, b, z));
  if (c === b + 1 && b > 0) return Math.exp(hyp2f1LnShifted(b, a, z));
  const d = c - a - b;
  if (z > 0.9 && Math.abs(d - Math.round(d)) > 1e-3) {
    const w = 1 - z;
    const g1 = gammaRatio(c, d, c - a, c - b), g2 = gammaRatio(c, -d, a, b);
    const v = g1.sign * Math.exp(g1.ln) * series(a, b, 1 - d, w) + g2.sign * Math.exp(g2.ln + d * Math.log(w)) * series(c - a, c - b, d + 1, w);
    if (Number.isFinite(v)) return v;
  }
  return series(a, b, c, z);
}

/** Γ(p)Γ(q)/(Γ(u)Γ(v)) as sign and log of the magnitude (0 when u or v is a pole). */
function gammaRatio(p: number, q: number, u: number, v: number): { sign: number; ln: number } {
  const sg = (x: number): number => (x > 0 ? 1 : Number.isInteger(x) ? 0 : Math.ceil(-x) % 2 === 0 ? 1 : -1);
  const su = sg(u), sv = sg(v);
  if (su === 0 || sv === 0) return { sign: 0, ln: 0 };
  return { sign: sg(p) * sg(q) * su * sv, ln: lnGamma(p) + lnGamma(q) - lnGamma(u) - lnGamma(v) };
}

function series(a: number, b: number, c: number, z: number): number {
  if (z === 0) return 1;
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 10_000_000; k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
    if (Math.abs(term) <= 1e-15 * Math.abs(sum)) {
      if (k > 0 || term === 0) return sum;
    }
    if (!Number.isFinite(sum)) break;
  }
  throw new ArgumentError(`hyp2f1: the series for a ${a}, b ${b}, c ${c}, z ${z} did not converge`);
}
