import { readFile } from "node:fs/promises";
import { checkInputFile } from "../read/check-input-file.js";
import { DataError } from "../data-error.js";
import { TEXT_ENCODINGS, type TextEncoding } from "../read/decode-text.js";
import type { DecimalMark } from "../parse/parse-number.js";
import { INPUT_FORMATS } from "../read/read-rows.js";
import { type CanonicalField, DEFAULT_COLUMN_NAMES } from "../types.js";

/**
 * How to read one export: the column of each field and how the file is written. The same
 * settings as the `crm` input flags (an explicit flag wins over the file), saved as JSON so that
 * every command reads the export the same way; `crm inspect --out mapping.json` writes one.
 *
 * @example
 * const m: Mapping = {
 *   columns: { customerId: "CustomerID", date: "InvoiceDate", quantity: "Quantity", unitPrice: "UnitPrice", orderId: "InvoiceNo" },
 *   dateFormat: "M/D/YYYY", delimiter: ",", decimal: ".", header: true, format: "csv", encoding: "utf8", currency: "GBP",
 * };
 */
export interface Mapping {
  /** Source column of each canonical field (`customerId`, `date`, `amount`, `orderId`, ...): a name, or a 1-based position. */
  readonly columns?: Readonly<Partial<Record<CanonicalField, string | number>>>;
  /** csv|tsv|whitespace|json|jsonl|xlsx|parquet (`--format`). */
  readonly format?: string;
  /** One-character field delimiter, or `"tab"` (`--delimiter`). */
  readonly delimiter?: string;
  /** Decimal mark of the numbers (`--decimal`). */
  readonly decimal?: DecimalMark;
  /** Whether the first line names the columns (`false` is `--no-header`). */
  readonly header?: boolean;
  /** Date format, e.g. `iso`, `yyyymmdd`, `M/D/YYYY` (`--date-format`). */
  readonly dateFormat?: string;
  /** Text encoding (`--encoding`). */
  readonly encoding?: TextEncoding;
  /** Worksheet of an xlsx file (`--sheet`). */
  readonly sheet?: string;
  /** ISO 4217 code of the amounts, e.g. `EUR` (the report's `--currency`). */
  readonly currency?: string;
}

/** The keys a mapping file may hold, in the order they are written. */
export const MAPPING_KEYS = ["columns", "format", "delimiter", "decimal", "header", "dateFormat", "encoding", "sheet", "currency"] as const;

const FIELDS = Object.keys(DEFAULT_COLUMN_NAMES) as CanonicalField[];
const FORMATS: readonly string[] = [...INPUT_FORMATS, "parquet"];

/**
 * Reads and checks a mapping file (see {@link Mapping}).
 *
 * @param file - path of the JSON file
 * @returns the mapping, frozen
 * @throws DataError with one line naming the file (and the key): missing or not a regular file,
 *   not JSON, not an object, an unknown key, a value of the wrong type, e.g.
 *   `readMappingFile: m.json: unknown key "colums" (keys: columns, format, ...)`
 * @example
 * const m = await readMappingFile("mapping.json"); m.columns?.customerId; // "CustomerID"
 */
export async function readMappingFile(file: string): Promise<Mapping> {
  const fn = "readMappingFile";
  await checkInputFile(file, fn, 1_000_000);
  return parseMapping(await readFile(file, "utf8"), file, fn);
}

/**
 * Checks the text of a mapping file (see {@link readMappingFile}).
 *
 * @param text - the JSON text
 * @param source - the file named in messages
 * @param fn - the public function named in messages (default `parseMapping`)
 * @returns the mapping, frozen
 * @throws DataError as {@link readMappingFile}
 * @example
 * parseMapping('{"columns":{"customerId":"CustomerID"},"decimal":","}', "m.json").decimal; // ","
 */
export function parseMapping(text: string, source: string, fn = "parseMapping"): Mapping {
  const fail = (what: string): never => {
    throw new DataError(`${fn}: ${source}: ${what}`);
  };
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new DataError(`${fn}: ${source} is not valid JSON (${(e as Error).message.split("\n")[0]}); a mapping file is a JSON object such as {"columns": {"customerId": "CustomerID"}}`);
  }
  if (!isObject(data)) return fail(`expected a JSON object such as {"columns": {"customerId": "CustomerID"}}, got ${kind(data)}`);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (!(MAPPING_KEYS as readonly string[]).includes(key)) fail(`unknown key "${key}" (keys: ${MAPPING_KEYS.join(", ")})`);
    const bad = (what: string): never => fail(`"${key}" must be ${what} (got ${clip(JSON.stringify(value))})`);
    switch (key) {
      case "columns": {
        if (!isObject(value)) bad('an object of field: column, e.g. {"customerId": "CustomerID"}');
        const cols: Record<string, string | number> = {};
        for (const [field, ref] of Object.entries(value as object)) {
          if (!(FIELDS as string[]).includes(field)) fail(`"columns.${field}" is not a field (fields: ${FIELDS.join(", ")})`);
          const ok = (typeof ref === "string" && ref.trim() !== "") || (typeof ref === "number" && Number.isInteger(ref) && ref >= 1);
          if (!ok) fail(`"columns.${field}" must be a column name or a 1-based position (got ${clip(JSON.stringify(ref) ?? String(ref))})`);
          cols[field] = ref as string | number;
        }
        out.columns = Object.freeze(cols);
        break;
      }
      case "format":
        if (typeof value !== "string" || !FORMATS.includes(value.trim().toLowerCase())) bad(`one of ${FORMATS.join(", ")}`);
        out.format = (value as string).trim().toLowerCase();
        break;
      case "delimiter":
        if (typeof value !== "string" || (value !== "tab" && (value.length !== 1 || /["\r\n]/.test(value)))) bad('one character other than a quote or line break, or "tab"');
        out.delimiter = value;
        break;
      case "decimal":
        if (value !== "." && value !== ",") bad('"." or ","');
        out.decimal = value;
        break;
      case "header":
        if (typeof value !== "boolean") bad("true or false");
        out.header = value;
        break;
      case "encoding":
        if (typeof value !== "string" || !(TEXT_ENCODINGS as readonly string[]).includes(value)) bad(`one of ${TEXT_ENCODINGS.join(", ")}`);
        out.encoding = value;
        break;
      case "currency":
        if (typeof value !== "string" || !/^[A-Z]{3}$/.test(value)) bad('a 3-letter ISO 4217 code such as "EUR"');
        out.currency = value;
        break;
      default: // dateFormat, sheet
        if (typeof value !== "string" || value.trim() === "") bad("a non-empty string");
        out[key] = value;
    }
  }
  return Object.freeze(out) as Mapping;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function kind(v: unknown): string {
  return v === null ? "null" : Array.isArray(v) ? "an array" : typeof v;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
