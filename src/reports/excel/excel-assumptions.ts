import type ExcelJS from "exceljs";
import type { Report } from "../report-model.js";
import { widen } from "./excel-cell.js";
import { setupExcelSheet } from "./excel-sheet-setup.js";

const HEADER = 4;

/**
 * Writes the "Assumptions and method" sheet: a title, the report line, then the report's
 * assumptions (data period, calibration end, time unit, models and their fit, discount rate,
 * cost table) as an Excel table ("Assumptions": assumption, value), wrapped to be read and
 * printed. A report without assumptions gets one row saying so.
 *
 * @param sheet - an empty worksheet
 * @param report - the report
 * @param generated - the generated time in words (default: `report.generatedAt` as stored)
 * @returns nothing
 * @throws never (exceljs errors propagate)
 * @example
 * writeExcelAssumptions(wb.addWorksheet("Assumptions and method"), report);
 */
export function writeExcelAssumptions(sheet: ExcelJS.Worksheet, report: Report, generated = report.generatedAt): void {
  const widths: number[] = [];
  sheet.getCell(1, 1).value = "Assumptions and method";
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(2, 1).value = `${report.title}, generated ${generated}`;
  sheet.getCell(2, 1).font = { italic: true, color: { argb: "FF52606D" } };
  const rows = (report.assumptions ?? []).map((a) => [a.label, a.value]);
  sheet.addTable({
    name: "Assumptions",
    ref: `A${HEADER}`,
    headerRow: true,
    style: { theme: "TableStyleLight9", showRowStripes: true },
    columns: [{ name: "Assumption", filterButton: true }, { name: "Value", filterButton: true }],
    rows: rows.length > 0 ? rows : [["(none recorded)", "This report lists no assumptions."]],
  });
  rows.forEach(([label, value], i) => {
    widen(widths, 1, label!.length);
    widen(widths, 2, Math.min(100, value!.length));
    sheet.getCell(HEADER + 1 + i, 1).alignment = { vertical: "top" };
    sheet.getCell(HEADER + 1 + i, 2).alignment = { wrapText: true, vertical: "top" };
  });
  widen(widths, 1, 24);
  widen(widths, 2, 40);
  sheet.views = [{ state: "frozen", ySplit: HEADER, xSplit: 0, topLeftCell: `A${HEADER + 1}` }];
  setupExcelSheet(sheet, widths, HEADER);
  sheet.getColumn(2).width = Math.min(100, (widths[2] ?? 40) + 2);
}
