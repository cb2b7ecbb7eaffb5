import { dayRangeProblem } from "../parse/day-range.js";
import type { RawTable } from "../read/raw-table.js";
import { describeDateFormat, shapeProblem } from "../ledger/row-checks.js";
import { type RejectedRow, type RowLedger, ledgerOf } from "../ledger/row-ledger.js";
import { type SideTableOptions, sidePlan, sideSpecs } from "../columns/side-table-options.js";

/** The kinds of service event the toolkit relates to sales and retention. */
export const SERVICE_EVENT_TYPES = ["call_centre_contact", "complaint", "late_delivery", "return"] as const;
/** One kind of service event. */
export type ServiceEventType = (typeof SERVICE_EVENT_TYPES)[number];
/** The named fields of a service-events table. */
export type ServiceEventField = "customerId" | "date" | "type";

/** Service events (contacts, complaints, late deliveries, returns), by column. */
export interface ServiceEvents {
  readonly length: number;
  /** Customer id as written, trimmed. */
  readonly customerId: readonly string[];
  /** Event date, days since 1970-01-01 UTC. */
  readonly day: Int32Array;
  /** Event type. */
  readonly type: readonly ServiceEventType[];
  /** 1-based source line of each event. */
  readonly sourceLine: Int32Array;
}

/** Service events and the account of every input row. */
export interface LoadedServiceEvents {
  readonly events: ServiceEvents;
  readonly ledger: RowLedger;
}

/** The fields of a service-events table with their default columns and flags. */
export const SERVICE_EVENT_COLUMNS = Object.freeze(sideSpecs<ServiceEventField>(["customerId", "date", "type"]));

/**
 * Validates raw rows into {@link ServiceEvents}. Required columns: customer_id, date, type.
 * The type is matched case-insensitively after trimming, blanks and hyphens read as `_`, and
 * the US spelling `call_center_contact` is accepted. Rejections: `blank-line`,
 * `wrong-field-count`, `missing-customer`, `bad-date`, `date-out-of-range` (see `latestDay`), `bad-type`.
 *
 * @param table - header and rows from a reader
 * @param options - columns, dateFormat
 * @param source - named in the ledger and messages (default `"rows"`)
 * @param fn - the public function named in error messages (the loaders pass their own name)
 * @returns the events and the ledger
 * @throws DataError when a required column is missing (`--customer`, `--date`, `--type`) or a mapped column is absent
 * @example
 * buildServiceEvents({ header: ["customer_id", "date", "type"], rows: [{ line: 2, values: ["C1", "2024-01-02", "Complaint"] }] }).events.type; // ["complaint"]
 */
export function buildServiceEvents(table: RawTable, options: SideTableOptions<ServiceEventField> = {}, source = "rows", fn = "buildServiceEvents"): LoadedServiceEvents {
  const { col, toDay, dateFormat, latest } = sidePlan(table, SERVICE_EVENT_COLUMNS, ["customerId", "date", "type"], options, source, fn);
  const { header, rows } = table;
  const ids: string[] = [], types: ServiceEventType[] = [], days: number[] = [], lines: number[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of rows) {
    const shape = shapeProblem(row, header.length);
    if (shape !== null) { rejected.push(shape); continue; }
    const v = row.values;
    const id = v[col.customerId]!.trim();
    if (id === "") { rejected.push({ line: row.line, code: "missing-customer", reason: `${header[col.customerId]} is blank` }); continue; }
    const dt = v[col.date]!.trim();
    const d = toDay(dt);
    if (d === null) {
      const why = dt === "" ? `${header[col.date]} is blank` : `${header[col.date]} "${dt}" is not a valid date (expected ${describeDateFormat(dateFormat)})`;
      rejected.push({ line: row.line, code: "bad-date", reason: why });
      continue;
    }
    const farDay = dayRangeProblem(header[col.date]!, dt, d, latest);
    if (farDay !== null) { rejected.push({ line: row.line, code: "date-out-of-range", reason: farDay }); continue; }
    const type = eventType(v[col.type]!);
    if (type === null) {
      rejected.push({ line: row.line, code: "bad-type", reason: `${header[col.type]} "${v[col.type]!.trim()}" is not one of ${SERVICE_EVENT_TYPES.join(", ")}` });
      continue;
    }
    ids.push(id); days.push(d); types.push(type); lines.push(row.line);
  }
  const events: ServiceEvents = Object.freeze({
    length: ids.length, customerId: Object.freeze(ids), day: Int32Array.from(days), type: Object.freeze(types), sourceLine: Int32Array.from(lines),
  });
  return Object.freeze({ events, ledger: ledgerOf(source, rows.length, rejected) });
}

function eventType(text: string): ServiceEventType | null {
  const k = text.trim().toLowerCase().replace(/[\s-]+/g, "_");
  if (k === "call_center_contact") return "call_centre_contact";
  return (SERVICE_EVENT_TYPES as readonly string[]).includes(k) ? (k as ServiceEventType) : null;
}
