import type { ChartSpec } from "../chart-spec.js";
import { dayStep } from "../nice-step.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Customers counted on a grid of days-since-last-purchase bins (x) by orders (y). */
export interface RecencyOrdersGrid {
  /** Day-bin labels, e.g. "0–29", "30–59" (whole days, both ends included). */
  readonly x: readonly string[];
  /** Order-count labels, e.g. "1", "2", ..., "10+". */
  readonly y: readonly string[];
  /** Customers per cell (count), `z[orderRow][dayBin]`. */
  readonly z: readonly (readonly number[])[];
  /** Bin width (days). */
  readonly binDays: number;
}

/**
 * Counts customers on a grid of days since last purchase (x, calendar-friendly bins) by number of
 * orders (y, capped at `ordersCap`+). The grid has at most about `targetBins` x `ordersCap` cells
 * whatever the number of customers.
 *
 * @param daysSinceLastPurchase - RFM recency per customer (days, >= 0)
 * @param orders - RFM frequency per customer (count of orders, >= 0)
 * @param targetBins - about how many day bins (default 20); `ordersCap` default 10
 * @returns the grid, frozen
 * @throws ArgumentError when the columns differ in length or hold negative or non-finite values
 * @example
 * recencyOrdersGrid([0, 40], [1, 3]).y; // ["1", "2", "3"]
 */
export function recencyOrdersGrid(
  daysSinceLastPurchase: ArrayLike<number>,
  orders: ArrayLike<number>,
  targetBins = 20,
  ordersCap = 10,
): RecencyOrdersGrid {
  const n = daysSinceLastPurchase.length;
  if (orders.length !== n) throw new ArgumentError(`recencyOrdersGrid: ${n} recency values but ${orders.length} order counts`);
  let maxDays = 0;
  let minOrd = Infinity;
  let maxOrd = 0;
  for (let i = 0; i < n; i++) {
    const d = daysSinceLastPurchase[i]!;
    const o = orders[i]!;
    if (!Number.isFinite(d) || d < 0) throw new ArgumentError(`recencyOrdersGrid: days since last purchase ${d} of row ${i} is not a number >= 0`);
    if (!Number.isFinite(o) || o < 0) throw new ArgumentError(`recencyOrdersGrid: orders ${o} of row ${i} is not a number >= 0`);
    maxDays = Math.max(maxDays, d);
    minOrd = Math.min(minOrd, Math.min(Math.floor(o), ordersCap));
    maxOrd = Math.max(maxOrd, Math.min(Math.floor(o), ordersCap));
  }
  if (n === 0) return deepFreeze({ x: [], y: [], z: [], binDays: 1 });
  const binDays = dayStep(Math.max(1, (Math.floor(maxDays) + 1) / Math.max(1, targetBins)));
  const nx = Math.floor(maxDays / binDays) + 1;
  const ny = maxOrd - minOrd + 1;
  const z = Array.from({ length: ny }, () => new Array<number>(nx).fill(0));
  for (let i = 0; i < n; i++) {
    const row = Math.min(Math.floor(orders[i]!), ordersCap) - minOrd;
    z[row]![Math.floor(daysSinceLastPurchase[i]! / binDays)]! += 1;
  }
  const x = Array.from({ length: nx }, (_, k) => (binDays === 1 ? String(k) : `${k * binDays}–${(k + 1) * binDays - 1}`));
  const y = Array.from({ length: ny }, (_, k) => (k + minOrd === ordersCap ? `${ordersCap}+` : String(k + minOrd)));
  return deepFreeze({ x, y, z, binDays });
}

/**
 * Binned heatmap of days since last purchase (x) against number of orders (y): recent, frequent
 * customers sit bottom-left to top-left; lapsed one-time buyers bottom-right. Light at 100k+
 * customers because it draws counts per cell, not one point per customer.
 *
 * @param daysSinceLastPurchase - RFM recency per customer (days), e.g. `summary.columns.days_since_last_purchase`
 * @param orders - RFM frequency per customer (count of orders), e.g. `summary.columns.orders`
 * @param options - `targetBins` (default 20), `ordersCap` (default 10), `title`
 * @returns a frozen chart description: a heatmap, x: days since last purchase (days), y: orders
 *   (count), colour: customers (count); empty cells null
 * @throws ArgumentError as {@link recencyOrdersGrid}
 * @example
 * recencyOrdersHeatmap([3, 100], [2, 1]).marks[0].kind; // "heatmap"
 */
export function recencyOrdersHeatmap(
  daysSinceLastPurchase: ArrayLike<number>,
  orders: ArrayLike<number>,
  options: { readonly targetBins?: number; readonly ordersCap?: number; readonly title?: string } = {},
): ChartSpec {
  const g = recencyOrdersGrid(daysSinceLastPurchase, orders, options.targetBins ?? 20, options.ordersCap ?? 10);
  return deepFreeze({
    id: "recency-orders-heatmap",
    title: options.title ?? "Customers by days since last purchase and number of orders",
    x: { title: "Days since last purchase (days)", scale: "category" },
    y: { title: "Orders in the period (count)", scale: "category", includeZero: false },
    marks: [
      {
        kind: "heatmap",
        name: "Customers",
        x: [...g.x],
        y: [...g.y],
        z: g.z.map((row) => row.map((c) => (c === 0 ? null : c))),
        colourScale: "sequential",
        valueTitle: "Customers (count)",
        hover: "{y} orders, {x} days since last purchase: {z} customers",
        cellGapPx: 1,
      },
    ],
    legend: false,
  });
}
