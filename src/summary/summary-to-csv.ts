import { csvCell, csvText } from "../data/output/csv-cell.js";
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
 * Renders columns as CSV text with a header, one line per row, every cell through the shared
 * {@link csvCell}: numbers to 15 significant digits (non-finite as `Infinity`, empty for NaN),
 * text cells that start with a formula character neutralised with a leading `'`, LF line ends.
 *
 * @param names - the column names, in output order
 * @param columns - one array per name, each at least `length` long
 * @param length - the number of rows
 * @returns the CSV text, ending with a newline
 * @example
 * columnsToCsv(["id", "x"], [["a"], [0.1 + 0.2]], 1); // "id,x\na,0.3\n"
 */
export function columnsToCsv(names: readonly string[], columns: readonly ArrayLike<string | number | null>[], length: number): string {
  const lines = [names.map(csvText).join(",")];
  for (let i = 0; i < length; i++) {
    lines.push(columns.map((c) => csvCell(c[i])).join(","));
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
