import type { Calibration } from "../../models/propensity/classifier-calibration.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { PALETTE, baseLayout } from "../palette.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * The calibration chart: mean predicted probability against the observed share, one point per
 * bin of the prediction, and the diagonal where a calibrated model's points lie. Per cent axes.
 *
 * @param calibration - the result of `classifierCalibration`
 * @param options - chart title
 * @returns a frozen Plotly figure with two traces (bins, perfect calibration)
 * @throws ArgumentError when there is no bin with customers
 * @example
 * propensityCalibrationChart(classifierCalibration(p, churned)).data[1].name; // "perfect calibration"
 */
export function propensityCalibrationChart(calibration: Calibration, options: { readonly title?: string } = {}): PlotlyFigure {
  const rows = calibration.rows.filter((r) => r.customers > 0);
  if (rows.length === 0) throw new ArgumentError("propensityCalibrationChart: no bin has customers");
  const layout = baseLayout(options.title ?? "Predicted vs observed", "Mean predicted probability (%)", "Observed share (%)");
  return deepFreeze({
    data: [
      { type: "scatter" as const, mode: "lines+markers" as const, name: "score deciles", x: rows.map((r) => 100 * r.meanPredicted), y: rows.map((r) => 100 * r.observedRate), marker: { color: PALETTE.primary, size: 8 }, hovertemplate: "predicted %{x:.1f} %%, observed %{y:.1f} %%<extra></extra>" },
      { type: "scatter" as const, mode: "lines" as const, name: "perfect calibration", x: [0, 100], y: [0, 100], marker: { color: PALETTE.accent }, hovertemplate: "predicted = observed<extra></extra>" },
    ],
    layout: { ...layout, showlegend: true, xaxis: { ...layout.xaxis, ticksuffix: " %" }, yaxis: { ...layout.yaxis, ticksuffix: " %" } },
  });
}
