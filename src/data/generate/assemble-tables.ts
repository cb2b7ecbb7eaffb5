import type { World } from "./resolve-world.js";
import { SERVICE_EVENT_TYPES, type SampleBuilder } from "./sample-builder.js";
import type { SampleServiceEvents, SampleTransactions, ServiceEventType } from "./types.js";

/**
 * Turns the staged orders and lines into the transactions table (private to `generateSample`):
 * orders sorted by day, then customer, then staging order; order ids `O0000001`... given in
 * that order; money from integer cents to currency units.
 *
 * @example
 * assembleTransactions(builder, world, ids).orderId[0]; // "O0000001"
 */
export function assembleTransactions(b: SampleBuilder, w: World, customerIds: readonly string[]): SampleTransactions {
  const nOrders = b.orderDay.length;
  const perm = sortedIndex(nOrders, b.orderDay, b.orderCustomer);
  const width = Math.max(7, String(nOrders).length);
  const n = b.lineAmountCents.length;
  const customerId = new Array<string>(n);
  const orderId = new Array<string>(n);
  const channel = new Array<(typeof w.channelNames)[number]>(n);
  const productId = new Array<string>(n);
  const category = new Array<string>(n);
  const day = new Int32Array(n);
  const quantity = new Int32Array(n);
  const returnedQuantity = new Int32Array(n);
  const unitPrice = new Float64Array(n);
  const discount = new Float64Array(n);
  const amount = new Float64Array(n);
  const freight = new Float64Array(n);
  const cost = new Float64Array(n);
  const returnedAmount = new Float64Array(n);
  const productIds = Array.from({ length: 1000 }, (_, k) => `P${String(k + 1).padStart(3, "0")}`);
  let out = 0;
  for (let k = 0; k < nOrders; k++) {
    const o = perm[k]!;
    const id = `O${String(k + 1).padStart(width, "0")}`;
    const cust = customerIds[b.orderCustomer[o]!]!;
    const ch = w.channelNames[b.orderChannel[o]!]!;
    const first = b.orderFirstLine[o]!;
    for (let l = first; l < first + b.orderLineCount[o]!; l++, out++) {
      customerId[out] = cust;
      orderId[out] = id;
      channel[out] = ch;
      day[out] = b.orderDay[o]!;
      productId[out] = productIds[b.lineProduct[l]!]!;
      category[out] = w.categoryNames[b.lineCategory[l]!]!;
      quantity[out] = b.lineQuantity[l]!;
      unitPrice[out] = b.lineUnitCents[l]! / 100;
      discount[out] = b.lineDiscountCents[l]! / 100;
      amount[out] = b.lineAmountCents[l]! / 100;
      freight[out] = b.lineFreightCents[l]! / 100;
      cost[out] = b.lineCostCents[l]! / 100;
      returnedQuantity[out] = b.lineReturnedQuantity[l]!;
      returnedAmount[out] = b.lineReturnedCents[l]! / 100;
    }
  }
  return Object.freeze({
    length: n, customerId: Object.freeze(customerId), orderId: Object.freeze(orderId), day,
    channel: Object.freeze(channel), productId: Object.freeze(productId), category: Object.freeze(category),
    quantity, unitPrice, discount, amount, freight, cost, returnedQuantity, returnedAmount,
  });
}

/**
 * The service events table, sorted by day, then customer, then staging order.
 *
 * @example
 * assembleServiceEvents(builder, ids).type[0]; // e.g. "late_delivery"
 */
export function assembleServiceEvents(b: SampleBuilder, customerIds: readonly string[]): SampleServiceEvents {
  const n = b.eventDay.length;
  const perm = sortedIndex(n, b.eventDay, b.eventCustomer);
  const customerId = new Array<string>(n);
  const type = new Array<ServiceEventType>(n);
  const day = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const e = perm[k]!;
    customerId[k] = customerIds[b.eventCustomer[e]!]!;
    day[k] = b.eventDay[e]!;
    type[k] = SERVICE_EVENT_TYPES[b.eventType[e]!]!;
  }
  return Object.freeze({ length: n, customerId: Object.freeze(customerId), day, type: Object.freeze(type) });
}

/** Indices 0..n-1 sorted by (day, customer, index): deterministic, stable. */
function sortedIndex(n: number, day: readonly number[], customer: readonly number[]): Uint32Array {
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  return idx.sort((x, y) => day[x]! - day[y]! || customer[x]! - customer[y]! || x - y);
}
