import type { PurchaseTracking } from "../../models/diagnostics/purchase-tracking.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/** Grey of the calibration-end marker line. */
const MARKER_GREY = "#9AA5B1";

/**
 * Line chart of purchase tracking (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy
 * Way", Figure 3): the cohort's repeat purchases period by period (or cumulatively), actual
 * against what the model expects, with a vertical line at the end of the calibration period.
 * To its left the model was fitted; to its right it forecasts.
 *
 * @param tracking - the result of `purchaseTracking`
 * @param options - `cumulative`: draw the running totals (default false: per period); `title`
 * @returns a frozen Plotly figure; x: periods since the start (weeks by default), y: repeat
 *   purchases (count per period, or count for the cumulative chart)
 * @throws never
 * @example
 * modelTrackingChart(purchaseTracking(model, tx, summary), { cumulative: true }).layout.yaxis?.title?.text; // "Cumulative repeat purchases (count)"
 */
export function modelTrackingChart(
  tracking: PurchaseTracking,
  options: { readonly cumulative?: boolean; readonly title?: string } = {},
): PlotlyFigure {
  const cumulative = options.cumulative ?? false;
  const { period } = tracking;
  const actual = [...(cumulative ? tracking.actualCumulative : tracking.actual)];
  const expected = [...(cumulative ? tracking.expectedCumulative : tracking.expected)];
  const periodName = period[0]!.toUpperCase() + period.slice(1);
  const layout = baseLayout(
    options.title ?? (cumulative ? "Cumulative repeat purchases: actual vs model" : `Repeat purchases per ${period}: actual vs model`),
    `${periodName} since ${tracking.start} (${period}s)`,
    cumulative ? "Cumulative repeat purchases (count)" : `Repeat purchases (count per ${period})`,
  );
  const line = (name: string, y: number[], color: string, format: string) => ({
    type: "scatter" as const,
    name,
    mode: "lines" as const,
    x: [...tracking.periods],
    y,
    marker: { color },
    hovertemplate: `${name}, ${period} %{x}: %{y:${format}} repeat purchases<extra></extra>`,
  });
  const top = [...actual, ...expected].reduce((m, y) => (Number.isFinite(y) && y > m ? y : m), 0);
  const cal = tracking.calibrationPeriods;
  return deepFreeze({
    data: [
      line("Actual", actual, PALETTE.primary, ",d"),
      line("Model", expected, PALETTE.accent, ",.1f"),
      {
        type: "scatter" as const,
        name: `End of calibration (${tracking.calibrationEnd})`,
        mode: "lines" as const,
        x: [cal, cal],
        y: [0, top],
        marker: { color: MARKER_GREY },
        hovertemplate: `Calibration ends ${tracking.calibrationEnd} (${period} ${cal})<extra></extra>`,
      },
    ],
    layout: {
      ...layout,
      xaxis: { ...layout.xaxis, type: "linear" as const, rangemode: "tozero" as const },
      colorway: [PALETTE.primary, PALETTE.accent, MARKER_GREY],
      showlegend: true,
    },
  });
}
