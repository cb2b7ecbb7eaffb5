// The Plotly renderer on hand-made chart descriptions: traces, axes, colours and tooltips.
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../src/charts/index.js";
import { hoverParts } from "../../src/charts/hover-parts.js";
import { toPlotlyFigure } from "../../src/reports/html/to-plotly-figure.js";

const spec: ChartSpec = {
  title: "Hand-made",
  x: { title: "Share (%)", format: "percent", decimals: 1, includeZero: true },
  y: { title: "Value (EUR)", format: "money", includeZero: false, zeroLine: true },
  legend: true,
  palette: ["primary", "highlight"],
  heightPx: 300,
  marks: [
    { kind: "bar", name: "B", x: ["a", "b"], y: [1, 2], colour: ["primary", { series: 3 }], labels: ["1", "2"], labelPosition: "inside", hover: "{x}: {label} ({y:,.2f} EUR)" },
    { kind: "line", name: "L", x: [0, 1], y: [0, 1], colour: "guide", points: true, pointSize: 5, reference: true },
    { kind: "scatter", name: "S", x: [0.5], y: [0.5], colour: "highlight", opacity: 0.5, outline: { colour: "ink", widthPx: 2 }, hover: "{z}{label" },
    { kind: "heatmap", x: [1], y: ["r"], z: [[null]], colourScale: "sequential", valueTitle: "n", cellGapPx: 3, hover: "{z:.1f} %" },
  ],
};

describe("toPlotlyFigure", () => {
  const fig = toPlotlyFigure(spec);
  it("writes one trace per mark in Plotly's terms", () => {
    expect(fig.data[0]).toEqual({ type: "bar", name: "B", x: ["a", "b"], y: [1, 2], text: ["1", "2"], textposition: "inside", marker: { color: ["#0072B2", "#D55E00"] }, hovertemplate: "%{x}: %{text} (%{y:,.2f} EUR)<extra></extra>" });
    expect(JSON.stringify(fig.data[1])).toBe('{"type":"scatter","name":"L","mode":"lines+markers","x":[0,1],"y":[0,1],"marker":{"color":"#9AA5B1","size":5}}');
    expect(fig.data[2]).toEqual({ type: "scatter", name: "S", mode: "markers", x: [0.5], y: [0.5], marker: { color: "#D55E00", opacity: 0.5, line: { color: "#1F2933", width: 2 } }, hovertemplate: "%{z}{label<extra></extra>" });
    expect(fig.data[3]).toMatchObject({ type: "heatmap", z: [[null]], colorbar: { title: { text: "n" } }, hovertemplate: "%{z:.1f} %<extra></extra>", xgap: 3, ygap: 3 });
  });
  it("sets the axes, legend, colour cycle and height of the layout", () => {
    expect(fig.layout.xaxis).toEqual({ title: { text: "Share (%)" }, automargin: true, gridcolor: "#E4E7EB", tickformat: ".1%", rangemode: "tozero" });
    expect(fig.layout.yaxis).toEqual({ title: { text: "Value (EUR)" }, automargin: true, gridcolor: "#E4E7EB", rangemode: "normal", zeroline: true });
    expect(fig.layout).toMatchObject({ showlegend: true, height: 300, colorway: ["#0072B2", "#D55E00"], title: { text: "Hand-made" } });
    expect(fig.layout.bargap).toBeUndefined();
  });
  it("returns a frozen figure and leaves the description alone", () => {
    expect(Object.isFrozen(fig.data[0]) && Object.isFrozen(fig.layout.xaxis)).toBe(true);
    expect(Object.isFrozen(spec.marks[0])).toBe(false);
  });
});

describe("hoverParts", () => {
  it("splits a tooltip into texts and placeholders with their formats", () => {
    expect(hoverParts("{x}: {y:,d} customers ({label})")).toEqual([{ field: "x", format: "" }, ": ", { field: "y", format: ",d" }, " customers (", { field: "label", format: "" }, ")"]);
    expect(hoverParts("{w} and {x")).toEqual(["{w} and {x"]);
    expect(hoverParts("")).toEqual([]);
  });
});
