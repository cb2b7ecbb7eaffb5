/**
 * The Cholesky factor L (lower triangular, row-major) of a symmetric positive-definite n × n
 * matrix A = L Lᵀ, or null when A is not positive definite.
 *
 * @param a - the matrix, row-major
 * @param n - its order
 * @returns L, or null
 * @example
 * cholesky(Float64Array.of(4, 2, 2, 3), 2); // [2, 0, 1, 1.4142135623730951]
 */
export function cholesky(a: ArrayLike<number>, n: number): Float64Array | null {
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      if (i === j) {
        if (!(s > 0)) return null;
        L[i * n + i] = Math.sqrt(s);
      } else {
        L[i * n + j] = s / L[j * n + j]!;
      }
    }
  }
  return L;
}

/**
 * The inverse of a symmetric positive-definite matrix through its Cholesky factor, or null when
 * the matrix is not positive definite (e.g. a Hessian at a saddle point or a flat likelihood).
 *
 * @param a - the matrix, row-major
 * @param n - its order
 * @returns A⁻¹ row-major, or null
 * @example
 * invertPositiveDefinite(Float64Array.of(4, 0, 0, 2), 2); // [0.25, 0, 0, 0.5]
 */
export function invertPositiveDefinite(a: ArrayLike<number>, n: number): Float64Array | null {
  const L = cholesky(a, n);
  if (L === null) return null;
  const inv = new Float64Array(n * n);
  const col = new Float64Array(n);
  for (let c = 0; c < n; c++) {
    col.fill(0);
    col[c] = 1;
    for (let i = 0; i < n; i++) {
      let s = col[i]!;
      for (let k = 0; k < i; k++) s -= L[i * n + k]! * col[k]!;
      col[i] = s / L[i * n + i]!;
    }
    for (let i = n - 1; i >= 0; i--) {
      let s = col[i]!;
      for (let k = i + 1; k < n; k++) s -= L[k * n + i]! * col[k]!;
      col[i] = s / L[i * n + i]!;
    }
    for (let i = 0; i < n; i++) inv[i * n + c] = col[i]!;
  }
  return inv;
}
