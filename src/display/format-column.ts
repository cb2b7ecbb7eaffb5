import { ArgumentError } from "../math/argument-error.js";
/**
 * How {@link showTable} turns values into text. Numbers get thousands separators; a column
 * whose numbers are all whole shows no decimals, any other number column shows `decimals`.
 */
export interface TableFormat {
  /** Decimals for number columns that hold fractions (default 2). */
  readonly decimals?: number;
  /** BCP 47 locale for separators (default `"en-US"`: `1,234.50`). */
  readonly locale?: string;
  /**
   * Per-column override: a number of decimals, or a function giving the cell's text
   * (the text is escaped afterwards, so it shows as written).
   */
  readonly columns?: Readonly<Record<string, number | ((value: unknown) => string)>>;
}

/** A column made ready for display: one text per value, and whether to align it right. */
export interface FormattedColumn {
  readonly numeric: boolean;
  readonly format: (value: unknown) => string;
}

/**
 * Chooses the text format for one column from all of its values (not only the shown page,
 * so that paging never changes the format). Numbers: whole-number columns plain
 * (`1,234`), others with fixed decimals (`1,234.50`); `NaN` shows as `NaN`, infinities
 * as `∞`/`-∞`; `null` and `undefined` as an empty cell. Dates as ISO (the date alone at
 * midnight UTC), bigints with separators, objects as JSON, anything else with `String`.
 *
 * @param name - column name (for per-column overrides)
 * @param values - all values of the column
 * @param format - the table's format options
 * @returns whether the column is numeric and the value formatter (its text is not yet escaped)
 * @throws ArgumentError `showTable: decimals ...` when a decimals setting is not an integer in 0..20
 * @example
 * formatColumn("x", [1, 2.5], {}).format(1234.5); // "1,234.50"
 */
export function formatColumn(name: string, values: ArrayLike<unknown>, format: TableFormat): FormattedColumn {
  const locale = format.locale ?? "en-US";
  const override = format.columns?.[name];
  let numbers = 0, present = 0, fractional = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    present++;
    if (typeof v === "number" || typeof v === "bigint") {
      numbers++;
      if (typeof v === "number" && Number.isFinite(v) && !Number.isInteger(v)) fractional = true;
    }
  }
  const numeric = present > 0 && numbers === present;
  if (typeof override === "function") return { numeric, format: (v) => String(override(v)) };
  const decimals = checkDecimals(typeof override === "number" ? override : fractional ? format.decimals ?? 2 : 0);
  const nf = new Intl.NumberFormat(locale, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
  const nfValue = new Intl.NumberFormat(locale, { maximumFractionDigits: format.decimals ?? 2 });
  return {
    numeric,
    format: (v) => {
      if (v === null || v === undefined) return "";
      if (typeof v === "number") {
        if (Number.isNaN(v)) return "NaN";
        if (!Number.isFinite(v)) return v > 0 ? "∞" : "-∞";
        return numeric ? nf.format(v) : nfValue.format(v);
      }
      if (typeof v === "bigint") return v.toLocaleString(locale);
      if (typeof v === "string") return v;
      if (v instanceof Date) return formatDate(v);
      if (typeof v === "object") return safeJson(v);
      return String(v);
    },
  };
}

function checkDecimals(d: number): number {
  if (!Number.isInteger(d) || d < 0 || d > 20) {
    throw new ArgumentError(`showTable: decimals must be a whole number from 0 to 20, got ${d}`);
  }
  return d;
}

function formatDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return "Invalid Date";
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

function safeJson(v: object): string {
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x)) ?? String(v);
  } catch {
    return String(v);
  }
}
