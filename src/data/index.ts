// The data step: read files, map columns, parse dates, validate, clean -> Transactions + RowLedger.
export * from "./types.js";
export * from "./row-ledger.js";
export { DataError, isDataError } from "./data-error.js";
export { type RawRow, type RawTable, type ReadOptions, positionalHeader, tableFromRows } from "./raw-table.js";
export { tableFromColumns, cellText } from "./table-from-columns.js";
export { loadNumericTable, type LoadedNumericTable } from "./load-numeric-table.js";
export { detectDelimiter, DELIMITER_CANDIDATES } from "./detect-delimiter.js";
export { readDelimited, type DelimitedOptions } from "./read-delimited.js";
export { readWhitespace } from "./read-whitespace.js";
export { readJson } from "./read-json.js";
export { readXlsx, type XlsxOptions } from "./read-xlsx.js";
export { readRowsText, readRowsFile, INPUT_FORMATS, type InputFormat, type ReadRowsOptions } from "./read-rows.js";
export { parseDay, dayParser, daysFromCivil, type DateFormat } from "./parse-day.js";
export { formatDay } from "./format-day.js";
export { isoDayOption } from "./iso-day-option.js";
export { writeFileAtomic } from "./write-file-atomic.js";
export { makeFolder } from "./make-folder.js";
export { checkOutputPath, type OutputKind, type OutputPathOptions } from "./check-output-path.js";
export { csvCell, csvText, csvLines } from "./csv-cell.js";
export { EARLIEST_DAY, DAYS_AFTER_RUN_DATE, latestDay, dayRangeProblem } from "./day-range.js";
export { parseNumber, whyNotNumber, numberRangeProblem, MAX_ABS_NUMBER, type DecimalMark } from "./parse-number.js";
export { resolveColumns, missingColumn, listColumns, type ColumnRef, type ColumnSpec } from "./resolve-columns.js";
export { shapeProblem, dayWindow, describeDateFormat } from "./row-checks.js";
export { TRANSACTION_COLUMNS, type TransactionOptions, type LoadedTransactions } from "./transaction-options.js";
export { buildTransactions, buildTransactionsAs } from "./build-transactions.js";
export { cleanTransactions, type CleanPolicy } from "./clean-transactions.js";
export { selectTransactions } from "./select-transactions.js";
export { loadTransactionsText, loadTransactionsFile, type LoadTransactionsOptions } from "./load-transactions.js";
export { type SideTableOptions, sideSpecs } from "./side-table-options.js";
export { buildCustomers, CUSTOMER_COLUMNS, type Customers, type CustomerField, type LoadedCustomers } from "./build-customers.js";
export {
  buildServiceEvents, SERVICE_EVENT_COLUMNS, SERVICE_EVENT_TYPES, type ServiceEventType,
  type ServiceEvents, type ServiceEventField, type LoadedServiceEvents,
} from "./build-service-events.js";
export {
  buildCampaignContacts, CAMPAIGN_CONTACT_COLUMNS,
  type CampaignContacts, type CampaignContactField, type LoadedCampaignContacts,
} from "./build-campaign-contacts.js";
export { loadCustomersText, loadCustomersFile, type LoadCustomersOptions } from "./load-customers.js";
export { loadServiceEventsText, loadServiceEventsFile, type LoadServiceEventsOptions } from "./load-service-events.js";
export { loadCampaignContactsText, loadCampaignContactsFile, type LoadCampaignContactsOptions } from "./load-campaign-contacts.js";
