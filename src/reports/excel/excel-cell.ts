import type ExcelJS from "exceljs";
import type { CellValue, ValueFormat } from "../report-model.js";

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Excel number format of a value format: thousands separators for integers and decimals,
 * one decimal for percent (values are fractions), the ISO currency code after money amounts,
 * ISO dates, "@" (text) for text.
 *
 * @param format - the report's value format
 * @param currency - ISO 4217 code shown after money (ignored unless 3 capital letters)
 * @returns the number format code
 * @throws never
 * @example
 * excelNumFmt("money", "EUR"); // '#,##0.00" EUR"'
 */
export function excelNumFmt(format: ValueFormat, currency: string): string {
  switch (format) {
    case "integer": return "#,##0";
    case "decimal": return "#,##0.00";
    case "percent": return "0.0%";
    case "money": return /^[A-Z]{3}$/.test(currency) ? `#,##0.00" ${currency}"` : "#,##0.00";
    case "date": return "yyyy-mm-dd";
    case "text": return "@";
  }
}

/**
 * Writes one value into a cell with its number format. Text is always a plain string cell
 * (a shared string, with the text format "@"), never a formula, whatever it starts with; ISO
 * dates of `date` columns become real dates; null and non-finite numbers leave the cell empty.
 *
 * @param sheet - the worksheet
 * @param row - 1-based row
 * @param col - 1-based column
 * @param value - the value
 * @param format - its format
 * @param currency - the report currency
 * @returns the width the value needs, in characters (for column widths)
 * @throws never
 * @example
 * excelPut(ws, 5, 2, '=HYPERLINK("http://x","y")', "text", "EUR"); // 25; the cell holds that text
 */
export function excelPut(sheet: ExcelJS.Worksheet, row: number, col: number, value: CellValue, format: ValueFormat, currency: string): number {
  const cell = sheet.getCell(row, col);
  if (value === null || (typeof value === "number" && !Number.isFinite(value))) return 1;
  if (typeof value === "number" && format !== "text") {
    cell.value = value;
    cell.numFmt = excelNumFmt(format, currency);
    return String(Math.round(value * 100) / 100).length + (format === "money" ? 6 : 3);
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

/**
 * Widens the running width of a column to at least `len` characters.
 *
 * @param widths - running widths by 1-based column (mutated: a renderer's scratch array)
 * @param col - 1-based column
 * @param len - characters needed
 * @returns nothing
 * @throws never
 * @example
 * const w: number[] = []; widen(w, 2, 12); w[2]; // 12
 */
export function widen(widths: number[], col: number, len: number): void {
  widths[col] = Math.max(widths[col] ?? 0, len);
}
