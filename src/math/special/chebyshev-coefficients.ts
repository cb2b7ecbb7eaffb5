import { ArgumentError } from "../argument-error.js";
/**
 * Chebyshev coefficients c₀..cₙ of the degree-n polynomial that interpolates `values` at the
 * n+1 Chebyshev points of the second kind (Chebyshev–Lobatto points) u_j = cos(jπ/n), j = 0..n,
 * on [−1, 1], so that p(u) = Σ c_k T_k(u). Computed by the discrete cosine transform (DCT-I)
 * c_k = (2/n) Σ″ f_j cos(jkπ/n), with the first and last terms (and c₀, cₙ) halved; O(n²), meant
 * for the small degrees (n <= a few hundred) of interpolants of smooth functions.
 *
 * Source: Trefethen (2019), Approximation Theory and Approximation Practice, ch. 3 and 19;
 * Mason & Handscomb (2003), Chebyshev Polynomials, §6.3.
 *
 * @param values - f(u_j) for j = 0..n (n + 1 >= 1 values), in the order of {@link chebyshevPoints} (from u = 1 down to u = −1)
 * @returns the n + 1 coefficients (units of the values)
 * @throws ArgumentError when no values are given
 * @example
 * chebyshevCoefficients([1, 0, 1]); // Float64Array [0.5, 0, 0.5] (u² = (T₀ + T₂)/2)
 */
export function chebyshevCoefficients(values: ArrayLike<number>): Float64Array {
  const m = values.length;
  if (m < 1) throw new ArgumentError("chebyshevCoefficients: at least one value is needed");
  const n = m - 1;
  const c = new Float64Array(m);
  if (n === 0) {
    c[0] = values[0]!;
    return c;
  }
  for (let k = 0; k <= n; k++) {
    let s = 0.5 * (values[0]! + (k % 2 === 0 ? values[n]! : -values[n]!));
    for (let j = 1; j < n; j++) s += values[j]! * Math.cos((Math.PI * ((j * k) % (2 * n))) / n);
    c[k] = ((k === 0 || k === n ? 1 : 2) * s) / n;
  }
  return c;
}

/**
 * The n + 1 Chebyshev points of the second kind mapped to [lo, hi]: lo + (hi − lo)(1 + cos(jπ/n))/2
 * for j = 0..n (from hi down to lo); the one point (lo + hi)/2 when n = 0.
 *
 * @param n - polynomial degree (whole number >= 0)
 * @param lo - left end of the interval (units of the variable)
 * @param hi - right end of the interval (same units)
 * @returns the points, hi first
 * @throws ArgumentError when n is not a whole number >= 0
 * @example
 * chebyshevPoints(2, 0, 10); // Float64Array [10, 5, 0]
 */
export function chebyshevPoints(n: number, lo: number, hi: number): Float64Array {
  if (!(Number.isInteger(n) && n >= 0)) throw new ArgumentError(`chebyshevPoints: n ${n} must be a whole number >= 0`);
  const out = new Float64Array(n + 1);
  if (n === 0) {
    out[0] = 0.5 * (lo + hi);
    return out;
  }
  const mid = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
  for (let j = 0; j <= n; j++) {
    // sin form keeps the points symmetric and exact at the ends: cos(jπ/n) = sin(π(n − 2j)/(2n)).
    out[j] = j === 0 ? hi : j === n ? lo : mid + half * Math.sin((Math.PI * (n - 2 * j)) / (2 * n));
  }
  return out;
}
