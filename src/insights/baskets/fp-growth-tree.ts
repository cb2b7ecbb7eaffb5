/**
 * A frequent-pattern tree (Han, Pei & Yin 2000, "Mining frequent patterns without candidate
 * generation", SIGMOD, section 2): item paths that share a prefix share nodes, each node counts
 * the baskets through it, and a header list per item links the item's nodes. Items are ranks
 * (0 = most frequent overall); paths run root to leaf in ascending rank. Private kernel of
 * `fpGrowth`: no argument checks.
 *
 * @example
 * const t = new FpTree(3);
 * t.insert([0, 2], 1); t.insert([0, 1], 2);
 * t.itemCount(0); // 3
 * @throws never
 */
export class FpTree {
  /** Rank of each node's item (-1 for the root). */
  readonly item: number[] = [-1];
  /** Baskets through each node (count). */
  readonly count: number[] = [0];
  /** Parent node of each node (-1 for the root). */
  readonly parent: number[] = [-1];
  /** Child lookup: key `parent * ranks + rank` -> node. */
  private readonly child = new Map<number, number>();
  /** The nodes of each rank present in the tree. */
  readonly header = new Map<number, number[]>();

  /** @param ranks - the number of item ranks (keys children) */
  constructor(private readonly ranks: number) {}

  /**
   * Adds a path of ranks (ascending, root first) with a weight (count).
   *
   * @example
   * tree.insert([0, 3, 7], 2);
   */
  insert(path: readonly number[], weight: number): void {
    let node = 0;
    for (const r of path) {
      const key = node * this.ranks + r;
      let next = this.child.get(key);
      if (next === undefined) {
        next = this.item.push(r) - 1;
        this.count.push(0);
        this.parent.push(node);
        this.child.set(key, next);
        const list = this.header.get(r);
        if (list === undefined) this.header.set(r, [next]);
        else list.push(next);
      }
      this.count[next]! += weight;
      node = next;
    }
  }

  /**
   * Total count of a rank's nodes: the baskets (in this tree's context) holding the item.
   *
   * @example
   * tree.itemCount(0); // 3
   */
  itemCount(rank: number): number {
    let s = 0;
    for (const node of this.header.get(rank) ?? []) s += this.count[node]!;
    return s;
  }

  /**
   * The conditional tree of a rank: the prefix paths of the rank's nodes, each weighted by the
   * node's count, keeping only ranks with at least `minCount` in that pattern base; undefined
   * when no rank is left.
   *
   * @example
   * tree.conditional(2, 1); // tree of the paths that lead to rank 2
   */
  conditional(rank: number, minCount: number): FpTree | undefined {
    const nodes = this.header.get(rank) ?? [];
    const base = new Map<number, number>();
    for (const node of nodes) {
      const w = this.count[node]!;
      for (let p = this.parent[node]!; p > 0; p = this.parent[p]!) base.set(this.item[p]!, (base.get(this.item[p]!) ?? 0) + w);
    }
    let any = false;
    for (const c of base.values()) if (c >= minCount) { any = true; break; }
    if (!any) return undefined;
    const tree = new FpTree(this.ranks);
    const path: number[] = [];
    for (const node of nodes) {
      path.length = 0;
      for (let p = this.parent[node]!; p > 0; p = this.parent[p]!) if (base.get(this.item[p]!)! >= minCount) path.push(this.item[p]!);
      if (path.length > 0) tree.insert(path.reverse(), this.count[node]!);
    }
    return tree;
  }
}
