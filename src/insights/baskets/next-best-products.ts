import type { AssociationRule, Baskets } from "./basket-types.js";
import { ArgumentError } from "../../math/argument-error.js";
import { lazyColumn } from "../../data/columns/text-codes.js";

/** Options of {@link nextBestProducts}. */
export interface NextBestOptions {
  /** Items to suggest per customer (default 3). */
  readonly topN?: number;
  /** Use only rules with lift above this (default 1: positive association). */
  readonly minLift?: number;
}

/**
 * Next-best items per customer, by column: one row per suggestion, customers in id order, ranks
 * 1..topN. `source` says where a suggestion comes from; `basis` names the rule's antecedent. The
 * text columns are made when first read; `itemIndex` and `byRule` give the same as numbers.
 */
export interface NextBestProducts {
  readonly topN: number;
  /** Number of rows. */
  readonly length: number;
  /** Customers with at least one purchase basket. */
  readonly customers: number;
  /** Customers with at least one suggestion from a rule (count). */
  readonly customersByRules: number;
  /** `customersByRules / customers` (share, 0..1; 0 with no customers). */
  readonly ruleCoverage: number;
  readonly customerId: readonly string[];
  /** 1 = best. */
  readonly rank: Int32Array;
  readonly item: readonly string[];
  /** Rule: the confidence of the best matching rule, P(item | antecedent). Popularity: the item's support, P(item). Both shares of baskets. */
  readonly score: Float64Array;
  /** Lift of the best matching rule; NaN for a popularity suggestion. */
  readonly lift: Float64Array;
  readonly source: readonly ("rule" | "popularity")[];
  /** The best rule's antecedent, items joined by " + "; "" for a popularity suggestion. */
  readonly basis: readonly string[];
  /** The item names `itemIndex` points into (the baskets' items). */
  readonly items: readonly string[];
  /** Each row's item as its index in `items` (`item[i]` is `items[itemIndex[i]]`). */
  readonly itemIndex: Int32Array;
  /** 1 when the row's suggestion comes from a rule, 0 from popularity. */
  readonly byRule: Uint8Array;
}

/**
 * The next best items to offer each customer: items the customer has never bought, scored from
 * the association rules whose antecedent X the customer has bought (in any baskets, over the
 * whole history). An item's score is the highest confidence P(Y | X) among the matching rules
 * with lift > `minLift` that hold it in their consequent Y; ties go to the higher lift, then the
 * more popular item. Rule suggestions come first; when fewer than `topN` rules fit, the most
 * popular items the customer has not bought fill the remaining places (score: the item's support).
 *
 * @param baskets - the customers' baskets (from `basketsFromTransactions`)
 * @param rules - rules mined from those (or comparable) baskets, item ids as in `baskets.items`
 * @param options - `topN` (default 3), `minLift` (default 1)
 * @returns frozen suggestions by column
 * @throws ArgumentError when topN is not a whole number >= 1 or a rule names an unknown item id
 * @example
 * const b = basketsFromLists([["a", "b"], ["a", "b"], ["a"], ["c"]], { customers: ["X", "X", "Y", "Z"] });
 * const r = associationRules(fpGrowth(b, { minSupport: 0.25 }), { basketCount: 4 });
 * const nb = nextBestProducts(b, r, { topN: 1 });
 * [nb.customerId, nb.item, nb.source]; // [["X", "Y", "Z"], ["c", "b", "a"], ["popularity", "rule", "popularity"]]
 */
