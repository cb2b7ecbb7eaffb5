// The data step: read files, map columns, parse dates, validate, clean -> Transactions + RowLedger.
export * from "./types.js";
export * from "./ledger/row-ledger.js";
export { DataError, isDataError } from "./data-error.js";
export { type RawRow, type RawTable, type ReadOptions, positionalHeader, tableFromRows } from "./read/raw-table.js";
export { tableFromColumns, cellText } from "./read/table-from-columns.js";
export { loadNumericTable, type LoadedNumericTable } from "./read/load-numeric-table.js";
export { detectDelimiter, DELIMITER_CANDIDATES } from "./read/detect-delimiter.js";
export { readDelimited, type DelimitedOptions } from "./read/read-delimited.js";
export { readWhitespace } from "./read/read-whitespace.js";
export { readJson } from "./read/read-json.js";
export { readXlsx, type XlsxOptions } from "./read/read-xlsx.js";
export { readRowsText, readRowsFile, INPUT_FORMATS, type InputFormat, type ReadRowsOptions } from "./read/read-rows.js";
export { parseDay, dayParser, daysFromCivil, type DateFormat } from "./parse/parse-day.js";
export { formatDay } from "./parse/format-day.js";
export { isoDayOption } from "./parse/iso-day-option.js";
export { writeFileAtomic } from "./output/write-file-atomic.js";
export { makeFolder } from "./output/make-folder.js";
export { checkOutputPath, type OutputKind, type OutputPathOptions } from "./output/check-output-path.js";
export { csvCell, csvText, csvLines } from "./output/csv-cell.js";
export { columnsToCsv } from "./output/columns-to-csv.js";
export { EARLIEST_DAY, DAYS_AFTER_RUN_DATE, latestDay, dayRangeProblem } from "./parse/day-range.js";
export { parseNumber, whyNotNumber, numberRangeProblem, MAX_ABS_NUMBER, type DecimalMark } from "./parse/parse-number.js";
export { resolveColumns, missingColumn, listColumns, type ColumnRef, type ColumnSpec } from "./columns/resolve-columns.js";
export { shapeProblem, dayWindow, describeDateFormat } from "./ledger/row-checks.js";
export { TRANSACTION_COLUMNS, type TransactionOptions, type LoadedTransactions } from "./columns/transaction-options.js";
export { buildTransactions, buildTransactionsAs } from "./load/build-transactions.js";
export { cleanTransactions, type CleanPolicy } from "./load/clean-transactions.js";
export { selectTransactions } from "./load/select-transactions.js";
export { loadTransactionsText, loadTransactionsFile, type LoadTransactionsOptions } from "./load/load-transactions.js";
export { type SideTableOptions, sideSpecs } from "./columns/side-table-options.js";
export { buildCustomers, CUSTOMER_COLUMNS, type Customers, type CustomerField, type LoadedCustomers } from "./load/build-customers.js";
export {
  buildServiceEvents, SERVICE_EVENT_COLUMNS, SERVICE_EVENT_TYPES, type ServiceEventType,
  type ServiceEvents, type ServiceEventField, type LoadedServiceEvents,
} from "./load/build-service-events.js";
export {
  buildCampaignContacts, CAMPAIGN_CONTACT_COLUMNS,
  type CampaignContacts, type CampaignContactField, type LoadedCampaignContacts,
} from "./load/build-campaign-contacts.js";
export { loadCustomersText, loadCustomersFile, type LoadCustomersOptions } from "./load/load-customers.js";
export { loadServiceEventsText, loadServiceEventsFile, type LoadServiceEventsOptions } from "./load/load-service-events.js";
export { loadCampaignContactsText, loadCampaignContactsFile, type LoadCampaignContactsOptions } from "./load/load-campaign-contacts.js";
