import { DataError } from "../data-error.js";
import { JsonNumber, type JsonValue, parseJsonExact } from "./parse-json-exact.js";
import type { RawRow, RawTable } from "./raw-table.js";

/**
 * Reads JSON into rows of strings. Three shapes are accepted:
 * - an array of objects `[{"customer_id": "C1", "amount": 9.5}, ...]` (columns: the keys in
 *   first-seen order; element i gets `line` i + 2, as if a header were line 1);
 * - an object of column arrays `{"customer_id": ["C1", ...], "amount": [9.5, ...]}` (same lines);
 * - JSON lines, one object per line (`line` is the physical line; a line that does not parse,
 *   or is not an object, is kept as a row with `error` code `bad-json`; blank lines are `[""]`).
 *
 * Values become text: `null`/missing -> `""`, numbers **exactly as written** (`12345678901234567890`
 * and `17850.0` stay so: never rounded to a double nor reformatted), booleans `"true"`/`"false"`,
 * nested objects and arrays as JSON (their numbers as written too).
 *
 * @param text - the whole file
 * @param lines - true to read as JSON lines; default: detected (whole-text JSON first)
 * @param head - the text is the start of a bigger file: an array of objects cut short gives its complete elements
 * @returns the header and rows
 * @throws DataError when the text is not JSON of one of these shapes (message gives the position)
 * @example
 * readJson('[{"id":"C1","amount":9.5}]'); // { header: ["id","amount"], rows: [{ line: 2, values: ["C1","9.5"] }] }
 */
export function readJson(text: string, lines?: boolean, head = false): RawTable {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (lines === true) return readJsonLines(body);
  let data: JsonValue;
  try {
    data = parseJsonExact(body, head);
  } catch (e) {
    if (lines === undefined && body.trimStart().startsWith("{")) return readJsonLines(body);
    throw new DataError(`readJson: the text is not valid JSON (${(e as Error).message}); use --format jsonl for JSON lines`);
  }
  if (Array.isArray(data)) return fromRecords(data.map((r, i) => ({ line: i + 2, record: r })));
  if (isRecord(data)) return fromColumns(data);
  throw new DataError(`readJson: expected an array of objects or an object of column arrays, got ${kindOf(data)}`);
}

type Slot = { line: number; record: JsonValue; error?: string };

function readJsonLines(body: string): RawTable {
  const parts = body.split(/\r\n|\n|\r/);
  if (parts.length > 0 && parts[parts.length - 1]!.trim() === "") parts.pop();
  return fromRecords(
    parts.map((p, i): Slot => {
      if (p.trim() === "") return { line: i + 1, record: null };
      try {
        return { line: i + 1, record: parseJsonExact(p) };
      } catch (e) {
        return { line: i + 1, record: null, error: `line is not valid JSON (${(e as Error).message})` };
      }
    }),
    true,
  );
}

function fromRecords(slots: Slot[], blankAllowed = false): RawTable {
  const names = new Map<string, number>();
  for (const s of slots) if (isRecord(s.record)) for (const k of s.record.keys()) if (!names.has(k)) names.set(k, names.size);
  const header = [...names.keys()];
  const rows: RawRow[] = slots.map((s) => {
    if (s.error !== undefined) return { line: s.line, values: [], error: { code: "bad-json", reason: s.error } };
    if (s.record === null && blankAllowed) return { line: s.line, values: [""] };
    if (!isRecord(s.record)) return { line: s.line, values: [], error: { code: "bad-json", reason: `expected an object, got ${clip(jsonText(s.record))}` } };
    const rec = s.record;
    return { line: s.line, values: header.map((h) => cellText(rec.get(h))) };
  });
  return Object.freeze({ header: Object.freeze(header), rows: Object.freeze(rows) });
}

function fromColumns(data: ReadonlyMap<string, JsonValue>): RawTable {
  const header = [...data.keys()];
  let n = -1;
  for (const h of header) {
    const col = data.get(h);
    if (!Array.isArray(col)) throw new DataError(`readJson: column "${h}" is not an array; expected an object of column arrays`);
    if (n >= 0 && col.length !== n) throw new DataError(`readJson: column "${h}" has ${col.length} values but the first column has ${n}`);
    n = col.length;
  }
  const cols = header.map((h) => data.get(h) as readonly JsonValue[]);
  const rows: RawRow[] = [];
  for (let i = 0; i < Math.max(n, 0); i++) rows.push({ line: i + 2, values: cols.map((c) => cellText(c[i])) });
  return Object.freeze({ header: Object.freeze(header), rows: Object.freeze(rows) });
}

function isRecord(v: JsonValue | undefined): v is ReadonlyMap<string, JsonValue> {
  return v instanceof Map;
}

function kindOf(v: JsonValue): string {
  if (v === null) return "null";
  if (v instanceof JsonNumber) return "number";
  return Array.isArray(v) ? "array" : typeof v;
}

function cellText(v: JsonValue | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v;
  if (v instanceof JsonNumber) return v.text;
  if (typeof v === "boolean") return String(v);
  return jsonText(v);
}

/** JSON text of a parsed value, numbers as written. */
function jsonText(v: JsonValue): string {
  if (v === null || typeof v === "boolean" || typeof v === "string") return JSON.stringify(v);
  if (v instanceof JsonNumber) return v.text;
  if (Array.isArray(v)) return `[${v.map(jsonText).join(",")}]`;
  return `{${[...(v as ReadonlyMap<string, JsonValue>)].map(([k, x]) => `${JSON.stringify(k)}:${jsonText(x)}`).join(",")}}`;
}

function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
