import { DataError } from "../data-error.js";

/**
 * A date format: `"auto"` (ISO, else 8-digit YYYYMMDD, else a 5-digit Excel serial day number),
 * `"iso"` (YYYY-MM-DD), `"yyyymmdd"`, `"excel"` (Excel serial day numbers of the 1900 date
 * system, `45292` = 2024-01-01), or a pattern made of `YYYY`, `MM`, `DD` (two digits), `M`, `D`
 * (one or two digits) and any literal separators, e.g. `"DD/MM/YYYY"`, `"M/D/YYYY"`,
 * `"YYYY.MM.DD"`, optionally followed by a time part after a blank or `T` (`"M/D/YYYY H:mm"`,
 * `"DD/MM/YYYY HH:mm:ss"`), which is checked as a time of day like any time after a date.
 */
export type DateFormat = string;

/**
 * Parses a calendar date to whole days since 1970-01-01 (UTC), or null when it is not a valid
 * date in the format. The whole text must be the date: surrounding blanks are ignored, and so is
 * a valid time of day after the date, separated by blanks or `T` (`2024-01-02 10:11`,
 * `2024-01-02 10:11:12`, `2024-01-02T10:11:12Z`, `2024-01-02T10:11:12.123+02:00`,
 * `12/1/2010 8:26`, `1/2/2024 8:26 PM`): the time is dropped and never used to shift the day,
 * so the day is the one written, whatever the time zone. Anything else after the date
 * (`2024-01-02 garbage`, `2024-01-02 25:00`) gives null, and so do invalid calendar dates
 * (`2024-02-30`, month 13): they are never rolled over into the next month. The range of
 * accepted days is checked by the callers (see {@link dayRangeProblem}).
 *
 * @param text - the date as written
 * @param format - see {@link DateFormat}; default `"auto"`
 * @returns days since 1970-01-01 (negative before 1970), or null
 * @throws DataError when the format pattern has no YYYY, MM/M or DD/D part
 * @example
 * parseDay("2024-01-02");             // 19724
 * parseDay("2024-01-02T23:59:59-08:00"); // 19724
 * parseDay("19970101");               // 9862
 * parseDay("45292");                  // 19723 (Excel serial of 2024-01-01)
 * parseDay("02/01/2024", "DD/MM/YYYY"); // 19724
 * parseDay("2024-02-30");             // null
 * parseDay("2024-01-02 garbage");     // null
 */
export function parseDay(text: string, format: DateFormat = "auto"): number | null {
  return dayParser(format)(text);
}

const cache = new Map<string, (text: string) => number | null>();
/** After the date: nothing, or blanks or `T` and the rest (checked by {@link isTimeOfDay}). */
const REST = "(?:(?:\\s+|T)(.*))?";
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?(?:\s*([AaPp])\.?[Mm]\.?)?(?:\s*(?:Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?))?$/;

/** Whether a text is a time of day: `H:mm`, `HH:mm:ss`, fractions, AM/PM, `Z` or an offset. */
function isTimeOfDay(text: string): boolean {
  const g = TIME_OF_DAY.exec(text);
  if (g === null) return false;
  const h = +g[1]!, m = +g[2]!, s = g[3] === undefined ? 0 : +g[3];
  const hourOk = g[4] === undefined ? h <= 23 : h >= 1 && h <= 12;
  return hourOk && m <= 59 && s <= 60;
}

/**
 * Excel's serial day 25569 is 1970-01-01 (1900 date system). Excel counts a 29 February 1900
 * that never was (serial 60): serials 1-59 are one day later than the count says, 60 is no date.
 */
const EXCEL_EPOCH = 25569;

function fromExcelSerial(re: RegExp): (text: string) => number | null {
  return (text) => {
    const g = re.exec(text.trim());
    if (g === null) return null;
    const serial = Math.floor(Number(g[1]));
    if (serial < 1 || serial === 60) return null;
    return serial > 60 ? serial - EXCEL_EPOCH : serial - EXCEL_EPOCH + 1;
  };
}

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
    const serial = fromExcelSerial(/^(\d{5}(?:\.\d+)?)$/);
    parse = (t) => iso(t) ?? compact(t) ?? serial(t);
  } else if (key === "iso") parse = fromRegex(new RegExp(`^(\\d{4})-(\\d{2})-(\\d{2})${REST}$`), 1, 2, 3);
  else if (key === "yyyymmdd") parse = fromRegex(new RegExp(`^(\\d{4})(\\d{2})(\\d{2})${REST}$`), 1, 2, 3);
  else if (key === "excel") {
    // An Excel export mixes serial day numbers (plain numeric cells) and real date cells (read as ISO text).
    const serial = fromExcelSerial(/^(\d{1,7}(?:\.\d+)?)$/);
    const iso = dayParser("iso");
    parse = (t) => serial(t) ?? iso(t);
  }
  else parse = fromPattern(format, fn);
  cache.set(format, parse);
  return parse;
}

function fromPattern(format: string, fn: string): (text: string) => number | null {
  const order: ("y" | "m" | "d")[] = [];
  // A time part (`H:mm`, `HH:mm:ss`, `hh:mm A`) after a blank or T is checked as a time of day.
  const datePart = format.replace(/(?:\s+|T)[Hh].*$/, "");
  const src = datePart.replace(/YYYY|MM|DD|M|D|[.*+?^${}()|[\]\\]/g, (tok) => {
    if (tok === "YYYY") return order.push("y"), "(\\d{4})";
    if (tok === "MM") return order.push("m"), "(\\d{2})";
    if (tok === "DD") return order.push("d"), "(\\d{2})";
    if (tok === "M") return order.push("m"), "(\\d{1,2})";
    if (tok === "D") return order.push("d"), "(\\d{1,2})";
    return "\\" + tok;
  });
  const y = order.indexOf("y"), m = order.indexOf("m"), d = order.indexOf("d");
  if (order.length !== 3 || y < 0 || m < 0 || d < 0) {
    throw new DataError(`${fn}: date format "${format}" needs exactly one YYYY, one MM or M and one DD or D (or use "iso", "yyyymmdd", "excel", "auto")`);
  }
  return fromRegex(new RegExp(`^${src}${REST}$`), y + 1, m + 1, d + 1);
}

function fromRegex(re: RegExp, yi: number, mi: number, di: number): (text: string) => number | null {
  return (text) => {
    const g = re.exec(text.trim());
    if (g === null) return null;
    const rest = g[g.length - 1];
    if (rest !== undefined && !isTimeOfDay(rest)) return null;
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
