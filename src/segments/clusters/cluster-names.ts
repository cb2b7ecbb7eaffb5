/** How a cluster compares with all customers on the three RFM dimensions. */
export interface ClusterTraits {
  /** Days since last purchase: "recent" (mean z <= -0.5), "lapsed" (z >= 0.5), else "average". */
  readonly recency: "recent" | "average" | "lapsed";
  /** Orders (signed log1p): "frequent" (z >= 0.5), "infrequent" (z <= -0.5), else "average". */
  readonly frequency: "frequent" | "average" | "infrequent";
  /** Total spend (signed log1p): "high" (z >= 0.5), "low" (z <= -0.5), else "average". */
  readonly spend: "high" | "average" | "low";
  /** True when at least half of the cluster bought only once (median orders <= 1). */
  readonly oneTimers: boolean;
  /** Mean total spend of the cluster (currency units): orders names that would repeat. */
  readonly meanSpend: number;
}

/**
 * Suggests a distinct, plain-language name for each cluster from its traits. The rules, in order:
 * the noun is "loyal big spenders" (frequent and high spend), "frequent regulars" (frequent),
 * "big spenders" (high spend), "one-timers" (median orders <= 1), "occasional buyers"
 * (infrequent or low spend), else "steady customers"; "Recent" or "Lapsed" goes in front when
 * the cluster's recency says so. Names that would repeat get " (higher spend)" / " (lower
 * spend)", or " (spend rank i of m)" for three or more, ranked by mean total spend.
 *
 * @param traits - one entry per cluster
 * @returns one distinct name per cluster, in the same order
 * @throws never
 * @example
 * clusterNames([{ recency: "recent", frequency: "average", spend: "high", oneTimers: false, meanSpend: 900 },
 *               { recency: "lapsed", frequency: "infrequent", spend: "low", oneTimers: true, meanSpend: 40 }]);
 * // ["Recent big spenders", "Lapsed one-timers"]
 */
export function clusterNames(traits: readonly ClusterTraits[]): readonly string[] {
  const base = traits.map(baseName);
  const names = base.slice();
  for (const name of new Set(base)) {
    const same = base.flatMap((b, i) => (b === name ? [i] : []));
    if (same.length < 2) continue;
    same.sort((a, b) => traits[b]!.meanSpend - traits[a]!.meanSpend || a - b);
    same.forEach((i, r) => {
      names[i] = same.length === 2 ? `${name} (${r === 0 ? "higher" : "lower"} spend)` : `${name} (spend rank ${r + 1} of ${same.length})`;
    });
  }
  return Object.freeze(names);
}

function baseName(t: ClusterTraits): string {
  const noun =
    t.frequency === "frequent" && t.spend === "high" ? "loyal big spenders"
    : t.frequency === "frequent" ? "frequent regulars"
    : t.spend === "high" ? "big spenders"
    : t.oneTimers ? "one-timers"
    : t.frequency === "infrequent" || t.spend === "low" ? "occasional buyers"
    : "steady customers";
  if (t.recency === "recent") return `Recent ${noun}`;
  if (t.recency === "lapsed") return `Lapsed ${noun}`;
  return noun.charAt(0).toUpperCase() + noun.slice(1);
}
