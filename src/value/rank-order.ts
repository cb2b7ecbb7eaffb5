import { ArgumentError } from "../math/argument-error.js";
import { scoreOrder } from "../math/score-order.js";
/**
 * The order of entries by value, highest first, ties broken by id (ascending), so that the
 * ranking is deterministic: `order[0]` is the index of rank 1.
 *
 * @param ids - an id per entry (e.g. customer ids)
 * @param values - the values to rank by (e.g. net contribution, currency units); NaN ranks last
 * @returns a permutation of 0..n-1
 * @throws ArgumentError when the lengths differ
 * @example
 * rankOrder(["a", "b", "c"], [5, 9, 5]); // Int32Array [1, 0, 2]
 */
export function rankOrder(ids: readonly string[], values: ArrayLike<number>): Int32Array {
  if (ids.length !== values.length) throw new ArgumentError(`rankOrder: ${values.length} values but ${ids.length} ids`);
  const key = Float64Array.from({ length: ids.length }, (_, i) => (Number.isNaN(values[i]!) ? -Infinity : values[i]!));
  // Ids already in ascending order (customerValue's are): a tie is broken by position, no text compare.
  let ascending = true;
  for (let i = 1; i < ids.length && ascending; i++) ascending = ids[i - 1]! < ids[i]!;
  if (ascending) return scoreOrder(key); // ties by position: a radix sort, no comparison function
  const order = Int32Array.from({ length: ids.length }, (_, i) => i);
  order.sort((i, j) => key[j]! - key[i]! || (ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : 0));
  return order;
}
