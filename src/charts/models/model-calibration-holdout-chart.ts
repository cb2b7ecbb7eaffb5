import type { CalibrationHoldoutTable } from "../../models/diagnostics/calibration-holdout-table.js";
import type { ChartSpec, ColourRole, LineMark } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/**
 * Line chart of the calibration/holdout check (Fader, Hardie & Lee 2005, "Counting Your
 * Customers the Easy Way", Figure 4): for customers with 0, 1, ..., 7+ repeat purchases in the
 * calibration period, the mean number of purchases they actually made in the holdout period
 * against the mean the model expected for them. Lines that lie on top of each other mean the
 * model predicts each group's future well; empty classes leave a gap.
 *
 * @param table - the result of `calibrationHoldoutTable`
 * @param options - `title`
 * @returns a frozen chart description: two lines with points ("Actual" primary, "Model"
 *   secondary); x: repeat purchases in calibration (count), y: mean holdout purchases (count per
 *   customer over the holdout length in the table's time unit)
 * @throws never
 * @example
 * modelCalibrationHoldoutChart(calibrationHoldoutTable(model, summary)).marks.map((m) => m.name); // ["Actual", "Model"]
 */
export function modelCalibrationHoldoutChart(
  table: CalibrationHoldoutTable,
  options: { readonly title?: string } = {},
): ChartSpec {
  const labels = table.rows.map((r) => r.label);
  const unit = table.timeUnit ?? "time unit";
  const holdout = `${formatLength(table.durationHoldout)} ${unit}s`;
  const line = (name: string, y: number[], colour: ColourRole): LineMark => ({
    kind: "line",
    name,
    x: [...labels],
    y,
    colour,
    points: true,
    pointSize: 8,
    hover: `${name}: {y:.2f} purchases per customer in ${holdout} after {x} repeat purchases`,
  });
  return deepFreeze({
    id: "model-calibration-holdout-chart",
    title: options.title ?? "Holdout purchases by calibration frequency: actual vs model",
    x: { title: "Repeat purchases in the calibration period (count)", scale: "category" },
    y: { title: `Purchases per customer (count, ${holdout})`, format: "decimal" },
    marks: [
      line("Actual", table.rows.map((r) => r.actualMean), "primary"),
      line("Model", table.rows.map((r) => r.expectedMean), "secondary"),
    ],
    legend: true,
    palette: ["primary", "secondary"],
  });
}

function formatLength(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
