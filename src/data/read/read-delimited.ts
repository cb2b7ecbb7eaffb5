import { DataError } from "../data-error.js";
import { detectDelimiter } from "./detect-delimiter.js";
import { type RawRow, type RawTable, type ReadOptions, tableFromRows } from "./raw-table.js";

/** Options of {@link readDelimited}. */
export interface DelimitedOptions extends ReadOptions {
  /** One-character field delimiter; auto-detected among `,` `;` tab `|` when not given. */
  readonly delimiter?: string;
}

/**
 * Reads CSV or TSV text (RFC 4180) into rows of strings with their source line numbers.
 *
 * Quoted fields may hold delimiters, doubled quotes (`""` -> `"`) and line breaks; LF, CRLF and
 * lone CR all end a record; a leading byte-order mark is dropped; a blank line inside the data is
 * kept as a row `[""]` (the builders reject it as `blank-line`); the trailing empty line is not a
 * row. A row's `line` is the physical line where it starts. Cells are not trimmed.
 *
 * @param text - the whole file as text
 * @param options - `delimiter` (default: detected), `header` (default true)
 * @returns the header and rows
 * @throws DataError when a quote is never closed, or the delimiter is not one character
 * @example
 * readDelimited('id,note\nC1,"a, ""b"""\n').rows[0]; // { line: 2, values: ["C1", 'a, "b"'] }
 */
export function readDelimited(text: string, options: DelimitedOptions = {}): RawTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = options.delimiter ?? detectDelimiter(body);
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\n" || delimiter === "\r") {
    throw new DataError(`readDelimited: delimiter ${JSON.stringify(delimiter)} must be one character other than a quote or line break; use --delimiter ","`);
  }
  return tableFromRows(parseRecords(body, delimiter.charCodeAt(0)), options.header ?? true);
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

function parseRecords(s: string, delim: number): RawRow[] {
  const rows: RawRow[] = [];
  const n = s.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const startLine = line;
    const values: string[] = [];
    for (;;) {
      // one field starting at i
      if (s.charCodeAt(i) === QUOTE) {
        let out = "";
        let j = i + 1;
        for (;;) {
          const q = s.indexOf('"', j);
          if (q < 0) throw new DataError(`readDelimited: the quote opened on line ${startLine} is never closed; check the quoting of that row`);
          out += s.slice(j, q);
          line += countBreaks(s, j, q);
          if (s.charCodeAt(q + 1) === QUOTE) {
            out += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        // text after the closing quote (not RFC 4180) is kept as is
        let k = j;
        while (k < n) {
          const c = s.charCodeAt(k);
          if (c === delim || c === LF || c === CR) break;
          k++;
        }
        values.push(k > j ? out + s.slice(j, k) : out);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = s.charCodeAt(k);
          if (c === delim || c === LF || c === CR) break;
          k++;
        }
        values.push(s.slice(i, k));
        i = k;
      }
      if (i >= n) break;
      const c = s.charCodeAt(i);
      if (c === delim) {
        i++;
        continue;
      }
      // line break ends the record
      i += c === CR && s.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      break;
    }
    rows.push({ line: startLine, values });
  }
  return rows;
}

function countBreaks(s: string, from: number, to: number): number {
  let k = 0;
  for (let p = from; p < to; p++) {
    const c = s.charCodeAt(p);
    if (c === LF) k++;
    else if (c === CR && s.charCodeAt(p + 1) !== LF) k++;
  }
  return k;
}
