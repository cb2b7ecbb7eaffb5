import type { CellValue, ValueFormat } from "./report-model.js";

interface Formatters {
  readonly integer: Intl.NumberFormat;
  readonly decimal: Intl.NumberFormat;
  readonly percent: Intl.NumberFormat;
  readonly date: Intl.DateTimeFormat | undefined;
}

function formatters(locale: string | undefined): Formatters {
  const tag = locale ?? "en-US";
  return {
    integer: new Intl.NumberFormat(tag, { maximumFractionDigits: 0 }),
    decimal: new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
    percent: new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }),
    // Without a locale, dates stay ISO (YYYY-MM-DD): the current behaviour.
    date: locale === undefined ? undefined : new Intl.DateTimeFormat(tag, { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" }),
  };
}

const DEFAULT = formatters(undefined);
const byLocale = new Map<string, Formatters>();

function forLocale(locale: string | undefined): Formatters {
  if (locale === undefined) return DEFAULT;
  let f = byLocale.get(locale);
  if (f === undefined) {
    f = formatters(locale);
    byLocale.set(locale, f);
  }
  return f;
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formats a value for reading. Without `locale` the style is the report's default: English
 * numbers with comma thousands and a point decimal, ISO dates. With a BCP 47 `locale` (e.g.
 * "de-DE") numbers use that locale's separators and `date` values that are ISO days
 * (YYYY-MM-DD) use its numeric date style (de-DE "02.01.2024"). Percent values are fractions
 * (0.625 -> "62.5 %"); money gets the ISO currency code after the number in every locale, or
 * none when `currency` is "" (plain amounts, as in the data).
 *
 * @param value - the value; null and non-finite numbers show as "–"
 * @param format - how to show it
 * @param currency - ISO 4217 code for `money`, or "" for none (the default)
 * @param locale - BCP 47 tag for numbers and dates (default: the English style above)
 * @returns the text
 * @throws ArgumentError when `locale` is not a well-formed language tag
 * @example
 * formatValue(1234.5, "money", "EUR");          // "1,234.50 EUR"
 * formatValue(1234.5, "money", "EUR", "de-DE"); // "1.234,50 EUR"
 * formatValue(1234.5, "money");                 // "1,234.50"
 * formatValue(0.62, "percent");                 // "62 %"
 * formatValue("2024-01-02", "date", "EUR", "de-DE"); // "02.01.2024"
 */
export function formatValue(value: CellValue, format: ValueFormat, currency = "", locale?: string): string {
  if (value === null) return "–";
  const f = forLocale(locale);
  if (typeof value === "string") {
    const day = format === "date" && f.date ? ISO_DAY.exec(value) : null;
    if (day === null) return value;
    const ms = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]));
    // A day that does not exist (2024-02-30) is shown as written rather than rolled over.
    return new Date(ms).getUTCDate() === Number(day[3]) ? f.date!.format(ms) : value;
  }
  if (!Number.isFinite(value)) return "–";
  switch (format) {
    case "integer":
      return f.integer.format(value);
    case "decimal":
      return f.decimal.format(value);
    case "percent":
      return `${f.percent.format(value * 100)} %`;
    case "money":
      return currency === "" ? f.decimal.format(value) : `${f.decimal.format(value)} ${currency}`;
    case "date":
    case "text":
      return String(value);
  }
}
