import { kthSmallest } from "../../math/kth-smallest.js";
import { ArgumentError } from "../../math/argument-error.js";
/**
 * Indices of the `k` largest values, largest first; ties broken by id (ascending) so the
 * result is deterministic. O(n k) for k <= 64 (a running insertion); otherwise the k-th largest
 * value is found by selection on a typed copy (O(n)), and only the k chosen rows are sorted
 * (ids compared only between equal values), so the top fifth of a million customers costs a
 * fraction of sorting them all. Values with a NaN among them are sorted as a whole.
 *
 * @param values - the values to rank, e.g. total spend per customer (any unit)
 * @param ids - an id per value, for tie-breaking
 * @param k - how many to return (fewer when there are fewer values)
 * @returns the row indices, best first
 * @throws ArgumentError when k is not an integer >= 0 or lengths differ
 * @example
 * topIndices([5, 9, 7], ["a", "b", "c"], 2); // [1, 2]
 */
export function topIndices(values: ArrayLike<number>, ids: readonly string[], k: number): number[] {
  if (!Number.isInteger(k) || k < 0) throw new ArgumentError(`topIndices: k ${k} is not an integer >= 0`);
  if (ids.length !== values.length) throw new ArgumentError(`topIndices: ${values.length} values but ${ids.length} ids`);
  const n = values.length;
  const before = (i: number, j: number): boolean =>
    values[i]! > values[j]! || (values[i]! === values[j]! && ids[i]! < ids[j]!);
  const order = (i: number, j: number): number => (before(i, j) ? -1 : before(j, i) ? 1 : 0);
  if (k > 64) {
    let hasNaN = false;
    for (let i = 0; i < n && !hasNaN; i++) hasNaN = values[i] !== values[i];
    if (hasNaN || k >= n) {
      const all = Array.from({ length: n }, (_, i) => i);
      all.sort(order);
      return all.slice(0, k);
    }
    // the k-th largest value t: every row above it is in, and the rows equal to it by id
    const t = kthSmallest(Float64Array.from(values), n - k);
    const chosen: number[] = [], ties: number[] = [];
    for (let i = 0; i < n; i++) {
      const v = values[i]!;
      if (v > t) chosen.push(i);
      else if (v === t) ties.push(i);
    }
    ties.sort((i, j) => (ids[i]! < ids[j]! ? -1 : ids[j]! < ids[i]! ? 1 : 0));
    for (let j = 0; chosen.length < k; j++) chosen.push(ties[j]!);
    chosen.sort(order);
    return chosen;
  }
  const top: number[] = [];
  for (let i = 0; i < n && k > 0; i++) {
    if (top.length === k && !before(i, top[k - 1]!)) continue;
    let pos = top.length === k ? k - 1 : top.length;
    while (pos > 0 && before(i, top[pos - 1]!)) pos--;
    top.splice(pos, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}

