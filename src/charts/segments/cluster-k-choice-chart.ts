import type { ChartSpec } from "../chart-spec.js";
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
 * @returns a frozen chart description: the silhouette and the spread left (lines with points,
 *   primary and secondary) and the chosen k (a highlighted point)
 * @throws ArgumentError when chosenK is not one of the rows' k, or a value is not finite
 * @example
 * clusterKChoiceChart([{ k: 1, withinShare: 1, silhouette: null }, { k: 2, withinShare: 0.4, silhouette: 0.6 }], { chosenK: 2 }).marks.length; // 3
 */
export function clusterKChoiceChart(rows: readonly KChoiceChartRow[], options: { readonly chosenK: number; readonly elbowK?: number }): ChartSpec {
  const chosen = rows.find((r) => r.k === options.chosenK);
  if (!chosen || chosen.silhouette === null) throw new ArgumentError(`clusterKChoiceChart: chosenK ${options.chosenK} is not a k with a silhouette in the rows`);
  for (const r of rows) {
    if (!Number.isFinite(r.withinShare) || (r.silhouette !== null && !Number.isFinite(r.silhouette))) {
      throw new ArgumentError(`clusterKChoiceChart: values of k = ${r.k} are not finite`);
    }
  }
  const withSil = rows.filter((r) => r.silhouette !== null);
  const elbow = options.elbowK === undefined ? "" : ` (elbow at k = ${options.elbowK})`;
  return deepFreeze({
    id: "cluster-k-choice-chart",
    title: "Choosing the number of clusters",
    x: { title: "Number of clusters k (count)", scale: "linear" },
    y: { title: "Score (share)", format: "decimal", includeZero: false },
    marks: [
      { kind: "line", name: "Silhouette (higher is better)", x: withSil.map((r) => r.k), y: withSil.map((r) => r.silhouette!), colour: "primary", points: true, pointSize: 8, hover: "k = {x}: silhouette {y:.3f}" },
      { kind: "line", name: `Spread left within clusters${elbow}`, x: rows.map((r) => r.k), y: rows.map((r) => r.withinShare), colour: "secondary", points: true, pointSize: 8, hover: "k = {x}: {y:.1%} of the spread left" },
      { kind: "scatter", name: `Chosen k = ${chosen.k}`, x: [chosen.k], y: [chosen.silhouette], colour: "highlight", pointSize: 16, outline: { colour: "ink", widthPx: 1 }, hover: "chosen k = {x}" },
    ],
    legend: true,
  });
}
