import type { ColumnTable } from "arquero";
import type { CustomerSummary } from "../summary/types.js";
import { toArquero } from "./to-arquero.js";

/**
 * Wraps a customer summary's columns as an arquero table, one row per customer, columns in
 * the summary's order (`customer_id, frequency, recency, T, monetary_value, ...`). Durations
 * stay in the summary's time unit (`summary.timeUnit`), money in the data's currency. The
 * typed arrays are shared, not copied.
 *
 * @param summary - a {@link CustomerSummary}
 * @returns an arquero table with `summary.length` rows
 * @throws TypeError `summaryToTable: ...` when `summary` has no `columns` object, or its columns differ in length
 * @example
 * summaryToTable(summary).columnNames().slice(0, 3); // ["customer_id", "frequency", "recency"]
 */
export function summaryToTable(summary: CustomerSummary): ColumnTable {
  const columns = (summary as { columns?: unknown } | null | undefined)?.columns;
  if (columns === null || typeof columns !== "object") {
    throw new TypeError(`summaryToTable: expected a CustomerSummary with a columns object, but got ${summary === null ? "null" : typeof summary}`);
  }
  const t = toArquero(columns as CustomerSummary["columns"]);
  if (typeof summary.length === "number" && t.numRows() !== summary.length) {
    throw new TypeError(`summaryToTable: summary.length is ${summary.length} but its columns have ${t.numRows()} rows`);
  }
  return t;
}
