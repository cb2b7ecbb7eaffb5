import type { Transactions } from "../../data/types.js";
import { DataError } from "../../data/data-error.js";
import type { BasketLevel, Baskets } from "./basket-types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Options of {@link basketsFromTransactions}. */
export interface BasketOptions {
  /** Item level: `product` (the product_id column, default) or `category`. */
  readonly level?: BasketLevel;
}

/**
 * Groups purchase lines into market baskets: one basket per order (customer + order id), or per
 * customer and day when the data have no order id. Items are product ids or categories; a
 * basket holds each item once however many lines or units name it. Returns and cancellations
 * (amount < 0) and lines with a blank item are left out and counted in `linesSkipped`. Runs in
 * time linear in the number of lines (1-2 s a million lines on this machine).
 *
 * @param transactions - the transactions table (needs `productId` or `category` for the level)
 * @param options - `level`: "product" (default) or "category"
 * @returns frozen baskets in compressed-row form, baskets in order of first appearance
 * @throws DataError when the table lacks the level's column; RangeError for an unknown level
 * @example
 * const b = basketsFromTransactions(tx, { level: "category" });
 * b.length;   // 19,177 baskets on the bundled sample
 * b.items;    // ["apparel", "beauty", "books", "electronics", "garden", "home"]
 */
export function basketsFromTransactions(transactions: Transactions, options: BasketOptions = {}): Baskets {
  const level = options.level ?? "product";
  if (level !== "product" && level !== "category") throw new ArgumentError(`basketsFromTransactions: level ${JSON.stringify(level)} must be "product" or "category"`);
  const names = level === "product" ? transactions.productId : transactions.category;
  if (names === undefined) {
    throw new DataError(`basketsFromTransactions: the transactions have no ${level === "product" ? "product_id" : "category"} column, needed for level "${level}"; add it or use the other level`);
  }
  return Object.freeze(buildBaskets(transactions, names, level));
}

function buildBaskets(t: Transactions, names: readonly string[], level: BasketLevel): Baskets {
  const n = t.length;
  const orderId = t.orderId;
  const itemIndex = new Map<string, number>();
  const custIndex = new Map<string, number>();
  const basketIndex = new Map<string, number>();
  const lineBasket = new Int32Array(n).fill(-1);
  const lineItem = new Int32Array(n);
  const basketCustomer: number[] = [];
  const itemNames: string[] = [];
  const customers: string[] = [];
  let used = 0, prev = -1, prevCustomer = -1, prevOrder = "";
  for (let i = 0; i < n; i++) {
    const name = names[i]!;
    if ((t.amount && !(t.amount[i]! >= 0)) || name === "") continue;
    let item = itemIndex.get(name);
    if (item === undefined) itemIndex.set(name, (item = itemNames.push(name) - 1));
    const cid = t.customerId[i]!;
    let c = prev >= 0 && cid === t.customerId[prev] ? prevCustomer : custIndex.get(cid);
    if (c === undefined) custIndex.set(cid, (c = customers.push(cid) - 1));
    // Lines of one order usually follow each other: reuse the previous line's basket then.
    const order = orderId !== undefined ? orderId[i]! : "";
    let b: number | undefined;
    if (prev >= 0 && c === prevCustomer && (order !== "" ? order === orderId![prev] : prevOrder === "" && t.day[i] === t.day[prev])) b = lineBasket[prev]!;
    else {
      // Keyed by order id alone; the same id under another customer is another basket.
      const key = order !== "" ? order : `${c}\u0001${t.day[i]}`;
      b = basketIndex.get(key);
      if (b !== undefined && basketCustomer[b] !== c) {
        const own = `${c}\u0000${order}`;
        b = basketIndex.get(own);
        if (b === undefined) basketIndex.set(own, (b = basketCustomer.push(c) - 1));
      } else if (b === undefined) basketIndex.set(key, (b = basketCustomer.push(c) - 1));
    }
    prev = i; prevCustomer = c; prevOrder = order;
    lineBasket[i] = b;
    lineItem[i] = item;
    used++;
  }
  // Renumber items by name so that ids (and every output order) do not depend on line order.
  const sorted = itemNames.map((_, i) => i).sort((a, b) => (itemNames[a]! < itemNames[b]! ? -1 : 1));
  const newId = new Int32Array(itemNames.length);
  sorted.forEach((old, k) => (newId[old] = k));
  const m = basketCustomer.length;
  const offsets = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) if (lineBasket[i]! >= 0) offsets[lineBasket[i]! + 1]!++;
  for (let b = 0; b < m; b++) offsets[b + 1]! += offsets[b]!;
  const fill = offsets.slice(0, m);
  const raw = new Int32Array(used);
  for (let i = 0; i < n; i++) if (lineBasket[i]! >= 0) raw[fill[lineBasket[i]!]!++] = newId[lineItem[i]!]!;
  // Sort each basket and drop repeated items, compacting in place.
  const out = new Int32Array(used);
  const outOffsets = new Int32Array(m + 1);
  let k = 0;
  for (let b = 0; b < m; b++) {
    const lo = offsets[b]!, hi = offsets[b + 1]!;
    for (let j = lo + 1; j < hi; j++) {
      // Insertion sort: baskets are short.
      const x = raw[j]!;
      let q = j - 1;
      for (; q >= lo && raw[q]! > x; q--) raw[q + 1] = raw[q]!;
      raw[q + 1] = x;
    }
    for (let j = lo; j < hi; j++) if (j === lo || raw[j] !== raw[j - 1]) out[k++] = raw[j]!;
    outOffsets[b + 1] = k;
  }
  return {
    level,
    keyedBy: orderId !== undefined ? "order" : "customer-day",
    length: m,
    items: Object.freeze(sorted.map((old) => itemNames[old]!)),
    customers: Object.freeze(customers),
    offsets: outOffsets,
    itemIds: out.slice(0, k),
    customer: Int32Array.from(basketCustomer),
    linesUsed: used,
    linesSkipped: n - used,
  };
}
