import ExcelJS from "exceljs";
import type { Report, Section } from "../report-model.js";
import type { PlacedChart } from "./drawing/xlsx-add-charts.js";
import { addCharts } from "./drawing/xlsx-add-charts.js";
import { writeExcelAssumptions } from "./excel-assumptions.js";
import { writeExcelCover } from "./excel-cover.js";
import { writeExcelSection } from "./excel-section.js";
import { formatDateTime } from "../format-date-time.js";

/**
 * Name of the first sheet of the workbook (title, highlights, contents).
 * @example EXCEL_COVER_SHEET; // "Cover"
 * @throws never (a constant)
 */
export const EXCEL_COVER_SHEET = "Cover";
/**
 * Name of the last sheet of the workbook (the report's assumptions).
 * @example EXCEL_ASSUMPTIONS_SHEET; // "Assumptions and method"
 * @throws never (a constant)
 */
export const EXCEL_ASSUMPTIONS_SHEET = "Assumptions and method";

function sheetNames(sections: readonly Section[]): string[] {
  const seen = new Set([EXCEL_COVER_SHEET.toLowerCase(), EXCEL_ASSUMPTIONS_SHEET.toLowerCase()]);
  return sections.map((s, i) => {
    const base = (s.title.replace(/[[\]:*?/\\']/g, " ").trim() || `Section ${i + 1}`).slice(0, 28);
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} ${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/**
 * Renders a report as an Excel workbook:
 * - **Cover**: title, subtitle, generated time, the highlights (each key figure with its plain
 *   sentence) as an Excel table, and the list of sheets;
 * - a sheet per section (the "Data quality" row ledger first): key figures, each table (bold
 *   header, number formats for money with the currency, percent, integers and dates, column
 *   widths, a defined name `tbl_<sheet>_<table>`, data bars on share and value columns, a colour
 *   scale on matrix tables such as the cohort triangle and the migration matrix), then the data
 *   behind each chart as a table with a **native Excel chart** beside it (bar, line or scatter,
 *   reading those cells; heatmaps get a colour scale instead), then the narrative. The first
 *   table has the frozen header, the autofilter and the print titles; every sheet prints
 *   landscape, one page wide;
 * - **Assumptions and method**: the report's assumptions as an Excel table.
 * A left-out section gets no sheet: the cover lists it with its reason. Time stamps are written
 * in words in the `locale` ("3 December 2026, 14:05 UTC"). The package is made reproducible:
 * every zip entry carries the generated time and no id is random (see `addCharts`), so the
 * same report gives the same bytes.
 * Text from data is always a plain string cell with the text format "@", so a value such as
 * `=HYPERLINK(...)` can never become a formula. exceljs writes no charts: the chart and drawing
 * parts are added to its package afterwards (see `addCharts`).
 *
 * @param report - the report model
 * @param options - `locale` of time stamps (BCP 47, default English)
 * @returns the .xlsx file contents
 * @throws Error when exceljs fails to write the workbook or the package lacks an expected part
 * @example
 * const buf = await renderExcel(report);
 * buf.subarray(0, 2).toString(); // "PK"
 */
export async function renderExcel(report: Report, options: { readonly locale?: string } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "crm-analytics";
  wb.title = report.title;
  const when = new Date(report.generatedAt);
  if (!Number.isNaN(when.getTime())) { wb.created = when; wb.modified = when; }
  const shown = report.sections.filter((s) => s.leftOut === undefined);
  const names = sheetNames(shown);
  const generated = formatDateTime(report.generatedAt, options.locale);
  writeExcelCover(wb.addWorksheet(EXCEL_COVER_SHEET), report, [...names, EXCEL_ASSUMPTIONS_SHEET], options.locale);
  const charts = new Map<string, readonly PlacedChart[]>();
  const definedNames = new Set<string>();
  shown.forEach((s, i) => {
    const sheetName = names[i]!;
    const sheet = wb.addWorksheet(sheetName);
    const ctx = { sheet, sheetName, currency: report.currency, widths: [], names: definedNames, definedNames: wb.definedNames, cf: { priority: 1 } };
    charts.set(sheetName, writeExcelSection(ctx, report, s, generated));
  });
  writeExcelAssumptions(wb.addWorksheet(EXCEL_ASSUMPTIONS_SHEET), report, generated);
  const out = await wb.xlsx.writeBuffer();
  return addCharts(new Uint8Array(out as ArrayBuffer), charts, Number.isNaN(when.getTime()) ? {} : { date: when });
}
