import { EARLIEST_DAY } from "../data/parse/day-range.js";
import { MAX_ABS_NUMBER } from "../data/parse/parse-number.js";

// SQL expressions that accept exactly a SUBSET of what the JavaScript builder accepts, and give the
// same value for it (see buildTransactions and src/data/POLICY.md). A value they do not accept is
// NULL: its row goes to the JavaScript builder, which decides (used with its value, or rejected with
// its reason). So the SQL never rejects a row and never gives a value the builder would not.

/** Code points that JavaScript's `trim()` removes. */
const TRIMMED = [9, 10, 11, 12, 13, 32, 133, 160, 5760, ...Array.from({ length: 11 }, (_, i) => 8192 + i), 8232, 8233, 8239, 8287, 12288, 65279];

/**
 * SQL: whether a text (non-NULL, non-empty) has no blank at either end that JavaScript's
 * `trim()` would remove, so that the text is its own trimmed value. Written with `list_contains`,
 * not `IN (...)`: DuckDB turns a long IN list into a join, which would lose the file's row order
 * of a CREATE TABLE over the reader (and comparisons one by one cost five times as much).
 *
 * @param x - a SQL expression of type VARCHAR
 * @returns a boolean SQL expression
 * @example
 * untrimmedSql("c0"); // "(NOT list_contains([9, 10, ...], unicode(c0)) AND NOT list_contains([...], unicode(right(c0, 1))))"
 */
export function untrimmedSql(x: string): string {
  const list = `[${TRIMMED.join(", ")}]`;
  return `(NOT list_contains(${list}, unicode(${x})) AND NOT list_contains(${list}, unicode(right(${x}, 1))))`;
}

const PLAIN_DOT = String.raw`[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?`;
const PLAIN_COMMA = String.raw`[+-]?(\d+(,\d*)?|,\d+)([eE][+-]?\d+)?`;

/**
 * SQL: a plain decimal number written exactly (no blanks around it), within ±1e12, as DOUBLE;
 * NULL for anything else (the JavaScript builder then decides). Same value as `parseNumber`
 * (both round the decimal text correctly to the nearest double).
 *
 * @param x - a SQL expression of type VARCHAR
 * @param decimal - the decimal mark
 * @returns a DOUBLE SQL expression
 * @example
 * plainNumberSql("c2", "."); // "(CASE WHEN regexp_full_match(c2, ...) ... END)"
 */
export function plainNumberSql(x: string, decimal: "." | ","): string {
  const text = decimal === "." ? x : `replace(${x}, ',', '.')`;
  const re = decimal === "." ? PLAIN_DOT : PLAIN_COMMA;
  const value = `try_cast(${text} AS DOUBLE)`;
  return `(CASE WHEN regexp_full_match(${x}, '${re}') AND abs(${value}) <= ${MAX_ABS_NUMBER} THEN ${value} END)`;
}

/** A time of day after a date that JavaScript's `isTimeOfDay` accepts too: H:mm or HH:mm:ss. */
const TIME = String.raw`(?:[ \t]+|T)(?:[01]?\d|2[0-3]):[0-5]\d(?::(?:[0-5]\d|60))?`;

/**
 * SQL: the day (days since 1970-01-01) of a date written in `format`, for the formats and
 * shapes that have a plain SQL equivalent; NULL otherwise. Accepted: `auto` and `iso`
 * (`YYYY-MM-DD`; `auto` also `YYYYMMDD`), `yyyymmdd`, and patterns of `YYYY`, `MM`, `DD`, `M`,
 * `D` with separators, each optionally followed by a time `H:mm` or `HH:mm:ss`. Returns
 * undefined for a format with no SQL form here (`excel`): the caller then reads with JavaScript.
 *
 * @param x - a SQL expression of type VARCHAR
 * @param format - the date format option
 * @returns an INTEGER SQL expression, or undefined
 * @example
 * daySql("c1", "auto"); // "(CASE WHEN regexp_full_match(c1, ...) THEN ... END)"
 */
export function daySql(x: string, format: string): string | undefined {
  const key = format.trim().toLowerCase();
  const days = (iso: string): string => `CAST(try_cast(${iso} AS DATE) - DATE '1970-01-01' AS INTEGER)`;
  const iso = `(CASE WHEN regexp_full_match(${x}, '\\d{4}-\\d{2}-\\d{2}(${TIME})?') THEN ${days(`substr(${x}, 1, 10)`)} END)`;
  const compact = `(CASE WHEN regexp_full_match(${x}, '\\d{8}(${TIME})?') THEN ${days(`substr(${x}, 1, 4) || '-' || substr(${x}, 5, 2) || '-' || substr(${x}, 7, 2)`)} END)`;
  if (key === "iso") return iso;
  if (key === "yyyymmdd") return compact;
  if (key === "auto") return `COALESCE(${iso}, ${compact})`;
  if (key === "excel") return undefined;
  const order: string[] = [];
  const datePart = format.replace(/(?:\s+|T)[Hh].*$/, "");
  const re = datePart.replace(/YYYY|MM|DD|M|D|[.*+?^${}()|[\]\\']/g, (tok) => {
    if (tok === "YYYY") return order.push("y"), "(\\d{4})";
    if (tok === "MM") return order.push("m"), "(\\d{2})";
    if (tok === "DD") return order.push("d"), "(\\d{2})";
    if (tok === "M") return order.push("m"), "(\\d{1,2})";
    if (tok === "D") return order.push("d"), "(\\d{1,2})";
    return tok === "'" ? "''" : "\\" + tok;
  });
  if (order.length !== 3 || !order.includes("y") || !order.includes("m") || !order.includes("d")) return undefined;
  const full = `${re}(?:${TIME})?`;
  const part = (p: string): string => `regexp_extract(${x}, '^${full}$', ${order.indexOf(p) + 1})`;
  return `(CASE WHEN regexp_full_match(${x}, '${full}') THEN ${days(`${part("y")} || '-' || lpad(${part("m")}, 2, '0') || '-' || lpad(${part("d")}, 2, '0')`)} END)`;
}

/**
 * SQL: whether a day is within the accepted range and the date window (else the JavaScript
 * builder rejects the row with `date-out-of-range` or `outside-window`).
 *
 * @param day - an INTEGER SQL expression (days since 1970-01-01)
 * @param latest - the latest accepted day
 * @param lo - first day of the window (-Infinity for none)
 * @param hi - last day of the window (Infinity for none)
 * @returns a boolean SQL expression
 * @example
 * dayInRangeSql("day", 20800, -Infinity, Infinity); // "(day BETWEEN -25567 AND 20800)"
 */
export function dayInRangeSql(day: string, latest: number, lo: number, hi: number): string {
  return `(${day} BETWEEN ${Math.max(EARLIEST_DAY, lo === -Infinity ? EARLIEST_DAY : lo)} AND ${Math.min(latest, hi === Infinity ? latest : hi)})`;
}
