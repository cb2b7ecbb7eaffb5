import type { ChartAxis, ChartMark, ChartSpec, ColourRole, HoverTemplate } from "../../charts/chart-spec.js";
import { roleColour, SEQUENTIAL_SCALE } from "../../charts/palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { hoverParts } from "../../charts/hover-parts.js";
import { baseLayout } from "./plotly-base-layout.js";
import type { PlotlyAxis, PlotlyFigure, PlotlyMarker, PlotlyTrace } from "./plotly-figure.js";

/**
 * Charts whose line and point traces were written with `mode` before `name`. Key order does not
 * change the drawing; it is kept so that the figures (and the reports that embed them) stay
 * byte for byte what they were before charts became descriptions.
 */
const MODE_BEFORE_NAME: ReadonlySet<string> = new Set([
  "basket-lift-support-chart",
  "cluster-k-choice-chart",
  "propensity-calibration-chart",
  "propensity-gains-chart",
  "value-whale-curve-chart",
]);

/**
 * A tooltip template in Plotly's syntax: `{x}`, `{y}`, `{z}` become `%{x}`, `%{y}`, `%{z}`,
 * `{label}` becomes `%{text}` (formats after the colon kept), and the trace-name box is hidden.
 */
function hovertemplate(hover: HoverTemplate): string {
  const parts = hoverParts(hover).map((p) => (typeof p === "string" ? p : `%{${p.field === "label" ? "text" : p.field}${p.format === "" ? "" : `:${p.format}`}}`));
  return `${parts.join("")}<extra></extra>`;
}

function axis(base: PlotlyAxis | undefined, a: ChartAxis, value: boolean): PlotlyAxis {
  return {
    ...base,
    ...(a.scale !== undefined ? { type: a.scale } : {}),
    ...(a.suffix !== undefined ? { ticksuffix: a.suffix } : {}),
    ...(a.format === "percent" ? { tickformat: `.${a.decimals ?? 0}%` } : {}),
    ...(a.includeZero !== undefined || value ? { rangemode: a.includeZero === false ? "normal" as const : "tozero" as const } : {}),
    ...(a.zeroLine !== undefined ? { zeroline: a.zeroLine } : {}),
  };
}

const isList = (c: ColourRole | readonly ColourRole[]): c is readonly ColourRole[] => Array.isArray(c);
const colour = (c: ColourRole | readonly ColourRole[]): string | string[] => (isList(c) ? c.map((r) => roleColour(r)) : roleColour(c));
const hover = (h: HoverTemplate | undefined) => (h === undefined ? {} : { hovertemplate: hovertemplate(h) });

function trace(m: ChartMark, modeFirst: boolean): PlotlyTrace {
  const name = m.name === undefined ? {} : { name: m.name };
  switch (m.kind) {
    case "bar":
      return {
        type: "bar",
        ...name,
        x: [...m.x],
        y: [...m.y],
        ...(m.labels !== undefined ? { text: [...m.labels] } : {}),
        ...(m.labelPosition !== undefined ? { textposition: m.labelPosition } : {}),
        marker: { color: colour(m.colour) },
        ...hover(m.hover),
      };
    case "heatmap":
      return {
        type: "heatmap",
        ...name,
        x: [...m.x],
        y: [...m.y],
        z: m.z.map((row) => [...row]),
        colorscale: SEQUENTIAL_SCALE,
        colorbar: { title: { text: m.valueTitle } },
        ...hover(m.hover),
        ...(m.cellGapPx !== undefined ? { xgap: m.cellGapPx, ygap: m.cellGapPx } : {}),
      };
    case "line":
    case "scatter": {
      const mode = { mode: m.kind === "scatter" ? "markers" as const : m.points ? "lines+markers" as const : "lines" as const };
      const marker: PlotlyMarker = m.kind === "line"
        ? { color: roleColour(m.colour), ...(m.pointSize !== undefined ? { size: m.pointSize } : {}) }
        : {
            color: roleColour(m.colour),
            ...(m.pointSize !== undefined ? { size: m.pointSize } : {}),
            ...(m.opacity !== undefined ? { opacity: m.opacity } : {}),
            ...(m.outline !== undefined ? { line: { color: roleColour(m.outline.colour), width: m.outline.widthPx } } : {}),
          };
      return {
        type: "scatter",
        ...(modeFirst ? { ...mode, ...name } : { ...name, ...mode }),
        x: [...m.x],
        y: [...m.y],
        marker,
        ...hover(m.hover),
      };
    }
  }
}

/**
 * The Plotly renderer of chart descriptions: a chart as a Plotly figure (`data` traces and a
 * `layout`), ready for `Plotly.newPlot(div, figure.data, figure.layout)`. Bars become `bar`
 * traces (labels as `text`), lines and points `scatter` traces (`lines`, `lines+markers`,
 * `markers`), heatmaps `heatmap` traces on the sequential colour scale; colour roles become the
 * theme's colours (`roleColour`), tooltips `hovertemplate`s, axis formats `tickformat` and
 * `ticksuffix`; the layout starts from {@link baseLayout}. Used by the HTML report and by the
 * notebooks' `showChart`. Pure; the result is new and frozen.
 *
 * @param spec - the chart description
 * @returns the Plotly figure
 * @throws never
 * @example
 * toPlotlyFigure(frequencyChart([0, 0, 1])).data[0];
 * // { type: "bar", name: "Customers", x: ["0", "1", ..., "10+"], y: [2, 1, 0, ...], text: ["67 %", ...], textposition: "outside", marker: { color: "#0072B2" }, hovertemplate: "%{x} repeat purchases: ..." }
 */
export function toPlotlyFigure(spec: ChartSpec): PlotlyFigure {
  const base = baseLayout(spec.title, spec.x.title, spec.y.title);
  const modeFirst = spec.id !== undefined && MODE_BEFORE_NAME.has(spec.id);
  const m = spec.marginPx;
  return deepFreeze({
    data: spec.marks.map((mark) => trace(mark, modeFirst)),
    layout: {
      ...base,
      xaxis: axis(base.xaxis, spec.x, false),
      yaxis: axis(base.yaxis, spec.y, true),
      ...(spec.palette !== undefined ? { colorway: spec.palette.map((r) => roleColour(r)) } : {}),
      ...(m !== undefined ? { margin: { l: m.left, r: m.right, t: m.top, b: m.bottom } } : {}),
      showlegend: spec.legend,
      ...(spec.heightPx !== undefined ? { height: spec.heightPx } : {}),
      ...(spec.barGap !== undefined ? { bargap: spec.barGap } : {}),
    },
  });
}
