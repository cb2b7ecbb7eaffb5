import type { AssociationRule, FrequentItemset, RuleMetric } from "./basket-types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Options of {@link associationRules}. */
export interface AssociationRuleOptions {
  /** Number of baskets the itemsets were mined from (the denominator of every support). */
  readonly basketCount: number;
  /** Keep rules with confidence >= this share (0..1, default 0). */
  readonly minConfidence?: number;
  /** Keep rules with lift >= this (default 0: all). */
  readonly minLift?: number;
  /** Largest consequent Y (items, default: no limit). */
  readonly maxConsequentSize?: number;
  /** Sort by this measure, descending (default "lift"); ties by confidence, support, then names. */
  readonly sortBy?: RuleMetric;
}

const key = (ids: readonly number[]): string => ids.join(",");

/**
 * Association rules X -> Y from frequent itemsets (Agrawal, Imielinski & Swami 1993): every split
 * of each frequent itemset of two or more items into a non-empty antecedent X and consequent Y,
 * with support = supp(X ∪ Y), confidence = supp(X ∪ Y) / supp(X), lift = confidence / supp(Y),
 * leverage = supp(X ∪ Y) - supp(X) supp(Y) and conviction = (1 - supp(Y)) / (1 - confidence)
 * (Infinity when confidence is 1). Supports are shares of baskets.
 *
 * @param itemsets - all frequent itemsets, as `fpGrowth` returns them (every subset of a frequent itemset must be there)
 * @param options - `basketCount` (required), `minConfidence`, `minLift`, `maxConsequentSize`, `sortBy`
 * @returns frozen rules sorted by `sortBy` (descending)
 * @throws ArgumentError when basketCount is not a whole number >= 1, minConfidence is outside [0, 1],
 *   sortBy is unknown, or a subset of an itemset is missing from `itemsets`
 * @example
 * const b = basketsFromLists([["a", "b"], ["a", "b"], ["a"], ["c"]]);
 * const r = associationRules(fpGrowth(b, { minSupport: 0.5 }), { basketCount: 4 });
 * r.map((x) => `${x.antecedent} -> ${x.consequent} conf ${x.confidence} lift ${x.lift}`);
 * // ["b -> a conf 1 lift 1.3333333333333333", "a -> b conf 0.6666666666666666 lift 1.3333333333333333"]
 */
export function associationRules(itemsets: readonly FrequentItemset[], options: AssociationRuleOptions): readonly AssociationRule[] {
  const n = options.basketCount;
  const minConfidence = options.minConfidence ?? 0;
  const minLift = options.minLift ?? 0;
  const maxY = options.maxConsequentSize ?? Infinity;
  const sortBy = options.sortBy ?? "lift";
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`associationRules: basketCount ${n} must be a whole number >= 1`);
  if (!(minConfidence >= 0 && minConfidence <= 1)) throw new ArgumentError(`associationRules: minConfidence ${minConfidence} must be a share in [0, 1]`);
  if (!["lift", "confidence", "support", "leverage", "conviction"].includes(sortBy)) throw new ArgumentError(`associationRules: sortBy "${sortBy}" must be lift, confidence, support, leverage or conviction`);
  const counts = new Map<string, number>();
  const names = new Map<number, string>();
  for (const s of itemsets) {
    counts.set(key(s.ids), s.count);
    s.ids.forEach((id, i) => names.set(id, s.items[i]!));
  }
  const countOf = (ids: readonly number[], whole: FrequentItemset): number => {
    const c = counts.get(key(ids));
    if (c === undefined) throw new ArgumentError(`associationRules: subset {${ids.map((id) => names.get(id)).join(", ")}} of itemset {${whole.items.join(", ")}} is missing; pass every frequent itemset`);
    return c;
  };
  const rules: AssociationRule[] = [];
  for (const s of itemsets) {
    const k = s.ids.length;
    if (k < 2) continue;
    if (k > 20) throw new ArgumentError(`associationRules: itemset of ${k} items is too large to split; mine with maxSize <= 20`);
    const support = s.count / n;
    for (let mask = 1; mask < (1 << k) - 1; mask++) {
      const x: number[] = [];
      const y: number[] = [];
      for (let i = 0; i < k; i++) ((mask >> i) & 1 ? x : y).push(s.ids[i]!);
      if (y.length > maxY) continue;
      const cX = countOf(x, s);
      const cY = countOf(y, s);
      const supX = cX / n;
      const supY = cY / n;
      const confidence = s.count / cX;
      const lift = (s.count * n) / (cX * cY);
      if (confidence < minConfidence || lift < minLift) continue;
      rules.push(Object.freeze({
        antecedent: Object.freeze(x.map((id) => names.get(id)!)),
        consequent: Object.freeze(y.map((id) => names.get(id)!)),
        antecedentIds: Object.freeze(x),
        consequentIds: Object.freeze(y),
        count: s.count,
        support,
        antecedentSupport: supX,
        consequentSupport: supY,
        confidence,
        lift,
        leverage: support - supX * supY,
        conviction: confidence >= 1 ? Infinity : (1 - supY) / (1 - confidence),
      }));
    }
  }
  const text = (r: AssociationRule): string => `${r.antecedent.join("\u0000")}\u0001${r.consequent.join("\u0000")}`;
  rules.sort((a, b) => b[sortBy] - a[sortBy] || b.confidence - a.confidence || b.support - a.support || (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
  return Object.freeze(rules);
}
