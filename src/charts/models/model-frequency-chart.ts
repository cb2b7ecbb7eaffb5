import type { FrequencyHistogram } from "../../models/diagnostics/frequency-histogram.js";
import type { BarMark, ChartSpec, ColourRole } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/**
 * Grouped bar chart of the in-sample fit (Fader, Hardie & Lee 2005, "Counting Your Customers
 * the Easy Way", Figure 2): how many customers made 0, 1, ..., 7+ repeat purchases in the
 * calibration period, observed beside the number the model expects. Bars of equal height mean
 * the model reproduces the spread of buying frequencies.
 *
 * @param histogram - the result of `frequencyHistogram`
 * @param options - `title`
 * @returns a frozen chart description: two bar marks ("Actual" primary, "Model" secondary); x:
 *   repeat purchases in calibration (count), y: customers (count)
 * @throws never
 * @example
 * modelFrequencyChart(frequencyHistogram(model, summary)).marks[1]; // { kind: "bar", name: "Model", y: [1406.5, 460.8, ...], colour: "secondary", ... }
 */
export function modelFrequencyChart(
  histogram: FrequencyHistogram,
  options: { readonly title?: string } = {},
): ChartSpec {
  const labels = histogram.rows.map((r) => r.label);
  const bar = (name: string, y: number[], colour: ColourRole, format: string): BarMark => ({
    kind: "bar",
    name,
    x: [...labels],
    y,
    colour,
    hover: `${name}: {y:${format}} customers with {x} repeat purchases`,
  });
  return deepFreeze({
    id: "model-frequency-chart",
    title: options.title ?? "Customers by repeat purchases in calibration: actual vs model",
    x: { title: "Repeat purchases in the calibration period (count)", scale: "category" },
    y: { title: "Customers (count)", format: "decimal" },
    marks: [
      bar("Actual", histogram.rows.map((r) => r.actual), "primary", ",d"),
      bar("Model", histogram.rows.map((r) => r.expected), "secondary", ",.1f"),
    ],
    legend: true,
    barGap: 0.2,
    palette: ["primary", "secondary"],
  });
}
