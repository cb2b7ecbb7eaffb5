import { dayRangeProblem } from "../parse/day-range.js";
import { numberRangeProblem, parseNumber, whyNotNumber } from "../parse/parse-number.js";
import type { RawTable } from "../read/raw-table.js";
import { describeDateFormat, shapeProblem } from "../ledger/row-checks.js";
import { type RejectedRow, type RowLedger, ledgerOf } from "../ledger/row-ledger.js";
import { type SideTableOptions, sidePlan, sideSpecs } from "../columns/side-table-options.js";

/** The named fields of a campaign-contacts table. */
export type CampaignContactField = "customerId" | "campaignId" | "date" | "group" | "responded" | "responseAmount";

/** Campaign contacts (who was targeted, in which group, whether they responded), by column. */
export interface CampaignContacts {
  readonly length: number;
  readonly customerId: readonly string[];
  readonly campaignId: readonly string[];
  /** Contact date, days since 1970-01-01 UTC. */
  readonly day: Int32Array;
  /** `treatment` (contacted) or `control` (held out). */
  readonly group: readonly ("treatment" | "control")[];
  /** 1 when the customer responded, else 0. */
  readonly responded: Uint8Array;
  /** Value of the response, currency units: 0 when blank and not responded, NaN when blank and responded. */
  readonly responseAmount: Float64Array;
  readonly sourceLine: Int32Array;
}

/** Campaign contacts and the account of every input row. */
export interface LoadedCampaignContacts {
  readonly contacts: CampaignContacts;
  readonly ledger: RowLedger;
}

/** The fields of a campaign-contacts table with their default columns and flags. */
export const CAMPAIGN_CONTACT_COLUMNS = Object.freeze(
  sideSpecs<CampaignContactField>(["customerId", "campaignId", "date", "group", "responded", "responseAmount"]),
);

const RESPONDED: ReadonlyMap<string, 0 | 1> = new Map([["0", 0], ["1", 1], ["false", 0], ["true", 1], ["no", 0], ["yes", 1]]);

/**
 * Validates raw rows into {@link CampaignContacts}. Required: customer_id, campaign_id, date,
 * group, responded; optional response_amount. `group` is `treatment` or `control`
 * (case-insensitive); `responded` is `0`/`1` (also `false`/`true`, `no`/`yes`). A blank
 * response_amount is 0 when the customer did not respond and NaN (unknown) when they did; a
 * non-zero amount with `responded` 0 is rejected. Rejections: `blank-line`, `wrong-field-count`,
 * `missing-customer`, `missing-campaign`, `bad-date`, `date-out-of-range`, `bad-group`, `bad-responded`,
 * `bad-response-amount`, `response-amount-out-of-range` (beyond ±1e12).
 *
 * @param table - header and rows from a reader
 * @param options - columns, dateFormat, decimal
 * @param source - named in the ledger and messages (default `"rows"`)
 * @param fn - the public function named in error messages (the loaders pass their own name)
 * @returns the contacts and the ledger
 * @throws DataError when a required column is missing or a mapped column is absent
 * @example
 * buildCampaignContacts({ header: ["customer_id", "campaign_id", "date", "group", "responded"],
 *   rows: [{ line: 2, values: ["C1", "K1", "2024-01-02", "control", "0"] }] }).contacts.responded; // Uint8Array [0]
 */
export function buildCampaignContacts(
  table: RawTable, options: SideTableOptions<CampaignContactField> = {}, source = "rows", fn = "buildCampaignContacts",
): LoadedCampaignContacts {
  const required: CampaignContactField[] = ["customerId", "campaignId", "date", "group", "responded"];
  const { col, toDay, dateFormat, decimal, latest } = sidePlan(table, CAMPAIGN_CONTACT_COLUMNS, required, options, source, fn);
  const { header, rows } = table;
  const ids: string[] = [], campaigns: string[] = [], groups: ("treatment" | "control")[] = [];
  const days: number[] = [], responded: number[] = [], amounts: number[] = [], lines: number[] = [];
  const rejected: RejectedRow[] = [];
  const name = (f: CampaignContactField) => header[col[f]]!;
  for (const row of rows) {
    const shape = shapeProblem(row, header.length);
    if (shape !== null) { rejected.push(shape); continue; }
    const v = row.values, line = row.line;
    const cell = (f: CampaignContactField) => (col[f] < 0 ? "" : v[col[f]]!.trim());
    const reject = (code: string, reason: string) => void rejected.push({ line, code, reason });
    const id = cell("customerId"), campaign = cell("campaignId"), dt = cell("date");
    if (id === "") { reject("missing-customer", `${name("customerId")} is blank`); continue; }
    if (campaign === "") { reject("missing-campaign", `${name("campaignId")} is blank`); continue; }
    const d = toDay(dt);
    if (d === null) { reject("bad-date", dt === "" ? `${name("date")} is blank` : `${name("date")} "${dt}" is not a valid date (expected ${describeDateFormat(dateFormat)})`); continue; }
    const farDay = dayRangeProblem(name("date"), dt, d, latest);
    if (farDay !== null) { reject("date-out-of-range", farDay); continue; }
    const g = cell("group").toLowerCase();
    if (g !== "treatment" && g !== "control") { reject("bad-group", `${name("group")} "${cell("group")}" is not treatment or control`); continue; }
    const r = RESPONDED.get(cell("responded").toLowerCase());
    if (r === undefined) { reject("bad-responded", `${name("responded")} "${cell("responded")}" is not 0 or 1`); continue; }
    const at = cell("responseAmount");
    const a = at === "" ? (r === 1 ? NaN : 0) : parseNumber(at, decimal);
    if (a === null) { reject("bad-response-amount", whyNotNumber(name("responseAmount"), at, decimal)); continue; }
    const far = numberRangeProblem(name("responseAmount"), at, a);
    if (far !== null) { reject("response-amount-out-of-range", far); continue; }
    if (r === 0 && a !== 0 && !Number.isNaN(a)) { reject("bad-response-amount", `${name("responseAmount")} is ${a} but ${name("responded")} is 0`); continue; }
    ids.push(id); campaigns.push(campaign); days.push(d); groups.push(g); responded.push(r); amounts.push(a); lines.push(line);
  }
  const contacts: CampaignContacts = Object.freeze({
    length: ids.length, customerId: Object.freeze(ids), campaignId: Object.freeze(campaigns), day: Int32Array.from(days),
    group: Object.freeze(groups), responded: Uint8Array.from(responded), responseAmount: Float64Array.from(amounts), sourceLine: Int32Array.from(lines),
  });
  return Object.freeze({ contacts, ledger: ledgerOf(source, rows.length, rejected) });
}
