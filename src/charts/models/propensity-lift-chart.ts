import type { Gains } from "../../models/propensity/classifier-gains.js";
import { groupBarChart } from "../group-bar-chart.js";
import type { PlotlyFigure } from "../plotly-figure.js";

/**
 * Lift by decile (or other group) of score: each group's event rate divided by the overall rate;
 * a bar above 1 means the group holds more of the event than a random group of the same size.
 *
 * @param gains - the result of `classifierGains`
 * @param options - chart title
 * @returns a frozen Plotly bar chart, one bar per group, labelled "x1.23"
 * @throws ArgumentError when a lift is not finite
 * @example
 * propensityLiftChart(classifierGains(scores, churned)).data[0].x[0]; // "1"
 */
export function propensityLiftChart(gains: Gains, options: { readonly title?: string } = {}): PlotlyFigure {
  return groupBarChart(gains.rows.map((r) => ({ label: String(r.group), value: r.lift })), {
    title: options.title ?? "Lift by score decile",
    xTitle: `Score group (1 = highest ${100 / gains.groups} %)`,
    yTitle: "Lift (rate / overall rate)",
    text: (v) => `x${v.toFixed(2)}`,
  });
}
