import type { AxisValue } from "../../charts/chart-spec.js";

/**
 * A minimal, typed subset of the Plotly figure schema: just what `toPlotlyFigure` writes for
 * the charts of this package (bar, heatmap, scatter). Plain JSON data, embedded in HTML with
 * `Plotly.newPlot(div, figure.data, figure.layout)` or shown in a notebook.
 *
 * @example
 * const fig: PlotlyFigure = { data: [{ type: "bar", x: ["0"], y: [3] }], layout: { title: { text: "Customers" } } };
 * fig.data[0].type; // "bar"
 * @throws never (types only)
 */
export interface PlotlyFigure {
  readonly data: readonly PlotlyTrace[];
  readonly layout: PlotlyLayout;
}

/** A trace: one of the trace types this package draws. */
export type PlotlyTrace = BarTrace | HeatmapTrace | ScatterTrace;

/** Marker style shared by bar and scatter traces. */
export interface PlotlyMarker {
  readonly color?: string | readonly string[];
  readonly size?: number;
  readonly opacity?: number;
  readonly line?: { readonly color?: string; readonly width?: number };
}

/** A bar trace (`type: "bar"`); histograms are drawn as pre-binned bars to stay light. */
export interface BarTrace {
  readonly type: "bar";
  readonly name?: string;
  readonly x: readonly AxisValue[];
  readonly y: readonly number[];
  readonly marker?: PlotlyMarker;
  readonly text?: readonly string[];
  readonly textposition?: "auto" | "outside" | "inside" | "none";
  readonly hovertemplate?: string;
}

/** A heatmap trace (`type: "heatmap"`): `z[row][col]`, rows along `y`, columns along `x`; null cells are blank. */
export interface HeatmapTrace {
  readonly type: "heatmap";
  readonly name?: string;
  readonly x: readonly AxisValue[];
  readonly y: readonly AxisValue[];
  readonly z: readonly (readonly (number | null)[])[];
  readonly colorscale?: readonly (readonly [number, string])[];
  readonly colorbar?: { readonly title?: { readonly text: string } };
  readonly hovertemplate?: string;
  readonly xgap?: number;
  readonly ygap?: number;
}

/** A scatter trace (`type: "scatter"`), markers and/or lines. */
export interface ScatterTrace {
  readonly type: "scatter";
  readonly name?: string;
  readonly mode?: "markers" | "lines" | "lines+markers";
  readonly x: readonly AxisValue[];
  readonly y: readonly number[];
  readonly marker?: PlotlyMarker;
  readonly hovertemplate?: string;
}

/** An axis of the layout. */
export interface PlotlyAxis {
  readonly title?: { readonly text: string };
  readonly type?: "linear" | "log" | "category";
  readonly tickformat?: string;
  readonly ticksuffix?: string;
  readonly rangemode?: "normal" | "tozero" | "nonnegative";
  readonly automargin?: boolean;
  readonly gridcolor?: string;
  readonly zeroline?: boolean;
}

/** The figure layout. */
export interface PlotlyLayout {
  readonly title?: { readonly text: string; readonly x?: number; readonly xanchor?: "left" | "center" | "right" };
  readonly xaxis?: PlotlyAxis;
  readonly yaxis?: PlotlyAxis;
  readonly bargap?: number;
  readonly showlegend?: boolean;
  readonly height?: number;
  readonly margin?: { readonly l?: number; readonly r?: number; readonly t?: number; readonly b?: number };
  readonly font?: { readonly family?: string; readonly size?: number; readonly color?: string };
  readonly paper_bgcolor?: string;
  readonly plot_bgcolor?: string;
  readonly colorway?: readonly string[];
}
