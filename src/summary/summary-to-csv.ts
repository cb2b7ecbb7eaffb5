import { columnsToCsv } from "../data/output/columns-to-csv.js";
import { csvText } from "../data/output/csv-cell.js";
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
 * A text cell of a CSV file: formula-leading text neutralised, quoted per RFC 4180 (the shared
 * writer, {@link csvText}).
 *
 * @example
 * csvField('a,"b"'); // '"a,""b"""'
 * csvField("=1+1");  // "'=1+1"
 */
export const csvField = csvText;

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
