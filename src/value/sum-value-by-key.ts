import type { LineValues } from "./lines/line-values.js";
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

const LINE_MEASURES = [
  ["units", "units"], ["unit_sales", "unitSales"], ["gross_sales", "grossSales"], ["discounts", "discounts"],
  ["returns_value", "returnsValue"], ["net_sales", "netSales"], ["goods_cost", "goodsCost"], ["cost_of_goods", "costOfGoods"],
  ["cost_estimated_sales", "costEstimatedSales"], ["freight", "freight"], ["returned_lines", "returned"],
] as const;

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
  const seenCustomer = new Set<number>();
  const seenOrder = new Set<number>();
  const m = lines.customerIds.length;
  for (let i = 0; i < lines.length; i++) {
    const k = keyOf[i]!;
    if (!(k >= 0 && k < nKeys)) throw new ArgumentError(`sumValueByKey: key index ${k} of line ${i} is outside 0..${nKeys - 1}`);
    out.lines[k]! += 1;
    for (const [to, from] of LINE_MEASURES) out[to][k]! += lines[from][i]!;
    out.cost_to_serve[k]! += costToServe[i]!;
    const c = k * m + lines.customerOf[i]!;
    if (!seenCustomer.has(c)) {
      seenCustomer.add(c);
      out.customers[k]! += 1;
    }
    const o = lines.orderOf[i]!;
    if (o >= 0 && !seenOrder.has(k * lines.orders + o)) {
      seenOrder.add(k * lines.orders + o);
      out.orders[k]! += 1;
    }
  }
  for (let k = 0; k < nKeys; k++) {
    out.gross_margin[k] = out.net_sales[k]! - out.cost_of_goods[k]!;
    out.net_contribution[k] = out.gross_margin[k]! - out.freight[k]! - out.cost_to_serve[k]!;
  }
  return out;
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
