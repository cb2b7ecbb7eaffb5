export type { DisplaySink, SinkOption } from "./display-sink.js";
export type { TableFormat } from "./format-column.js";
export { tableHtml, type TableHtmlOptions } from "./table-html.js";
export { showTable, type ShowTableOptions } from "./show-table.js";
export { showChart, type FigureLike, type ShowChartOptions } from "./show-chart.js";
export { resetDisplaySession } from "./plotly-bundle.js";
export { showReport, type ShowReportOptions } from "./show-report.js";
export { showLedger, type ShowLedgerOptions } from "./show-ledger.js";
