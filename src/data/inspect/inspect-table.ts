import type { FoundEncoding } from "../read/decode-text.js";
import type { DecimalMark } from "../parse/parse-number.js";
import type { RawTable } from "../read/raw-table.js";
import type { Mapping } from "../columns/read-mapping-file.js";
import type { InputFormat } from "../read/read-rows.js";
import { TRANSACTION_COLUMNS } from "../columns/transaction-options.js";
import type { CanonicalField } from "../types.js";
import { type DateGuess, describeDateGuess } from "./guess-date-format.js";
import { type ColumnGuess, guessRoles } from "./guess-roles.js";
import { type CurrencyGuess, guessCurrency } from "./guess-currency.js";
import { proposeFlags } from "./propose-flags.js";

/** What is known of a file before its columns are looked at. */
export interface InspectFacts {
  /** The file, as the user named it. */
  readonly file: string;
  /** Its format. */
  readonly format: InputFormat | "parquet";
  /** The format its extension implies, if any (to tell whether `--format` is needed). */
  readonly formatFromName?: string;
  /** Text encoding found (absent for xlsx and Parquet). */
  readonly encoding?: FoundEncoding;
  /** Field delimiter (csv and tsv). */
  readonly delimiter?: string;
  /** Whether the first line names the columns. */
  readonly header: boolean;
  /** Worksheet read (xlsx), when one was named. */
  readonly sheet?: string;
  /** Whether the sample is the whole file (false when only its head was read). */
  readonly wholeFile: boolean;
  /** Remarks found while reading (encoding, size). */
  readonly notes?: readonly string[];
}

/** The result of inspecting a file: how it is written, each column with its guessed role, and the mapping to use. */
export interface Inspection extends InspectFacts {
  /** Decimal mark guessed from the numbers. */
  readonly decimal: DecimalMark;
  /** Data rows looked at. */
  readonly rowsSampled: number;
  /** Every column, with samples and a guessed role. */
  readonly columns: readonly ColumnGuess[];
  /** The currency found in the data, if any. */
  readonly currency?: CurrencyGuess;
  /** The mapping to save (`crm inspect --out mapping.json`) and pass with `--mapping`. */
  readonly mapping: Mapping;
  /** The same as input flags, e.g. `["--customer", "CustomerID", ...]`. */
  readonly flags: readonly string[];
  /** Remarks for the user: what could not be found or was guessed. */
  readonly notes: readonly string[];
}

/** How many data rows {@link inspectTable} looks at. */
export const INSPECT_ROWS = 1000;

/**
 * Inspects a sample of a table: guesses the decimal mark, each column's role and date format,
 * the currency, and proposes the mapping and the flags that read the file that way.
 *
 * @param table - the sample (its first {@link INSPECT_ROWS} rows are used)
 * @param facts - what is known of the file
 * @returns the inspection, frozen
 * @example
 * inspectTable({ header: ["CustomerID", "InvoiceDate", "Total"], rows: [{ line: 2, values: ["17850.0", "2010-12-01", "15.30"] }] },
 *   { file: "tx.csv", format: "csv", header: true, wholeFile: true }).flags;
 * // ["--customer", "CustomerID", "--date", "InvoiceDate", "--amount", "Total"]
 */
