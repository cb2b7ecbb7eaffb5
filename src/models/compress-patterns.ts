/**
 * Groups identical rows of several numeric columns into unique patterns with counts, so that a
 * likelihood is evaluated once per pattern (identical customers cost nothing). Row weights, when
 * given, are summed. Patterns keep the order of their first row.
 *
 * @param columns - the columns, all of the same length (e.g. frequency, recency, T)
 * @param weights - optional weight per row (default 1)
 * @returns the unique rows by column and their total weights
 * @throws RangeError when the columns differ in length or a weight is negative or not finite
 * @example
 * compressPatterns([[0, 0, 1], [0, 0, 2]]); // { columns: [[0, 1], [0, 2]], weights: [2, 1] }
 */
export function compressPatterns(
  columns: readonly ArrayLike<number>[],
  weights?: ArrayLike<number>,
): { columns: Float64Array[]; weights: Float64Array } {
  const n = columns[0]?.length ?? 0;
  for (const c of columns) {
    if (c.length !== n) throw new RangeError(`compressPatterns: columns differ in length (${c.length} and ${n})`);
  }
  if (weights && weights.length !== n) throw new RangeError(`compressPatterns: ${weights.length} weights for ${n} rows`);
  const index = new Map<string, number>();
  const firstRow: number[] = [];
  const total: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`compressPatterns: weight ${w} of row ${i} is not a finite number >= 0`);
    let key = "";
    for (const c of columns) key += `${c[i]}|`;
    const k = index.get(key);
    if (k === undefined) {
      index.set(key, firstRow.length);
      firstRow.push(i);
      total.push(w);
    } else {
      total[k] = total[k]! + w;
    }
  }
  return {
    columns: columns.map((c) => Float64Array.from(firstRow, (i) => c[i]!)),
    weights: Float64Array.from(total),
  };
}
