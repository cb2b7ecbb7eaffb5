import { ArgumentError } from "../../math/argument-error.js";
/**
 * Indices of the `k` largest values, largest first; ties broken by id (ascending) so the
 * result is deterministic. O(n k) for k <= 64 (a running insertion), O(n log n) otherwise.
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
  const before = (i: number, j: number): boolean =>
    values[i]! > values[j]! || (values[i]! === values[j]! && ids[i]! < ids[j]!);
  if (k > 64) {
    const all = Array.from({ length: values.length }, (_, i) => i);
    all.sort((i, j) => (before(i, j) ? -1 : before(j, i) ? 1 : 0));
    return all.slice(0, k);
  }
  const top: number[] = [];
  for (let i = 0; i < values.length && k > 0; i++) {
    if (top.length === k && !before(i, top[k - 1]!)) continue;
    let pos = top.length === k ? k - 1 : top.length;
    while (pos > 0 && before(i, top[pos - 1]!)) pos--;
    top.splice(pos, 0, i);
    if (top.length > k) top.pop();
  }
  return top;
}
