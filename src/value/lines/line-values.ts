import type { Transactions } from "../../data/types.js";
import { lineCostOfGoods, type LineCostOfGoods } from "./line-cost-of-goods.js";
import { requireAmounts } from "../../data/columns/require-amounts.js";
import { orderCodes } from "./order-codes.js";
import { customerCodes, type TextCodes } from "../../data/columns/text-codes.js";

/**
 * What the value of every transaction line is made from (currency units unless said), and its
 * customer and order. The value pieces of a line are computed when summed ({@link linePieces}),
 * never stored per line: ten million lines would need eleven 80 MB columns.
 */
export interface LineValues {
  readonly length: number;
  /** The transactions (with amounts). */
  readonly transactions: Transactions;
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
  /** Goods cost of each line before returns, and 1 where it was estimated (see {@link lineCostOfGoods}). */
  readonly cost: LineCostOfGoods;
  /** Lines whose cost of goods was estimated. */
  readonly estimatedLines: number;
  /** Lines whose cost of goods is unknown (NaN; see lineCostOfGoods). */
  readonly unknownCostLines: number;
}

/** The value pieces of a line, by their place in the array {@link linePieces} fills. */
export const PIECES = Object.freeze({
  /** Units of a purchase line with a known quantity, else 0. */
  units: 0,
  /** Gross sales of the purchase lines with a known quantity (numerator of the average selling price). */
  unitSales: 1,
  /** Gross sales (after discount) of a purchase line. */
  grossSales: 2,
  discounts: 3,
  /** Refunds on the line, or the whole of a negative line. */
  returnsValue: 4,
  netSales: 5,
  /** Goods cost of purchase lines before returns (for the list margin). */
  goodsCost: 6,
  /** Cost of goods kept: goods cost minus the cost of returned units. */
  costOfGoods: 7,
  /** Net sales of the line when its cost was estimated, else 0. */
  costEstimatedSales: 8,
  freight: 9,
  /** 1 for a line with a return (returned units or value, or a negative line). */
  returned: 10,
});

/** How many pieces {@link linePieces} writes. */
export const PIECE_COUNT = 11;

/**
 * Splits every transaction line into what its value pieces are computed from: the customer and
 * order codes and the cost of goods (unknown costs estimated by {@link lineCostOfGoods}).
 *
 * @param t - the transactions
 * @param assumedMarginRate - see {@link lineCostOfGoods}
 * @returns the codes and costs (typed arrays; not frozen)
 * @throws DataError as {@link lineCostOfGoods}; AnalysisNotPossibleError without amounts
 * @example
 * const lines = lineValues(t);
 * const p = new Float64Array(PIECE_COUNT);
 * linePieces(lines.transactions, lines.cost, 0, p); // p[PIECES.netSales]: amount - returned_amount of line 0
 */
export function lineValues(t: Transactions, assumedMarginRate?: number): LineValues {
  const amount = requireAmounts(t, "lineValues", "sales value");
  const { customerIds, customerOf } = sortedCustomerCodes(customerCodes(t));
  const { orderOf, linesPerOrder: perOrder } = orderCodes(t, customerOf, amount);
  const cost = lineCostOfGoods(t, assumedMarginRate);
  return {
    length: t.length, transactions: t, customerIds, customerOf, orderOf, orders: perOrder.length, linesPerOrder: perOrder,
    cost, estimatedLines: cost.estimatedLines, unknownCostLines: cost.unknownLines,
  };
}

/**
 * The value pieces of line `i` (see {@link PIECES}): gross sales (after discount), discount,
 * returns (refunds on the line, or the whole of a negative line), net sales, cost of goods (the
 * cost of returned units goes back to stock, pro rata to returned quantity, else to returned
 * value), freight and units. Every piece is written, zeros included.
 *
 * @param t - the transactions (with amounts)
 * @param cost - their cost of goods ({@link lineCostOfGoods})
 * @param i - the line
 * @param out - at least {@link PIECE_COUNT} numbers, overwritten
 * @example
 * linePieces(t, lineCostOfGoods(t), 0, out); // out[PIECES.grossSales]: the amount of line 0 when >= 0
 */
