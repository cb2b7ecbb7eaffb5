import { clusterKChoiceChart } from "../../charts/segments/cluster-k-choice-chart.js";
import { clusterSizeChart } from "../../charts/segments/cluster-size-chart.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { clusterCustomers, type ClusterResult } from "../../segments/clusters/cluster-customers.js";
import { formatValue } from "../format-value.js";
import type { ReportChart, ReportTable, Section, TableColumn, ValueFormat } from "../report-model.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../../charts/index.js";
import { defineReportSection } from "./section-spec.js";

const FEATURE_LABELS: Readonly<Record<string, { readonly label: string; readonly format: ValueFormat; readonly money?: boolean }>> = {
  days_since_last_purchase: { label: "days since last purchase", format: "integer" },
  orders: { label: "orders", format: "decimal" },
  total_spend: { label: "total spend", format: "money", money: true },
  frequency: { label: "repeat purchases", format: "decimal" },
  monetary_value: { label: "mean repeat purchase value", format: "money", money: true },
  recency: { label: "recency (time units)", format: "decimal" },
  T: { label: "customer age T (time units)", format: "decimal" },
};

/**
 * The "Customer clusters" section: what k-means found (narrative and key figures), the profile
 * table (size, share, value share, mean and median of each feature, behaviour in words), a chart
 * of each cluster's share of customers and of spend, and, when k was chosen automatically, the
 * k-choice table and the silhouette/elbow chart.
 *
 * @param result - the plain result of clusterCustomers
 * @param options - `currency` (ISO 4217, default "EUR") of money features
 * @returns a frozen section with id "customer-clusters"
 * @throws ArgumentError when the result has no profiles
 * @example
 * customerClustersSection(clusterCustomers(summary, { k: "auto" }), { currency: "EUR" }).tables[0].title; // "Cluster profiles"
 */
