/** The item level of a basket analysis: single products (`product_id`) or product categories (`category`). */
export type BasketLevel = "product" | "category";

/**
 * Market baskets in compressed-row form: basket `b` holds the item ids
 * `itemIds[offsets[b] .. offsets[b + 1])`, sorted ascending and distinct; `items[id]` is the
 * item's name. Built by `basketsFromTransactions`; frozen (the typed arrays are not written to).
 *
 * @example
 * const b: Baskets = basketsFromTransactions(tx, { level: "category" });
 * b.items[b.itemIds[b.offsets[0]!]!]; // e.g. "home"
 * @throws never (types only)
 */
export interface Baskets {
  readonly level: BasketLevel;
  /** How lines were grouped: by order id, or (no order id column) by customer and day. */
  readonly keyedBy: "order" | "customer-day";
  /** Number of baskets. */
  readonly length: number;
  /** Item names; an item's id is its index. */
  readonly items: readonly string[];
  /** Customer ids; a customer's index is its position. */
  readonly customers: readonly string[];
  /** Start of each basket in `itemIds`, plus the end: `length + 1` entries. */
  readonly offsets: Int32Array;
  /** Item ids of all baskets, each basket sorted ascending without repeats. */
  readonly itemIds: Int32Array;
  /** Customer index of each basket. */
  readonly customer: Int32Array;
  /** Purchase lines used (amount >= 0 and an item named). */
  readonly linesUsed: number;
  /** Lines left out: returns and cancellations (amount < 0) and lines with a blank item. */
  readonly linesSkipped: number;
}

/** A frequent itemset: its items (names, sorted), the number of baskets that hold them all, and that count's share of baskets. */
export interface FrequentItemset {
  /** Item ids, ascending. */
  readonly ids: readonly number[];
  /** Item names, in the order of `ids`. */
  readonly items: readonly string[];
  /** Baskets holding every item (count). */
  readonly count: number;
  /** `count / baskets` (share of baskets, 0..1). */
  readonly support: number;
}

/**
 * An association rule X -> Y (Agrawal, Imielinski & Swami 1993; lift of Brin et al. 1997;
 * leverage of Piatetsky-Shapiro 1991; conviction of Brin et al. 1997). All shares are of baskets.
 */
export interface AssociationRule {
  /** X, item names sorted. */
  readonly antecedent: readonly string[];
  /** Y, item names sorted (disjoint from X). */
  readonly consequent: readonly string[];
  /** Item ids of X and Y (ascending), for matching against baskets. */
  readonly antecedentIds: readonly number[];
  readonly consequentIds: readonly number[];
  /** Baskets holding X and Y (count). */
  readonly count: number;
  /** supp(X ∪ Y): share of baskets holding X and Y. */
  readonly support: number;
  /** supp(X): share of baskets holding X. */
  readonly antecedentSupport: number;
  /** supp(Y): share of baskets holding Y. */
  readonly consequentSupport: number;
  /** supp(X ∪ Y) / supp(X): share of X-baskets that also hold Y, 0..1. */
  readonly confidence: number;
  /** confidence / supp(Y): how many times more often Y is bought with X than on average; 1 = independent. */
  readonly lift: number;
  /** supp(X ∪ Y) - supp(X) supp(Y): share of baskets above independence, -0.25..0.25. */
  readonly leverage: number;
  /** (1 - supp(Y)) / (1 - confidence): Infinity when confidence is 1 (null in JSON). */
  readonly conviction: number;
}

/** A measure rules can be sorted by (descending). */
export type RuleMetric = "lift" | "confidence" | "support" | "leverage" | "conviction";
