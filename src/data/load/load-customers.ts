import { buildCustomers } from "./build-customers.js";
import type { CustomerField, LoadedCustomers } from "./build-customers.js";
import { type ReadRowsOptions, readRowsFileAs, readRowsTextAs } from "../read/read-rows.js";
import type { SideTableOptions } from "../columns/side-table-options.js";

/** Options of the customers loaders: how to read, and how to map and validate. */
export interface LoadCustomersOptions extends ReadRowsOptions, SideTableOptions<CustomerField> {
  /** Name of the source in the ledger and messages (default: the path, or `"text"`). */
  readonly source?: string;
}

/**
 * Loads customers from text (format `csv` unless given); see {@link buildCustomers} for the columns and
 * the rejection codes.
 *
 * @param text - the content
 * @param options - format, header, delimiter, columns, dateFormat, decimal, source
 * @returns the table and the ledger of every row
 * @throws DataError with a one-line message for a missing column, an unknown format or unreadable content
 * @example
 * loadCustomersText("customer_id,region\n007,North\n").ledger.used; // 1
 */
export function loadCustomersText(text: string, options: LoadCustomersOptions = {}): LoadedCustomers {
  const fn = "loadCustomersText";
  const source = options.source ?? "text";
  return buildCustomers(readRowsTextAs(text, options, fn, source), options, source, fn);
}

/**
 * Loads customers from a file (.csv .tsv .txt/.dat .json .jsonl .xlsx, or `options.format`).
 *
 * @param file - path of the file
 * @param options - as {@link loadCustomersText}, plus `sheet` for workbooks
 * @returns the table and the ledger of every row
 * @throws DataError with a one-line message when the file is missing or unreadable, or as {@link loadCustomersText}
 * @example
 * const { ledger } = await loadCustomersFile("customers.csv");
 */
export async function loadCustomersFile(file: string, options: LoadCustomersOptions = {}): Promise<LoadedCustomers> {
  const fn = "loadCustomersFile";
  return buildCustomers(await readRowsFileAs(file, options, fn), options, options.source ?? file, fn);
}
