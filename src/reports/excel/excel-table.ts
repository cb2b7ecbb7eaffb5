import type ExcelJS from "exceljs";
import type { ReportTable } from "../report-model.js";
import { excelPut, widen } from "./excel-cell.js";
import { absoluteRef, columnLetters } from "./drawing/xlsx-cell-ref.js";

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDCE6F0" } };
const VALUE_COLUMN = /share|value|clv|revenue|contribution|spend|net_sales/i;

/** What a table writer needs besides the table: the sheet, its name, the currency and the running state. */
export interface TableContext {
  readonly sheet: ExcelJS.Worksheet;
  readonly sheetName: string;
  readonly currency: string;
  /** Running column widths of the sheet, by 1-based column. */
  readonly widths: number[];
  /** Defined names used so far in the workbook (lower case), to keep names unique. */
  readonly names: Set<string>;
  readonly definedNames: ExcelJS.DefinedNames;
  /** The sheet's next conditional-formatting priority (unique within a sheet; mutated). */
  readonly cf: { priority: number };
}

/** Where a table landed: header row, last row (the header when there are no rows), last column. */
export interface TablePlacement {
  readonly header: number;
  readonly last: number;
  readonly lastCol: number;
}

/** Columns of a matrix (heatmap-like) table: 3 or more numeric columns keyed letter + index (a0, c1 ...). */
function matrixColumns(t: ReportTable): number[] {
  const cols = t.columns.map((c, j) => (/^[a-z]\d+$/.test(c.key) && c.format !== "text" ? j : -1)).filter((j) => j >= 0);
  return cols.length >= 3 ? cols : [];
}

function definedName(ctx: TableContext, title: string): string {
  const slug = (s: string) => s.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, "");
  const base = `tbl_${slug(ctx.sheetName)}_${slug(title)}`.slice(0, 60);
  let name = base;
  for (let k = 2; ctx.names.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  ctx.names.add(name.toLowerCase());
  return name;
}

/**
 * Writes a report table at row `top`: its title (bold), a header row (bold, shaded, wrapped,
 * aligned like the cells), then the rows with their number formats. Adds a workbook-level
 * defined name over header and rows (`tbl_<sheet>_<title>`), a colour scale over matrix columns
 * (cohort triangle, migration matrix, heatmap data; or the columns given), and data bars on
 * share and value columns (percent or money columns named share, value, CLV, revenue,
 * contribution, spend, net sales).
 *
 * @param ctx - sheet, currency and running state
 * @param t - the table
 * @param top - 1-based row of the title
 * @param matrix - 0-based columns to colour-scale (default: found from the column keys)
 * @returns where the table landed
 * @throws never (exceljs errors propagate)
 * @example
 * const { header, last } = writeExcelTable(ctx, table, 10); // header 11, last 11 + rows
 */
export function writeExcelTable(ctx: TableContext, t: ReportTable, top: number, matrix: readonly number[] = matrixColumns(t)): TablePlacement {
  const { sheet, widths, currency } = ctx;
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
    widen(widths, j + 1, Math.min(c.label.length, 24));
  });
  t.rows.forEach((r, i) => t.columns.forEach((c, j) => widen(widths, j + 1, excelPut(sheet, header + 1 + i, j + 1, r[c.key] ?? null, c.format, currency))));
  const last = header + t.rows.length;
  const lastCol = Math.max(1, t.columns.length);
  if (t.rows.length === 0) return { header, last, lastCol };
  ctx.definedNames.add(absoluteRef(ctx.sheetName, header, 1, last, lastCol), definedName(ctx, t.title));
  const body = (j1: number, j2: number) => `${columnLetters(j1 + 1)}${header + 1}:${columnLetters(j2 + 1)}${last}`;
  if (matrix.length > 0) {
    sheet.addConditionalFormatting({
      ref: body(Math.min(...matrix), Math.max(...matrix)),
      rules: [{ type: "colorScale", priority: ctx.cf.priority++, cfvo: [{ type: "min" }, { type: "max" }], color: [{ argb: "FFF7FBFF" }, { argb: "FF3A87C8" }] }],
    });
  }
  t.columns.forEach((c, j) => {
    if (matrix.includes(j) || (c.format !== "percent" && c.format !== "money") || !VALUE_COLUMN.test(`${c.key} ${c.label}`)) return;
    const rule: ExcelJS.DataBarRuleType & { color: Partial<ExcelJS.Color> } = {
      type: "dataBar", priority: ctx.cf.priority++, gradient: false, cfvo: [{ type: "min" }, { type: "max" }], color: { argb: "FF9DC3E6" },
    };
    sheet.addConditionalFormatting({ ref: body(j, j), rules: [rule] });
  });
  return { header, last, lastCol };
}
