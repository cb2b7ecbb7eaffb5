/**
 * A chart description that belongs to no renderer: the data and the marks that draw it (bars,
 * lines, points, a heatmap), the axes with their titles and number formats, and colours as
 * *roles* ("primary", "highlight", ...), never as colours picked by the chart. Plain, frozen,
 * JSON-serialisable data, so a chart can be snapshot-tested without a renderer.
 *
 * Renderers convert it: `toPlotlyFigure` (HTML report, notebooks' `showChart`) and the Excel
 * writer's native DrawingML charts. Neither reads the other's output.
 *
 * @example
 * const spec: ChartSpec = {
 *   title: "Customers by channel",
 *   x: { title: "Channel", scale: "category" },
 *   y: { title: "Customers (count)", format: "integer" },
 *   marks: [{ kind: "bar", name: "Customers", x: ["web", "store"], y: [120, 80], colour: "primary", hover: "{x}: {y} customers" }],
 *   legend: false,
 * };
 * spec.marks[0]?.kind; // "bar"
 * @throws never (types only)
 */
export interface ChartSpec {
  /** Which chart this is, kebab-case, e.g. "frequency-chart" (the chart function that made it); absent for hand-made charts. */
  readonly id?: string;
  /** The chart's title. */
  readonly title: string;
  /** The horizontal axis. */
  readonly x: ChartAxis;
  /** The vertical (value) axis; for a heatmap the rows. */
  readonly y: ChartAxis;
  /** What is drawn, in drawing (and legend) order. */
  readonly marks: readonly ChartMark[];
  /** Whether the chart shows a legend of the marks' names. */
  readonly legend: boolean;
  /** Share of each category's width left empty between groups of bars (0..1); absent: the renderer's default. */
  readonly barGap?: number;
  /** The colour cycle of the series, first to last; absent: the theme's series colours (`{ series: 0 }`, `{ series: 1 }`, ...). */
  readonly palette?: readonly ColourRole[];
  /** Height of the drawing area in CSS pixels; absent: the renderer's default (380). */
  readonly heightPx?: number;
  /** Room around the plot for long axis labels, in CSS pixels; absent: the renderer's default. */
  readonly marginPx?: { readonly left: number; readonly right: number; readonly top: number; readonly bottom: number };
}

/**
 * A value along an axis: a category label or a number.
 *
 * @example
 * const xs: AxisValue[] = ["0", "1", "10+"]; // categories; [0, 7, 14] would be numbers
 * @throws never (types only)
 */
export type AxisValue = string | number;

/**
 * How numbers on an axis read: the numeric part of the report's `ValueFormat` vocabulary.
 * `percent` means fractions shown as per cent (0.62 reads "62 %"); values already in per cent
 * (0-100) are `decimal` with the suffix " %".
 *
 * @example
 * const f: ChartNumberFormat = "percent"; // 0.62 reads "62 %"
 * @throws never (types only)
 */
export type ChartNumberFormat = "integer" | "decimal" | "percent" | "money";

/**
 * An axis: its title (units in brackets), how its values are spaced, how its numbers read.
 *
 * @example
 * const y: ChartAxis = { title: "Response rate (share of customers)", format: "percent", decimals: 0 };
 * @throws never (types only)
 */
export interface ChartAxis {
  /** The axis title, with its unit in brackets, e.g. "Customers (count)". */
  readonly title: string;
  /** `category`: labels in the given order; `linear` or `log` numbers; absent: decided from the values. */
  readonly scale?: "category" | "linear" | "log";
  /** How the tick numbers read; absent: plain numbers. */
  readonly format?: ChartNumberFormat;
  /** Decimal places of `percent` tick labels (default 0). */
  readonly decimals?: number;
  /** Text after each tick label, e.g. " %" for values already in per cent. */
  readonly suffix?: string;
  /**
   * Whether the axis range always reaches 0. Absent: the value axis (y) does, the x axis is
   * fitted to the data. `false` on y: fitted to the data (heatmaps, scores that never reach 0).
   */
  readonly includeZero?: boolean;
  /** Draw a line at 0 (values of both signs). */
  readonly zeroLine?: boolean;
}

/**
 * A colour by what it means, resolved by the renderer's theme (see `roleColour`):
 * `primary` the main series; `secondary` the series compared with it (the model beside the
 * actual, the control group); `positive` a good outcome; `highlight` the point to look at or a
 * line to compare with; `muted` a series in the background; `guide` a helper line (a date
 * marker); `ink` the colour of text (interval ends, the total); `{ series: n }` the n-th colour
 * of the series cycle (0 = primary), for one line per group.
 *
 * @example
 * const roles: ColourRole[] = ["primary", "secondary", { series: 3 }]; // roleColour: #0072B2, #E69F00, #D55E00
 * @throws never (types only)
 */
