import { DataError } from "../data-error.js";
import { numberRangeProblem, parseNumber } from "../parse/parse-number.js";
import { readRowsFileAs, type ReadRowsOptions } from "./read-rows.js";
import { ledgerOf, type RejectedRow, type RowLedger } from "../ledger/row-ledger.js";
import { listColumns } from "../columns/resolve-columns.js";

/** Numeric columns read from a file, by name, and the account of every row. */
export interface LoadedNumericTable {
  /** Each column found, one number per used row. */
  readonly columns: Readonly<Record<string, Float64Array>>;
  /** Text of the id column of each used row, when the file has one (`customer_id` or `ID`). */
  readonly ids: readonly string[] | null;
  readonly ledger: RowLedger;
}

/**
 * Reads a table of numbers, such as a customer summary (`frequency,recency,T[,monetary_value][,weights]`,
 * the names lifetimes users know) or a survival table, from any supported file format. Header
 * names match case-insensitively. A row with a blank or non-numeric value in a wanted column is
 * rejected in the ledger with code `bad-<column>`, one beyond ±1e12 or not finite with code
 * `<column>-out-of-range`; the others are used.
 *
 * @param file - the file (.csv .tsv .txt .json .jsonl .xlsx)
 * @param required - columns that must be there
 * @param optional - columns read when present
 * @param options - how to read the file (format, delimiter, sheet)
 * @param fn - the public function named in messages
 * @returns the columns, the ids and the ledger
 * @throws DataError when the file cannot be read or a required column is missing
 * @example
 * const { columns } = await loadNumericTable("summary.csv", ["frequency", "recency", "T"], ["weights"]);
 * columns.frequency.length; // customers
 */
export async function loadNumericTable(
  file: string,
  required: readonly string[],
  optional: readonly string[] = [],
  options: ReadRowsOptions = {},
  fn = "loadNumericTable",
): Promise<LoadedNumericTable> {
  const table = await readRowsFileAs(file, options, fn);
  const lower = table.header.map((h) => h.trim().toLowerCase());
  const find = (name: string): number => lower.indexOf(name.toLowerCase());
  for (const name of required) {
    if (find(name) < 0) throw new DataError(`${fn}: no ${name} column in ${file} (columns: ${listColumns(table.header)}); the file needs ${required.join(", ")}`);
  }
  const wanted = [...required, ...optional.filter((name) => find(name) >= 0)];
  const idIndex = ["customer_id", "id"].map(find).find((i) => i >= 0) ?? -1;
  const values = wanted.map(() => [] as number[]);
  const ids: string[] = [];
  const rejected: RejectedRow[] = [];
  for (const row of table.rows) {
    if (row.error) { rejected.push({ line: row.line, ...row.error }); continue; }
    if (row.values.length !== table.header.length) {
      rejected.push({ line: row.line, code: "wrong-field-count", reason: `${row.values.length} fields where the header has ${table.header.length}` });
      continue;
    }
    const parsed = wanted.map((name) => parseNumber(row.values[find(name)]!, "."));
    const bad = parsed.findIndex((v) => v === null);
    if (bad >= 0) {
      const name = wanted[bad]!;
      rejected.push({ line: row.line, code: `bad-${name.toLowerCase()}`, reason: `${name} "${row.values[find(name)]!.trim()}" is not a number` });
      continue;
    }
    const far = parsed.findIndex((v, j) => numberRangeProblem(wanted[j]!, "", v!) !== null);
    if (far >= 0) {
      const name = wanted[far]!;
      rejected.push({ line: row.line, code: `${name.toLowerCase()}-out-of-range`, reason: numberRangeProblem(name, row.values[find(name)]!, parsed[far]!)! });
      continue;
    }
    parsed.forEach((v, j) => values[j]!.push(v!));
    if (idIndex >= 0) ids.push(row.values[idIndex]!.trim());
  }
  const columns = Object.fromEntries(wanted.map((name, j) => [name, Float64Array.from(values[j]!)]));
  return Object.freeze({ columns: Object.freeze(columns), ids: idIndex >= 0 ? Object.freeze(ids) : null, ledger: ledgerOf(file, table.rows.length, rejected) });
}
