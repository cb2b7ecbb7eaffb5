import type { CalibrationHoldoutTable } from "../../models/diagnostics/calibration-holdout-table.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
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
 * @returns a frozen Plotly figure; x: repeat purchases in calibration (count), y: mean holdout
 *   purchases (count per customer over the holdout length in the table's time unit)
 * @throws never
 * @example
 * modelCalibrationHoldoutChart(calibrationHoldoutTable(model, summary)).data.map((d) => d.name); // ["Actual", "Model"]
 */
export function modelCalibrationHoldoutChart(
  table: CalibrationHoldoutTable,
  options: { readonly title?: string } = {},
): PlotlyFigure {
  const labels = table.rows.map((r) => r.label);
  const unit = table.timeUnit ?? "time unit";
  const holdout = `${formatLength(table.durationHoldout)} ${unit}s`;
  const layout = baseLayout(
    options.title ?? "Holdout purchases by calibration frequency: actual vs model",
    "Repeat purchases in the calibration period (count)",
    `Purchases per customer (count, ${holdout})`,
  );
  const trace = (name: string, y: number[], color: string) => ({
    type: "scatter" as const,
    name,
    mode: "lines+markers" as const,
    x: [...labels],
    y,
    marker: { color, size: 8 },
    hovertemplate: `${name}: %{y:.2f} purchases per customer in ${holdout} after %{x} repeat purchases<extra></extra>`,
  });
  return deepFreeze({
    data: [
      trace("Actual", table.rows.map((r) => r.actualMean), PALETTE.primary),
      trace("Model", table.rows.map((r) => r.expectedMean), PALETTE.accent),
    ],
    layout: {
      ...layout,
      xaxis: { ...layout.xaxis, type: "category" as const },
      colorway: [PALETTE.primary, PALETTE.accent],
      showlegend: true,
    },
  });
}

function formatLength(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
