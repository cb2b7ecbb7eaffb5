/**
 * crm-analytics: the public API. Re-exports only; see each folder's index for its parts.
 *
 * @example
 * import { loadTransactions, customerSummary, buildCustomerReport, writeReports } from "crm-analytics";
 */
export * from "./math/index.js";
export * from "./data/index.js";
export { generateSample, writeSample, SAMPLE_DEFAULTS, type WrittenFile } from "./data/generate/index.js";
export * from "./engine/index.js";
export * from "./summary/index.js";
export * from "./value/index.js";
export * from "./models/index.js";
export * from "./segments/index.js";
export * from "./insights/index.js";
export * from "./charts/index.js";
export * from "./reports/index.js";
export * from "./display/index.js";
export * from "./interop/index.js";
export { runCli, COMMANDS } from "./cli/main.js";
