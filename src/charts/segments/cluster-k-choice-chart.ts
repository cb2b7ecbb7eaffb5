import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/** A row of the k-choice table (a KChoiceRow has it). */
export interface KChoiceChartRow {
  readonly k: number;
  /** Within-cluster sum of squares / total sum of squares, a fraction (the elbow curve). */
  readonly withinShare: number;
  /** Mean silhouette width; null for k = 1. */
  readonly silhouette: number | null;
}

/**
 * The silhouette and elbow chart for choosing k: the mean silhouette width (higher is better)
 * and the share of spread left within clusters (within-SS / total SS; look for the bend) by
 * number of clusters, with the chosen k marked.
 *
 * @param rows - one row per k, ascending
 * @param options - `chosenK` to mark (required), `elbowK` to name in the legend
 * @returns a frozen Plotly figure (three scatter traces)
 * @throws ArgumentError when chosenK is not one of the rows' k, or a value is not finite
 * @example
 * clusterKChoiceChart([{ k: 1, withinShare: 1, silhouette: null }, { k: 2, withinShare: 0.4, silhouette: 0.6 }], { chosenK: 2 }).data.length; // 3
 */
export function clusterKChoiceChart(rows: readonly KChoiceChartRow[], options: { readonly chosenK: number; readonly elbowK?: number }): PlotlyFigure {
  const chosen = rows.find((r) => r.k === options.chosenK);
  if (!chosen || chosen.silhouette === null) throw new ArgumentError(`clusterKChoiceChart: chosenK ${options.chosenK} is not a k with a silhouette in the rows`);
  for (const r of rows) {
    if (!Number.isFinite(r.withinShare) || (r.silhouette !== null && !Number.isFinite(r.silhouette))) {
      throw new ArgumentError(`clusterKChoiceChart: values of k = ${r.k} are not finite`);
    }
  }
  const withSil = rows.filter((r) => r.silhouette !== null);
  const elbow = options.elbowK === undefined ? "" : ` (elbow at k = ${options.elbowK})`;
  const layout = baseLayout("Choosing the number of clusters", "Number of clusters k (count)", "Score (share)");
  return deepFreeze({
    data: [
      { type: "scatter" as const, mode: "lines+markers" as const, name: "Silhouette (higher is better)", x: withSil.map((r) => r.k), y: withSil.map((r) => r.silhouette!), marker: { color: PALETTE.primary, size: 8 }, hovertemplate: "k = %{x}: silhouette %{y:.3f}<extra></extra>" },
      { type: "scatter" as const, mode: "lines+markers" as const, name: `Spread left within clusters${elbow}`, x: rows.map((r) => r.k), y: rows.map((r) => r.withinShare), marker: { color: PALETTE.accent, size: 8 }, hovertemplate: "k = %{x}: %{y:.1%} of the spread left<extra></extra>" },
      { type: "scatter" as const, mode: "markers" as const, name: `Chosen k = ${chosen.k}`, x: [chosen.k], y: [chosen.silhouette], marker: { color: PALETTE.highlight, size: 16, line: { color: PALETTE.text, width: 1 } }, hovertemplate: "chosen k = %{x}<extra></extra>" },
    ],
    layout: { ...layout, showlegend: true, xaxis: { ...layout.xaxis, type: "linear" as const }, yaxis: { ...layout.yaxis, rangemode: "normal" as const } },
  });
}
