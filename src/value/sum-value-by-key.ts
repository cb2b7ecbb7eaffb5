import { linePieces, PIECE_COUNT, PIECES, type LineValues } from "./lines/line-values.js";
import type { ValueTotals } from "./types.js";
import { ArgumentError } from "../math/argument-error.js";

/** Additive value sums per key (customer or group), plus the numerators hidden behind the rates. */
export interface ValueSumColumns {
  readonly customers: Float64Array;
  readonly orders: Float64Array;
  readonly lines: Float64Array;
  readonly units: Float64Array;
  readonly unit_sales: Float64Array;
  readonly gross_sales: Float64Array;
  readonly discounts: Float64Array;
  readonly returns_value: Float64Array;
  readonly net_sales: Float64Array;
  readonly goods_cost: Float64Array;
  readonly cost_of_goods: Float64Array;
  readonly cost_estimated_sales: Float64Array;
  readonly gross_margin: Float64Array;
  readonly freight: Float64Array;
  readonly returned_lines: Float64Array;
  readonly cost_to_serve: Float64Array;
  readonly net_contribution: Float64Array;
}

/**
 * Sums the line values by a key of each line: lines, units and money measures add up; customers
 * and orders are counted distinct within each key; gross margin = net sales - cost of goods and
 * net contribution = gross margin - freight - cost to serve (currency units).
 *
 * @param lines - the line values
 * @param costToServe - cost to serve of each line (currency)
 * @param keyOf - the key index (0..nKeys-1) of each line
 * @param nKeys - number of keys
 * @returns the sums (typed arrays of length nKeys)
 * @throws ArgumentError when a key index is out of range
 * @example
 * sumValueByKey(lines, cts, new Int32Array(lines.length), 1).net_sales[0]; // total net sales
 */
export function sumValueByKey(lines: LineValues, costToServe: Float64Array, keyOf: Int32Array, nKeys: number): ValueSumColumns {
  const make = (): Float64Array => new Float64Array(nKeys);
  const out = {
    customers: make(), orders: make(), lines: make(), units: make(), unit_sales: make(), gross_sales: make(), discounts: make(),
    returns_value: make(), net_sales: make(), goods_cost: make(), cost_of_goods: make(), cost_estimated_sales: make(),
    gross_margin: make(), freight: make(), returned_lines: make(), cost_to_serve: make(), net_contribution: make(),
  };
  const n = lines.length;
  for (let i = 0; i < n; i++) {
    const k = keyOf[i]!;
    if (!(k >= 0 && k < nKeys)) throw new ArgumentError(`sumValueByKey: key index ${k} of line ${i} is outside 0..${nKeys - 1}`);
    out.lines[k]! += 1;
    out.cost_to_serve[k]! += costToServe[i]!;
  }
  // Each line's pieces once, added to every measure: each sum still adds its lines in line order
  // (the same floating-point result as summing a stored column of the piece).
  const p = new Float64Array(PIECE_COUNT);
  const { transactions, cost } = lines;
  for (let i = 0; i < n; i++) {
    linePieces(transactions, cost, i, p);
    const k = keyOf[i]!;
    out.units[k]! += p[PIECES.units]!;
    out.unit_sales[k]! += p[PIECES.unitSales]!;
    out.gross_sales[k]! += p[PIECES.grossSales]!;
    out.discounts[k]! += p[PIECES.discounts]!;
    out.returns_value[k]! += p[PIECES.returnsValue]!;
    out.net_sales[k]! += p[PIECES.netSales]!;
    out.goods_cost[k]! += p[PIECES.goodsCost]!;
    out.cost_of_goods[k]! += p[PIECES.costOfGoods]!;
    out.cost_estimated_sales[k]! += p[PIECES.costEstimatedSales]!;
    out.freight[k]! += p[PIECES.freight]!;
    out.returned_lines[k]! += p[PIECES.returned]!;
  }
  countDistinctPairs(keyOf, lines.customerOf, lines.customerIds.length, out.customers);
  countDistinctPairs(keyOf, lines.orderOf, lines.orders, out.orders);
  for (let k = 0; k < nKeys; k++) {
    out.gross_margin[k] = out.net_sales[k]! - out.cost_of_goods[k]!;
    out.net_contribution[k] = out.gross_margin[k]! - out.freight[k]! - out.cost_to_serve[k]!;
  }
  return out;
}

