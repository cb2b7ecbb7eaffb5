import { DataError } from "../data-error.js";
import { latestDay } from "../parse/day-range.js";
import { dayParser, type DateFormat } from "../parse/parse-day.js";
import type { DecimalMark } from "../parse/parse-number.js";
import type { RawTable } from "../read/raw-table.js";
import { type ColumnRef, type ColumnSpec, missingColumn, resolveColumns } from "./resolve-columns.js";
import { kebab } from "../ledger/row-checks.js";

/** Options of the side-table builders and loaders (customers, service events, campaign contacts). */
export interface SideTableOptions<F extends string> {
  /** Source column of each field, by name (case-insensitive) or 1-based position. */
  readonly columns?: Partial<Record<F, ColumnRef>>;
  /** Date format (see {@link DateFormat}); default `"auto"`. */
  readonly dateFormat?: DateFormat;
  /** Decimal mark of numbers, `"."` (default) or `","`. */
  readonly decimal?: DecimalMark;
  /** The run date, `YYYY-MM-DD` (default: today, UTC): dates more than a year after it, or before 1900, are `date-out-of-range`. */
  readonly today?: string;
}

/** What a side-table builder needs after checking its options: column indices and parsers. */
export interface SidePlan<F extends string> {
  readonly col: Record<F, number>;
  readonly toDay: (text: string) => number | null;
  readonly decimal: DecimalMark;
  readonly dateFormat: DateFormat;
  /** The last accepted day (see `latestDay`). */
  readonly latest: number;
}

/**
 * Field specs for a side table: default column name in snake case, flag `--<kebab>` (`--customer`
 * for the customer id, as for transactions).
 *
 * @param fields - canonical field names, e.g. `["customerId", "acquisitionDate"]`
 * @returns the specs
 * @example
 * sideSpecs(["campaignId"])[0]; // { field: "campaignId", name: "campaign_id", flag: "--campaign-id" }
 */
export function sideSpecs<F extends string>(fields: readonly F[]): ColumnSpec<F>[] {
  return fields.map((field) => ({
    field,
    name: kebab(field).replace(/-/g, "_"),
    flag: field === "customerId" ? "--customer" : `--${kebab(field)}`,
  }));
}

/**
 * Checks the header and options of a side table: resolves the columns, requires the given ones,
 * compiles the date parser.
 *
 * @param table - the raw rows
 * @param specs - every field of the table
 * @param required - the fields that must be present
 * @param options - user options
 * @param source - file or text, for messages
 * @param fn - the public function, for messages
 * @returns the plan
 * @throws DataError for an empty source, a missing required column, a mapped column not there, or a bad option
 * @example
 * sidePlan(table, sideSpecs(["customerId"]), ["customerId"], {}, "c.csv", "loadCustomersFile").col.customerId; // 0
 */
export function sidePlan<F extends string>(
  table: RawTable, specs: readonly ColumnSpec<F>[], required: readonly F[], options: SideTableOptions<F>, source: string, fn: string,
): SidePlan<F> {
  if (table.header.length === 0) throw new DataError(`${fn}: ${source} is empty (no header and no rows)`);
  const col = resolveColumns(table.header, specs, options.columns ?? {}, fn, source);
  for (const s of specs) if (required.includes(s.field) && col[s.field] < 0) throw missingColumn(fn, source, table.header, s);
  const decimal = options.decimal ?? ".";
  if (decimal !== "." && decimal !== ",") throw new DataError(`${fn}: decimal mark ${JSON.stringify(decimal)} must be "." or ","; use --decimal ,`);
  const dateFormat = options.dateFormat ?? "auto";
  return { col, toDay: dayParser(dateFormat, fn), decimal, dateFormat, latest: latestDay(options.today) };
}
