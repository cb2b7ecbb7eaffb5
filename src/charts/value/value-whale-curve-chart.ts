import type { WhaleCurve } from "../../value/types.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * The profitability (whale) curve: the share of customers, ranked by net contribution best
 * first (across, %), against the cumulative share of total profit they make (up, %), with a
 * dotted line at 100 % and a marker at the peak (the hump of the whale).
 *
 * @param whale - the curve from `whaleCurve` or `customerValue(...).whale`
 * @param options - chart title (default "Profitability (whale) curve")
 * @returns a frozen Plotly figure (two or three scatter traces)
 * @throws ArgumentError when the curve has no points or a point is not finite
 * @example
 * valueWhaleCurveChart(customerValue(t).whale).data[0].name; // "Cumulative profit"
 */
export function valueWhaleCurveChart(whale: WhaleCurve, options: { readonly title?: string } = {}): PlotlyFigure {
  if (whale.points.length === 0) throw new ArgumentError("valueWhaleCurveChart: the curve has no points");
  for (const p of whale.points) {
    if (!Number.isFinite(p.customerShare) || !Number.isFinite(p.profitShare)) {
      throw new ArgumentError(`valueWhaleCurveChart: point (${p.customerShare}, ${p.profitShare}) is not finite`);
    }
  }
  const pct = (x: number): number => Number((100 * x).toFixed(3));
  // Without costs the curve is drawn on revenue (lifetime sales), and says so.
  const revenue = whale.measure === "net_sales";
  const what = revenue ? "revenue" : "profit";
  const base = whale.base === "total" ? `total ${what}` : revenue ? "revenue of the customers with positive sales" : "profit of the profitable customers";
  const layout = baseLayout(
    options.title ?? (revenue ? "Revenue concentration curve (no costs known)" : "Profitability (whale) curve"),
    `Customers, ranked by ${revenue ? "lifetime sales" : "net contribution"} (% of customers)`,
    `Cumulative share of ${base} (%)`,
  );
  return deepFreeze({
    data: [
      {
        type: "scatter" as const,
        mode: "lines" as const,
        name: `Cumulative ${what}`,
        x: whale.points.map((p) => pct(p.customerShare)),
        y: whale.points.map((p) => pct(p.profitShare)),
        marker: { color: PALETTE.primary },
        hovertemplate: `best %{x:.1f} % of customers: %{y:.1f} % of ${what}<extra></extra>`,
      },
      {
        type: "scatter" as const,
        mode: "lines" as const,
        name: `100 % of ${what}`,
        x: [0, 100],
        y: [100, 100],
        marker: { color: PALETTE.accent },
        hovertemplate: `100 % of ${what}<extra></extra>`,
      },
      {
        type: "scatter" as const,
        mode: "markers" as const,
        name: "Peak",
        x: [pct(whale.peakCustomerShare)],
        y: [pct(whale.peakProfitShare)],
        marker: { color: PALETTE.highlight, size: 10 },
        hovertemplate: `peak: %{y:.1f} % of ${what} from the best %{x:.1f} % of customers<extra></extra>`,
      },
    ],
    layout: { ...layout, showlegend: true, xaxis: { ...layout.xaxis, ticksuffix: " %", rangemode: "tozero" as const }, yaxis: { ...layout.yaxis, ticksuffix: " %" } },
  });
}
