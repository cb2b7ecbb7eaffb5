import ExcelJS from "exceljs";
import type { CellValue, Report, ReportTable, Section, ValueFormat } from "./report-model.js";
import { chartTable } from "./chart-table.js";

type Sheet = ExcelJS.Worksheet;
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F0" } };
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function numFmt(format: ValueFormat, currency: string): string | undefined {
  switch (format) {
    case "integer": return "#,##0";
    case "decimal": return "#,##0.00";
    case "percent": return "0.0%";
    case "money": return /^[A-Z]{3}$/.test(currency) ? `#,##0.00" ${currency}"` : "#,##0.00";
    case "date": return "yyyy-mm-dd";
    case "text": return "@";
  }
}

/** Writes one value; text is always a plain string cell (never a formula, whatever it starts with). */
function put(sheet: Sheet, row: number, col: number, value: CellValue, format: ValueFormat, currency: string): number {
  const cell = sheet.getCell(row, col);
  if (value === null || (typeof value === "number" && !Number.isFinite(value))) return 1;
  if (typeof value === "number" && format !== "text") {
    cell.value = value;
    cell.numFmt = numFmt(format, currency)!;
    return String(Math.round(value * 100) / 100).length + 6;
  }
  const text = String(value);
  if (format === "date" && ISO_DATE.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`))) {
    cell.value = new Date(`${text}T00:00:00Z`);
    cell.numFmt = "yyyy-mm-dd";
    return 12;
  }
  cell.value = text; // exceljs stores a JS string as a shared string (t="s"), never as a formula
  cell.numFmt = "@";
  return text.length;
}

function bump(widths: number[], col: number, len: number): void {
  widths[col] = Math.max(widths[col] ?? 0, len);
}

function writeTable(sheet: Sheet, t: ReportTable, top: number, currency: string, widths: number[]): { header: number; last: number } {
  sheet.getCell(top, 1).value = t.title;
  sheet.getCell(top, 1).font = { bold: true, size: 12 };
  const header = top + 1;
  t.columns.forEach((c, j) => {
    const cell = sheet.getCell(header, j + 1);
    cell.value = c.label;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: "thin" } };
    cell.alignment = { wrapText: true, vertical: "top", horizontal: c.format === "text" || c.format === "date" ? "left" : "right" };
    bump(widths, j + 1, Math.min(c.label.length, 24));
  });
  t.rows.forEach((r, i) => t.columns.forEach((c, j) => bump(widths, j + 1, put(sheet, header + 1 + i, j + 1, r[c.key] ?? null, c.format, currency))));
  return { header, last: header + t.rows.length };
}

function writeSection(sheet: Sheet, report: Report, s: Section): void {
  const widths: number[] = [];
  const cur = report.currency;
  sheet.getCell(1, 1).value = s.title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(2, 1).value = `${report.title}, generated ${report.generatedAt}`;
  sheet.getCell(2, 1).font = { italic: true, color: { argb: "FF52606D" } };
  const kpiTable: ReportTable = {
    title: "Key figures",
    columns: [
      { key: "label", label: "Measure", format: "text" },
      { key: "value", label: "Value", format: "text" },
      { key: "unit", label: "Unit", format: "text" },
      { key: "note", label: "Note", format: "text" },
    ],
    rows: [],
  };
  let row = 4;
  if (s.kpis.length > 0) {
    const { header } = writeTable(sheet, kpiTable, row, cur, widths);
    s.kpis.forEach((k, i) => {
      const r = header + 1 + i;
      bump(widths, 1, put(sheet, r, 1, k.label, "text", cur));
      bump(widths, 2, put(sheet, r, 2, k.value, k.format, cur));
      bump(widths, 3, put(sheet, r, 3, k.format === "money" ? "" : k.unit, "text", cur));
      bump(widths, 4, Math.min(40, put(sheet, r, 4, k.note, "text", cur)));
    });
    row = header + s.kpis.length + 2;
  }
  const tables = [...s.tables, ...s.charts.map((c) => chartTable(`Chart data: ${c.title}`, c.figure))];
  tables.forEach((t, i) => {
    const { header, last } = writeTable(sheet, t, row, cur, widths);
    if (i === 0) {
      sheet.views = [{ state: "frozen", ySplit: header, xSplit: 0, topLeftCell: `A${header + 1}` }];
      sheet.autoFilter = { from: { row: header, column: 1 }, to: { row: Math.max(header, last), column: t.columns.length } };
    }
    row = last + 2;
  });
  if (s.narrative.length > 0) {
    sheet.getCell(row, 1).value = "Reading the figures";
    sheet.getCell(row, 1).font = { bold: true, size: 12 };
    s.narrative.forEach((p, i) => put(sheet, row + 1 + i, 1, p, "text", cur));
  }
  widths.forEach((w, j) => { if (j > 0) sheet.getColumn(j).width = Math.max(10, Math.min(60, w + 2)); });
}

function sheetNames(sections: readonly Section[]): string[] {
  const seen = new Set<string>();
  return sections.map((s, i) => {
    const base = (s.title.replace(/[[\]:*?/\\']/g, " ").trim() || `Section ${i + 1}`).slice(0, 28);
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} ${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * Renders a report as an Excel workbook: one sheet per section with the key figures, then each
 * table (bold header, number formats for money, percent and integers, column widths), then the
 * data behind each chart as a table, then the narrative. The first table of a sheet gets the
 * frozen header and the autofilter (Excel allows one autofilter a sheet). Text from data is
 * always written as a plain string cell with the text format "@", so a value such as
 * `=HYPERLINK(...)` can never become a formula.
 *
 * @param report - the report model
 * @returns the .xlsx file contents
 * @throws Error when exceljs fails to write the workbook
 * @example
 * const buf = await renderExcel(report);
 * buf.subarray(0, 2).toString(); // "PK"
 */
export async function renderExcel(report: Report): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "crm-analytics";
  wb.title = report.title;
  const when = new Date(report.generatedAt);
  if (!Number.isNaN(when.getTime())) { wb.created = when; wb.modified = when; }
  const names = sheetNames(report.sections);
  report.sections.forEach((s, i) => writeSection(wb.addWorksheet(names[i]!), report, s));
  const out = await wb.xlsx.writeBuffer();
  return Buffer.from(out as unknown as ArrayBuffer);
}
