import type { Report, ReportTable, Section, ValueFormat } from "../report-model.js";
import type { PlacedChart } from "./drawing/xlsx-add-charts.js";
import type { DrawingChart } from "./drawing/xlsx-chart-xml.js";
import { excelPut, widen } from "./excel-cell.js";
import { frameEndColumn, setupExcelSheet } from "./excel-sheet-setup.js";
import { writeExcelTable, type TableContext, type TablePlacement } from "./excel-table.js";
import { chartData, type ChartData } from "./drawing/xlsx-chart-data.js";
import { absoluteRef } from "./drawing/xlsx-cell-ref.js";

const CHART_PX = { width: 640, rows: 18 };
const KPI_TABLE: ReportTable = {
  title: "Key figures",
  columns: [
    { key: "label", label: "Measure", format: "text" },
    { key: "value", label: "Value", format: "text" },
    { key: "unit", label: "Unit", format: "text" },
    { key: "note", label: "Note", format: "text" },
  ],
  rows: [],
};

const axisFormat = (f: ValueFormat | undefined): string => (f === "percent" ? "0%" : f === "integer" ? "#,##0" : "General");

function drawingChart(ctx: TableContext, title: string, cd: ChartData, at: TablePlacement): DrawingChart {
  const plan = cd.plan!;
  const { rows, columns } = cd.table;
  const series = plan.series.map((s) => {
    const key = columns[s.column]!.key;
    const r1 = at.header + 1 + s.firstRow;
    const r2 = at.header + 1 + s.lastRow;
    const slice = rows.slice(s.firstRow, s.lastRow + 1);
    return {
      name: columns[s.column]!.label, nameRef: absoluteRef(ctx.sheetName, at.header, s.column + 1), kind: s.kind, mode: s.mode, colour: s.colour,
      xRef: absoluteRef(ctx.sheetName, r1, 1, r2, 1), yRef: absoluteRef(ctx.sheetName, r1, s.column + 1, r2, s.column + 1),
      x: slice.map((r) => r.x ?? null), y: slice.map((r) => { const v = r[key]; return typeof v === "number" ? v : null; }),
    };
  });
  const yFormat = axisFormat(columns[plan.series[0]?.column ?? 1]?.format);
  return { title, xTitle: plan.xTitle, yTitle: plan.yTitle, xLog: plan.xLog, yFormat, xFormat: axisFormat(columns[0]?.format), series };
}

/**
 * Writes a section on its sheet: title, the report line, the key figures, each table, then the
 * data behind each chart as a table with its native chart beside it (heatmaps: a colour scale
 * on the table instead), then the narrative. The first table gets the frozen header, the
 * autofilter and the print titles (Excel allows one autofilter a sheet).
 *
 * @param ctx - the sheet and running state (a fresh `widths` array for this sheet)
 * @param report - the report (title, generated time, currency)
 * @param s - the section
 * @param generated - the generated time in words (default: `report.generatedAt` as stored)
 * @returns the native charts to add to the sheet after exceljs writes the package
 * @throws never (exceljs errors propagate)
 * @example
 * const charts = writeExcelSection(ctx, report, report.sections[1]); // charts.length: bar and line charts of the section
 */
export function writeExcelSection(ctx: TableContext, report: Report, s: Section, generated = report.generatedAt): PlacedChart[] {
  const { sheet, widths } = ctx;
  const cur = report.currency;
  sheet.getCell(1, 1).value = s.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(2, 1).value = `${report.title}, generated ${generated}`;
  sheet.getCell(2, 1).font = { italic: true, color: { argb: "FF52606D" } };
  let row = 4;
  if (s.kpis.length > 0) {
    const { header } = writeExcelTable(ctx, KPI_TABLE, row, []);
    s.kpis.forEach((k, i) => {
      const r = header + 1 + i;
      widen(widths, 1, excelPut(sheet, r, 1, k.label, "text", cur));
      widen(widths, 2, excelPut(sheet, r, 2, k.value, k.format, cur));
      widen(widths, 3, excelPut(sheet, r, 3, k.format === "money" ? "" : k.unit, "text", cur));
      widen(widths, 4, Math.min(40, excelPut(sheet, r, 4, k.note, "text", cur)));
    });
    row = header + s.kpis.length + 2;
  }
  let first: TablePlacement | undefined;
  const pending: { fromCol: number; fromRow: number; chart: Omit<PlacedChart, "from" | "to"> }[] = [];
  const place = (t: ReportTable, matrix?: readonly number[]): TablePlacement => {
    const at = writeExcelTable(ctx, t, row, matrix);
    first ??= at;
    row = at.last + 2;
    return at;
  };
  s.tables.forEach((t) => place(t));
  s.charts.forEach((c) => {
    const top = row;
    const cd = chartData(`Chart data: ${c.title}`, c.figure);
    const at = place(cd.table, cd.matrixColumns);
    if (cd.plan === null || cd.plan.series.length === 0) return;
    pending.push({ fromCol: at.lastCol + 1, fromRow: top - 1, chart: { name: `Chart ${pending.length + 1}: ${c.title}`, description: c.caption, spec: drawingChart(ctx, c.title, cd, at) } });
    row = Math.max(row, top + CHART_PX.rows + 1);
  });
  if (s.narrative.length > 0) {
    sheet.getCell(row, 1).value = "Reading the figures";
    sheet.getCell(row, 1).font = { bold: true, size: 12 };
    s.narrative.forEach((p, i) => excelPut(sheet, row + 1 + i, 1, p, "text", cur));
  }
  if (first) {
    sheet.views = [{ state: "frozen", ySplit: first.header, xSplit: 0, topLeftCell: `A${first.header + 1}` }];
    sheet.autoFilter = { from: { row: first.header, column: 1 }, to: { row: Math.max(first.header, first.last), column: first.lastCol } };
  }
  setupExcelSheet(sheet, widths, first?.header);
  return pending.map((p) => ({
    ...p.chart,
    from: { col: p.fromCol, row: p.fromRow, colOffEmu: 0, rowOffEmu: 0 },
    to: { ...frameEndColumn((j) => sheet.getColumn(j).width, p.fromCol, CHART_PX.width), row: p.fromRow + CHART_PX.rows, rowOffEmu: 0 },
  }));
}
