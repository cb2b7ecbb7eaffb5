import type { CustomerSummary, SummaryColumns } from "./types.js";

/** The CSV columns of a customer summary, in output order. */
export const SUMMARY_CSV_COLUMNS: readonly (keyof SummaryColumns)[] = Object.freeze([
  "customer_id",
  "frequency",
  "recency",
  "T",
  "monetary_value",
  "first_purchase",
  "last_purchase",
  "days_since_last_purchase",
  "orders",
  "total_spend",
  "frequency_holdout",
  "monetary_holdout",
]);

/**
 * Quotes a CSV field when it holds a delimiter, quote or line break (RFC 4180).
 *
 * @example
 * csvField('a,"b"'); // '"a,""b"""'
 */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A cell as text; numbers to 15 significant digits, which drops binary noise such as 74.02000000000001. */
function cellText(value: string | number | null): string {
  if (value === null || (typeof value === "number" && Number.isNaN(value))) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(Number(value.toPrecision(15))) : String(value);
  return value;
}

/**
 * Renders columns as CSV text with a header, one line per row, numbers to 15 significant digits
 * (all that a double holds reliably; non-finite numbers as `Infinity` or empty for NaN), LF line ends.
 *
 * @param names - the column names, in output order
 * @param columns - one array per name, each at least `length` long
 * @param length - the number of rows
 * @returns the CSV text, ending with a newline
 * @example
 * columnsToCsv(["id", "x"], [["a"], [0.1 + 0.2]], 1); // "id,x\na,0.3\n"
 */
export function columnsToCsv(names: readonly string[], columns: readonly ArrayLike<string | number | null>[], length: number): string {
  const lines = [names.map(csvField).join(",")];
  for (let i = 0; i < length; i++) {
    lines.push(columns.map((c) => csvField(cellText(c[i] ?? null))).join(","));
  }
  return lines.join("\n") + "\n";
}

/**
 * Renders a customer summary as CSV text with a header, one line per customer (see {@link columnsToCsv}).
 *
 * @param summary - the summary
 * @returns the CSV text, ending with a newline
 * @example
 * summaryToCsv(s).split("\n")[0]; // "customer_id,frequency,recency,T,monetary_value,..."
 */
export function summaryToCsv(summary: CustomerSummary): string {
  return columnsToCsv(SUMMARY_CSV_COLUMNS, SUMMARY_CSV_COLUMNS.map((name) => summary.columns[name]), summary.length);
}
