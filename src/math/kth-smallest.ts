/**
 * The k-th smallest value (0-based) of `a` by Hoare's selection, in expected linear time; `a` is
 * reordered so that every value before index k is <= it and every value after is >= it. For a
 * quantile or a top-N cut-off of a million numbers without sorting them all.
 *
 * @param a - the values (no NaN); reordered in place
 * @param k - the rank wanted, 0 to a.length - 1
 * @returns the k-th smallest value
 * @throws never (an out-of-range k gives undefined behaviour: check it first)
 * @example
 * kthSmallest(Float64Array.of(5, 1, 4, 2), 1); // 2
 */
export function kthSmallest(a: Float64Array, k: number): number {
  let left = 0, right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >>> 1]!;
    let i = left, j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k]!;
}
