import ExcelJS from "exceljs";
import { DataError } from "../data-error.js";
import { inexactNumberError } from "../parse/inexact-number.js";
import { type RawRow, type RawTable, type ReadOptions, tableFromRows } from "./raw-table.js";

/** Options of {@link readXlsx}. */
export interface XlsxOptions extends ReadOptions {
  /** Worksheet name; default: the first sheet of the workbook. */
  readonly sheet?: string;
}

/**
 * Reads one worksheet of an XLSX workbook (through exceljs) into rows of strings.
 *
 * Cell values become text: numbers by `String`; dates as ISO `YYYY-MM-DD` (with `THH:MM:SS`
 * when the time of day is not midnight); booleans `"true"`/`"false"`; rich text and hyperlinks
 * by their text; error cells by their code (`#N/A`); formulas by their **cached result**
 * (`""` when the workbook stores none): formulas are never evaluated, and text that merely looks
 * like a formula (`=HYPERLINK("x")` stored as text) comes back unchanged. `line` is the Excel row
 * number; empty rows inside the data are kept as `[""]`, trailing empty rows are not rows.
 * Rows are as wide as the header, or wider when they hold cells beyond it. A numeric cell of
 * magnitude 2^53 or more (a 20-digit id typed as a number: its digits are already lost) makes its
 * row a reader error `inexact-number`, rejected in the ledger, never a merged id.
 *
 * @param source - the workbook bytes (`fs.readFile` result)
 * @param options - `sheet` (default first), `header` (default true)
 * @returns the header and rows
 * @throws DataError when the bytes are not a workbook, the named sheet is missing, or it has no sheets
 * @example
 * const t = await readXlsx(await readFile("tx.xlsx"), { sheet: "Orders" });
 * t.header; // ["customer_id", "date", "amount"]
 */
export async function readXlsx(source: Uint8Array, options: XlsxOptions = {}): Promise<RawTable> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(source.buffer, source.byteOffset, source.byteLength) as unknown as ExcelJS.Buffer);
  } catch (e) {
    throw new DataError(`readXlsx: the file is not a readable XLSX workbook (${oneLine(e)})`);
  }
  const names = wb.worksheets.map((w) => w.name);
  const ws = options.sheet === undefined ? wb.worksheets[0] : wb.getWorksheet(options.sheet);
  if (ws === undefined) {
    if (options.sheet === undefined) throw new DataError("readXlsx: the workbook has no worksheets");
    throw new DataError(`readXlsx: no sheet named "${options.sheet}" (sheets: ${names.join(", ")}); use --sheet NAME`);
  }
  let last = 0;
  ws.eachRow((row, n) => {
    if (row.cellCount > 0 && n > last) last = n;
  });
  const useHeader = options.header ?? true;
  const width = last === 0 ? 0 : ws.getRow(1).cellCount;
  const rows: RawRow[] = [];
  for (let n = 1; n <= last; n++) {
    const row = ws.getRow(n);
    const w = Math.max(width, row.cellCount);
    if (row.cellCount === 0 || !rowHasText(row, w)) {
      rows.push({ line: n, values: n === 1 && width > 0 ? new Array<string>(width).fill("") : [""] });
      continue;
    }
    const values: string[] = [];
    const inexact: NonNullable<RawRow["inexact"]>[number][] = [];
    for (let c = 1; c <= w; c++) {
      const v = row.getCell(c).value;
      values.push(cellText(v));
      const error = n > 1 || !useHeader ? inexactNumberError(columnName(rows, useHeader, c), v) : undefined;
      if (error !== undefined) inexact.push({ column: c - 1, ...error });
    }
    rows.push(inexact.length === 0 ? { line: n, values } : { line: n, values, inexact });
  }
  return tableFromRows(rows, useHeader);
}

/** The name of column c (1-based) for messages: its header cell, else its position. */
function columnName(rows: readonly RawRow[], useHeader: boolean, c: number): string {
  const name = useHeader ? rows[0]?.values[c - 1]?.trim() : undefined;
  return name === undefined || name === "" ? `column ${c}` : name;
}

function rowHasText(row: ExcelJS.Row, w: number): boolean {
  for (let c = 1; c <= w; c++) if (cellText(row.getCell(c).value).trim() !== "") return true;
  return false;
}

/** Text of one exceljs cell value; formulas give their cached result. */
function cellText(v: ExcelJS.CellValue | ExcelJS.RichText[] | unknown): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return isoOf(v);
  if (Array.isArray(v)) return v.map((p) => cellText(p)).join("");
  if (typeof v === "object") {
    const o = v as Record<string, unknown>;
    if ("formula" in o || "sharedFormula" in o) return cellText(o.result);
    if ("richText" in o) return cellText(o.richText);
    if ("error" in o) return String(o.error);
    if ("text" in o) return cellText(o.text);
  }
  return String(v);
}

function isoOf(d: Date): string {
  if (Number.isNaN(d.getTime())) return "";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.slice(0, 19);
}

function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0]!;
}
