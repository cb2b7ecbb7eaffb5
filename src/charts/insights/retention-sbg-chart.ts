import type { RetentionProjection } from "../../insights/cohorts/retention-projection.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/**
 * The sBG projection: the observed "still buying" survival (markers) against the fitted sBG
 * curve, continued beyond the data as a projection (line), in % of the cohort.
 *
 * @param projection - a `retentionProjection` result
 * @param options - `period` name for the axis (default "period"), `title`
 * @returns a frozen chart with two traces: "Actual" and "sBG fitted and projected"
 * @throws never
 * @example
 * retentionSbgChart(retentionProjection(curve), { period: "month" }).data[1].name; // "sBG fitted and projected"
 */
export function retentionSbgChart(projection: RetentionProjection, options: { readonly period?: string; readonly title?: string } = {}): PlotlyFigure {
  const unit = options.period ?? "period";
  const pct = (s: number): number => Math.round(1000 * s) / 10;
  const layout = baseLayout(
    options.title ?? "Survival: actual and the sBG projection",
    `${unit[0]!.toUpperCase()}${unit.slice(1)}s since the first purchase (${unit}s)`,
    "Still buying (% of cohort)",
  );
  return deepFreeze({
    data: [
      {
        type: "scatter" as const,
        name: "Actual",
        mode: "markers" as const,
        x: projection.comparison.map((r) => r.age),
        y: projection.comparison.map((r) => pct(r.actualSurvival)),
        marker: { color: PALETTE.primary, size: 7 },
        hovertemplate: `Actual, ${unit} %{x}: %{y:.1f} %<extra></extra>`,
      },
      {
        type: "scatter" as const,
        name: "sBG fitted and projected",
        mode: "lines" as const,
        x: projection.projection.map((r) => r.age),
        y: projection.projection.map((r) => pct(r.survival)),
        marker: { color: PALETTE.accent },
        hovertemplate: `sBG, ${unit} %{x}: %{y:.1f} %<extra></extra>`,
      },
    ],
    layout: { ...layout, xaxis: { ...layout.xaxis, type: "linear" as const }, yaxis: { ...layout.yaxis, ticksuffix: " %" }, showlegend: true },
  });
}
