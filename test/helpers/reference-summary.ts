import { readFileSync } from "node:fs";
import { sharedFile } from "./shared-data.js";

/** The published CDNOW calibration summary (2,357 customers, weeks): ID, x, t_x, T, zbar. */
export function readCdnowSummary(): { id: Float64Array; frequency: Float64Array; recency: Float64Array; T: Float64Array; monetary: Float64Array } {
  const rows = readFileSync(sharedFile("cdnow", "cdnow_customers_summary_with_transactions.csv"), "utf8")
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((l) => l.split(",").map(Number));
  const col = (j: number) => Float64Array.from(rows, (r) => r[j]!);
  return { id: col(0), frequency: col(1), recency: col(2), T: col(3), monetary: col(4) };
}
