import type { Mapping } from "../columns/read-mapping-file.js";
import { TRANSACTION_COLUMNS } from "../columns/transaction-options.js";
import type { CanonicalField } from "../types.js";

/**
 * The `crm` input flags that read a file the way a mapping says: one column flag per mapped
 * field (`--customer CustomerID`), then `--date-format` (unless ISO or YYYYMMDD, which are read
 * by default), `--delimiter` (unless `,` for csv or tab for tsv), `--decimal ,`, `--no-header`,
 * `--encoding latin1`, `--sheet` and `--format` (only when `formatFromName` differs). The
 * currency is not an input flag (it is the report's `--currency`).
 *
 * @param mapping - the mapping
 * @param formatFromName - the format the file's extension implies, if any
 * @returns the arguments, e.g. `["--customer", "CustomerID", "--date", "InvoiceDate"]`
 * @example
 * proposeFlags({ columns: { customerId: "CustomerID" }, delimiter: ";", decimal: "," }, "csv");
 * // ["--customer", "CustomerID", "--delimiter", ";", "--decimal", ","]
 */
export function proposeFlags(mapping: Mapping, formatFromName?: string): readonly string[] {
  const out: string[] = [];
  for (const spec of TRANSACTION_COLUMNS) {
    const ref = mapping.columns?.[spec.field as CanonicalField];
    if (ref !== undefined) out.push(spec.flag, String(ref));
  }
  const format = mapping.format;
  if (mapping.dateFormat !== undefined && !["iso", "yyyymmdd", "auto"].includes(mapping.dateFormat)) out.push("--date-format", mapping.dateFormat);
  const plainDelimiter = format === "tsv" ? "tab" : ",";
  if (mapping.delimiter !== undefined && mapping.delimiter !== plainDelimiter && (format === "csv" || format === "tsv")) out.push("--delimiter", mapping.delimiter);
  if (mapping.decimal === ",") out.push("--decimal", ",");
  if (mapping.header === false) out.push("--no-header");
  if (mapping.encoding === "latin1") out.push("--encoding", "latin1");
  if (mapping.sheet !== undefined) out.push("--sheet", mapping.sheet);
  if (format !== undefined && format !== formatFromName) out.push("--format", format);
  return Object.freeze(out);
}

/**
 * Arguments as one line to paste into a POSIX shell: words with only safe characters as they
 * are, others in double quotes (with `"`, `\`, `$` and backquote escaped).
 *
 * @param args - the arguments
 * @returns the command-line text
 * @example
 * shellLine(["--delimiter", ";", "--customer", "Customer ID"]); // '--delimiter ";" --customer "Customer ID"'
 */
export function shellLine(args: readonly string[]): string {
  return args.map((a) => (/^[A-Za-z0-9_./:@%+=,-]+$/.test(a) ? a : `"${a.replace(/["\\$`]/g, "\\$&")}"`)).join(" ");
}
