import { isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";

/** What {@link prescanTextFile} found out about a file's bytes. */
export interface TextFileScan {
  /** The file decodes as UTF-8 (a UTF-8 byte-order mark allowed) and holds no NUL byte. */
  readonly utf8: boolean;
  /** The file starts with the UTF-8 byte-order mark EF BB BF. */
  readonly bom: boolean;
  /** The file holds a double quote somewhere (fields may be quoted, may span lines: see {@link plainQuoting}). */
  readonly quotes: boolean;
  /** Some line is empty (two line ends in a row), or a carriage return is not followed by a line feed. */
  readonly irregularLines: boolean;
  /** The first bytes of the file as text (at most 64 KiB, cut at a line end), for the header and delimiter. */
  readonly head: string;
}

const CHUNK = 16 << 20;
const LF = 10, CR = 13, QUOTE = 34;

/**
 * Reads a file in 16 MiB chunks of whole lines (never the whole file in memory) and hands each
 * to `visit` (the last one may lack its final line feed). Returns false, having stopped, when a
 * line is longer than twice the chunk or `visit` returns false.
 */
async function forEachLineChunk(file: string, visit: (view: Buffer, first: boolean) => boolean): Promise<boolean> {
  const handle = await open(file, "r");
  try {
    const buf = Buffer.allocUnsafe(2 * CHUNK);
    let position = 0, carry = 0, first = true;
    for (;;) {
      const { bytesRead } = await handle.read(buf, carry, Math.min(CHUNK, buf.length - carry), position);
      position += bytesRead;
      const end = carry + bytesRead;
      const done = bytesRead === 0;
      if (end === 0) return true;
      // Whole lines only (each view starts at the start of a line), or the rest at the end of the file.
      const cut = done ? end - 1 : buf.lastIndexOf(LF, end - 1);
      if (cut >= 0) {
        if (!visit(buf.subarray(0, cut + 1), first)) return false;
        first = false;
      }
      carry = end - (cut + 1);
      if (done) return true;
      if (carry === buf.length) return false; // a line longer than the buffer
      buf.copy(buf, 0, cut + 1, end);
    }
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file once in 16 MiB chunks (never the whole file in memory) and checks the things
 * that decide whether DuckDB's CSV reader sees the same rows, with the same line numbers, as
 * the project's own reader: valid UTF-8 without NUL bytes, no blank lines, no lone carriage
 * returns, and whether there are quotes (then see {@link plainQuoting}). About 1 s per GB.
 *
 * @param file - path of the file
 * @returns the findings, see {@link TextFileScan}
 * @example
 * const scan = await prescanTextFile("tx.csv");
 * scan.quotes; // false
 */
export async function prescanTextFile(file: string): Promise<TextFileScan> {
  let utf8 = true, quotes = false, irregular = false, bom = false, head = "";
  const whole = await forEachLineChunk(file, (view, first) => {
    if (first) {
      bom = view.length >= 3 && view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf;
      const headEnd = view.lastIndexOf(LF, 65535);
      head = view.subarray(bom ? 3 : 0, headEnd > 0 ? headEnd : Math.min(view.length, 65536)).toString("utf8");
    }
    if (utf8 && (!isUtf8(view) || view.indexOf(0) >= 0)) utf8 = false;
    if (!quotes && view.indexOf(QUOTE) >= 0) quotes = true;
    if (view[0] === LF || (view[0] === CR && view[1] === LF) || view.indexOf("\n\n") >= 0 || view.indexOf("\n\r\n") >= 0) irregular = true;
    for (let q = view.indexOf(CR); q >= 0 && !irregular; q = view.indexOf(CR, q + 1)) if (view[q + 1] !== LF || q + 1 >= view.length) irregular = true;
    return true;
  });
  // a line longer than the buffer: no reader here takes it line by line; give up the fast path
  if (!whole) return Object.freeze({ utf8: false, bom, quotes, irregularLines: true, head });
  return Object.freeze({ utf8, bom, quotes, irregularLines: irregular, head });
}

/**
 * Whether every quote of a delimited file is plain RFC 4180 quoting within one line: a quote
 * opens a field only at its start (after the delimiter or a line start), inside the field only
 * doubled quotes (`""`), and the closing quote is followed by the delimiter or the line end; no
 * quoted field holds a line break. On such a file DuckDB's strict CSV reader and the project's
 * reader give the same fields, and every row is one line. Reads the file once more, in chunks;
 * about 1.5 s per GB.
 *
 * @param file - path of the file
 * @param delimiter - the one-character field delimiter
 * @returns true when the quoting is plain as above
 * @example
 * await plainQuoting("export.csv", ","); // true for 'C1,"Smith, Ann",12.5'
 */
export async function plainQuoting(file: string, delimiter: string): Promise<boolean> {
  const delim = delimiter.charCodeAt(0);
  const START = 0, UNQUOTED = 1, QUOTED = 2, QUOTE_IN_QUOTED = 3;
  let state = START;
  return forEachLineChunk(file, (view, first) => {
    // one pass over the bytes (a state per byte is cheaper than a search per quote when every field is quoted)
    for (let i = first && view[0] === 0xef && view[1] === 0xbb && view[2] === 0xbf ? 3 : 0; i < view.length; i++) {
      const b = view[i]!;
      if (state === QUOTED) {
        if (b === QUOTE) state = QUOTE_IN_QUOTED;
        else if (b === LF || b === CR) return false; // a line break inside the quotes
      } else if (b === delim || b === LF || b === CR) {
        state = START; // a field ends (after a closing quote too)
      } else if (state === START) {
        state = b === QUOTE ? QUOTED : UNQUOTED;
      } else if (state === QUOTE_IN_QUOTED) {
        if (b !== QUOTE) return false; // text after the closing quote
        state = QUOTED; // a doubled quote
      } else if (b === QUOTE) {
        return false; // a quote inside an unquoted field
      }
    }
    return true;
  });
}
