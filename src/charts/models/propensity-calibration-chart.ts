import type { Calibration } from "../../models/propensity/classifier-calibration.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import type { ChartSpec } from "../chart-spec.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * The calibration chart: mean predicted probability against the observed share, one point per
 * bin of the prediction, and the diagonal where a calibrated model's points lie. Per cent axes.
 *
 * @param calibration - the result of `classifierCalibration`
 * @param options - chart title
 * @returns a frozen chart description: the bins (a line with points, primary) and the perfect
 *   calibration diagonal (a reference line, secondary); both axes in per cent (0-100)
 * @throws ArgumentError when there is no bin with customers
 * @example
 * propensityCalibrationChart(classifierCalibration(p, churned)).marks[1].name; // "perfect calibration"
 */
export function propensityCalibrationChart(calibration: Calibration, options: { readonly title?: string } = {}): ChartSpec {
  const rows = calibration.rows.filter((r) => r.customers > 0);
  if (rows.length === 0) throw new ArgumentError("propensityCalibrationChart: no bin has customers");
  return deepFreeze({
    id: "propensity-calibration-chart",
    title: options.title ?? "Predicted vs observed",
    x: { title: "Mean predicted probability (%)", format: "decimal", suffix: " %" },
    y: { title: "Observed share (%)", format: "decimal", suffix: " %" },
    marks: [
      { kind: "line", name: "score deciles", x: rows.map((r) => 100 * r.meanPredicted), y: rows.map((r) => 100 * r.observedRate), colour: "primary", points: true, pointSize: 8, hover: "predicted {x:.1f} %%, observed {y:.1f} %%" },
      { kind: "line", name: "perfect calibration", x: [0, 100], y: [0, 100], colour: "secondary", reference: true, hover: "predicted = observed" },
    ],
    legend: true,
  });
}
