import type { RetentionProjection } from "../../insights/cohorts/retention-projection.js";
import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/**
 * The sBG projection: the observed "still buying" survival (markers) against the fitted sBG
 * curve, continued beyond the data as a projection (line), in % of the cohort.
 *
 * @param projection - a `retentionProjection` result
 * @param options - `period` name for the axis (default "period"), `title`
 * @returns a frozen chart description with two marks: "Actual" (points, primary) and "sBG fitted
 *   and projected" (a line, secondary); y in % (0-100)
 * @throws never
 * @example
 * retentionSbgChart(retentionProjection(curve), { period: "month" }).marks[1].name; // "sBG fitted and projected"
 */
export function retentionSbgChart(projection: RetentionProjection, options: { readonly period?: string; readonly title?: string } = {}): ChartSpec {
  const unit = options.period ?? "period";
  const pct = (s: number): number => Math.round(1000 * s) / 10;
  return deepFreeze({
    id: "retention-sbg-chart",
    title: options.title ?? "Survival: actual and the sBG projection",
    x: { title: `${unit[0]!.toUpperCase()}${unit.slice(1)}s since the first purchase (${unit}s)`, scale: "linear" },
    y: { title: "Still buying (% of cohort)", format: "decimal", suffix: " %" },
    marks: [
      {
        kind: "scatter",
        name: "Actual",
        x: projection.comparison.map((r) => r.age),
        y: projection.comparison.map((r) => pct(r.actualSurvival)),
        colour: "primary",
        pointSize: 7,
        hover: `Actual, ${unit} {x}: {y:.1f} %`,
      },
      {
        kind: "line",
        name: "sBG fitted and projected",
        x: projection.projection.map((r) => r.age),
        y: projection.projection.map((r) => pct(r.survival)),
        colour: "secondary",
        hover: `sBG, ${unit} {x}: {y:.1f} %`,
      },
    ],
    legend: true,
  });
}
