import { ArgumentError } from "../../../math/argument-error.js";
/**
 * The column letters of a 1-based column number (1 -> "A", 28 -> "AB").
 *
 * @param col - 1-based column number
 * @returns the letters
 * @throws ArgumentError when col is not an integer from 1 to 16384 (Excel's last column, XFD)
 * @example
 * columnLetters(28); // "AB"
 */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > 16384) throw new ArgumentError(`columnLetters: column ${col} is not an integer from 1 to 16384`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/**
 * The 1-based column number of column letters ("A" -> 1, "AB" -> 28).
 *
 * @param letters - upper-case column letters
 * @returns the column number
 * @throws ArgumentError when letters are not 1 to 3 upper-case letters
 * @example
 * columnNumber("AB"); // 28
 */
export function columnNumber(letters: string): number {
  if (!/^[A-Z]{1,3}$/.test(letters)) throw new ArgumentError(`columnNumber: ${JSON.stringify(letters)} is not a column such as "A" or "AB"`);
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * An absolute range in a formula, with the sheet name quoted: `'Sheet name'!$B$5:$B$14`
 * (a single cell when the range is one cell). Apostrophes in the name are doubled.
 *
 * @param sheet - the sheet name
 * @param r1 - first row (1-based)
 * @param c1 - first column (1-based)
 * @param r2 - last row (default r1)
 * @param c2 - last column (default c1)
 * @returns the reference
 * @throws ArgumentError when a column is out of Excel's range
 * @example
 * absoluteRef("Customer summary", 5, 2, 14, 2); // "'Customer summary'!$B$5:$B$14"
 */
export function absoluteRef(sheet: string, r1: number, c1: number, r2 = r1, c2 = c1): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  const a = `$${columnLetters(c1)}$${r1}`;
  return r1 === r2 && c1 === c2 ? `${q}!${a}` : `${q}!${a}:$${columnLetters(c2)}$${r2}`;
}

/** A parsed absolute range: sheet name and 1-based corners. */
export interface ParsedRef {
  readonly sheet: string;
  readonly r1: number;
  readonly c1: number;
  readonly r2: number;
  readonly c2: number;
}

/**
 * Parses a reference written by {@link absoluteRef} (the inverse, for checks and tests).
 *
 * @param ref - e.g. `'Customer summary'!$B$5:$B$14`
 * @returns the sheet and corners
 * @throws SyntaxError when the text is not such a reference
 * @example
 * parseAbsoluteRef("'A b'!$B$5:$C$7"); // { sheet: "A b", r1: 5, c1: 2, r2: 7, c2: 3 }
 */
export function parseAbsoluteRef(ref: string): ParsedRef {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]{1,3})\$(\d+)(?::\$([A-Z]{1,3})\$(\d+))?$/.exec(ref);
  if (!m) throw new SyntaxError(`parseAbsoluteRef: ${JSON.stringify(ref)} is not a reference such as 'Sheet'!$B$5:$B$14`);
  const c1 = columnNumber(m[2]!);
  const r1 = Number(m[3]);
  return { sheet: m[1]!.replace(/''/g, "'"), r1, c1, r2: m[5] ? Number(m[5]) : r1, c2: m[4] ? columnNumber(m[4]) : c1 };
}
