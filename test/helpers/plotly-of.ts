import type { ChartSpec, PlotlyFigure } from "../../src/charts/index.js";
import { toPlotlyFigure } from "../../src/reports/html/to-plotly-figure.js";

/** The Plotly figure of a report chart (a chart description drawn by the Plotly renderer). */
export function plotlyOf(figure: ChartSpec | PlotlyFigure): PlotlyFigure {
  return "marks" in figure ? toPlotlyFigure(figure) : figure;
}
