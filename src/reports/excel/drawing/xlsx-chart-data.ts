import type { PlotlyAxis, PlotlyFigure, PlotlyTrace } from "../../../charts/index.js";
import type { CellValue, ReportTable, TableColumn, ValueFormat } from "../../report-model.js";
import { chartTable } from "../chart-table.js";

const DEFAULT_COLOURS = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#56B4E9", "#CC79A7", "#F0E442"];

/** One series of a native chart: which column of the chart-data table and which rows (0-based, inclusive). */
export interface ChartDataSeries {
  readonly name: string;
  /** `bar`, `line` (a scatter trace on a category axis) or `scatter` (numeric x). */
  readonly kind: "bar" | "line" | "scatter";
  readonly mode: "lines" | "markers" | "lines+markers";
  /** Colour as RRGGBB. */
  readonly colour: string;
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

/** The data behind a chart as a table, and how a native chart reads it (null for heatmaps: no native chart). */
export interface ChartData {
  readonly table: ReportTable;
  /** Columns (0-based) holding a matrix of values (heatmaps): they get a colour scale. */
  readonly matrixColumns: readonly number[];
  readonly plan: null | {
    readonly title: string;
    readonly xTitle: string;
    readonly yTitle: string;
    readonly xLog: boolean;
    readonly series: readonly ChartDataSeries[];
  };
}

function formatOf(values: readonly CellValue[], axis: PlotlyAxis | undefined): ValueFormat {
  if (axis?.tickformat?.includes("%")) return "percent";
  return values.every((v) => typeof v !== "number" || Number.isInteger(v)) ? "integer" : "decimal";
}

function colourOf(t: PlotlyTrace, k: number, figure: PlotlyFigure): string {
  const c = t.type !== "heatmap" && typeof t.marker?.color === "string" ? t.marker.color : undefined;
  const pick = c && /^#[0-9a-f]{6}$/i.test(c) ? c : figure.layout.colorway?.[k % figure.layout.colorway.length] ?? DEFAULT_COLOURS[k % DEFAULT_COLOURS.length]!;
  return /^#[0-9a-f]{6}$/i.test(pick) ? pick.slice(1).toUpperCase() : "0072B2";
}

function withFormats(t: ReportTable, figure: PlotlyFigure, from: number): ReportTable {
  const axis = figure.data.some((d) => d.type === "heatmap") ? undefined : figure.layout.yaxis;
  const columns = t.columns.map((c, j) => (j < from ? c : { ...c, format: formatOf(t.rows.map((r) => r[c.key] ?? null), axis) }));
  return { ...t, columns };
}

/**
 * The data behind a figure laid out for a worksheet and a native Excel chart. Heatmaps: one row
 * per y with a column per x (no native chart; the renderer adds a colour scale). Bars, and
 * scatter traces on a category axis: one row per category, a column per trace (a clustered bar
 * and/or line chart). Scatter traces with numeric x: traces that share the same x values share
 * a block of rows, blocks one after the other, x kept numeric (a scatter chart; each series
 * reads only its block, so no point is lost when x values repeat).
 *
 * @param title - the table title
 * @param figure - the Plotly figure
 * @returns the table, the matrix columns and the chart plan
 * @throws never
 * @example
 * chartData("Chart data: Freq", { data: [{ type: "bar", x: ["0", "1"], y: [3, 1] }], layout: {} }).plan?.series[0]?.kind; // "bar"
 */
export function chartData(title: string, figure: PlotlyFigure): ChartData {
  const lay = figure.layout;
  const traces = figure.data;
  if (traces.some((t) => t.type === "heatmap")) {
    const table = withFormats(chartTable(title, figure), figure, 1);
    return { table, matrixColumns: table.columns.map((_, j) => j).slice(1), plan: null };
  }
  const head = { title: lay.title?.text ?? title, xTitle: lay.xaxis?.title?.text ?? "", yTitle: lay.yaxis?.title?.text ?? "", xLog: lay.xaxis?.type === "log" };
  const numericX = traces.every((t) => t.type === "scatter" && t.x.every((x) => typeof x === "number" && Number.isFinite(x)));
  if (!numericX || lay.xaxis?.type === "category") {
    const table = withFormats(chartTable(title, figure), figure, 1);
    const last = table.rows.length - 1;
    const series = traces.map((t, k): ChartDataSeries => ({
      name: t.name ?? table.columns[k + 1]!.label,
      kind: t.type === "bar" ? "bar" : "line",
      mode: t.type === "scatter" ? (t.mode ?? "lines+markers") : "markers",
      colour: colourOf(t, k, figure),
      column: k + 1,
      firstRow: 0,
      lastRow: last,
    }));
    return { table, matrixColumns: [], plan: { ...head, series: last >= 0 ? series : [] } };
  }
  const columns: TableColumn[] = [{ key: "x", label: lay.xaxis?.title?.text ?? "x", format: "decimal" }];
  const rows: Record<string, CellValue>[] = [];
  const blocks = new Map<string, { first: number; last: number }>();
  const series: ChartDataSeries[] = [];
  traces.forEach((t, k) => {
    const key = `t${k}`;
    columns.push({ key, label: (traces.length === 1 ? lay.yaxis?.title?.text : undefined) ?? t.name ?? `Series ${k + 1}`, format: "decimal" });
    const sig = JSON.stringify(t.x);
    let block = blocks.get(sig);
    if (!block) {
      block = { first: rows.length, last: rows.length + t.x.length - 1 };
      t.x.forEach((x) => rows.push({ x }));
      blocks.set(sig, block);
    }
    t.x.forEach((_, i) => (rows[block!.first + i]![key] = t.y[i] ?? null));
    if (t.x.length > 0 && t.type === "scatter") {
      series.push({ name: t.name ?? columns[k + 1]!.label, kind: "scatter", mode: t.mode ?? "markers", colour: colourOf(t, k, figure), column: k + 1, firstRow: block.first, lastRow: block.last });
    }
  });
  const table = withFormats({ title, columns, rows }, figure, 1);
  const xs = rows.map((r) => r.x ?? null);
  const xColumn: TableColumn = { ...columns[0]!, format: formatOf(xs, lay.xaxis) };
  return { table: { ...table, columns: [xColumn, ...table.columns.slice(1)] }, matrixColumns: [], plan: { ...head, series } };
}
