import type { Gains } from "../../models/propensity/classifier-gains.js";
import { groupBarChart } from "../group-bar-chart.js";
import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/**
 * Lift by decile (or other group) of score: each group's event rate divided by the overall rate;
 * a bar above 1 means the group holds more of the event than a random group of the same size.
 *
 * @param gains - the result of `classifierGains`
 * @param options - chart title
 * @returns a frozen chart description: one bar per group, labelled "x1.23"
 * @throws ArgumentError when a lift is not finite
 * @example
 * propensityLiftChart(classifierGains(scores, churned)).marks[0].x[0]; // "1"
 */
export function propensityLiftChart(gains: Gains, options: { readonly title?: string } = {}): ChartSpec {
  const chart = groupBarChart(gains.rows.map((r) => ({ label: String(r.group), value: r.lift })), {
    title: options.title ?? "Lift by score decile",
    xTitle: `Score group (1 = highest ${100 / gains.groups} %)`,
    yTitle: "Lift (rate / overall rate)",
    text: (v) => `x${v.toFixed(2)}`,
    format: "decimal",
  });
  return deepFreeze({ ...chart, id: "propensity-lift-chart" });
}
