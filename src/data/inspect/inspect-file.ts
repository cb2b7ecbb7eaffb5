import { open, readFile } from "node:fs/promises";
import { checkInputFile, MAX_INPUT_BYTES } from "../read/check-input-file.js";
import { DataError } from "../data-error.js";
import { decodeText, encodingOf, firstBadUtf8Byte, type FoundEncoding, isPlausibleLatin1, type TextEncoding } from "../read/decode-text.js";
import { parseNumber } from "../parse/parse-number.js";
import { type RawTable, positionalHeader } from "../read/raw-table.js";
import { detectDelimiter } from "../read/detect-delimiter.js";
import { readJson } from "../read/read-json.js";
import { formatOfName, readRowsTextAs, readRowsFileAs, type InputFormat, type ReadRowsOptions } from "../read/read-rows.js";
import { guessDateFormat } from "./guess-date-format.js";
import { type InspectFacts, type Inspection, INSPECT_ROWS, inspectTable } from "./inspect-table.js";

/** How many bytes of a text file {@link inspectFile} reads: its head, 64 KiB. */
export const INSPECT_BYTES = 65536;

/** Options of {@link inspectFile}. */
export interface InspectOptions {
  /** The format (default: from the extension, else from the content: `[`/`{` JSON, else csv). */
  readonly format?: string;
  /** The field delimiter of csv text (default: detected). */
  readonly delimiter?: string;
  /** Whether the first line names the columns (default: guessed: not when a cell of it is a number or a date). */
  readonly header?: boolean;
  /** The text encoding (default: found; Latin-1 is proposed when the bytes are not UTF-8 but read as Latin-1). */
  readonly encoding?: TextEncoding;
  /** The worksheet of an xlsx file (default: the first). */
  readonly sheet?: string;
}

/**
 * Inspects the head of a csv, tsv, whitespace, json, jsonl or xlsx file (the first 64 KiB of a
 * text file and at most 1000 rows): format, encoding, delimiter, decimal mark, header, and each
 * column with samples and a guessed role, then the mapping and flags to read it with (see
 * {@link inspectTable}). Parquet is inspected by `inspectInput` (engine).
 *
 * @param file - the file
 * @param options - what is already known (format, delimiter, header, encoding, sheet)
 * @returns the inspection
 * @throws DataError when the file is missing or not a regular file, is Parquet, or cannot be read in its format;
 *   bytes that are neither UTF-8 nor plausible Latin-1 give `inspectFile: x.csv is not valid UTF-8 (first bad byte at line N); ...`
 * @example
 * const i = await inspectFile("Online Retail.csv");
 * i.flags; // ["--customer", "CustomerID", "--date", "InvoiceDate", "--order-id", "InvoiceNo", ...]
 */
