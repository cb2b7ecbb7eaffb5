import type { CellValue, ValueFormat } from "./report-model.js";

const integer = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percent = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/**
 * Formats a value for reading (English number style, thousands separated by commas).
 * Percent values are fractions (0.625 -> "62.5 %"); money gets the currency code after it.
 *
 * @param value - the value; null and non-finite numbers show as "–"
 * @param format - how to show it
 * @param currency - ISO 4217 code for `money` (default "EUR")
 * @returns the text
 * @throws never
 * @example
 * formatValue(1234.5, "money", "EUR"); // "1,234.50 EUR"
 * formatValue(0.62, "percent");        // "62 %"
 */
export function formatValue(value: CellValue, format: ValueFormat, currency = "EUR"): string {
  if (value === null) return "–";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "–";
  switch (format) {
    case "integer":
      return integer.format(value);
    case "decimal":
      return decimal.format(value);
    case "percent":
      return `${percent.format(value * 100)} %`;
    case "money":
      return `${decimal.format(value)} ${currency}`;
    case "date":
    case "text":
      return String(value);
  }
}
