import { PALETTE } from "../../charts/palette.js";
import type { PlotlyLayout } from "./plotly-figure.js";

/**
 * The Plotly layout every chart starts from: title, axis titles (with their units), font,
 * colours, margins, no legend, 380 px high; `toPlotlyFigure` then sets what the chart
 * description asks for.
 *
 * @param title - chart title
 * @param xTitle - x-axis title, units in brackets, e.g. `"Days since last purchase (days)"`
 * @param yTitle - y-axis title, units in brackets, e.g. `"Customers (count)"`
 * @returns a new layout object
 * @example
 * baseLayout("Spend", "Total spend (EUR)", "Customers (count)").xaxis?.title?.text; // "Total spend (EUR)"
 * @throws never
 */
export function baseLayout(title: string, xTitle: string, yTitle: string): PlotlyLayout {
  return {
    title: { text: title, x: 0, xanchor: "left" },
    xaxis: { title: { text: xTitle }, automargin: true, gridcolor: PALETTE.grid },
    yaxis: { title: { text: yTitle }, automargin: true, gridcolor: PALETTE.grid, rangemode: "tozero" },
    font: { family: "system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif", size: 13, color: PALETTE.text },
    paper_bgcolor: PALETTE.background,
    plot_bgcolor: PALETTE.background,
    colorway: PALETTE.colorway,
    margin: { l: 64, r: 24, t: 56, b: 64 },
    showlegend: false,
    height: 380,
  };
}
