import type { Transactions } from "../../data/types.js";
import type { AssociationRule, BasketLevel, Baskets, RuleMetric } from "./basket-types.js";
import { basketsFromTransactions } from "./baskets-from-transactions.js";
import { fpGrowth } from "./fp-growth.js";
import { associationRules } from "./association-rules.js";
import { nextBestProducts, type NextBestProducts } from "./next-best-products.js";
import { progressStages, type ProgressCallback } from "../../math/progress.js";

/** Options of {@link basketAnalysis}. */
export interface BasketAnalysisOptions {
  /** Item level (default "product"). */
  readonly level?: BasketLevel;
  /** Minimum support, share of baskets (default 0.001 for products, 0.01 for categories). */
  readonly minSupport?: number;
  /** Minimum confidence of a rule, share (default 0.05). */
  readonly minConfidence?: number;
  /** Largest itemset, items (default 4). */
  readonly maxItemsetSize?: number;
  /** Sort rules by (default "lift"). */
  readonly sortBy?: RuleMetric;
  /** Suggestions per customer (default 3). */
  readonly topN?: number;
  /**
   * Told how far the analysis is, in stages (4): the baskets built from the lines, the frequent
   * itemsets (FP-growth), the rules, the next best products per customer; the last call is
   * `(4, 4)` at the end. The result is the same with or without it.
   */
  readonly onProgress?: ProgressCallback;
}

/** The plain, frozen result of {@link basketAnalysis}: what the report section and the CLI take. */
export interface BasketAnalysis {
  readonly level: BasketLevel;
  readonly keyedBy: Baskets["keyedBy"];
  readonly baskets: number;
  /** Items with at least one purchase. */
  readonly items: number;
  readonly linesUsed: number;
  readonly linesSkipped: number;
  /** Mean distinct items per basket. */
  readonly meanBasketSize: number;
  /** Share of baskets with two or more distinct items (the only ones a rule can learn from). */
  readonly multiItemShare: number;
  readonly minSupport: number;
  readonly minConfidence: number;
  readonly maxItemsetSize: number;
  /** Frequent itemsets by size: `[singles, pairs, triples, ...]` (counts). */
  readonly itemsetsBySize: readonly number[];
  readonly rules: readonly AssociationRule[];
  readonly nextBest: NextBestProducts;
}

/**
 * Cross-sell analysis of a transactions table in one call: baskets from the purchase lines
 * (`basketsFromTransactions`), frequent itemsets by FP-growth (`fpGrowth`), association rules
 * (`associationRules`, sorted by lift) and next-best items per customer (`nextBestProducts`).
 *
 * @param transactions - transactions with a product_id or category column (per `level`)
 * @param options - level, minSupport (share), minConfidence (share), maxItemsetSize (items), sortBy, topN
 * @returns a frozen plain record
 * @throws DataError when the level's column is missing; RangeError for an option out of range
 * @example
 * const a = basketAnalysis(tx, { level: "category", minSupport: 0.01 });
 * a.rules[0]; // on the bundled sample: { antecedent: ["garden"], consequent: ["home"], lift: 0.70, ... } (below 1: no real pattern)
 */
export function basketAnalysis(transactions: Transactions, options: BasketAnalysisOptions = {}): BasketAnalysis {
  const level = options.level ?? "product";
  const minSupport = options.minSupport ?? (level === "category" ? 0.01 : 0.001);
  const minConfidence = options.minConfidence ?? 0.05;
  const maxItemsetSize = options.maxItemsetSize ?? 4;
  const stages = progressStages(options.onProgress, 4);
  const baskets = basketsFromTransactions(transactions, { level });
  stages.next();
  const itemsets = fpGrowth(baskets, { minSupport, maxSize: maxItemsetSize });
  stages.next();
  const rules = baskets.length > 0 ? associationRules(itemsets, { basketCount: baskets.length, minConfidence, sortBy: options.sortBy ?? "lift" }) : Object.freeze([]);
  stages.next();
  const nextBest = nextBestProducts(baskets, rules, { topN: options.topN ?? 3 });
  const bySize: number[] = [];
  for (const s of itemsets) bySize[s.ids.length - 1] = (bySize[s.ids.length - 1] ?? 0) + 1;
  let multi = 0;
  for (let b = 0; b < baskets.length; b++) if (baskets.offsets[b + 1]! - baskets.offsets[b]! > 1) multi++;
  const used = new Set(baskets.itemIds).size;
  stages.end();
  return Object.freeze({
    level,
    keyedBy: baskets.keyedBy,
    baskets: baskets.length,
    items: used,
    linesUsed: baskets.linesUsed,
    linesSkipped: baskets.linesSkipped,
    meanBasketSize: baskets.length > 0 ? baskets.itemIds.length / baskets.length : 0,
    multiItemShare: baskets.length > 0 ? multi / baskets.length : 0,
    minSupport,
    minConfidence,
    maxItemsetSize,
    itemsetsBySize: Object.freeze(Array.from(bySize, (x) => x ?? 0)),
    rules,
    nextBest,
  });
}
