import { DataError } from "../data-error.js";
import { type DateFormat, parseDay } from "../parse/parse-day.js";
import type { RawRow } from "../read/raw-table.js";
import type { RejectedRow } from "./row-ledger.js";

/**
 * The checks every builder makes before looking at the fields of a row: a row a reader could
 * not read (its `error`), a blank row (code `blank-line`: no text in any field), and a row whose
 * number of fields differs from the header's (code `wrong-field-count`).
 *
 * @param row - the raw row
 * @param width - the number of header columns
 * @returns the rejection, or null when the row has the right shape
 * @example
 * shapeProblem({ line: 3, values: ["a"] }, 3);
 * // { line: 3, code: "wrong-field-count", reason: "row has 1 field but the header has 3 columns" }
 */
export function shapeProblem(row: RawRow, width: number, used?: ReadonlySet<number>): RejectedRow | null {
  if (row.error !== undefined) return { line: row.line, code: row.error.code, reason: row.error.reason };
  const inexact = row.inexact?.find((c) => used === undefined || used.has(c.column));
  if (inexact !== undefined) return { line: row.line, code: inexact.code, reason: inexact.reason };
  const v = row.values;
  let blank = true;
  for (let i = 0; i < v.length; i++) {
    if (v[i]!.trim() !== "") {
      blank = false;
      break;
    }
  }
  if (blank) return { line: row.line, code: "blank-line", reason: v.length <= 1 ? "line is blank" : "every field is empty" };
  if (v.length !== width) {
    return {
      line: row.line,
      code: "wrong-field-count",
      reason: `row has ${v.length} field${v.length === 1 ? "" : "s"} but the header has ${width} column${width === 1 ? "" : "s"}`,
    };
  }
  return null;
}

/**
 * Parses the `from` / `to` options (ISO dates, inclusive) into a day window.
 *
 * @param from - first day kept, `YYYY-MM-DD`, or undefined for no lower bound
 * @param to - last day kept, `YYYY-MM-DD`, or undefined for no upper bound
 * @param fn - the public function, for messages
 * @returns `[fromDay, toDay]`, with -Infinity / Infinity for an open end
 * @throws DataError when a bound is not a valid ISO date or `from` is after `to`
 * @example
 * dayWindow("2024-01-01", undefined, "f"); // [19723, Infinity]
 */
export function dayWindow(from: string | undefined, to: string | undefined, fn: string): readonly [number, number] {
  const lo = bound(from, "from", fn) ?? -Infinity;
  const hi = bound(to, "to", fn) ?? Infinity;
  if (lo > hi) throw new DataError(`${fn}: --from ${from} is after --to ${to}`);
  return [lo, hi];
}

function bound(text: string | undefined, name: string, fn: string): number | null {
  if (text === undefined || text.trim() === "") return null;
  const d = parseDay(text, "iso");
  if (d === null) throw new DataError(`${fn}: --${name} "${text}" is not a valid YYYY-MM-DD date`);
  return d;
}

/**
 * Describes a date format for messages.
 *
 * @param format - a {@link DateFormat}
 * @returns the format in words
 * @example
 * describeDateFormat("auto"); // "YYYY-MM-DD or YYYYMMDD"
 */
export function describeDateFormat(format: DateFormat): string {
  const k = format.trim().toLowerCase();
  if (k === "auto") return "YYYY-MM-DD or YYYYMMDD";
  if (k === "iso") return "YYYY-MM-DD";
  if (k === "yyyymmdd") return "YYYYMMDD";
  if (k === "excel") return "an Excel serial day number or YYYY-MM-DD";
  return format;
}

/**
 * A field name in kebab case, for codes and flags.
 *
 * @param field - camelCase name
 * @returns kebab-case name
 * @example
 * kebab("unitPrice"); // "unit-price"
 */
export function kebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}
