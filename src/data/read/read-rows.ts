import { readFile } from "node:fs/promises";
import path from "node:path";
import { checkInputFile } from "./check-input-file.js";
import { DataError } from "../data-error.js";
import { decodeText, TEXT_ENCODINGS, type TextEncoding } from "./decode-text.js";
import type { RawTable } from "./raw-table.js";
import { readDelimited } from "./read-delimited.js";
import { readJson } from "./read-json.js";
import { readWhitespace } from "./read-whitespace.js";
import { readXlsx } from "./read-xlsx.js";

/** The input formats the data loaders read (Parquet is read in `engine/`). */
export const INPUT_FORMATS = ["csv", "tsv", "whitespace", "json", "jsonl", "xlsx"] as const;
/** One input format. */
export type InputFormat = (typeof INPUT_FORMATS)[number];

/** How to read a source into rows. */
export interface ReadRowsOptions {
  /** One of {@link INPUT_FORMATS}; default from the file extension, or `csv` for text. */
  readonly format?: string;
  /** Whether the first line is a header (default true; ignored for json/jsonl, whose keys name the columns). */
  readonly header?: boolean;
  /** Delimiter of csv/tsv text (default detected; tab for tsv). */
  readonly delimiter?: string;
  /** Worksheet of an xlsx file (default the first). */
  readonly sheet?: string;
  /**
   * Encoding of a text file: `utf8` (default: UTF-8 with or without BOM, UTF-16 with BOM; bytes
   * that are not UTF-8 are refused) or `latin1` (windows-1252). Ignored for xlsx and for text given as a string.
   */
  readonly encoding?: TextEncoding;
}

const BY_EXTENSION: Readonly<Record<string, InputFormat>> = {
  ".csv": "csv", ".tsv": "tsv", ".tab": "tsv", ".txt": "whitespace", ".dat": "whitespace",
  ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl", ".xlsx": "xlsx",
};

/**
 * The format a file's extension implies: .csv, .tsv/.tab, .txt/.dat (whitespace), .json,
 * .jsonl/.ndjson, .xlsx, .parquet; undefined for any other extension.
 *
 * @param file - the file name or path
 * @returns the format, or undefined
 * @example
 * formatOfName("Online Retail.XLSX"); // "xlsx"
 */
export function formatOfName(file: string): InputFormat | "parquet" | undefined {
  const ext = path.extname(file).toLowerCase();
  return ext === ".parquet" ? "parquet" : BY_EXTENSION[ext];
}

/**
 * Reads text in a text format into rows: csv (delimiter detected unless given), tsv (tab),
 * whitespace, json, jsonl.
 *
 * @param text - the content
 * @param options - format (default `csv`), header, delimiter
 * @param fn - the public function named in messages
 * @returns header and rows
 * @throws DataError for an unknown format, `xlsx` (bytes are needed), or unreadable content
 * @example
 * readRowsText("a b\n1 2\n", { format: "whitespace" }).rows[0].values; // ["1", "2"]
 */
export function readRowsText(text: string, options: ReadRowsOptions = {}): RawTable {
  return readRowsTextAs(text, options, "readRowsText", "text");
}

/** {@link readRowsText} naming the public function and the source in its messages. */
export function readRowsTextAs(text: string, options: ReadRowsOptions, fn: string, source: string): RawTable {
  const format = checkFormat(options.format ?? "csv", fn);
  const header = options.header ?? true;
  try {
    switch (format) {
      case "csv": return readDelimited(text, { header, delimiter: options.delimiter });
      case "tsv": return readDelimited(text, { header, delimiter: options.delimiter ?? "\t" });
      case "whitespace": return readWhitespace(text, { header });
      case "json": return readJson(text);
      case "jsonl": return readJson(text, true);
      case "xlsx": throw new DataError(`${fn}: xlsx content cannot be given as text; load the file with the File loader`);
    }
  } catch (e) {
    throw renamed(e, fn, source);
  }
}

/**
 * Reads a file into rows, the format coming from `options.format` or else the extension:
 * .csv, .tsv/.tab, .txt/.dat (whitespace), .json, .jsonl/.ndjson, .xlsx.
 *
 * The file must be a regular file of at most 512 MB (see {@link checkInputFile}; folders, devices and
 * pipes are refused before reading); text is decoded by {@link decodeText} (never into U+FFFD).
 *
 * @param file - path of the file
 * @param options - format, header, delimiter, sheet, encoding
 * @returns header and rows
 * @throws DataError when the file is missing, not a regular file, too big or unreadable, the
 *   format or encoding is unknown, the bytes are not valid in the encoding, or the content is not readable in the format
 * @example
 * const t = await readRowsFile("tx.csv"); t.header; // ["customer_id", "date", "amount"]
 */
export async function readRowsFile(file: string, options: ReadRowsOptions = {}): Promise<RawTable> {
  return readRowsFileAs(file, options, "readRowsFile");
}

/** {@link readRowsFile} naming the public function in its messages. */
export async function readRowsFileAs(file: string, options: ReadRowsOptions, fn: string): Promise<RawTable> {
  await checkInputFile(file, fn);
  const ext = path.extname(file).toLowerCase();
  const format = options.format !== undefined ? checkFormat(options.format, fn) : BY_EXTENSION[ext];
  if (format === undefined) {
    throw new DataError(`${fn}: cannot tell the format of "${file}" from its extension "${ext}"; use --format ${INPUT_FORMATS.join("|")}`);
  }
  const encoding = checkEncoding(options.encoding ?? "utf8", fn);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DataError(`${fn}: file "${file}" not found; check the path`);
    if (code === "EACCES" || code === "EPERM") throw new DataError(`${fn}: file "${file}" cannot be read (permission denied)`);
    throw new DataError(`${fn}: file "${file}" cannot be read (${code ?? (e as Error).message.split("\n")[0]})`);
  }
  if (format !== "xlsx") return readRowsTextAs(decodeText(bytes, encoding, fn, file).text, { ...options, format }, fn, file);
  try {
    return await readXlsx(bytes, { header: options.header ?? true, sheet: options.sheet });
  } catch (e) {
    throw renamed(e, fn, file);
  }
}

/** A reader's DataError re-titled with the public function and the source. */
function renamed(e: unknown, fn: string, source: string): unknown {
  if (!(e instanceof DataError)) return e;
  const m = /^(readDelimited|readJson|readWhitespace|readXlsx): (.*)$/s.exec(e.message);
  return m === null ? e : new DataError(`${fn}: ${source}: ${m[2]}`);
}

function checkEncoding(encoding: string, fn: string): TextEncoding {
  const e = encoding.trim().toLowerCase().replace(/^utf-8$/, "utf8").replace(/^(latin-1|iso-8859-1|windows-1252|cp1252)$/, "latin1");
  if ((TEXT_ENCODINGS as readonly string[]).includes(e)) return e as TextEncoding;
  throw new DataError(`${fn}: unknown encoding "${encoding}"; use --encoding ${TEXT_ENCODINGS.join("|")}`);
}

function checkFormat(format: string, fn: string): InputFormat {
  const f = format.trim().toLowerCase();
  if ((INPUT_FORMATS as readonly string[]).includes(f)) return f as InputFormat;
  throw new DataError(`${fn}: unknown format "${format}"; use --format ${INPUT_FORMATS.join("|")}`);
}
