import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/** What {@link clusterSizeChart} needs of a cluster (a ClusterProfile has it). */
export interface ClusterSizeInput {
  readonly name: string;
  /** Share of customers, a fraction. */
  readonly share: number;
  /** Share of total spend, a fraction (null: shown as 0). */
  readonly valueShare: number | null;
}

/**
 * Grouped bars per cluster: its share of customers beside its share of total spend, so a
 * manager sees at once which small groups carry much of the value.
 *
 * @param clusters - one entry per cluster, in display order
 * @param options - chart title (default "Cluster size and value")
 * @returns a frozen chart description: two bar marks (customers primary, total spend secondary),
 *   per cent axis (fractions), legend shown
 * @throws ArgumentError when a share is not finite
 * @example
 * clusterSizeChart([{ name: "Big spenders", share: 0.1, valueShare: 0.45 }]).marks.length; // 2
 */
export function clusterSizeChart(clusters: readonly ClusterSizeInput[], options: { readonly title?: string } = {}): ChartSpec {
  for (const c of clusters) {
    if (!Number.isFinite(c.share) || (c.valueShare !== null && !Number.isFinite(c.valueShare))) {
      throw new ArgumentError(`clusterSizeChart: shares ${c.share}, ${c.valueShare} of cluster "${c.name}" are not finite`);
    }
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const x = clusters.map((c) => c.name);
  const customers = clusters.map((c) => c.share);
  const value = clusters.map((c) => c.valueShare ?? 0);
  return deepFreeze({
    id: "cluster-size-chart",
    title: options.title ?? "Cluster size and value",
    x: { title: "Cluster" },
    y: { title: "Share (%)", format: "percent", decimals: 0 },
    marks: [
      { kind: "bar", name: "Customers", x, y: customers, colour: "primary", labels: customers.map(pct), labelPosition: "outside", hover: "{x}: {label} of customers" },
      { kind: "bar", name: "Total spend", x, y: value, colour: "secondary", labels: value.map(pct), labelPosition: "outside", hover: "{x}: {label} of total spend" },
    ],
    legend: true,
  });
}
