/**
 * crm-analytics/internal: every building block, including those that are not part of the public
 * API (src/index.ts): kernels, parsers, renderers' parts, the CLI. For tests, benchmarks and
 * experiments; names here may change in any release without notice.
 *
 * @example
 * import { chebyshevInterpolant, compressPatterns } from "crm-analytics/internal";
 */
export * from "./math/index.js";
export * from "./data/index.js";
export { generateSample, writeSample, SAMPLE_DEFAULTS, type WrittenFile } from "./data/generate/index.js";
export * from "./engine/index.js";
export * from "./summary/index.js";
export * from "./engine/postgres/index.js";
export * from "./summary/warehouse-sql.js";
export * from "./summary/postgres-summary.js";
export * from "./summary/load-summary-file.js";
export * from "./value/index.js";
export * from "./models/index.js";
export * from "./segments/index.js";
export * from "./insights/index.js";
export * from "./charts/index.js";
export { toPlotlyFigure } from "./reports/html/to-plotly-figure.js";
export { baseLayout } from "./reports/html/plotly-base-layout.js";
export type { PlotlyFigure, PlotlyTrace, PlotlyLayout, PlotlyAxis, PlotlyMarker, BarTrace, HeatmapTrace, ScatterTrace } from "./reports/html/plotly-figure.js";
export * from "./reports/index.js";
export * from "./display/index.js";
export * from "./interop/index.js";
export { runCli, COMMANDS } from "./cli/main.js";
export { inspectInput } from "./engine/inspect-input.js";
export { inspectFile, INSPECT_BYTES, type InspectOptions } from "./data/inspect/inspect-file.js";
export { INSPECT_ROWS, type Inspection } from "./data/inspect/inspect-table.js";
export type { ColumnGuess, ColumnRole } from "./data/inspect/guess-roles.js";
export type { DateGuess } from "./data/inspect/guess-date-format.js";
export type { CurrencyGuess } from "./data/inspect/guess-currency.js";
export { readMappingFile, parseMapping, MAPPING_KEYS, type Mapping } from "./data/columns/read-mapping-file.js";
export { decodeText, TEXT_ENCODINGS, type TextEncoding, type FoundEncoding, type DecodedText } from "./data/read/decode-text.js";
export { MAX_INPUT_BYTES } from "./data/read/check-input-file.js";
export { INEXACT_NUMBER_CODE } from "./data/parse/inexact-number.js";
export { formatOfName } from "./data/read/read-rows.js";
