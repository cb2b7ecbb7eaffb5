import type { BasketLevel, Baskets } from "./basket-types.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Builds baskets from plain lists of item names, one list per basket (repeats within a list
 * count once): for textbook examples, tests and notebooks. Every basket belongs to its own
 * customer `"B1"`, `"B2"`, ... unless `customers` names one per basket.
 *
 * @param lists - item names per basket
 * @param options - `customers`: customer id per basket; `level` (default "product")
 * @returns frozen baskets, item ids in name order
 * @throws ArgumentError when `customers` has not one id per basket or an item name is blank
 * @example
 * const b = basketsFromLists([["bread", "milk"], ["bread"]]);
 * b.items;  // ["bread", "milk"]
 * b.length; // 2
 */
export function basketsFromLists(
  lists: readonly (readonly string[])[],
  options: { readonly customers?: readonly string[]; readonly level?: BasketLevel } = {},
): Baskets {
  const ids = options.customers ?? lists.map((_, i) => `B${i + 1}`);
  if (ids.length !== lists.length) throw new ArgumentError(`basketsFromLists: ${ids.length} customers given for ${lists.length} baskets`);
  const names = [...new Set(lists.flat())].sort();
  if (names.includes("")) throw new ArgumentError(`basketsFromLists: a blank item name in basket ${lists.findIndex((l) => l.includes("")) + 1}`);
  const itemId = new Map(names.map((name, i) => [name, i]));
  const custIndex = new Map<string, number>();
  const customers: string[] = [];
  const offsets = new Int32Array(lists.length + 1);
  const itemIds: number[] = [];
  const customer = new Int32Array(lists.length);
  lists.forEach((list, b) => {
    const set = [...new Set(list.map((name) => itemId.get(name)!))].sort((x, y) => x - y);
    itemIds.push(...set);
    offsets[b + 1] = itemIds.length;
    let c = custIndex.get(ids[b]!);
    if (c === undefined) custIndex.set(ids[b]!, (c = customers.push(ids[b]!) - 1));
    customer[b] = c;
  });
  return Object.freeze({
    level: options.level ?? "product",
    keyedBy: "order" as const,
    length: lists.length,
    items: Object.freeze(names),
    customers: Object.freeze(customers),
    offsets,
    itemIds: Int32Array.from(itemIds),
    customer,
    linesUsed: lists.reduce((s, l) => s + l.length, 0),
    linesSkipped: 0,
  });
}