export async function inspectFile(file: string, options: InspectOptions = {}): Promise<Inspection> {
  const fn = "inspectFile";
  const size = await checkInputFile(file, fn, Infinity);
  const notes: string[] = [];
  if (size > MAX_INPUT_BYTES) notes.push(`the file is ${size.toLocaleString("en-US")} bytes, over the ${MAX_INPUT_BYTES.toLocaleString("en-US")}-byte limit of the in-memory readers: split it (e.g. by year)`);
  const fromName = formatOfName(file);
  let format = options.format === undefined ? fromName : checkFormat(options.format, fn);
  if (format === "parquet") throw new DataError(`${fn}: ${file} is Parquet; inspect it with inspectInput (or crm inspect)`);
  if (format === "xlsx") {
    if (size > MAX_INPUT_BYTES) throw new DataError(`${fn}: file "${file}" is ${size.toLocaleString("en-US")} bytes, over the ${MAX_INPUT_BYTES.toLocaleString("en-US")}-byte limit of the in-memory readers; split it (e.g. by year)`);
    const raw = await readRowsFileAs(file, { format, header: false, sheet: options.sheet }, fn);
    return inspectTable(withHeader(raw.rows.slice(0, INSPECT_ROWS + 1), options.header), facts(file, "xlsx", fromName, undefined, raw, options, raw.rows.length <= INSPECT_ROWS + 1, notes));
  }
  const head = await readHead(file, size);
  const whole = head.length === size;
  const { text, encoding } = decodeHead(head, whole, options.encoding, fn, file, notes);
  format ??= /^\s*[[{]/.test(text) ? (/^\s*\{[^\n]*\}\s*\r?\n\s*\{/.test(text) ? "jsonl" : "json") : "csv";
  if (format === "json" || format === "jsonl") {
    const table = readJsonHead(text, format, whole, fn, file);
    return inspectTable(table, { ...facts(file, format, fromName, encoding, table, options, whole, notes), header: true });
  }
  const delimiter = format === "csv" ? (options.delimiter ?? detectDelimiter(text)) : format === "tsv" ? (options.delimiter ?? "\t") : undefined;
  const raw = readHeadRows(text, { format, header: false, ...(delimiter === undefined ? {} : { delimiter }) }, whole, fn, file);
  const table = withHeader(raw.rows.slice(0, INSPECT_ROWS + 1), options.header);
  return inspectTable(table, { ...facts(file, format, fromName, encoding, table, options, whole, notes), ...(delimiter === undefined ? {} : { delimiter }) });
}

function facts(file: string, format: InputFormat, fromName: string | undefined, encoding: FoundEncoding | undefined, table: RawTable & { hasHeader?: boolean }, options: InspectOptions, wholeFile: boolean, notes: string[]): InspectFacts {
  return {
    file, format, ...(fromName === undefined ? {} : { formatFromName: fromName }), ...(encoding === undefined ? {} : { encoding }),
    header: table.hasHeader ?? true, ...(options.sheet === undefined ? {} : { sheet: options.sheet }), wholeFile, notes,
  };
}

async function readHead(file: string, size: number): Promise<Uint8Array> {
  if (size <= INSPECT_BYTES) return readFile(file);
  const handle = await open(file, "r");
  try {
    const buf = new Uint8Array(INSPECT_BYTES);
    const { bytesRead } = await handle.read(buf, 0, INSPECT_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Decodes a head of bytes, cut at its last line end; proposes Latin-1 for bytes that are not UTF-8 but read as Latin-1. */
function decodeHead(bytes: Uint8Array, whole: boolean, declared: TextEncoding | undefined, fn: string, file: string, notes: string[]): { text: string; encoding: FoundEncoding } {
  const found = encodingOf(bytes, declared ?? "utf8");
  let cut = bytes;
  if (!whole) {
    const wide = found === "utf-16le" || found === "utf-16be";
    let end = bytes.length - (wide ? bytes.length % 2 : 0);
    if (wide) while (end >= 2 && !(found === "utf-16le" ? bytes[end - 2] === 10 && bytes[end - 1] === 0 : bytes[end - 2] === 0 && bytes[end - 1] === 10)) end -= 2;
    else end = bytes.lastIndexOf(10) + 1;
    cut = bytes.subarray(0, end > 0 ? end : bytes.length);
  }
  if (declared === undefined && found === "utf-8" && firstBadUtf8Byte(cut) >= 0 && isPlausibleLatin1(cut)) {
    try {
      decodeText(cut, "utf8", fn, file);
    } catch (e) {
      notes.push(`${(e as Error).message.replace(/^[^:]+: /, "").replace(/; re-save.*$/, "")}; it reads as Latin-1 (windows-1252): pass --encoding latin1`);
    }
    return decodeText(cut, "latin1", fn, file);
  }
  return decodeText(cut, declared ?? "utf8", fn, file);
}

/** Reads the rows of a text head; a quoted field cut by the end of the head is dropped with its line. */
function readHeadRows(text: string, options: ReadRowsOptions, whole: boolean, fn: string, file: string): RawTable {
  try {
    return readRowsTextAs(text, options, fn, file);
  } catch (e) {
    const open = e instanceof DataError && !whole ? /the quote opened on line (\d+) is never closed/.exec(e.message) : null;
    if (open === null || +open[1]! <= 2) throw e;
    const lines = text.split(/(?<=\n)/);
    return readRowsTextAs(lines.slice(0, +open[1]! - 1).join(""), options, fn, file);
  }
}

function readJsonHead(text: string, format: "json" | "jsonl", whole: boolean, fn: string, file: string): RawTable {
  try {
    return readJson(text, format === "jsonl", !whole);
  } catch (e) {
    if (e instanceof DataError) throw new DataError(`${fn}: ${file}: ${e.message.replace(/^readJson: /, "")}`);
    throw e;
  }
}

/** Rows read without a header, turned into a table whose header is the first row unless that row looks like data. */
function withHeader(rows: RawTable["rows"], header: boolean | undefined): RawTable & { hasHeader: boolean } {
  const first = rows[0]?.values ?? [];
  const useHeader = header ?? !first.some((v) => looksLikeData(v));
  if (!useHeader) return { header: positionalHeader(Math.max(0, ...rows.map((r) => r.values.length))), rows: rows.slice(0, INSPECT_ROWS), hasHeader: false };
  return { header: first.map((v) => v.trim()), rows: rows.slice(1), hasHeader: true };
}

function looksLikeData(v: string): boolean {
  const t = v.trim();
  return t !== "" && (parseNumber(t) !== null || parseNumber(t, ",") !== null || guessDateFormat([t]) !== undefined);
}

function checkFormat(format: string, fn: string): InputFormat | "parquet" {
  const f = format.trim().toLowerCase();
  if (["csv", "tsv", "whitespace", "json", "jsonl", "xlsx", "parquet"].includes(f)) return f as InputFormat | "parquet";
  throw new DataError(`${fn}: unknown format "${format}"; use --format csv|tsv|whitespace|json|jsonl|xlsx|parquet`);
}
