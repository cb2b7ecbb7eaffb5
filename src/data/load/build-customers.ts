import { dayRangeProblem } from "../parse/day-range.js";
import type { RawTable } from "../read/raw-table.js";
import { describeDateFormat, shapeProblem } from "../ledger/row-checks.js";
import { type RejectedRow, type RowLedger, ledgerOf } from "../ledger/row-ledger.js";
import { type SideTableOptions, sidePlan, sideSpecs } from "../columns/side-table-options.js";

/** The named fields of a customers table. */
export type CustomerField = "customerId" | "acquisitionDate" | "acquisitionChannel" | "region";

/** The customers side table, by column: one entry per customer. */
export interface Customers {
  readonly length: number;
  /** Customer id as written, trimmed (leading zeros kept); unique. */
  readonly customerId: readonly string[];
  /** Acquisition date, days since 1970-01-01 UTC; NaN when blank or the column is absent. */
  readonly acquisitionDay: Float64Array;
  /** Acquisition channel (`""` when blank or absent). */
  readonly acquisitionChannel: readonly string[];
  /** Region (`""` when blank or absent). */
  readonly region: readonly string[];
  /** Every other column, by its header name, as trimmed text. */
  readonly attributes: Readonly<Record<string, readonly string[]>>;
  /** 1-based source line of each customer. */
  readonly sourceLine: Int32Array;
}

/** A customers table and the account of every input row. */
export interface LoadedCustomers {
  readonly customers: Customers;
  readonly ledger: RowLedger;
}

/** The fields of a customers table with their default columns and flags. */
export const CUSTOMER_COLUMNS = Object.freeze(sideSpecs<CustomerField>(["customerId", "acquisitionDate", "acquisitionChannel", "region"]));

/**
 * Validates raw rows into a {@link Customers} table. Required column: customer_id. Optional:
 * acquisition_date, acquisition_channel, region; any other column is kept as a text attribute.
 * Rejections: `blank-line`, `wrong-field-count`, `missing-customer`, `bad-date` (an acquisition
 * date that is not blank and not a valid date), `date-out-of-range` (before 1900-01-01 or over a
 * year after the run date), `duplicate-customer` (`customer C1 is already on line N`).
 *
 * @param table - header and rows from a reader
 * @param options - columns, dateFormat
 * @param source - named in the ledger and messages (default `"rows"`)
 * @param fn - the public function named in error messages (the loaders pass their own name)
 * @returns the customers and the ledger
 * @throws DataError when there is no customer_id column (`--customer COL`), or a mapped column is absent
 * @example
 * buildCustomers({ header: ["customer_id", "region"], rows: [{ line: 2, values: ["007", "North"] }] }).customers.region; // ["North"]
 */
export function buildCustomers(table: RawTable, options: SideTableOptions<CustomerField> = {}, source = "rows", fn = "buildCustomers"): LoadedCustomers {
  const { col, toDay, dateFormat, latest } = sidePlan(table, CUSTOMER_COLUMNS, ["customerId"], options, source, fn);
  const { header, rows } = table;
  const named = new Set(Object.values(col));
  const extra = header.map((h, i) => [h, i] as const).filter(([, i]) => !named.has(i));
  const ids: string[] = [], channel: string[] = [], region: string[] = [], lines: number[] = [], days: number[] = [];
  const attrs = extra.map(() => [] as string[]);
  const rejected: RejectedRow[] = [];
  const firstLine = new Map<string, number>();
  const text = (v: readonly string[], i: number) => (i < 0 ? "" : v[i]!.trim());
  for (const row of rows) {
    const shape = shapeProblem(row, header.length);
    if (shape !== null) { rejected.push(shape); continue; }
    const v = row.values;
    const id = text(v, col.customerId);
    if (id === "") { rejected.push({ line: row.line, code: "missing-customer", reason: `${header[col.customerId]} is blank` }); continue; }
    const prev = firstLine.get(id);
    if (prev !== undefined) { rejected.push({ line: row.line, code: "duplicate-customer", reason: `customer ${id} is already on line ${prev}` }); continue; }
    const dt = text(v, col.acquisitionDate);
    const d = dt === "" ? NaN : toDay(dt);
    if (d === null) {
      rejected.push({ line: row.line, code: "bad-date", reason: `${header[col.acquisitionDate]} "${dt}" is not a valid date (expected ${describeDateFormat(dateFormat)})` });
      continue;
    }
    const farDay = Number.isNaN(d) ? null : dayRangeProblem(header[col.acquisitionDate]!, dt, d, latest);
    if (farDay !== null) { rejected.push({ line: row.line, code: "date-out-of-range", reason: farDay }); continue; }
    firstLine.set(id, row.line);
    ids.push(id); days.push(d); lines.push(row.line);
    channel.push(text(v, col.acquisitionChannel)); region.push(text(v, col.region));
    extra.forEach(([, i], j) => attrs[j]!.push(text(v, i)));
  }
  const attributes: Record<string, readonly string[]> = {};
  extra.forEach(([h], j) => (attributes[h] = Object.freeze(attrs[j]!)));
  const customers: Customers = Object.freeze({
    length: ids.length, customerId: Object.freeze(ids), acquisitionDay: Float64Array.from(days),
    acquisitionChannel: Object.freeze(channel), region: Object.freeze(region), attributes: Object.freeze(attributes),
    sourceLine: Int32Array.from(lines),
  });
  return Object.freeze({ customers, ledger: ledgerOf(source, rows.length, rejected) });
}
