/**
 * The Gauss hypergeometric function ₂F₁(a, b; c; z) for real z < 1 (c not 0 or a negative whole number), as the lifetime-value
 * models need it (BG/NBD and Pareto/NBD expectations). For 0 <= z < 1 it sums the power series
 * (terms ratio (a+k)(b+k)/((c+k)(k+1))·z, converging geometrically; near z = 1 this takes many
 * terms, so the sum runs up to 10 million terms with a relative tolerance of 1e-15). For z < 0 it
 * uses Pfaff's transformation ₂F₁(a,b;c;z) = (1−z)^(−a) ₂F₁(a, c−b; c; z/(z−1)), whose argument
 * lies in [0, 1).
 *
 * Sources: Abramowitz & Stegun 15.1.1 (series) and 15.3.4 (Pfaff).
 *
 * @param a - first numerator parameter
 * @param b - second numerator parameter
 * @param c - denominator parameter (not 0 or a negative whole number)
 * @param z - argument (< 1)
 * @returns ₂F₁(a, b; c; z)
 * @throws RangeError when z >= 1, c is 0 or a negative whole number, or the series does not converge
 * @example
 * hyp2f1(1, 1, 2, 0.5); // 1.3862943611198906 (= −ln(1−z)/z)
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z < 1)) throw new RangeError(`hyp2f1: z ${z} must be below 1`);
  if (c <= 0 && Number.isInteger(c)) throw new RangeError(`hyp2f1: c ${c} must not be 0 or a negative whole number`);
  if (z < 0) return Math.pow(1 - z, -a) * series(a, c - b, c, z / (z - 1));
  return series(a, b, c, z);
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
  throw new RangeError(`hyp2f1: the series for a ${a}, b ${b}, c ${c}, z ${z} did not converge`);
}