export function customerClustersSection(result: ClusterResult, options: { readonly currency?: string } = {}): Section {
  if (result.profiles.length === 0) throw new ArgumentError("customerClustersSection: the result has no cluster profiles");
  const currency = options.currency ?? "";
  const pct = (x: number | null) => formatValue(x, "percent");
  const n = result.customerIds.length;
  const byValue = [...result.profiles].sort((a, b) => (b.valueShare ?? 0) - (a.valueShare ?? 0));
  const top = byValue[0]!;
  const largest = result.profiles[0]!;
  const featureText = result.features.map((f) => FEATURE_LABELS[f]?.label ?? f).join(", ");
  const sil = result.silhouette;
  const narrative = [
    `k-means grouped ${formatValue(n, "integer")} customers into ${result.k} clusters of similar buying behaviour (${featureText}; counts and money on a log scale, every feature in standard deviations so that none dominates).` +
      (result.kChosenAutomatically ? ` The number of clusters was chosen as the one whose clusters are best separated (highest silhouette) among 2 to ${result.kChoice!.rows.at(-1)!.k}.` : "") +
      (result.sampleSize !== null ? ` ${result.kChosenAutomatically ? "k-means and the choice of k were" : "k-means was"} fitted on a seeded random sample of ${formatValue(result.sampleSize, "integer")} of the ${formatValue(n, "integer")} customers; every customer was then put in the cluster of the nearest centre.` : ""),
    `The largest cluster, "${largest.name}", holds ${pct(largest.share)} of customers and ${pct(largest.valueShare)} of spend. "${top.name}" carries the most value: ${pct(top.valueShare)} of spend from ${pct(top.share)} of customers.`,
    `Mean silhouette ${sil.score.toFixed(2)} (${sil.score >= 0.5 ? "clearly separated clusters" : sil.score >= 0.25 ? "reasonably separated clusters" : "overlapping clusters: read the names as tendencies"})${sil.exact ? "" : `, measured on a random sample of ${formatValue(sil.pointsScored, "integer")} customers`}. Names are suggestions from each cluster's recency, orders and spend against all customers.`,
  ];
  const cols: TableColumn[] = [
    { key: "cluster", label: "Cluster", format: "integer" },
    { key: "name", label: "Suggested name", format: "text" },
    { key: "size", label: "Customers", format: "integer" },
    { key: "share", label: "Share of customers", format: "percent" },
    { key: "valueShare", label: "Share of spend", format: "percent" },
  ];
  for (const f of result.features) {
    const meta = FEATURE_LABELS[f] ?? { label: f, format: "decimal" as const };
    const unit = meta.money ? withCurrency("", currency) : "";
    cols.push({ key: `mean_${f}`, label: `Mean ${meta.label}${unit}`, format: meta.format }, { key: `median_${f}`, label: `Median ${meta.label}${unit}`, format: meta.format });
  }
  cols.push({ key: "description", label: "Behaviour", format: "text" });
  const tables: ReportTable[] = [
    {
      title: "Cluster profiles",
      columns: cols,
      rows: result.profiles.map((p) => ({
        cluster: p.cluster, name: p.name, size: p.size, share: p.share, valueShare: p.valueShare,
        ...Object.fromEntries(result.features.flatMap((f) => [[`mean_${f}`, p.means[f] ?? null], [`median_${f}`, p.medians[f] ?? null]])),
        description: p.description,
      })),
    },
  ];
  const charts: ReportChart[] = [
    { title: "Cluster size and value", figure: clusterSizeChart(result.profiles), caption: "Each cluster's share of customers (blue) beside its share of total spend (orange)." },
  ];
  if (result.kChoice) {
    const kc = result.kChoice;
    tables.push({
      title: result.sampleSize === null ? "Choosing the number of clusters" : `Choosing the number of clusters (on a random sample of ${formatValue(result.sampleSize, "integer")} customers)`,
      columns: [
        { key: "k", label: "Clusters k", format: "integer" },
        { key: "withinSS", label: "Within-cluster sum of squares", format: "decimal" },
        { key: "withinShare", label: "Spread left within clusters", format: "percent" },
        { key: "silhouette", label: "Mean silhouette", format: "decimal" },
        { key: "note", label: "Note", format: "text" },
      ],
      rows: kc.rows.map((r) => ({ k: r.k, withinSS: r.withinSS, withinShare: r.withinShare, silhouette: r.silhouette, note: [r.k === kc.bestK ? "chosen (best silhouette)" : "", r.k === kc.elbowK ? "elbow" : ""].filter(Boolean).join("; ") })),
    });
    charts.push({ title: "Choosing the number of clusters", figure: clusterKChoiceChart(kc.rows, { chosenK: kc.bestK, elbowK: kc.elbowK }), caption: `Silhouette (higher means better separated) and the spread left within clusters by number of clusters; k = ${kc.bestK} has the best silhouette, the elbow of the spread curve is at k = ${kc.elbowK}.` });
  }
  return deepFreeze({
    id: "customer-clusters",
    title: "Customer clusters",
    narrative,
    kpis: [
      { label: "Clusters", value: result.k, format: "integer" as const, unit: "clusters", note: result.kChosenAutomatically ? "chosen by silhouette" : "set by the analyst" },
      { label: "Silhouette", value: sil.score, format: "decimal" as const, unit: "", note: "-1 to 1; above 0.5 clearly separated" },
      { label: "Largest cluster", value: largest.share, format: "percent" as const, unit: "", note: largest.name },
      { label: "Most valuable cluster", value: top.valueShare, format: "percent" as const, unit: "of spend", note: top.name },
    ],
    tables,
    charts,
  });
}

/**
 * The "Customer clusters" entry of the section registry: `clusterCustomers` of the summary (k
 * chosen by silhouette, seed 1), built by {@link customerClustersSection}.
 *
 * @example
 * customerClustersSpec.id; // "customer-clusters"
 */
export const customerClustersSpec = defineReportSection<ClusterResult>({
  id: "customer-clusters",
  title: "Customer clusters",
  help: "k-means clusters (k chosen by silhouette) with readable profiles",
  columns: ["customer_id", "date", "amount", "order_id"],
  headline: [
    { kpi: "Most valuable cluster", cover: "Share of spend from the most valuable cluster" },
    { kpi: "Largest cluster", cover: "Share of customers in the largest cluster" },
  ],
  label: () => "customer clusters (k chosen by silhouette)",
  fromSummary: true,
  analysis: (ctx) => clusterCustomers(ctx.summary, { k: "auto", seed: 1, onProgress: ctx.onProgress }),
  build: (result, ctx) => customerClustersSection(result, { currency: ctx.currency }),
});
