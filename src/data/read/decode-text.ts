import { isUtf8 } from "node:buffer";
import { DataError } from "../data-error.js";

/** The encodings a text input can be declared in (`--encoding`): UTF-8 (default; BOMs honoured) or Latin-1. */
export const TEXT_ENCODINGS = ["utf8", "latin1"] as const;
/** One declared text encoding: `utf8` (UTF-8, or UTF-16 with a byte-order mark) or `latin1` (windows-1252). */
export type TextEncoding = (typeof TEXT_ENCODINGS)[number];
/** The encoding a text was found in: UTF-8 with or without BOM, UTF-16 with BOM, or windows-1252 (Latin-1). */
export type FoundEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "windows-1252";

/** Text decoded from bytes, and the encoding it was in. */
export interface DecodedText {
  /** The text, without its byte-order mark. */
  readonly text: string;
  /** The encoding the bytes were in. */
  readonly encoding: FoundEncoding;
}

/**
 * Decodes the bytes of a text file without ever inventing characters: UTF-8 (a leading BOM is
 * dropped), UTF-16 LE or BE when the file starts with their byte-order mark, and windows-1252
 * (the usual "Latin-1" of Western exports) only when declared with `encoding: "latin1"`. Bytes
 * that are not valid in the encoding are refused, never replaced by U+FFFD (which would merge
 * `José` and `Josè` into one customer id). A null byte is refused too: it marks a binary file or
 * UTF-16 without a byte-order mark.
 *
 * @param bytes - the file content
 * @param encoding - `utf8` (default) or `latin1`
 * @param fn - the public function named in messages
 * @param source - the file named in messages
 * @returns the text and the encoding found
 * @throws DataError, e.g. `fn: tx.csv is not valid UTF-8 (first bad byte at line 3); re-save it as UTF-8 or pass --encoding latin1`,
 *   `fn: tx.csv contains a null byte at line 2; it is not a text file (or is UTF-16 without a byte-order mark): re-save it as UTF-8`
 * @example
 * decodeText(Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9]), "latin1", "f", "x").text; // "José"
 */
export function decodeText(bytes: Uint8Array, encoding: TextEncoding, fn: string, source: string): DecodedText {
  const found = encodingOf(bytes, encoding);
  let text: string;
  if (found === "utf-8" || found === "utf-8-bom") {
    const body = found === "utf-8-bom" ? bytes.subarray(3) : bytes;
    if (!isUtf8(body)) {
      const at = firstBadUtf8Byte(body) + (found === "utf-8-bom" ? 3 : 0);
      throw new DataError(`${fn}: ${source} is not valid UTF-8 (first bad byte at line ${lineAt(bytes, at)}); re-save it as UTF-8 or pass --encoding latin1`);
    }
    text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(body);
  } else if (found === "windows-1252") {
    text = decodeWindows1252(bytes);
  } else {
    try {
      text = new TextDecoder(found, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
    } catch {
      throw new DataError(`${fn}: ${source} starts with a ${found.toUpperCase()} byte-order mark but is not valid ${found.toUpperCase()}; re-save it as UTF-8`);
    }
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) {
    throw new DataError(`${fn}: ${source} contains a null byte at line ${lineOf(text, nul)}; it is not a text file (or is UTF-16 without a byte-order mark): re-save it as UTF-8`);
  }
  return Object.freeze({ text, encoding: found });
}

/**
 * The encoding {@link decodeText} will use for these bytes: a byte-order mark decides, then the
 * declared encoding (`latin1` gives windows-1252; `utf8` gives UTF-8, valid or not).
 *
 * @param bytes - the file content (or its start)
 * @param encoding - the declared encoding
 * @returns the encoding that applies
 * @example
 * encodingOf(Uint8Array.from([0xff, 0xfe, 0x41, 0]), "utf8"); // "utf-16le"
 */
export function encodingOf(bytes: Uint8Array, encoding: TextEncoding): FoundEncoding {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return "utf-8-bom";
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "utf-16le";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "utf-16be";
  return encoding === "latin1" ? "windows-1252" : "utf-8";
}

/**
 * Whether bytes that are not UTF-8 read sensibly as windows-1252 (Latin-1): no control
 * characters other than tab, CR and LF, and none of the five byte values windows-1252 leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
 *
 * @param bytes - the file content (or its start)
 * @returns true when `--encoding latin1` is a plausible reading
 * @example
 * isPlausibleLatin1(Uint8Array.from([0x4a, 0x6f, 0x73, 0xe9])); // true
 */
export function isPlausibleLatin1(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 13) || b === 0x7f) return false;
    if (b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d) return false;
  }
  return true;
}

/**
 * The offset of the first byte that breaks UTF-8 (a stray continuation byte, a truncated or
 * overlong sequence, a surrogate, a code point past U+10FFFF), or -1 when the bytes are valid.
 *
 * @param b - the bytes
 * @returns the 0-based offset, or -1
 * @example
 * firstBadUtf8Byte(Uint8Array.from([0x41, 0xe9, 0x42])); // 1
 */
export function firstBadUtf8Byte(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) { i++; continue; }
    let len: number, min: number;
    if (c >= 0xc2 && c <= 0xdf) { len = 2; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { len = 3; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { len = 4; min = 0x10000; }
    else return i;
    if (i + len > n) return i;
    let cp = c & (0xff >> (len + 1));
    for (let k = 1; k < len; k++) {
      const d = b[i + k]!;
      if ((d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += len;
  }
  return -1;
}

/** windows-1252 at 0x80..0x9F (the rest is ISO-8859-1); undefined bytes stay C1 controls, as WHATWG decodes them. */
const CP1252_HIGH = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

/** Decodes windows-1252 by hand: Node's TextDecoder("windows-1252") decodes 0x80..0x9F as ISO-8859-1. */
function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
  return line;
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < index; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
