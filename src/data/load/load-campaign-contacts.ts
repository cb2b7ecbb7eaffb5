import { buildCampaignContacts } from "./build-campaign-contacts.js";
import type { CampaignContactField, LoadedCampaignContacts } from "./build-campaign-contacts.js";
import { type ReadRowsOptions, readRowsFileAs, readRowsTextAs } from "../read/read-rows.js";
import type { SideTableOptions } from "../columns/side-table-options.js";

/** Options of the campaign contacts loaders: how to read, and how to map and validate. */
export interface LoadCampaignContactsOptions extends ReadRowsOptions, SideTableOptions<CampaignContactField> {
  /** Name of the source in the ledger and messages (default: the path, or `"text"`). */
  readonly source?: string;
}

/**
 * Loads campaign contacts from text (format `csv` unless given); see {@link buildCampaignContacts} for the columns and
 * the rejection codes.
 *
 * @param text - the content
 * @param options - format, header, delimiter, columns, dateFormat, decimal, source
 * @returns the table and the ledger of every row
 * @throws DataError with a one-line message for a missing column, an unknown format or unreadable content
 * @example
 * loadCampaignContactsText("customer_id,campaign_id,date,group,responded\nC1,K1,2024-01-02,control,0\n").ledger.used; // 1
 */
export function loadCampaignContactsText(text: string, options: LoadCampaignContactsOptions = {}): LoadedCampaignContacts {
  const fn = "loadCampaignContactsText";
  const source = options.source ?? "text";
  return buildCampaignContacts(readRowsTextAs(text, options, fn, source), options, source, fn);
}

/**
 * Loads campaign contacts from a file (.csv .tsv .txt/.dat .json .jsonl .xlsx, or `options.format`).
 *
 * @param file - path of the file
 * @param options - as {@link loadCampaignContactsText}, plus `sheet` for workbooks
 * @returns the table and the ledger of every row
 * @throws DataError with a one-line message when the file is missing or unreadable, or as {@link loadCampaignContactsText}
 * @example
 * const { ledger } = await loadCampaignContactsFile("campaign-contacts.csv");
 */
export async function loadCampaignContactsFile(file: string, options: LoadCampaignContactsOptions = {}): Promise<LoadedCampaignContacts> {
  const fn = "loadCampaignContactsFile";
  return buildCampaignContacts(await readRowsFileAs(file, options, fn), options, options.source ?? file, fn);
}