export function inspectTable(table: RawTable, facts: InspectFacts): Inspection {
  const rows = table.rows.filter((r) => r.error === undefined).slice(0, INSPECT_ROWS).map((r) => r.values);
  const decimal = guessDecimal(rows);
  const cells = table.header.map((_, i) => rows.map((r) => r[i] ?? ""));
  const columns = withSerialDates(guessRoles(table.header, rows, decimal), cells);
  const currency = guessCurrency(columns, cells);
  const notes = [...(facts.notes ?? [])];
  const byRole = (role: string) => columns.find((c) => c.role === role);
  const date = byRole("date");
  const mapped: Partial<Record<CanonicalField, string | number>> = {};
  for (const { field } of TRANSACTION_COLUMNS) {
    const c = byRole(field);
    if (c !== undefined) mapped[field] = facts.header ? c.name : c.position;
  }
  if (byRole("customerId") === undefined) notes.push("no customer id column recognised: name it with --customer COL");
  if (date === undefined) notes.push("no date column recognised: name it with --date COL (and its --date-format)");
  if (date?.date?.format === "excel") notes.push(`${date.name} holds Excel serial day numbers (45292 is 2024-01-01): read with --date-format excel`);
  if (date?.date?.ambiguous) notes.push(`the dates of ${date.name} fit both day-first and month-first; ${date.date.format} is a guess: check it`);
  if (byRole("amount") === undefined) {
    notes.push(byRole("quantity") && byRole("unitPrice") ? "no amount column: amount = quantity x unit price" : "no amount column recognised: without one (or quantity and unit price), the spend-based analyses are left out; name it with --amount COL");
  }
  for (const c of columns) if (c.note !== undefined && c.role !== undefined) notes.push(`${c.name}: ${c.note}`);
  const order = byRole("orderId");
  const cancelled = order === undefined ? undefined : cells[order.position - 1]!.find((v) => /^C\d+$/.test(v.trim()));
  if (order !== undefined && cancelled !== undefined && cells[order.position - 1]!.some((v) => /^\d+$/.test(v.trim()))) {
    notes.push(`${order.name} has ids like ${cancelled.trim()} beside plain numbers: retail exports mark cancellations so; pass --cancel-prefix C to count them as returns`);
  }
  if (currency !== undefined) notes.push(`amounts look like ${currency.code} (from ${currency.from}): pass --currency ${currency.code} to crm report`);
  const mapping: Mapping = Object.freeze({
    columns: Object.freeze(mapped),
    format: facts.format,
    ...(facts.delimiter === undefined ? {} : { delimiter: facts.delimiter === "\t" ? "tab" : facts.delimiter }),
    decimal,
    header: facts.header,
    ...(date?.date === undefined ? {} : { dateFormat: date.date.format }),
    ...(facts.encoding === undefined ? {} : { encoding: facts.encoding === "windows-1252" ? "latin1" : "utf8" }),
    ...(facts.sheet === undefined ? {} : { sheet: facts.sheet }),
    ...(currency === undefined ? {} : { currency: currency.code }),
  } satisfies Mapping);
  return Object.freeze({
    ...facts,
    decimal,
    rowsSampled: rows.length,
    columns,
    ...(currency === undefined ? {} : { currency }),
    mapping,
    flags: proposeFlags(mapping, facts.formatFromName),
    notes: Object.freeze(notes),
  });
}

/**
 * A column's role and format in words, e.g. `date (M/D/YYYY with a time of day)`.
 *
 * @param c - the column guess
 * @returns the phrase (`-` when no role was guessed)
 * @example
 * roleText({ position: 1, name: "Qty", samples: [], blanks: 0, kind: "number", role: "quantity" }); // "quantity"
 */
export function roleText(c: ColumnGuess): string {
  if (c.role === undefined) return "-";
  const words: Record<string, string> = { customerId: "customer id", orderId: "order id", productId: "product id", unitPrice: "unit price", returnedQuantity: "returned quantity", returnedAmount: "returned amount" };
  const name = words[c.role] ?? c.role;
  return c.date === undefined ? name : `${name} (${describeDateGuess({ ...c.date, ambiguous: false })}${c.date.ambiguous ? ", order guessed" : ""})`;
}

/** `,` when more numbers are written with a decimal comma (`12,50`) than with a point (`12.50`). */
function guessDecimal(rows: readonly (readonly string[])[]): DecimalMark {
  let comma = 0, point = 0;
  for (const r of rows) {
    for (const v of r) {
      const t = v.trim();
      if (/^[+-]?\d*,\d+$/.test(t)) comma++;
      else if (/^[+-]?\d*\.\d+$/.test(t)) point++;
    }
  }
  return comma > point ? "," : ".";
}

/**
 * When no column was taken as the date, a column named like a date (date, day, time, created)
 * whose values are all whole numbers from 20000 to 80000 (1954 to 2119 as Excel serial days) is
 * the date, read with `--date-format excel`.
 */
function withSerialDates(columns: readonly ColumnGuess[], cells: readonly (readonly string[])[]): readonly ColumnGuess[] {
  if (columns.some((c) => c.role === "date")) return columns;
  const i = columns.findIndex((c, k) => c.role === undefined && /date|day|time|created|datum/i.test(c.name) && c.kind === "number" &&
    cells[k]!.every((v) => v.trim() === "" || (Number.isInteger(+v) && +v >= 20000 && +v < 80000)));
  if (i < 0) return columns;
  const date: DateGuess = Object.freeze({ format: "excel", withTime: false, ambiguous: false, share: 1 });
  return columns.map((c, k) => (k === i ? (Object.freeze({ ...c, role: "date", date }) as ColumnGuess) : c));
}
