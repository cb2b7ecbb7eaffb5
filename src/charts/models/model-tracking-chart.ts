import type { PurchaseTracking } from "../../models/diagnostics/purchase-tracking.js";
import type { ChartSpec, ColourRole, LineMark } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/**
 * Line chart of purchase tracking (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way", Figure 3): the cohort's repeat purchases period by period (or cumulatively), actual
 * against what the model expects, with a vertical line at the end of the calibration period.
 * To its left the model was fitted; to its right it forecasts.
 *
 * @param tracking - the result of `purchaseTracking`
 * @param options - `cumulative`: draw the running totals (default false: per period); `title`
 * @returns a frozen chart description: lines "Actual" (primary), "Model" (secondary) and the
 *   calibration end (a guide line); x: periods since the start (weeks by default), y: repeat
 *   purchases (count per period, or count for the cumulative chart)
 * @throws never
 * @example
 * modelTrackingChart(purchaseTracking(model, tx, summary), { cumulative: true }).y.title; // "Cumulative repeat purchases (count)"
 */
export function modelTrackingChart(
  tracking: PurchaseTracking,
  options: { readonly cumulative?: boolean; readonly title?: string } = {},
): ChartSpec {
  const cumulative = options.cumulative ?? false;
  const { period } = tracking;
  const actual = [...(cumulative ? tracking.actualCumulative : tracking.actual)];
  const expected = [...(cumulative ? tracking.expectedCumulative : tracking.expected)];
  const periodName = period[0]!.toUpperCase() + period.slice(1);
  const line = (name: string, y: number[], colour: ColourRole, format: string): LineMark => ({
    kind: "line",
    name,
    x: [...tracking.periods],
    y,
    colour,
    hover: `${name}, ${period} {x}: {y:${format}} repeat purchases`,
  });
  const top = [...actual, ...expected].reduce((m, y) => (Number.isFinite(y) && y > m ? y : m), 0);
  const cal = tracking.calibrationPeriods;
  return deepFreeze({
    id: "model-tracking-chart",
    title: options.title ?? (cumulative ? "Cumulative repeat purchases: actual vs model" : `Repeat purchases per ${period}: actual vs model`),
    x: { title: `${periodName} since ${tracking.start} (${period}s)`, scale: "linear", includeZero: true },
    y: { title: cumulative ? "Cumulative repeat purchases (count)" : `Repeat purchases (count per ${period})`, format: "decimal" },
    marks: [
      line("Actual", actual, "primary", ",d"),
      line("Model", expected, "secondary", ",.1f"),
      {
        kind: "line",
        name: `End of calibration (${tracking.calibrationEnd})`,
        x: [cal, cal],
        y: [0, top],
        colour: "guide",
        reference: true,
        hover: `Calibration ends ${tracking.calibrationEnd} (${period} ${cal})`,
      },
    ],
    legend: true,
    palette: ["primary", "secondary", "guide"],
  });
}
