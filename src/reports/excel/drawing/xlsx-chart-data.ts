import type { ChartAxis, ChartMark, ChartSpec, ColourRole, LineMark, ScatterMark } from "../../../charts/chart-spec.js";
import { PALETTE, roleColour } from "../../../charts/palette.js";
import type { CellValue, ReportTable, TableColumn, ValueFormat } from "../../report-model.js";
import { chartTable } from "../chart-table.js";

/**
 * One series of a native chart: which column of the chart-data table and which rows (0-based, inclusive).
 *
 * @example
 * const s: ChartDataSeries = { name: "Customers", kind: "bar", mode: "markers", colour: "0072B2", column: 1, firstRow: 0, lastRow: 10 };
 * @throws never (types only)
 */
export interface ChartDataSeries {
  readonly name: string;
  /** `bar`, `line` (a line or points on a category axis) or `scatter` (numeric x). */
  readonly kind: "bar" | "line" | "scatter";
  readonly mode: "lines" | "markers" | "lines+markers";
  /** Colour as RRGGBB. */
  readonly colour: string;
  readonly column: number;
  readonly firstRow: number;
  readonly lastRow: number;
}

/**
 * The data behind a chart as a table, and how a native chart reads it (null for heatmaps: no native chart).
 *
 * @example
 * const cd: ChartData = chartData("Chart data: Freq", frequencyChart([0, 1])); // cd.plan?.series.length: 1
 * @throws never (types only)
 */
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

/** `percent` axes keep their format; other numbers are whole (integer) when every value is, else decimal. */
function formatOf(values: readonly CellValue[], axis: ChartAxis | undefined): ValueFormat {
  if (axis?.format === "percent") return "percent";
  return values.every((v) => typeof v !== "number" || Number.isInteger(v)) ? "integer" : "decimal";
}

/** The mark's colour role as RRGGBB; a mark with a colour per bar takes its place in the chart's series cycle. */
function colourOf(m: ChartMark, k: number, chart: ChartSpec): string {
  const role = m.kind === "heatmap" || isList(m.colour) ? undefined : m.colour;
  const cycle = chart.palette?.map((r) => roleColour(r)) ?? PALETTE.colorway;
  const hex = role !== undefined ? roleColour(role) : cycle[k % cycle.length]!;
  return /^#[0-9a-f]{6}$/i.test(hex) ? hex.slice(1).toUpperCase() : "0072B2";
}

const isList = (c: ColourRole | readonly ColourRole[]): c is readonly ColourRole[] => Array.isArray(c);
const modeOf = (m: LineMark | ScatterMark): ChartDataSeries["mode"] => (m.kind === "scatter" ? "markers" : m.points ? "lines+markers" : "lines");

function withFormats(t: ReportTable, chart: ChartSpec, from: number): ReportTable {
  const axis = chart.marks.some((m) => m.kind === "heatmap") ? undefined : chart.y;
  const columns = t.columns.map((c, j) => (j < from ? c : { ...c, format: formatOf(t.rows.map((r) => r[c.key] ?? null), axis) }));
  return { ...t, columns };
}

/**
 * The data behind a chart description laid out for a worksheet and a native Excel chart: the
 * Excel renderer's reading of the description (never of a rendered figure). Heatmaps: one row
 * per y with a column per x (no native chart; the renderer adds a colour scale). Bars, and lines
 * or points on a category axis: one row per category, a column per mark (a clustered bar and/or
 * line chart). Lines and points with numeric x: marks that share the same x values share a block
 * of rows, blocks one after the other, x kept numeric (a scatter chart; each series reads only
 * its block, so no point is lost when x values repeat). Colours come from the marks' roles
 * (`roleColour`); a mark with one colour per bar takes its place in the chart's colour cycle.
 *
 * @param title - the table title
 * @param chart - the chart description
 * @returns the table, the matrix columns and the chart plan
 * @throws never
 * @example
 * chartData("Chart data: Freq", frequencyChart([0, 1])).plan?.series[0]?.kind; // "bar"
 */
export function chartData(title: string, chart: ChartSpec): ChartData {
  const marks = chart.marks;
  if (marks.some((m) => m.kind === "heatmap")) {
    const table = withFormats(chartTable(title, chart), chart, 1);
    return { table, matrixColumns: table.columns.map((_, j) => j).slice(1), plan: null };
  }
  const head = { title: chart.title, xTitle: chart.x.title, yTitle: chart.y.title, xLog: chart.x.scale === "log" };
  const numericX = marks.every((m) => (m.kind === "line" || m.kind === "scatter") && m.x.every((x) => typeof x === "number" && Number.isFinite(x)));
  if (!numericX || chart.x.scale === "category") {
    const table = withFormats(chartTable(title, chart), chart, 1);
    const last = table.rows.length - 1;
    const series = marks.map((m, k): ChartDataSeries => ({
      name: m.name ?? table.columns[k + 1]!.label,
      kind: m.kind === "bar" ? "bar" : "line",
      mode: m.kind === "line" || m.kind === "scatter" ? modeOf(m) : "markers",
      colour: colourOf(m, k, chart),
      column: k + 1,
      firstRow: 0,
      lastRow: last,
    }));
    return { table, matrixColumns: [], plan: { ...head, series: last >= 0 ? series : [] } };
  }
  const columns: TableColumn[] = [{ key: "x", label: chart.x.title, format: "decimal" }];
  const rows: Record<string, CellValue>[] = [];
  const blocks = new Map<string, { first: number; last: number }>();
  const series: ChartDataSeries[] = [];
  marks.forEach((m, k) => {
    if (m.kind !== "line" && m.kind !== "scatter") return;
    const key = `t${k}`;
    columns.push({ key, label: (marks.length === 1 ? chart.y.title : undefined) ?? m.name ?? `Series ${k + 1}`, format: "decimal" });
    const sig = JSON.stringify(m.x);
    let block = blocks.get(sig);
    if (!block) {
      block = { first: rows.length, last: rows.length + m.x.length - 1 };
      m.x.forEach((x) => rows.push({ x }));
      blocks.set(sig, block);
    }
    m.x.forEach((_, i) => (rows[block!.first + i]![key] = m.y[i] ?? null));
    if (m.x.length > 0) {
      series.push({ name: m.name ?? columns[k + 1]!.label, kind: "scatter", mode: modeOf(m), colour: colourOf(m, k, chart), column: k + 1, firstRow: block.first, lastRow: block.last });
    }
  });
  const table = withFormats({ title, columns, rows }, chart, 1);
  const xs = rows.map((r) => r.x ?? null);
  const xColumn: TableColumn = { ...columns[0]!, format: formatOf(xs, chart.x) };
  return { table: { ...table, columns: [xColumn, ...table.columns.slice(1)] }, matrixColumns: [], plan: { ...head, series } };
}
