import { DataError } from "../data-error.js";

/** How a user names the source column of a field: its name, or its 1-based position. */
export type ColumnRef = string | number;

/** One field a builder looks for: the default column name and the command-line flag that maps it. */
export interface ColumnSpec<F extends string = string> {
  /** Canonical field, e.g. `customerId`. */
  readonly field: F;
  /** Default source column name, e.g. `customer_id`. */
  readonly name: string;
  /** Command-line flag that maps it, e.g. `--customer-id`. */
  readonly flag: string;
}

/**
 * Finds the source column of each field. A mapped field (`mapping[field]`) is looked up by name,
 * case-insensitively after trimming; when no column has that name and the reference is a whole
 * number (`3` or `"3"`) it is taken as a 1-based position. An unmapped field is looked up by its
 * default name. Header names are matched case-insensitively after trimming. Two columns with
 * the same name are an error when a field would be read from that name (never a silent choice
 * of the first); duplicated names that no field uses are left alone.
 *
 * @param header - the source column names
 * @param specs - the fields to look for
 * @param mapping - user mapping from field to column name or position
 * @param fn - name of the public function, for messages
 * @param source - the file or text described in messages
 * @returns for every field, its 0-based column index, or -1 when absent (and not mapped)
 * @throws DataError when a mapped column is not there, e.g.
 *   `loadTransactionsFile: column "total" given for amount (--amount) is not in tx.csv (columns: id, day, value)`,
 *   or when the column a field is read from has a duplicated name, e.g.
 *   `loadTransactionsFile: tx.csv has 2 columns named "amount" (columns 3 and 5), used for amount (--amount); rename one of them`
 * @example
 * resolveColumns(["ID", "Day"], [{ field: "customerId", name: "id", flag: "--customer-id" }], {}, "f", "x").customerId; // 0
 */
export function resolveColumns<F extends string>(
  header: readonly string[],
  specs: readonly ColumnSpec<F>[],
  mapping: Partial<Record<F, ColumnRef>>,
  fn: string,
  source: string,
): Record<F, number> {
  const byName = new Map<string, number[]>();
  header.forEach((h, i) => {
    const k = h.trim().toLowerCase();
    const at = byName.get(k);
    if (at === undefined) byName.set(k, [i]);
    else at.push(i);
  });
  const lookup = (name: string, s: ColumnSpec<F>): number | undefined => {
    const at = byName.get(name.trim().toLowerCase());
    if (at === undefined || at.length === 1) return at?.[0];
    const positions = at.map((i) => i + 1);
    throw new DataError(
      `${fn}: ${source} has ${at.length} columns named "${header[at[0]!]!.trim()}" (columns ${positions.slice(0, -1).join(", ")} and ${positions.at(-1)}), used for ${s.name} (${s.flag}); rename one of them`,
    );
  };
  const out = {} as Record<F, number>;
  const explicit = new Map<number, ColumnSpec<F>>();
  for (const s of specs) {
    const ref = mapping[s.field];
    if (ref === undefined || ref === "") {
      out[s.field] = lookup(s.name, s) ?? -1;
      continue;
    }
    const text = String(ref).trim();
    const named = lookup(text, s);
    if (named !== undefined) out[s.field] = named;
    else if (/^\d+$/.test(text) && +text >= 1 && +text <= header.length) out[s.field] = +text - 1;
    else {
      throw new DataError(
        `${fn}: column "${text}" given for ${s.name} (${s.flag}) is not in ${source} (columns: ${listColumns(header)})`,
      );
    }
    // One column read as two fields (e.g. the amount as the customer) is a mapping mistake.
    const other = explicit.get(out[s.field]);
    if (other !== undefined) {
      throw new DataError(`${fn}: column "${header[out[s.field]]!.trim()}" of ${source} is given for both ${other.name} (${other.flag}) and ${s.name} (${s.flag}); map each to its own column`);
    }
    explicit.set(out[s.field], s);
  }
  // A field found by its default name in a column that was mapped to another field is not read.
  for (const s of specs) if (mapping[s.field] === undefined || mapping[s.field] === "") if (explicit.has(out[s.field])) out[s.field] = -1;
  return out;
}

/**
 * The one-line error for a required column that is absent.
 *
 * @param fn - name of the public function
 * @param source - the file or text
 * @param header - the columns that are there
 * @param spec - the missing field
 * @param alternative - optional extra advice, e.g. `or give quantity and unit_price`
 * @returns a DataError (to throw)
 * @example
 * missingColumn("f", "tx.csv", ["a"], { field: "amount", name: "amount", flag: "--amount" }).message;
 * // 'f: no amount column in tx.csv (columns: a); use --amount COL'
 */
export function missingColumn(fn: string, source: string, header: readonly string[], spec: ColumnSpec, alternative?: string): DataError {
  const alt = alternative === undefined ? "" : `, ${alternative}`;
  return new DataError(`${fn}: no ${spec.name} column in ${source} (columns: ${listColumns(header)}); use ${spec.flag} COL${alt}`);
}

/**
 * Column names for messages: `a, b, c`; `(none)` when there are none; past 30, the first 30
 * then `... (n in all)`; an empty name shows as `""`.
 *
 * @param header - the column names
 * @returns the list as one line
 * @example
 * listColumns(["id", "", "amount"]); // 'id, "", amount'
 */
export function listColumns(header: readonly string[]): string {
  if (header.length === 0) return "(none)";
  const shown = header.slice(0, 30).map((h) => (h === "" ? '""' : h)).join(", ");
  return header.length > 30 ? `${shown}, ... (${header.length} in all)` : shown;
}