export function linePieces(t: Transactions, cost: LineCostOfGoods, i: number, out: Float64Array): void {
  const a = t.amount![i]!;
  const refund = t.returnedAmount ? t.returnedAmount[i]! : 0;
  const q = t.quantity ? t.quantity[i]! : NaN;
  const rq = t.returnedQuantity ? t.returnedQuantity[i]! : 0;
  const c = cost.cost[i]!;
  let units = 0, unitSales = 0, grossSales = 0, discounts = 0, returnsValue = 0, goodsCost = 0, costOfGoods: number;
  if (a >= 0) {
    grossSales = a;
    discounts = t.discount ? t.discount[i]! : 0;
    returnsValue = refund;
    goodsCost = c;
    const kept = t.returnedQuantity && q > 0 ? 1 - rq / q : a > 0 ? 1 - refund / a : 1;
    costOfGoods = c * Math.min(1, Math.max(0, kept));
    if (q >= 0) {
      units = q;
      unitSales = a;
    }
  } else {
    returnsValue = -a + refund;
    costOfGoods = c;
  }
  const netSales = a - refund;
  out[PIECES.units] = units;
  out[PIECES.unitSales] = unitSales;
  out[PIECES.grossSales] = grossSales;
  out[PIECES.discounts] = discounts;
  out[PIECES.returnsValue] = returnsValue;
  out[PIECES.netSales] = netSales;
  out[PIECES.goodsCost] = goodsCost;
  out[PIECES.costOfGoods] = costOfGoods;
  out[PIECES.costEstimatedSales] = cost.estimated[i] === 1 ? netSales : 0;
  out[PIECES.freight] = t.freight ? t.freight[i]! : 0;
  out[PIECES.returned] = a < 0 || refund > 0 || rq > 0 ? 1 : 0;
}

/**
 * The totals of gross sales, net sales and cost of goods kept over all lines (currency units),
 * by the rules of {@link linePieces}: what a margin rate needs.
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
  requireAmounts(t, "marginTotals", "sales value");
  const cost = lineCostOfGoods(t, assumedMarginRate);
  const p = new Float64Array(PIECE_COUNT);
  let grossSales = 0, netSales = 0, costOfGoods = 0;
  for (let i = 0; i < t.length; i++) {
    linePieces(t, cost, i, p);
    grossSales += p[PIECES.grossSales]!;
    netSales += p[PIECES.netSales]!;
    costOfGoods += p[PIECES.costOfGoods]!;
  }
  return { grossSales, netSales, costOfGoods };
}

/**
 * Customer codes in sorted-id order: the column's codes (in order of first appearance, see
 * {@link customerCodes}) renumbered by the sorted distinct ids.
 */
function sortedCustomerCodes({ codes, dictionary: seen }: TextCodes): { customerIds: readonly string[]; customerOf: Int32Array } {
  // The sort of the distinct ids once per dictionary (customer value and propensity's net contribution share it).
  let sorted = sortedIds.get(seen);
  if (sorted === undefined) {
    const order = Array.from(seen, (_, c) => c).sort((x, y) => (seen[x]! < seen[y]! ? -1 : seen[x]! > seen[y]! ? 1 : 0));
    const rank = new Int32Array(seen.length);
    order.forEach((c, r) => (rank[c] = r));
    sorted = { customerIds: Object.freeze(order.map((c) => seen[c]!)), rank };
    sortedIds.set(seen, sorted);
  }
  const { rank } = sorted;
  const customerOf = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) customerOf[i] = rank[codes[i]!]!;
  return { customerIds: sorted.customerIds, customerOf };
}

// Dictionaries are frozen or never changed once made (text codes): their sorted order is kept with them.
const sortedIds = new WeakMap<readonly string[], { readonly customerIds: readonly string[]; readonly rank: Int32Array }>();
