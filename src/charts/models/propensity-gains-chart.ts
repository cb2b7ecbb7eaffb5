import type { Gains } from "../../models/propensity/classifier-gains.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { PALETTE, baseLayout } from "../palette.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * The cumulative gains chart: the share of all customers with the event (e.g. all churners)
 * found when contacting the top x % of customers by score, against the diagonal of random
 * selection. Both axes in per cent.
 *
 * @param gains - the result of `classifierGains`
 * @param options - chart title and the name of the event for the axis (default "positives")
 * @returns a frozen Plotly figure with two traces (model, random)
 * @throws ArgumentError when the curve is empty
 * @example
 * propensityGainsChart(classifierGains(scores, churned), { event: "churners" }).data.length; // 2
 */
export function propensityGainsChart(gains: Gains, options: { readonly title?: string; readonly event?: string } = {}): PlotlyFigure {
  if (gains.curve.length < 2) throw new ArgumentError(`propensityGainsChart: the gains curve has ${gains.curve.length} points; need at least 2`);
  const event = options.event ?? "positives";
  const x = gains.curve.map((p) => 100 * p.customerShare);
  const layout = baseLayout(options.title ?? "Cumulative gains", "Customers contacted, highest scores first (%)", `Share of all ${event} found (%)`);
  return deepFreeze({
    data: [
      { type: "scatter" as const, mode: "lines+markers" as const, name: "model", x, y: gains.curve.map((p) => 100 * p.gain), marker: { color: PALETTE.primary, size: 7 }, hovertemplate: `top %{x:.0f} %% of customers: %{y:.1f} %% of ${event}<extra></extra>` },
      { type: "scatter" as const, mode: "lines" as const, name: "random", x: [0, 100], y: [0, 100], marker: { color: PALETTE.accent }, hovertemplate: "random selection<extra></extra>" },
    ],
    layout: { ...layout, showlegend: true, xaxis: { ...layout.xaxis, ticksuffix: " %" }, yaxis: { ...layout.yaxis, ticksuffix: " %" } },
  });
}
