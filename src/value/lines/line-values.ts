import type { Transactions } from "../../data/types.js";
import { lineCostOfGoods } from "./line-cost-of-goods.js";
import { requireAmounts } from "../../data/columns/require-amounts.js";
import { orderCodes } from "./order-codes.js";
import { textCodes } from "../../data/columns/text-codes.js";

/** The value pieces of every transaction line (currency units unless said), and its customer and order. */
export interface LineValues {
  readonly length: number;
  /** Distinct customer ids, sorted ascending. */
  readonly customerIds: readonly string[];
  /** Index into `customerIds` of each line. */
  readonly customerOf: Int32Array;
  /** Order index of each purchase line (amount >= 0); -1 for a negative line. */
  readonly orderOf: Int32Array;
  /** Number of distinct orders. */
  readonly orders: number;
  /** Lines of each order. */
  readonly linesPerOrder: Int32Array;
  readonly grossSales: Float64Array;
  readonly discounts: Float64Array;
  readonly returnsValue: Float64Array;
  readonly netSales: Float64Array;
  /** Goods cost of purchase lines before returns (for the list margin). */
  readonly goodsCost: Float64Array;
  /** Cost of goods kept: goods cost minus the cost of returned units. */
  readonly costOfGoods: Float64Array;
  /** Net sales of the line when its cost was estimated, else 0. */
  readonly costEstimatedSales: Float64Array;
  readonly freight: Float64Array;
  /** Units of a purchase line with a known quantity, else 0. */
  readonly units: Float64Array;
  /** Gross sales of the purchase lines with a known quantity (numerator of the average selling price). */
  readonly unitSales: Float64Array;
  /** 1 for a line with a return (returned units or value, or a negative line). */
  readonly returned: Float64Array;
  /** Lines whose cost of goods was estimated. */
  readonly estimatedLines: number;
  /** Lines whose cost of goods is unknown (NaN; see lineCostOfGoods). */
  readonly unknownCostLines: number;
}

/**
 * Splits every transaction line into its value pieces: gross sales (after discount), discount,
 * returns (refunds on the line, or the whole of a negative line), net sales, cost of goods
 * (unknown costs estimated by {@link lineCostOfGoods}; the cost of returned units goes back to
 * stock, pro rata to returned quantity, else to returned value), freight and units.
 *
 * @param t - the transactions
 * @param assumedMarginRate - see {@link lineCostOfGoods}
 * @returns the per-line pieces (typed arrays; not frozen) and the customer and order of each line
 * @throws DataError as {@link lineCostOfGoods}
 * @example
 * lineValues(t).netSales; // Float64Array of amount - returned_amount per line
 */
export function lineValues(t: Transactions, assumedMarginRate?: number): LineValues {
  const n = t.length;
  const amount = requireAmounts(t, "lineValues", "sales value");
  const { customerIds, customerOf } = sortedCustomerCodes(t.customerId);
  const { orderOf, linesPerOrder: perOrder } = orderCodes(t, customerOf, amount);
  const { cost, estimated, estimatedLines, unknownLines } = lineCostOfGoods(t, assumedMarginRate);
  const column = (): Float64Array => new Float64Array(n);
  const grossSales = column(), discounts = column(), returnsValue = column(), netSales = column(), goodsCost = column();
  const costOfGoods = column(), costEstimatedSales = column(), freight = column(), units = column(), unitSales = column();
  const returned = column();
  for (let i = 0; i < n; i++) {
    const a = amount[i]!;
    const refund = t.returnedAmount ? t.returnedAmount[i]! : 0;
    const q = t.quantity ? t.quantity[i]! : NaN;
    const rq = t.returnedQuantity ? t.returnedQuantity[i]! : 0;
    freight[i] = t.freight ? t.freight[i]! : 0;
    if (a >= 0) {
      grossSales[i] = a;
      discounts[i] = t.discount ? t.discount[i]! : 0;
      returnsValue[i] = refund;
      goodsCost[i] = cost[i]!;
      costOfGoods[i] = cost[i]! * keptShare(q, rq, a, refund, t.returnedQuantity !== undefined);
      if (q >= 0) {
        units[i] = q;
        unitSales[i] = a;
      }
    } else {
      returnsValue[i] = -a + refund;
      costOfGoods[i] = cost[i]!;
    }
    netSales[i] = a - refund;
    if (estimated[i] === 1) costEstimatedSales[i] = netSales[i]!;
    returned[i] = a < 0 || refund > 0 || rq > 0 ? 1 : 0;
  }
  return {
    length: n, customerIds, customerOf, orderOf, orders: perOrder.length, linesPerOrder: perOrder,
    grossSales, discounts, returnsValue, netSales, goodsCost,
    costOfGoods, costEstimatedSales, freight, units, unitSales,
    returned, estimatedLines, unknownCostLines: unknownLines,
  };
}

/**
 * The totals of gross sales, net sales and cost of goods kept over all lines (currency units),
 * by the rules of {@link lineValues}, without its per-line columns: what a margin rate needs.
 *
 * @param t - the transactions (with amounts)
 * @param assumedMarginRate - see {@link lineCostOfGoods}
 * @returns the three totals
 * @throws AnalysisNotPossibleError without amounts; DataError as {@link lineCostOfGoods}
 * @example
 * const m = marginTotals(t);
 * (m.netSales - m.costOfGoods) / m.grossSales; // the gross margin rate on gross sales
 */
export function marginTotals(t: Transactions, assumedMarginRate?: number): { grossSales: number; netSales: number; costOfGoods: number } {
  const amount = requireAmounts(t, "marginTotals", "sales value");
  const { cost } = lineCostOfGoods(t, assumedMarginRate);
  let grossSales = 0, netSales = 0, costOfGoods = 0;
  for (let i = 0; i < t.length; i++) {
    const a = amount[i]!;
    const refund = t.returnedAmount ? t.returnedAmount[i]! : 0;
    if (a >= 0) {
      grossSales += a;
      costOfGoods += cost[i]! * keptShare(t.quantity ? t.quantity[i]! : NaN, t.returnedQuantity ? t.returnedQuantity[i]! : 0, a, refund, t.returnedQuantity !== undefined);
    } else costOfGoods += cost[i]!;
    netSales += a - refund;
  }
  return { grossSales, netSales, costOfGoods };
}

/** Share (0 to 1) of a purchase line's goods kept: by returned units when known, else by refunded value. */
function keptShare(q: number, rq: number, a: number, refund: number, hasReturnedQuantity: boolean): number {
  const kept = hasReturnedQuantity && q > 0 ? 1 - rq / q : a > 0 ? 1 - refund / a : 1;
  return Math.min(1, Math.max(0, kept));
}

/**
 * Customer codes in sorted-id order: the column's codes (in order of first appearance, see
 * {@link textCodes}) renumbered by the sorted distinct ids.
 */
function sortedCustomerCodes(ids: readonly string[]): { customerIds: string[]; customerOf: Int32Array } {
  const { codes, dictionary: seen } = textCodes(ids);
  const order = Array.from(seen, (_, c) => c).sort((x, y) => (seen[x]! < seen[y]! ? -1 : seen[x]! > seen[y]! ? 1 : 0));
  const rank = new Int32Array(seen.length);
  order.forEach((c, r) => (rank[c] = r));
  const customerOf = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) customerOf[i] = rank[codes[i]!]!;
  return { customerIds: order.map((c) => seen[c]!), customerOf };
}
