import { type RawRow, type RawTable, type ReadOptions, tableFromRows } from "./raw-table.js";

/**
 * Reads whitespace-separated text (fixed-width-looking files such as CDNOW's): fields are
 * separated by any run of spaces and tabs, and leading and trailing blanks are ignored, so
 * ` 00004 0001 19970101  2   29.33` has five fields. LF and CRLF line ends; a leading BOM is
 * dropped; a blank line inside the data is kept as `[""]` (rejected later as `blank-line`); the
 * trailing empty line is not a row. Fields cannot contain blanks (no quoting).
 *
 * @param text - the whole file as text
 * @param options - `header` (default true; CDNOW_sample.txt has none)
 * @returns the header and rows, `line` being the 1-based physical line
 * @example
 * readWhitespace(" 00004 0001 19970101  2   29.33\n", { header: false });
 * // { header: ["1","2","3","4","5"], rows: [{ line: 1, values: ["00004","0001","19970101","2","29.33"] }] }
 */
export function readWhitespace(text: string, options: ReadOptions = {}): RawTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = body.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const rows: RawRow[] = new Array(lines.length);
  const splitter = /[ \t]+/;
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.trim();
    rows[i] = { line: i + 1, values: t === "" ? [""] : t.split(splitter) };
  }
  return tableFromRows(rows, options.header ?? true);
}
