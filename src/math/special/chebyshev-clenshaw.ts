/**
 * Σ c_k T_k(u) by Clenshaw's recurrence b_k = c_k + 2u·b_{k+1} − b_{k+2} (stable for |u| <= 1), reading `degree + 1` coefficients
 * of `c` from `offset` (so many interpolants can share one flat array).
 *
 * Source: Clenshaw (1955), Math. Tables Aids Comput. 9(51); Trefethen (2019) ch. 3.
 *
 * @param c - coefficients (flat array)
 * @param offset - index of c₀ in `c`
 * @param degree - the degree n (n + 1 coefficients are read)
 * @param u - the point, in [−1, 1] for the stability guarantee
 * @returns the value of the Chebyshev series (units of the coefficients)
 * @throws never (reads past the end give NaN)
 * @example
 * chebyshevClenshaw(Float64Array.of(0.5, 0, 0.5), 0, 2, 0.3); // 0.08999999999999997 (≈ 0.3²)
 */
export function chebyshevClenshaw(c: ArrayLike<number>, offset: number, degree: number, u: number): number {
  const u2 = 2 * u;
  let b1 = 0, b2 = 0;
  for (let k = offset + degree; k > offset; k--) {
    const b0 = c[k]! - b2 + u2 * b1; // c − b₂ first: one multiply-add on the dependency chain
    b2 = b1;
    b1 = b0;
  }
  return c[offset]! + u * b1 - b2;
}
