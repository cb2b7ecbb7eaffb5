/** Characters that make a spreadsheet read a text cell as a formula (OWASP, "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number as text (a spreadsheet reads it as that number, never as a formula). */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * One text cell of a CSV file, safe to open in a spreadsheet and quoted as RFC 4180 asks. A text
 * that starts with `=`, `+`, `-`, `@`, a tab or a carriage return, and is not a plain number,
 * gets a single quote in front (`=HYPERLINK(...)` -> `'=HYPERLINK(...)`), as OWASP advises, so
 * that Excel, LibreOffice and Google Sheets show it as text instead of running it. Plain numbers
 * written as text (`-12.5`) stay as they are. Then a cell holding a comma, a double quote, a
 * carriage return or a line feed is put in double quotes, inner quotes doubled.
 *
 * @param text - the cell's text
 * @returns the cell as it goes into the file
 * @example
 * csvText("=1+1");      // "'=1+1"
 * csvText('a,"b"');     // '"a,""b"""'
 * csvText("-12.5");     // "-12.5"
 * csvText("@SUM(1,2)"); // "\"'@SUM(1,2)\""
 */
export function csvText(text: string): string {
  const safe = FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One cell of a CSV file from a value: numbers to 15 significant digits (all that a double holds
 * reliably, which drops binary noise such as 74.02000000000001), `Infinity`/`-Infinity` as
 * such, NaN, null and undefined as an empty cell, text through {@link csvText}. The one cell
 * writer of every CSV output.
 *
 * @param value - a number, a text, or nothing
 * @returns the cell as it goes into the file
 * @example
 * csvCell(0.1 + 0.2); // "0.3"
 * csvCell(-12.5);     // "-12.5"
 * csvCell(NaN);       // ""
 * csvCell("+1+1");    // "'+1+1"
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "";
    if (!Number.isFinite(value)) return String(value);
    // The shortest text of the number is already the 15-digit one when it has at most 15
    // significant digits (most data: whole numbers, cents); only longer ones are rounded.
    const text = String(value);
    return significantDigits(text) <= 15 ? text : String(Number(value.toPrecision(15)));
  }
  return csvText(value);
}

/** Significant digits of a number's text as String gives it (sign, point, exponent and leading zeros not counted). */
function significantDigits(text: string): number {
  let digits = 0, leading = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101) break; // "e": the exponent follows
    if (c < 48 || c > 57) continue; // "-", "."
    if (leading && c === 48) continue;
    leading = false;
    digits++;
  }
  return digits;
}

/**
 * Lines of CSV from rows of cells, each cell through {@link csvCell}, joined with commas, LF line
 * ends and a final newline.
 *
 * @param rows - the rows, header first
 * @returns the CSV text
 * @example
 * csvLines([["id", "x"], ["=A1", -1]]); // "id,x\n'=A1,-1\n"
 */
export function csvLines(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}
