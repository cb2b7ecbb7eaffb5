import type { FrequencyHistogram } from "../../models/diagnostics/frequency-histogram.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/**
 * Grouped bar chart of the in-sample fit (Fader, Hardie & Lee 2005, "Counting Your Customers
 * the Easy Way", Figure 2): how many customers made 0, 1, ..., 7+ repeat purchases in the
 * calibration period, observed beside the number the model expects. Bars of equal height mean
 * the model reproduces the spread of buying frequencies.
 *
 * @param histogram - the result of `frequencyHistogram`
 * @param options - `title`
 * @returns a frozen Plotly figure; x: repeat purchases in calibration (count), y: customers (count)
 * @throws never
 * @example
 * modelFrequencyChart(frequencyHistogram(model, summary)).data[1]; // { type: "bar", name: "Model", y: [1406.5, 460.8, ...], ... }
 */
export function modelFrequencyChart(
  histogram: FrequencyHistogram,
  options: { readonly title?: string } = {},
): PlotlyFigure {
  const labels = histogram.rows.map((r) => r.label);
  const layout = baseLayout(
    options.title ?? "Customers by repeat purchases in calibration: actual vs model",
    "Repeat purchases in the calibration period (count)",
    "Customers (count)",
  );
  const bar = (name: string, y: number[], color: string, format: string) => ({
    type: "bar" as const,
    name,
    x: [...labels],
    y,
    marker: { color },
    hovertemplate: `${name}: %{y:${format}} customers with %{x} repeat purchases<extra></extra>`,
  });
  return deepFreeze({
    data: [
      bar("Actual", histogram.rows.map((r) => r.actual), PALETTE.primary, ",d"),
      bar("Model", histogram.rows.map((r) => r.expected), PALETTE.accent, ",.1f"),
    ],
    layout: {
      ...layout,
      xaxis: { ...layout.xaxis, type: "category" as const },
      bargap: 0.2,
      colorway: [PALETTE.primary, PALETTE.accent],
      showlegend: true,
    },
  });
}
