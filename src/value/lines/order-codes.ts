import { columnCodes } from "../../data/columns/text-codes.js";
import type { Transactions } from "../../data/types.js";

/** The order of every purchase line, as integer codes. */
export interface OrderCodes {
  /** Order code of each purchase line (amount >= 0, or every line without amounts); -1 for the others. */
  readonly orderOf: Int32Array;
  /** Lines of each order. */
  readonly linesPerOrder: Int32Array;
}

/**
 * Numbers the orders of the purchase lines (amount >= 0; every line when there are no amounts):
 * one order per distinct (customer, order id), or (customer, day) without order ids, numbered in
 * order of first appearance. No text key is built per line: order ids are looked up once each,
 * and when every order id belongs to one customer (the usual case) the id's code is the order;
 * otherwise, and for (customer, day), the pair is one number (customer × width + part).
 *
 * @param t - the transactions
 * @param customerOf - a customer code (>= 0) of each line, any numbering
 * @param amount - the amounts (undefined: every line is a purchase)
 * @returns the order of each line and the lines of each order
 * @throws never
 * @example
 * // lines: (C1, order A), (C1, order A), (C2, order B)
 * orderCodes(t, Int32Array.of(0, 0, 1), t.amount).orderOf; // Int32Array [0, 0, 1]
 */
export function orderCodes(t: Transactions, customerOf: Int32Array, amount: Float64Array | undefined): OrderCodes {
  const n = t.length;
  const purchase = (i: number): boolean => amount === undefined || amount[i]! >= 0;
  let width: number;
  let part: Int32Array;
  const orderIds = columnCodes(t, "orderId");
  if (orderIds !== undefined) {
    // Order ids as the column's codes (no text lookup per line), renumbered by first appearance among the purchase lines.
    const { codes, dictionary } = orderIds;
    const slot = new Int32Array(dictionary.length).fill(-1);
    const owner = new Int32Array(dictionary.length);
    part = new Int32Array(n);
    let size = 0;
    let nested = true;
    for (let i = 0; i < n; i++) {
      if (!purchase(i)) continue;
      const c = codes[i]!;
      let o = slot[c]!;
      if (o < 0) {
        o = slot[c] = size++;
        owner[o] = customerOf[i]!;
      } else if (owner[o] !== customerOf[i]) nested = false;
      part[i] = o;
    }
    if (nested) {
      // Each order id has one customer: the pair's first appearance is the id's, so the id's code is the order.
      const orderOf = new Int32Array(n).fill(-1);
      const linesPerOrder = new Int32Array(size);
      for (let i = 0; i < n; i++) if (purchase(i)) { orderOf[i] = part[i]!; linesPerOrder[part[i]!]! += 1; }
      return { orderOf, linesPerOrder };
    }
    width = Math.max(1, size);
  } else {
    let lo = Infinity, hi = -Infinity;
    for (let i = 0; i < n; i++) { lo = Math.min(lo, t.day[i]!); hi = Math.max(hi, t.day[i]!); }
    part = Int32Array.from(t.day, (d) => d - lo);
    width = n > 0 ? hi - lo + 1 : 1;
  }
  const orderOf = new Int32Array(n).fill(-1);
  const pairs = new Map<number, number>();
  let perOrder = new Int32Array(1024);
  for (let i = 0; i < n; i++) {
    if (!purchase(i)) continue;
    const key = customerOf[i]! * width + part[i]!;
    let o = pairs.get(key);
    if (o === undefined) {
      o = pairs.size;
      pairs.set(key, o);
      if (o >= perOrder.length) { const grown = new Int32Array(perOrder.length * 2); grown.set(perOrder); perOrder = grown; }
    }
    orderOf[i] = o;
    perOrder[o]! += 1;
  }
  return { orderOf, linesPerOrder: perOrder.slice(0, pairs.size) };
}