export function nextBestProducts(baskets: Baskets, rules: readonly AssociationRule[], options: NextBestOptions = {}): NextBestProducts {
  const topN = options.topN ?? 3;
  const minLift = options.minLift ?? 1;
  const m = baskets.items.length;
  if (!Number.isInteger(topN) || topN < 1) throw new ArgumentError(`nextBestProducts: topN ${topN} must be a whole number >= 1`);
  const byFirst: AssociationRule[][] = Array.from({ length: m }, () => []);
  for (const r of rules) {
    for (const id of [...r.antecedentIds, ...r.consequentIds]) if (!(id >= 0 && id < m)) throw new ArgumentError(`nextBestProducts: rule item id ${id} is not one of the ${m} basket items`);
    if (r.lift > minLift) byFirst[r.antecedentIds[0]!]!.push(r);
  }
  const { offsets, itemIds, customer } = baskets;
  const nc = baskets.customers.length;
  const popularity = new Int32Array(m);
  for (let k = 0; k < itemIds.length; k++) popularity[itemIds[k]!]!++;
  const popular = [...popularity.keys()].filter((id) => popularity[id]! > 0).sort((a, b) => popularity[b]! - popularity[a]! || a - b);
  // Baskets grouped by customer (counting sort), customers in id order.
  const start = new Int32Array(nc + 1);
  for (let b = 0; b < baskets.length; b++) start[customer[b]! + 1]!++;
  for (let c = 0; c < nc; c++) start[c + 1]! += start[c]!;
  const fill = start.slice(0, nc), order = new Int32Array(baskets.length);
  for (let b = 0; b < baskets.length; b++) order[fill[customer[b]!]!++] = b;
  const ids = baskets.customers;
  const customersSorted = [...ids.keys()].filter((c) => start[c + 1]! > start[c]!).sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  const has = new Uint8Array(m), conf = new Float64Array(m).fill(-1), lift = new Float64Array(m), basisRule: (AssociationRule | undefined)[] = new Array(m);
  // Typed columns, at most topN rows per customer; the text columns are made from them when read.
  const cap = customersSorted.length * topN;
  const rowCustomer = new Int32Array(cap), rowRank = new Int32Array(cap), rowItem = new Int32Array(cap);
  const rowScore = new Float64Array(cap), rowLift = new Float64Array(cap), rowRule = new Int32Array(cap); // rule index, -1: popularity
  const ruleIndex = new Map(rules.map((r, k) => [r, k]));
  let rows = 0;
  const push = (c: number, rank: number, item: number, score: number, l: number, rule: AssociationRule | undefined): void => {
    rowCustomer[rows] = c; rowRank[rows] = rank; rowItem[rows] = item; rowScore[rows] = score; rowLift[rows] = l;
    rowRule[rows] = rule ? ruleIndex.get(rule)! : -1;
    rows++;
  };
  let byRules = 0;
  for (const c of customersSorted) {
    const bought: number[] = [];
    for (let j = start[c]!; j < start[c + 1]!; j++) {
      const b = order[j]!;
      for (let k = offsets[b]!; k < offsets[b + 1]!; k++) if (!has[itemIds[k]!]) { has[itemIds[k]!] = 1; bought.push(itemIds[k]!); }
    }
    const touched: number[] = [];
    for (const first of bought) {
      for (const r of byFirst[first]!) {
        if (!r.antecedentIds.every((id) => has[id])) continue;
        for (const y of r.consequentIds) {
          if (has[y]) continue;
          if (conf[y]! < 0) touched.push(y);
          if (r.confidence > conf[y]! || (r.confidence === conf[y]! && r.lift > lift[y]!)) { conf[y] = r.confidence; lift[y] = r.lift; basisRule[y] = r; }
        }
      }
    }
    touched.sort((a, b) => conf[b]! - conf[a]! || lift[b]! - lift[a]! || popularity[b]! - popularity[a]! || a - b);
    let rank = 0;
    for (const y of touched.slice(0, topN)) push(c, ++rank, y, conf[y]!, lift[y]!, basisRule[y]);
    if (rank > 0) byRules++;
    for (let p = 0; p < popular.length && rank < topN; p++) {
      const y = popular[p]!;
      if (!has[y] && conf[y]! < 0) push(c, ++rank, y, popularity[y]! / baskets.length, NaN, undefined);
    }
    for (const y of touched) { conf[y] = -1; basisRule[y] = undefined; }
    for (const y of bought) has[y] = 0;
  }
  const byRule = Uint8Array.from(rowRule.subarray(0, rows), (k) => (k >= 0 ? 1 : 0));
  const result: Record<string, unknown> = {
    topN, length: rows, customers: customersSorted.length, customersByRules: byRules,
    ruleCoverage: customersSorted.length > 0 ? byRules / customersSorted.length : 0,
  };
  lazyColumn(result, "customerId", () => Object.freeze(Array.from(rowCustomer.subarray(0, rows), (c) => ids[c]!)));
  result.rank = rowRank.slice(0, rows);
  lazyColumn(result, "item", () => Object.freeze(Array.from(rowItem.subarray(0, rows), (y) => baskets.items[y]!)));
  result.score = rowScore.slice(0, rows);
  result.lift = rowLift.slice(0, rows);
  lazyColumn(result, "source", () => Object.freeze(Array.from(byRule, (r) => (r ? "rule" : "popularity"))));
  lazyColumn(result, "basis", () => {
    const bases = rules.map((r) => r.antecedent.join(" + "));
    return Object.freeze(Array.from(rowRule.subarray(0, rows), (k) => (k >= 0 ? bases[k]! : "")));
  });
  result.items = baskets.items;
  result.itemIndex = rowItem.slice(0, rows);
  result.byRule = byRule;
  return Object.freeze(result) as unknown as NextBestProducts;
}
