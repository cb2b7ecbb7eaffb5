import { columnCodes } from "../../data/columns/text-codes.js";
import type { Transactions } from "../../data/types.js";
import { DataError } from "../../data/data-error.js";
import { requireAmounts } from "../../data/columns/require-amounts.js";

/** Cost of goods per line, with the rule that filled the unknown ones. */
export interface LineCostOfGoods {
  /** Goods cost of each line before returns (currency; negative for a negative return line). */
  readonly cost: Float64Array;
  /** 1 where the cost was estimated because it was unknown, else 0. */
  readonly estimated: Uint8Array;
  /** Gross margin rate (1 - cost / amount) of the purchase lines with a known cost, by category ("" = all lines). */
  readonly knownMarginRates: Readonly<Record<string, number>>;
  /** How many lines had their cost estimated. */
  readonly estimatedLines: number;
  /** How many lines have an unknown cost (NaN): no line has a known cost and no margin rate was assumed. */
  readonly unknownLines: number;
}

/**
 * The cost of goods of every transaction line. A known cost is used as given (on a negative
 * return line as -|cost|: the goods come back to stock). An unknown cost (blank, or no cost
 * column) is **estimated** as `amount x (1 - m)`, where `m` is the gross margin rate realised on
 * the purchase lines with a known cost in the same category, else on all lines with a known
 * cost, else `assumedMarginRate`; without any of these (a plain export of customer, date and
 * amount) the cost stays unknown (NaN): the margin is then unknown, never taken as 0 or as sales.
 *
 * @param t - the transactions (amount and cost in currency units)
 * @param assumedMarginRate - the margin rate (a fraction < 1) to assume when no line has a known cost
 * @returns frozen per-line costs and the rates used
 * @throws DataError when `assumedMarginRate` is not a number < 1
 * @example
 * // two lines of category "home": 100 with cost 60, 50 with cost unknown -> 50 x (1 - 0.4) = 30
 * lineCostOfGoods(t).cost; // Float64Array [60, 30]
 */
export function lineCostOfGoods(t: Transactions, assumedMarginRate?: number): LineCostOfGoods {
  if (assumedMarginRate !== undefined && !(assumedMarginRate >= 0 && assumedMarginRate < 1)) {
    throw new DataError(`lineCostOfGoods: assumedMarginRate ${assumedMarginRate} must be a number from 0 to below 1 (a fraction, e.g. 0.4)`);
  }
  const n = t.length;
  const amount = requireAmounts(t, "lineCostOfGoods", "cost of goods to estimate");
  const given = t.cost;
  // Sums of sales and known costs over all lines, and per category code (columnCodes): no text key per line.
  const cat = columnCodes(t, "category");
  const width = cat ? cat.dictionary.length : 0;
  const sales = new Float64Array(width), costs = new Float64Array(width);
  const seen = new Uint8Array(width);
  const order: number[] = []; // category codes in order of their first line with a known cost
  let allSales = 0, allCosts = 0;
  for (let i = 0; i < n; i++) {
    const c = given ? given[i]! : NaN;
    const a = amount[i]!;
    if (Number.isNaN(c) || a <= 0) continue;
    allSales += a;
    allCosts += c;
    if (cat) {
      const k = cat.codes[i]!;
      if (seen[k] === 0) (seen[k] = 1), order.push(k);
      sales[k]! += a;
      costs[k]! += c;
    }
  }
  const rates: Record<string, number> = Object.create(null) as Record<string, number>;
  if (allSales > 0) rates[""] = 1 - allCosts / allSales;
  // A blank category is no category: its lines take the rate of all lines.
  for (const k of order) if (sales[k]! > 0 && cat!.dictionary[k] !== "") rates[cat!.dictionary[k]!] = 1 - costs[k]! / sales[k]!;
  const rateOf = cat ? Float64Array.from(cat.dictionary, (name) => (Object.hasOwn(rates, name) ? rates[name] : undefined) ?? rates[""] ?? assumedMarginRate ?? NaN) : undefined;
  const cost = new Float64Array(n);
  const estimated = new Uint8Array(n);
  let estimatedLines = 0, unknownLines = 0;
  for (let i = 0; i < n; i++) {
    const c = given ? given[i]! : NaN;
    const a = amount[i]!;
    if (!Number.isNaN(c)) {
      cost[i] = a < 0 ? -Math.abs(c) : c;
      continue;
    }
    const rate = rateOf ? rateOf[cat!.codes[i]!]! : rates[""] ?? assumedMarginRate ?? NaN;
    if (Number.isNaN(rate)) {
      cost[i] = NaN;
      unknownLines += 1;
      continue;
    }
    cost[i] = a * (1 - rate);
    estimated[i] = 1;
    estimatedLines += 1;
  }
  return Object.freeze({ cost, estimated, knownMarginRates: Object.freeze(rates), estimatedLines, unknownLines });
}
