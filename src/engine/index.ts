export { openEngine, withEngine, type Engine } from "./open-engine.js";
export { loadTransactionsTable, encodeText, type EngineTransactions } from "./load-transactions-table.js";
export { readParquetTable } from "./read-parquet-table.js";
export { loadTransactions, type LoadedTransactions, type LoadTransactionsOptions } from "./load-transactions.js";
