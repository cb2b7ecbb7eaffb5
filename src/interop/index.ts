export type { TableRecord, ColumnValues, ColumnsInput, DanfoFrameLike, TableInput, TableKind } from "./types.js";
export { tableKind, describeValue } from "./table-kind.js";
export { toColumns } from "./to-columns.js";
export { toRecords } from "./to-records.js";
export { toArquero } from "./to-arquero.js";
export { fromArquero } from "./from-arquero.js";
export { toDanfo } from "./to-danfo.js";
export { fromDanfo } from "./from-danfo.js";
export { summaryToTable } from "./summary-to-table.js";
