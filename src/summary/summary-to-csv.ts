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
function cellText(value: string | number): string {
  return typeof value === "number" ? String(Number(value.toPrecision(15))) : value;
}

/**
 * Renders a customer summary as CSV text with a header, one line per customer, numbers to 15
 * significant digits (all that a double holds reliably), LF line ends.
 *
 * @param summary - the summary
 * @returns the CSV text, ending with a newline
 * @example
 * summaryToCsv(s).split("\n")[0]; // "customer_id,frequency,recency,T,monetary_value,..."
 */
export function summaryToCsv(summary: CustomerSummary): string {
  const cols = SUMMARY_CSV_COLUMNS.map((name) => summary.columns[name]);
  const lines = [SUMMARY_CSV_COLUMNS.join(",")];
  for (let i = 0; i < summary.length; i++) {
    lines.push(cols.map((c) => csvField(cellText(c[i]!))).join(","));
  }
  return lines.join("\n") + "\n";
}
