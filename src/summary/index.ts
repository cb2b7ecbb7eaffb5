export * from "./types.js";
export { customerSummary, type CustomerSummaryOptions } from "./customer-summary.js";
export { summarySql } from "./summary-sql.js";
export { summaryToCsv, csvField, SUMMARY_CSV_COLUMNS } from "./summary-to-csv.js";
export { discreteSummary, type DiscreteSummary } from "./discrete-summary.js";
