import type { ChartSpec } from "../../src/charts/index.js";
import type { PlotlyFigure } from "../../src/reports/html/plotly-figure.js";
import { toPlotlyFigure } from "../../src/reports/html/to-plotly-figure.js";

/**
 * A chart function whose description is drawn by the Plotly renderer: tests written against the
 * Plotly figures keep asserting what the HTML report and the notebooks draw.
 *
 * @example
 * const gains = plotted(propensityGainsChart); gains(g).data[0].type; // "scatter"
 */
export function plotted<A extends unknown[]>(chart: (...args: A) => ChartSpec): (...args: A) => PlotlyFigure {
  return (...args: A) => toPlotlyFigure(chart(...args));
}
