/**
 * An evenly spaced subsample of rows (every k-th, k = ⌈n / rows⌉) with weights multiplied by k,
 * so that its weighted likelihood approximates the full one. Deterministic: no randomness. Used
 * to warm-start fits on large data.
 *
 * @param columns - the columns of the rows
 * @param weights - the weight of each row
 * @param rows - the target number of rows
 * @returns the subsample, or null when there are no more than 2 × rows rows
 * @example
 * strideSubsample([[1, 2, 3, 4, 5, 6]], [1, 1, 1, 1, 1, 1], 2); // { columns: [[1, 4]], weights: [3, 3] }
 */
export function strideSubsample(
  columns: readonly Float64Array[],
  weights: Float64Array,
  rows: number,
): { columns: Float64Array[]; weights: Float64Array } | null {
  const n = weights.length;
  if (n <= 2 * rows) return null;
  const k = Math.ceil(n / rows);
  const m = Math.ceil(n / k);
  const pick = (c: Float64Array): Float64Array => {
    const out = new Float64Array(m);
    for (let i = 0, j = 0; i < n; i += k, j++) out[j] = c[i]!;
    return out;
  };
  const w = pick(weights);
  for (let j = 0; j < m; j++) w[j] = w[j]! * k;
  return { columns: columns.map(pick), weights: w };
}
