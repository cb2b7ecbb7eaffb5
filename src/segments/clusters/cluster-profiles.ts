import { clusterNames, type ClusterTraits } from "./cluster-names.js";
import { signedLog1p } from "./standardize-features.js";
import { ArgumentError } from "../../math/argument-error.js";

/** The columns a profile needs: the RFM three (always) plus the clustering features (SummaryColumns has them). */
export interface ProfileColumns {
  readonly days_since_last_purchase: ArrayLike<number>;
  readonly orders: ArrayLike<number>;
  readonly total_spend: ArrayLike<number>;
}

/** A cluster described for a manager (frozen). */
export interface ClusterProfile extends ClusterTraits {
  /** Cluster number, 1-based (cluster 1 is the largest). */
  readonly cluster: number;
  /** Suggested name (see clusterNames), distinct across clusters. */
  readonly name: string;
  /** Customers in the cluster. */
  readonly size: number;
  /** size / all customers, a fraction. */
  readonly share: number;
  /** The cluster's total spend / all customers' total spend, a fraction (null when that total is not positive). */
  readonly valueShare: number | null;
  /** Sum of total_spend in the cluster (currency units). */
  readonly totalSpend: number;
  /** Mean of each feature in original units (days, orders, currency). */
  readonly means: Readonly<Record<string, number>>;
  /** Median of each feature in original units. */
  readonly medians: Readonly<Record<string, number>>;
  /** One sentence on how the cluster buys, against all customers. */
  readonly description: string;
}

const Z = 0.5;

/**
 * Describes each cluster: size, share, value share (of total_spend), mean and median of each
 * feature in original units, RFM traits (the cluster's mean z-score of days since last purchase,
 * and of signed-log1p orders and total spend, against all customers: beyond ±0.5 SD counts as
 * recent/lapsed, frequent/infrequent, high/low), a sentence in words and a suggested name
 * ({@link clusterNames}). Sizes depend only on the partition, not on how clusters are numbered.
 *
 * @param columns - per-customer columns: days_since_last_purchase, orders, total_spend and every feature (e.g. a summary's columns)
 * @param labels - cluster of each customer, 0..k-1 (every cluster non-empty)
 * @param features - the features to show means and medians of (default the RFM three)
 * @returns one frozen profile per cluster, cluster 1 first
 * @throws ArgumentError when a column is missing or its length differs from the labels', or a cluster is empty
 * @example
 * clusterProfiles({ days_since_last_purchase: [5, 7, 300, 320], orders: [9, 11, 1, 1], total_spend: [900, 1100, 30, 50] }, Int32Array.from([0, 0, 1, 1]))
 *   .map((p) => p.name); // ["Recent loyal big spenders", "Lapsed one-timers"]
 */
export function clusterProfiles(
  columns: ProfileColumns,
  labels: Int32Array,
  features: readonly string[] = ["days_since_last_purchase", "orders", "total_spend"],
): readonly ClusterProfile[] {
  const fn = "clusterProfiles";
  const n = labels.length;
  const byName = columns as unknown as Readonly<Record<string, ArrayLike<number> | undefined>>;
  const need = [...new Set(["days_since_last_purchase", "orders", "total_spend", ...features])];
  for (const name of need) {
    const col = byName[name];
    if (!col) throw new ArgumentError(`${fn}: column "${name}" is missing`);
    if (col.length !== n) throw new ArgumentError(`${fn}: column "${name}" has ${col.length} values, expected ${n}`);
  }
  let k = 0;
  for (let i = 0; i < n; i++) k = Math.max(k, labels[i]! + 1);
  const members: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) members[labels[i]!]!.push(i);
  members.forEach((m, c) => { if (m.length === 0) throw new ArgumentError(`${fn}: cluster ${c + 1} of ${k} has no customers`); });
  const spend = columns.total_spend;
  let allSpend = 0;
  for (let i = 0; i < n; i++) allSpend += spend[i]!;
  const zOf = (col: ArrayLike<number>, log: boolean) => {
    const t = (x: number) => (log ? signedLog1p(x) : x);
    let mean = 0, ss = 0;
    for (let i = 0; i < n; i++) mean += t(col[i]!) / n;
    for (let i = 0; i < n; i++) ss += (t(col[i]!) - mean) ** 2;
    const sd = ss > 0 ? Math.sqrt(ss / n) : 1;
    return (m: readonly number[]) => (m.reduce((a, i) => a + t(col[i]!), 0) / m.length - mean) / sd;
  };
  const zDays = zOf(columns.days_since_last_purchase, false);
  const zOrders = zOf(columns.orders, true);
  const zSpend = zOf(spend, true);
  const overall = (name: string) => mean(byName[name]!, members.flat());
  const traits: ClusterTraits[] = members.map((m) => {
    const r = zDays(m), f = zOrders(m), s = zSpend(m);
    return {
      recency: r <= -Z ? "recent" : r >= Z ? "lapsed" : "average",
      frequency: f >= Z ? "frequent" : f <= -Z ? "infrequent" : "average",
      spend: s >= Z ? "high" : s <= -Z ? "low" : "average",
      oneTimers: median(columns.orders, m) <= 1,
      meanSpend: mean(spend, m),
    };
  });
  const names = clusterNames(traits);
  const all = { days: overall("days_since_last_purchase"), orders: overall("orders"), spend: overall("total_spend") };
  return Object.freeze(
    members.map((m, c) => {
      const t = traits[c]!;
      const clusterSpend = m.reduce((a, i) => a + spend[i]!, 0);
      const r1 = (x: number) => String(Math.round(x));
      const r2 = (x: number) => x.toFixed(x >= 100 ? 0 : 1);
      // A purchase log has no spend (NaN): the description then speaks of recency and orders only.
      const knownSpend = Number.isFinite(all.spend);
      const description =
        `Last bought ${r1(mean(columns.days_since_last_purchase, m))} days ago on average (all customers ${r1(all.days)}); ` +
        `${r2(mean(columns.orders, m))} orders (all ${r2(all.orders)})${knownSpend ? `; spent ${r1(t.meanSpend)} on average (all ${r1(all.spend)})` : ""}: ` +
        `${t.recency === "average" ? "average recency" : t.recency}, ${t.frequency === "average" ? "average frequency" : t.frequency}${knownSpend ? `, ${t.spend} spend` : ""}` +
        `${t.oneTimers ? ", mostly one order" : ""}.`;
      return Object.freeze({
        cluster: c + 1,
        name: names[c]!,
        size: m.length,
        share: m.length / n,
        valueShare: allSpend > 0 ? clusterSpend / allSpend : null,
        totalSpend: clusterSpend,
        means: Object.freeze(Object.fromEntries(features.map((f) => [f, mean(byName[f]!, m)]))),
        medians: Object.freeze(Object.fromEntries(features.map((f) => [f, median(byName[f]!, m)]))),
        ...t,
        description,
      });
    }),
  );
}

function mean(col: ArrayLike<number>, rows: readonly number[]): number {
  let s = 0;
  for (const i of rows) s += col[i]!;
  return s / rows.length;
}

function median(col: ArrayLike<number>, rows: readonly number[]): number {
  const v = Float64Array.from(rows, (i) => col[i]!).sort();
  const h = v.length >> 1;
  return v.length % 2 === 1 ? v[h]! : (v[h - 1]! + v[h]!) / 2;
}
