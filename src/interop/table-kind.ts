import type { TableKind } from "./types.js";

/**
 * Tells which {@link TableInput} form a value is, looking at its shape (never at
 * `instanceof`, so tables from another copy of arquero or danfo are recognised too):
 * - `"arquero"`: has `objects()` and `columnNames()` methods;
 * - `"danfo"`: a danfo `DataFrame` (`$columns` or `columns`, `values`, `toJSON`, not a `Series`);
 * - `"records"`: an array whose items are all plain objects (an empty array is an empty table);
 * - `"columns"`: a plain object whose values are all arrays or typed arrays of one length.
 *
 * @param input - the value to classify
 * @param caller - the public function name to put in the error message
 * @returns the kind
 * @throws TypeError naming `caller` and describing `input` when it is none of the four forms
 * @example
 * tableKind([{ id: "00042" }]);          // "records"
 * tableKind({ id: ["a"], x: [1] });       // "columns"
 * tableKind(aq.table({ x: [1] }));        // "arquero"
 */
export function tableKind(input: unknown, caller = "tableKind"): TableKind {
  if (Array.isArray(input)) {
    const bad = input.findIndex((r) => !isPlainObject(r));
    if (bad < 0) return "records";
    throw new TypeError(
      `${caller}: expected an array of records (plain objects), but item ${bad} is ${describeValue(input[bad])}`,
    );
  }
  if (input !== null && typeof input === "object") {
    const t = input as Record<string, unknown>;
    if (typeof t.objects === "function" && typeof t.columnNames === "function") return "arquero";
    if (isDanfoLike(t)) {
      if (t.$isSeries === true) {
        throw new TypeError(`${caller}: got a danfo Series; pass a DataFrame, e.g. new dfd.DataFrame({ name: series.values })`);
      }
      return "danfo";
    }
    if (isPlainObject(input)) {
      const entries = Object.entries(t);
      const bad = entries.find(([, v]) => !isColumn(v));
      if (!bad) {
        const lengths = new Set(entries.map(([, v]) => (v as ArrayLike<unknown>).length));
        if (lengths.size <= 1) return "columns";
        const shown = entries.map(([k, v]) => `${k}: ${(v as ArrayLike<unknown>).length}`).join(", ");
        throw new TypeError(`${caller}: the columns have different lengths (${shown})`);
      }
      throw new TypeError(
        `${caller}: expected a table (records, arquero table, danfo DataFrame or columns object), ` +
          `but got an object whose "${bad[0]}" is ${describeValue(bad[1])}, not an array`,
      );
    }
  }
  throw new TypeError(
    `${caller}: expected a table (records, arquero table, danfo DataFrame or columns object), but got ${describeValue(input)}`,
  );
}

function isDanfoLike(t: Record<string, unknown>): boolean {
  const hasColumns = Array.isArray(t.$columns) || Array.isArray(t.columns);
  return hasColumns && "values" in t && typeof t.toJSON === "function" && "shape" in t;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isColumn(v: unknown): boolean {
  return Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView));
}

/**
 * A short description of a value for error messages: its type, constructor name, or keys.
 *
 * @param v - any value
 * @returns e.g. `a string "abc"`, `null`, `a Map`, `an object with keys [a, b]`
 * @throws never
 * @example
 * describeValue(42); // "a number (42)"
 */
export function describeValue(v: unknown): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (typeof v === "string") return `a string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v)}`;
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") return `a ${typeof v} (${String(v)})`;
  if (typeof v === "function") return "a function";
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  if (typeof v === "object") {
    const name = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name;
    if (name && name !== "Object") return `a ${name}`;
    const keys = Object.keys(v);
    return `an object with keys [${keys.slice(0, 6).join(", ")}${keys.length > 6 ? ", …" : ""}]`;
  }
  return `a ${typeof v}`;
}