export type ColourRole = "primary" | "secondary" | "positive" | "highlight" | "muted" | "guide" | "ink" | { readonly series: number };

/**
 * A tooltip: the text shown for a point, with placeholders `{x}`, `{y}`, `{z}` (heatmap cell
 * value) and `{label}` (the bar's label), each optionally with a number format in the
 * Python/d3 format-specification language after a colon: `{y:,.1f}` (thousands separator, one
 * decimal), `{y:,d}` (whole number), `{x:.1%}` (fraction as per cent). Other text is shown as
 * written.
 *
 * @example
 * const hover: HoverTemplate = "{x} repeat purchases: {y:,d} customers ({label})";
 * @throws never (types only)
 */
export type HoverTemplate = string;

/**
 * One mark of a chart: bars, a line, points, or a heatmap (told apart by `kind`).
 *
 * @example
 * const mark: ChartMark = { kind: "line", name: "Actual", x: [1, 2], y: [3, 4], colour: "primary", points: true };
 * @throws never (types only)
 */
export type ChartMark = BarMark | LineMark | ScatterMark | HeatmapMark;

/**
 * Bars: one per x value, `y` high; several bar marks on the same x stand side by side.
 *
 * @example
 * const bars: BarMark = { kind: "bar", name: "Customers", x: ["0", "1"], y: [3, 1], colour: "primary", labels: ["75 %", "25 %"], labelPosition: "outside" };
 * @throws never (types only)
 */
export interface BarMark {
  readonly kind: "bar";
  /** Series name (legend, table header); absent: the y-axis title names the values. */
  readonly name?: string;
  readonly x: readonly AxisValue[];
  readonly y: readonly number[];
  /** One role for every bar, or one per bar (e.g. the open-ended last bar highlighted). */
  readonly colour: ColourRole | readonly ColourRole[];
  /** Text on each bar, e.g. "12 %". */
  readonly labels?: readonly string[];
  /** Where the labels go: above the bar top (`outside`) or inside the bar. */
  readonly labelPosition?: "outside" | "inside";
  readonly hover?: HoverTemplate;
}

/**
 * A line through the points (x, y), in order; with `points`, each point is also marked.
 *
 * @example
 * const line: LineMark = { kind: "line", name: "Model", x: [1, 2, 3], y: [0.2, 0.6, 0.9], colour: "secondary" };
 * @throws never (types only)
 */
export interface LineMark {
  readonly kind: "line";
  readonly name?: string;
  readonly x: readonly AxisValue[];
  /** Values; NaN leaves a gap. */
  readonly y: readonly number[];
  readonly colour: ColourRole;
  /** Mark each point too. */
  readonly points?: boolean;
  /** Size of the point marks (CSS pixels); absent: the renderer's default. */
  readonly pointSize?: number;
  /** A guide drawn for comparison (the diagonal of a random choice, 100 %, a date), not data. */
  readonly reference?: boolean;
  readonly hover?: HoverTemplate;
}

/**
 * Points (x, y), not joined.
 *
 * @example
 * const dots: ScatterMark = { kind: "scatter", name: "Peak", x: [20], y: [130], colour: "highlight", pointSize: 10 };
 * @throws never (types only)
 */
export interface ScatterMark {
  readonly kind: "scatter";
  readonly name?: string;
  readonly x: readonly AxisValue[];
  readonly y: readonly number[];
  readonly colour: ColourRole;
  /** Point size (CSS pixels); absent: the renderer's default. */
  readonly pointSize?: number;
  /** 0..1; absent: opaque. */
  readonly opacity?: number;
  /** A ring around each point. */
  readonly outline?: { readonly colour: ColourRole; readonly widthPx: number };
  readonly hover?: HoverTemplate;
}

/**
 * A heatmap: `z[row][column]`, rows along `y` (the first row drawn at the bottom), columns along
 * `x`; null cells are left blank.
 *
 * @example
 * const heat: HeatmapMark = { kind: "heatmap", name: "Customers", x: ["1", "2"], y: ["1", "2"], z: [[3, null], [1, 2]], colourScale: "sequential", valueTitle: "Customers (count)" };
 * @throws never (types only)
 */
export interface HeatmapMark {
  readonly kind: "heatmap";
  readonly name?: string;
  readonly x: readonly AxisValue[];
  readonly y: readonly AxisValue[];
  readonly z: readonly (readonly (number | null)[])[];
  /** The colour scale: `sequential`, light (low) to dark (high). */
  readonly colourScale: "sequential";
  /** What the colour shows, with its unit (the colour legend's title). */
  readonly valueTitle: string;
  /** Gap between cells (CSS pixels); absent: none. */
  readonly cellGapPx?: number;
  readonly hover?: HoverTemplate;
}

