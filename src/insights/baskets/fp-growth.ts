import type { Baskets, FrequentItemset } from "./basket-types.js";
import { FpTree } from "./fp-growth-tree.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Options of {@link fpGrowth}. */
export interface FpGrowthOptions {
  /** Minimum support, a share of baskets in (0, 1]: an itemset is frequent when at least `ceil(minSupport * baskets)` baskets hold it. */
  readonly minSupport: number;
  /** Largest itemset size to mine (items, >= 1; default 4). */
  readonly maxSize?: number;
  /** Stop with an error past this many itemsets (default 1,000,000): a too-low support. */
  readonly maxItemsets?: number;
}

/**
 * Frequent itemsets by FP-growth (Han, Pei & Yin 2000): one pass counts the items, a second
 * builds the frequent-pattern tree of every basket's frequent items, and the tree is mined
 * recursively through conditional trees, with no candidate generation. Exact: it returns the
 * same itemsets and counts as enumerating every itemset (the tests check this).
 *
 * @param baskets - from `basketsFromTransactions` or `basketsFromLists`
 * @param options - `minSupport` (share of baskets), `maxSize` (items, default 4), `maxItemsets`
 * @returns frozen itemsets sorted by size, then count (descending), then item ids
 * @throws ArgumentError when minSupport is not in (0, 1], maxSize is not a whole number >= 1, or
 *   more than maxItemsets itemsets are frequent
 * @example
 * const sets = fpGrowth(basketsFromLists([["a", "b"], ["a"], ["b", "c"]]), { minSupport: 0.5 });
 * sets.map((s) => `${s.items.join("+")} ${s.count}`); // ["a 2", "b 2"]
 */
export function fpGrowth(baskets: Baskets, options: FpGrowthOptions): readonly FrequentItemset[] {
  const { minSupport } = options;
  const maxSize = options.maxSize ?? 4;
  const maxItemsets = options.maxItemsets ?? 1_000_000;
  if (!(minSupport > 0 && minSupport <= 1)) throw new ArgumentError(`fpGrowth: minSupport ${minSupport} must be a share of baskets in (0, 1]`);
  if (!Number.isInteger(maxSize) || maxSize < 1) throw new ArgumentError(`fpGrowth: maxSize ${maxSize} must be a whole number >= 1`);
  const n = baskets.length;
  const minCount = Math.max(1, Math.ceil(minSupport * n - 1e-9));
  const found = mine(baskets, minCount, maxSize, maxItemsets);
  found.sort((a, b) => a.ids.length - b.ids.length || b.count - a.count || compareIds(a.ids, b.ids));
  return Object.freeze(
    found.map((s) =>
      Object.freeze({ ids: Object.freeze(s.ids), items: Object.freeze(s.ids.map((id) => baskets.items[id]!)), count: s.count, support: n > 0 ? s.count / n : 0 }),
    ),
  );
}

function compareIds(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

function mine(baskets: Baskets, minCount: number, maxSize: number, maxItemsets: number): { ids: number[]; count: number }[] {
  const { offsets, itemIds } = baskets;
  const counts = new Int32Array(baskets.items.length);
  for (let k = 0; k < itemIds.length; k++) counts[itemIds[k]!]!++;
  const frequent = [...counts.keys()].filter((id) => counts[id]! >= minCount).sort((a, b) => counts[b]! - counts[a]! || a - b);
  const rank = new Int32Array(counts.length).fill(-1);
  frequent.forEach((id, r) => (rank[id] = r));
  const tree = new FpTree(frequent.length);
  const path: number[] = [];
  for (let b = 0; b < baskets.length; b++) {
    path.length = 0;
    for (let k = offsets[b]!; k < offsets[b + 1]!; k++) if (rank[itemIds[k]!]! >= 0) path.push(rank[itemIds[k]!]!);
    if (path.length > 0) tree.insert(path.sort((x, y) => x - y), 1);
  }
  const out: { ids: number[]; count: number }[] = [];
  const grow = (t: FpTree, suffix: number[]): void => {
    for (const r of t.header.keys()) {
      const set = [...suffix, frequent[r]!];
      out.push({ ids: set.slice().sort((x, y) => x - y), count: t.itemCount(r) });
      if (out.length > maxItemsets) throw new ArgumentError(`fpGrowth: more than ${maxItemsets} frequent itemsets at a minimum of ${minCount} of ${baskets.length} baskets; raise minSupport or lower maxSize`);
      if (set.length >= maxSize) continue;
      const sub = t.conditional(r, minCount);
      if (sub) grow(sub, set);
    }
  };
  grow(tree, []);
  return out;
}