/**
 * Adds to `into[k]` the number of distinct values v >= 0 that lines with key k have (customers or
 * orders a key reached). When every value lies under one key, each key counts the values it
 * owns (one pass); otherwise the (key, value) pairs, as one number each, are sorted and counted
 * once. A sort of typed numbers instead of a Set of a million entries: the same counts, a fraction of the time
 * and memory.
 *
 * @param keyOf - key index of each line
 * @param valueOf - value index of each line (customer or order; negative: none, not counted)
 * @param width - one more than the largest value index
 * @param into - counts per key, added to
 * @example
 * const into = new Float64Array(2);
 * countDistinctPairs(Int32Array.of(0, 0, 1, 0), Int32Array.of(5, 5, 5, 7), 8, into); // into: [2, 1]
 */
function countDistinctPairs(keyOf: Int32Array, valueOf: Int32Array, width: number, into: Float64Array): void {
  // The common case first: every value lies under one key (orders and customers by customer, any
  // value under a single total key). Then a key's distinct values are the values it owns: one pass.
  const owner = new Int32Array(width).fill(-1);
  let nested = true;
  for (let i = 0; i < keyOf.length && nested; i++) {
    const v = valueOf[i]!;
    if (v < 0) continue;
    const o = owner[v]!;
    if (o === -1) owner[v] = keyOf[i]!;
    else if (o !== keyOf[i]!) nested = false;
  }
  if (nested) {
    for (let v = 0; v < width; v++) if (owner[v]! >= 0) into[owner[v]!]! += 1;
    return;
  }
  const codes = new Float64Array(keyOf.length);
  let n = 0;
  for (let i = 0; i < keyOf.length; i++) {
    const v = valueOf[i]!;
    if (v >= 0) codes[n++] = keyOf[i]! * width + v;
  }
  const sorted = codes.subarray(0, n).sort();
  for (let j = 0; j < n; j++) {
    if (j === 0 || sorted[j] !== sorted[j - 1]) into[Math.floor(sorted[j]! / width)]! += 1;
  }
}

/** `num / den`, NaN when `den` is 0 or either is not finite. */
export function ratio(num: number, den: number): number {
  return den !== 0 && Number.isFinite(num) && Number.isFinite(den) ? num / den : NaN;
}

/**
 * The totals record of entry `k` of value sums: sums, counts and rates (null when undefined).
 *
 * @param s - value sums
 * @param k - the entry (0 for a one-key sum)
 * @returns a frozen {@link ValueTotals}
 * @throws never
 * @example
 * valueTotals(sumValueByKey(lines, cts, new Int32Array(n), 1), 0).net_contribution;
 */
export function valueTotals(s: ValueSumColumns, k: number): ValueTotals {
  const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);
  return Object.freeze({
    customers: s.customers[k]!, orders: s.orders[k]!, lines: s.lines[k]!, units: s.units[k]!,
    gross_sales: s.gross_sales[k]!, discounts: s.discounts[k]!, returns_value: s.returns_value[k]!, net_sales: s.net_sales[k]!,
    cost_of_goods: s.cost_of_goods[k]!, cost_estimated_sales: s.cost_estimated_sales[k]!, gross_margin: s.gross_margin[k]!,
    freight: s.freight[k]!, returned_lines: s.returned_lines[k]!, cost_to_serve: s.cost_to_serve[k]!, net_contribution: s.net_contribution[k]!,
    return_rate: orNull(ratio(s.returns_value[k]!, s.gross_sales[k]!)),
    gross_margin_rate: orNull(ratio(s.gross_margin[k]!, s.net_sales[k]!)),
    list_margin_rate: orNull(1 - ratio(s.goods_cost[k]!, s.gross_sales[k]! + s.discounts[k]!)),
    discount_rate: orNull(ratio(s.discounts[k]!, s.gross_sales[k]! + s.discounts[k]!)),
    average_selling_price: orNull(ratio(s.unit_sales[k]!, s.units[k]!)),
  });
}
