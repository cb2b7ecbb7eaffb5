// The Plotly renderer reproduces, key for key, the Plotly JSON that every chart function returned
// before charts became renderer-neutral descriptions (test/charts/fixtures/plotly-figures.json):
// the HTML report and the notebooks draw exactly what they drew before.
import { describe, expect, it } from "vitest";
import { toPlotlyFigure } from "../../src/reports/html/to-plotly-figure.js";
import { CHART_CASES, CHART_FUNCTIONS, describeCase } from "./fixture-cases.js";

describe("toPlotlyFigure reproduces the figures of before", () => {
  it("covers every chart function", () => {
    expect(CHART_FUNCTIONS.filter((k) => !CHART_CASES.some((c) => c.chart === k))).toEqual([]);
  });
  it.each(CHART_CASES.map((c) => [c.name, c] as const))("%s", (_, c) => {
    expect(JSON.stringify(toPlotlyFigure(describeCase(c)))).toBe(c.figure);
  });
});
