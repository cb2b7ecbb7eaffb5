import type ExcelJS from "exceljs";
import type { Kpi, Report } from "../report-model.js";
import { excelNumFmt, excelPut, widen } from "./excel-cell.js";
import { formatDateTime } from "../format-date-time.js";
import { setupExcelSheet } from "./excel-sheet-setup.js";

const HEADER = 7;

/**
 * Writes the cover sheet: the report title, subtitle, generated time (in words, UTC), the last
 * day of the figures and the currency (or that none was given), then the highlights as an
 * Excel table ("Highlights": measure, value with its number format, unit, and the one plain
 * sentence on what it means), then the list of sheets that follow and the sections left out
 * of the report, each with its one-line reason. Without `report.highlights`, the first key
 * figure of each section stands in.
 *
 * @param sheet - an empty worksheet
 * @param report - the report
 * @param sheetNames - the names of the other sheets, in order, for the contents list
 * @param locale - BCP 47 locale of the time stamps (default: English)
 * @returns nothing
 * @throws never (exceljs errors propagate)
 * @example
 * writeExcelCover(wb.addWorksheet("Cover"), report, ["Data quality", "Customer summary"]);
 */
export function writeExcelCover(sheet: ExcelJS.Worksheet, report: Report, sheetNames: readonly string[], locale?: string): void {
  const widths: number[] = [];
  sheet.getCell(1, 1).value = report.title;
  sheet.getCell(1, 1).font = { bold: true, size: 20 };
  sheet.getCell(2, 1).value = report.subtitle;
  sheet.getCell(2, 1).font = { italic: true, size: 12, color: { argb: "FF52606D" } };
  sheet.getCell(3, 1).value = "Generated";
  sheet.getCell(3, 2).value = formatDateTime(report.generatedAt, locale);
  if (report.observationEnd) sheet.getCell(3, 4).value = `figures to ${formatDateTime(report.observationEnd, locale)}`;
  sheet.getCell(4, 1).value = "Currency";
  sheet.getCell(4, 2).value = report.currency || "none given: amounts as in the data";
  sheet.getCell(HEADER - 1, 1).value = "Highlights";
  sheet.getCell(HEADER - 1, 1).font = { bold: true, size: 14 };
  const kpis: readonly Kpi[] = report.highlights ?? report.sections.flatMap((s) => s.kpis.slice(0, 1));
  const value = (k: Kpi): string | number | null => (typeof k.value === "number" && !Number.isFinite(k.value) ? null : k.value);
  sheet.addTable({
    name: "Highlights",
    ref: `A${HEADER}`,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: "Measure", filterButton: true }, { name: "Value", filterButton: true }, { name: "Unit", filterButton: true }, { name: "What it means", filterButton: true }],
    rows: kpis.length > 0 ? kpis.map((k) => [k.label, value(k), k.format === "money" ? "" : k.unit, k.note]) : [["(no highlights)", null, "", ""]],
  });
  kpis.forEach((k, i) => {
    const c = sheet.getCell(HEADER + 1 + i, 2);
    c.numFmt = typeof k.value === "number" ? excelNumFmt(k.format, report.currency) : "@";
    c.alignment = { horizontal: "right" };
    sheet.getCell(HEADER + 1 + i, 4).alignment = { wrapText: true, vertical: "top" };
    widen(widths, 1, k.label.length);
    widen(widths, 2, String(k.value ?? "").length + 6);
    widen(widths, 3, k.unit.length);
    widen(widths, 4, Math.min(70, k.note.length));
  });
  const contents = HEADER + Math.max(1, kpis.length) + 2;
  sheet.getCell(contents, 1).value = "In this workbook";
  sheet.getCell(contents, 1).font = { bold: true, size: 14 };
  sheetNames.forEach((n, i) => { sheet.getCell(contents + 1 + i, 1).value = n; });
  const leftOut = report.sections.filter((s) => s.leftOut !== undefined);
  if (leftOut.length > 0) {
    const at = contents + sheetNames.length + 2;
    sheet.getCell(at, 1).value = "Left out of this report";
    sheet.getCell(at, 1).font = { bold: true, size: 14 };
    leftOut.forEach((s, i) => {
      sheet.getCell(at + 1 + i, 1).value = s.title;
      excelPut(sheet, at + 1 + i, 2, `left out: ${s.leftOut!}`, "text", report.currency);
    });
  }
  widen(widths, 1, 18);
  widen(widths, 2, 18);
  sheet.views = [{ state: "frozen", ySplit: HEADER, xSplit: 0, topLeftCell: `A${HEADER + 1}` }];
  setupExcelSheet(sheet, widths, HEADER);
}
