import { DataError } from "./data-error.js";

/**
 * A date format: `"auto"` (ISO, else 8-digit YYYYMMDD), `"iso"` (YYYY-MM-DD), `"yyyymmdd"`, or a
 * pattern made of `YYYY`, `MM`, `DD` (two digits), `M`, `D` (one or two digits) and any literal
 * separators, e.g. `"DD/MM/YYYY"`, `"M/D/YYYY"`, `"YYYY.MM.DD"`.
 */
export type DateFormat = string;

/**
 * Parses a calendar date to whole days since 1970-01-01 (UTC), or null when it is not a valid
 * date in the format. Surrounding blanks are ignored, and so is a time of day after the date,
 * separated by a space or `T` (`2014-01-01 00:00:00`, `2014-01-01T08:30Z`, `1/12/2010 8:26`):
 * the time is dropped, never used to shift the day. Invalid calendar dates (`2024-02-30`,
 * month 13) give null: they are never rolled over into the next month.
 *
 * @param text - the date as written
 * @param format - see {@link DateFormat}; default `"auto"`
 * @returns days since 1970-01-01 (negative before 1970), or null
 * @throws DataError when the format pattern has no YYYY, MM/M or DD/D part
 * @example
 * parseDay("2024-01-02");             // 19724
 * parseDay("19970101");               // 9862
 * parseDay("02/01/2024", "DD/MM/YYYY"); // 19724
 * parseDay("2024-02-30");             // null
 */
export function parseDay(text: string, format: DateFormat = "auto"): number | null {
  return dayParser(format)(text);
}

const cache = new Map<string, (text: string) => number | null>();
const TIME = "(?:[ T].*)?";

/**
 * Compiles a date format once into a parser function (used by the builders for speed).
 *
 * @param format - see {@link DateFormat}
 * @param fn - the public function to name in the error message (default `dayParser`)
 * @returns a function from text to days since epoch or null
 * @throws DataError naming the format when it is not a valid pattern
 * @example
 * const p = dayParser("M/D/YYYY"); p("1/2/2011"); // 14976
 */
export function dayParser(format: DateFormat = "auto", fn = "dayParser"): (text: string) => number | null {
  const hit = cache.get(format);
  if (hit !== undefined) return hit;
  const key = format.trim().toLowerCase();
  let parse: (text: string) => number | null;
  if (key === "auto") {
    const iso = dayParser("iso");
    const compact = dayParser("yyyymmdd");
    parse = (t) => iso(t) ?? compact(t);
  } else if (key === "iso") parse = fromRegex(new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${TIME}$`), 1, 2, 3);
  else if (key === "yyyymmdd") parse = fromRegex(new RegExp(`^(\\d{4})(\\d{2})(\\d{2})${TIME}$`), 1, 2, 3);
  else parse = fromPattern(format, fn);
  cache.set(format, parse);
  return parse;
}

function fromPattern(format: string, fn: string): (text: string) => number | null {
  const order: ("y" | "m" | "d")[] = [];
  const src = format.replace(/YYYY|MM|DD|M|D|[.*+?^${}()|[\]\\]/g, (tok) => {
    if (tok === "YYYY") return order.push("y"), "(\\d{4})";
    if (tok === "MM") return order.push("m"), "(\\d{2})";
    if (tok === "DD") return order.push("d"), "(\\d{2})";
    if (tok === "M") return order.push("m"), "(\\d{1,2})";
    if (tok === "D") return order.push("d"), "(\\d{1,2})";
    return "\\" + tok;
  });
  const y = order.indexOf("y"), m = order.indexOf("m"), d = order.indexOf("d");
  if (order.length !== 3 || y < 0 || m < 0 || d < 0) {
    throw new DataError(`${fn}: date format "${format}" needs exactly one YYYY, one MM or M and one DD or D (or use "iso", "yyyymmdd", "auto")`);
  }
  return fromRegex(new RegExp(`^${src}${TIME}$`), y + 1, m + 1, d + 1);
}

function fromRegex(re: RegExp, yi: number, mi: number, di: number): (text: string) => number | null {
  return (text) => {
    const g = re.exec(text.trim());
    if (g === null) return null;
    return daysFromCivil(+g[yi]!, +g[mi]!, +g[di]!);
  };
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, or null when the date does not exist.
 * (H. Hinnant, "chrono-Compatible Low-Level Date Algorithms", days_from_civil.)
 *
 * @param y - year, e.g. 2024
 * @param m - month 1..12
 * @param d - day of month 1..31
 * @returns days since epoch, or null for e.g. (2024, 2, 30)
 * @example
 * daysFromCivil(1970, 1, 1); // 0
 */
export function daysFromCivil(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}
