export { connectPostgres, hasPgEnvironment, quotePgName, PG_ENV, type PostgresConnection } from "./connect-postgres.js";
export { loadPostgresTransactions, readPostgresTable, tableColumns, FETCH_ROWS, type LoadPostgresOptions } from "./read-postgres-table.js";
