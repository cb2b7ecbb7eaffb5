import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
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
 * @returns a frozen Plotly figure (two bar traces, percent axis, legend shown)
 * @throws ArgumentError when a share is not finite
 * @example
 * clusterSizeChart([{ name: "Big spenders", share: 0.1, valueShare: 0.45 }]).data.length; // 2
 */
export function clusterSizeChart(clusters: readonly ClusterSizeInput[], options: { readonly title?: string } = {}): PlotlyFigure {
  for (const c of clusters) {
    if (!Number.isFinite(c.share) || (c.valueShare !== null && !Number.isFinite(c.valueShare))) {
      throw new ArgumentError(`clusterSizeChart: shares ${c.share}, ${c.valueShare} of cluster "${c.name}" are not finite`);
    }
  }
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const x = clusters.map((c) => c.name);
  const customers = clusters.map((c) => c.share);
  const value = clusters.map((c) => c.valueShare ?? 0);
  const layout = baseLayout(options.title ?? "Cluster size and value", "Cluster", "Share (%)");
  return deepFreeze({
    data: [
      { type: "bar" as const, name: "Customers", x, y: customers, text: customers.map(pct), textposition: "outside" as const, marker: { color: PALETTE.primary }, hovertemplate: "%{x}: %{text} of customers<extra></extra>" },
      { type: "bar" as const, name: "Total spend", x, y: value, text: value.map(pct), textposition: "outside" as const, marker: { color: PALETTE.accent }, hovertemplate: "%{x}: %{text} of total spend<extra></extra>" },
    ],
    layout: { ...layout, showlegend: true, yaxis: { ...layout.yaxis, tickformat: ".0%" } },
  });
}
