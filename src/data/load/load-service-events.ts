import { buildServiceEvents } from "./build-service-events.js";
import type { ServiceEventField, LoadedServiceEvents } from "./build-service-events.js";
import { type ReadRowsOptions, readRowsFileAs, readRowsTextAs } from "../read/read-rows.js";
import type { SideTableOptions } from "../columns/side-table-options.js";

/** Options of the service events loaders: how to read, and how to map and validate. */
export interface LoadServiceEventsOptions extends ReadRowsOptions, SideTableOptions<ServiceEventField> {
  /** Name of the source in the ledger and messages (default: the path, or `"text"`). */
  readonly source?: string;
}

/**
 * Loads service events from text (format `csv` unless given); see {@link buildServiceEvents} for the columns and
 * the rejection codes.
 *
 * @param text - the content
 * @param options - format, header, delimiter, columns, dateFormat, decimal, source
 * @returns the table and the ledger of every row
 * @throws DataError with a one-line message for a missing column, an unknown format or unreadable content
 * @example
 * loadServiceEventsText("customer_id,date,type\nC1,2024-01-02,complaint\n").ledger.used; // 1
 */
export function loadServiceEventsText(text: string, options: LoadServiceEventsOptions = {}): LoadedServiceEvents {
  const fn = "loadServiceEventsText";
  const source = options.source ?? "text";
  return buildServiceEvents(readRowsTextAs(text, options, fn, source), options, source, fn);
}

/**
 * Loads service events from a file (.csv .tsv .txt/.dat .json .jsonl .xlsx, or `options.format`).
 *
 * @param file - path of the file
 * @param options - as {@link loadServiceEventsText}, plus `sheet` for workbooks
 * @returns the table and the ledger of every row
 * @throws DataError with a one-line message when the file is missing or unreadable, or as {@link loadServiceEventsText}
 * @example
 * const { ledger } = await loadServiceEventsFile("service-events.csv");
 */
export async function loadServiceEventsFile(file: string, options: LoadServiceEventsOptions = {}): Promise<LoadedServiceEvents> {
  const fn = "loadServiceEventsFile";
  return buildServiceEvents(await readRowsFileAs(file, options, fn), options, options.source ?? file, fn);
}
