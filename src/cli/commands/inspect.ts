import type { Command } from "../command.js";
import { choiceFlag, parseFlags, stringFlag } from "../parse-flags.js";
import { count } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { TEXT_ENCODINGS } from "../../data/read/decode-text.js";
import { type Inspection, roleText } from "../../data/inspect/inspect-table.js";
import { shellLine } from "../../data/inspect/propose-flags.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { inspectInput } from "../../engine/inspect-input.js";
import { checkOutFlags } from "../check-out-flags.js";

const HELP = `crm inspect: look at the head of a file and propose how to read it

Usage: crm inspect --input FILE [--out mapping.json] [--json]

Reads the start of the file (the first 64 KB of a text file, at most 1000 rows) and prints its
format, delimiter, decimal mark, encoding and header; every column with a few sample values and
a guess of its role (customer id, date and its format, amount, quantity and unit price, order
id, product, category, channel, cost, discount, freight, currency); the currency found in the
data; and the exact flags to give the other commands. The same settings as a mapping JSON
file, which every command takes with --mapping F (a flag given on the command line wins):

  {"columns": {"customerId": "CustomerID", "date": "InvoiceDate", "quantity": "Quantity",
   "unitPrice": "UnitPrice", "orderId": "InvoiceNo"}, "format": "csv", "delimiter": ",",
   "decimal": ".", "header": true, "dateFormat": "M/D/YYYY", "encoding": "utf8", "currency": "GBP"}

Keys: columns (field: column name or 1-based position; fields customerId, date, amount,
orderId, channel, productId, category, quantity, unitPrice, discount, freight, cost,
returnedQuantity, returnedAmount), format, delimiter (one character or "tab"), decimal ("." or
","), header (true/false), dateFormat, encoding (utf8|latin1), sheet, currency (ISO 4217 code).

Guesses are guesses: check the roles and the date format (day-first and month-first dates can
only be told apart by a day above 12), then run crm validate with the proposed flags.

Text must be UTF-8 (with or without BOM) or UTF-16 with a BOM; bytes that are not UTF-8 but
read as Latin-1 are reported with the advice to pass --encoding latin1. Input files must be
regular files (not folders, devices or pipes); the other commands read text and xlsx files of
up to 512 MB.

Input:
  -i, --input FILE        the file: .csv .tsv .txt/.dat .json .jsonl .xlsx .parquet (or --format)
      --format F          csv|tsv|whitespace|json|jsonl|xlsx|parquet (default: from the name, else the content)
      --delimiter C       field delimiter of csv (default: detected; "tab" for a tab)
      --encoding E        utf8|latin1 (default: detected)
      --no-header         the first line is data, not column names (default: guessed)
      --sheet NAME        worksheet of an .xlsx file (default: the first)
Output:
  -o, --out FILE.json     write the proposed mapping there (atomically)
      --json              print the whole inspection as one JSON object
  -h, --help              this help`;

/** `crm inspect`: the format, columns and proposed mapping of a file. */
export const inspectCommand: Command = {
  name: "inspect",
  summary: "look at the head of a file: format, encoding, columns and their roles, and the flags or mapping to read it",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags("inspect", argv, {
      input: { type: "string", short: "i" }, format: { type: "string" }, delimiter: { type: "string" }, encoding: { type: "string" },
      "no-header": { type: "boolean" }, sheet: { type: "string" }, out: { type: "string", short: "o" }, json: { type: "boolean" },
    });
    const input = stringFlag(flags, "input");
    if (input === undefined) throw new UsageError("crm inspect: --input FILE is required; see crm inspect --help");
    const out = stringFlag(flags, "out");
    await checkOutFlags("inspect", { ...flags, input }, { inputs: ["input"] });
    const delimiter = stringFlag(flags, "delimiter");
    const encoding = stringFlag(flags, "encoding") === undefined ? undefined : choiceFlag("inspect", flags, "encoding", TEXT_ENCODINGS, "utf8");
    const inspection = await inspectInput(input, {
      ...(stringFlag(flags, "format") === undefined ? {} : { format: stringFlag(flags, "format") }),
      ...(delimiter === undefined ? {} : { delimiter: delimiter === "tab" ? "\t" : delimiter }),
      ...(encoding === undefined ? {} : { encoding }),
      ...(flags["no-header"] === true ? { header: false } : {}),
      ...(stringFlag(flags, "sheet") === undefined ? {} : { sheet: stringFlag(flags, "sheet") }),
    });
    const mappingText = `${JSON.stringify(inspection.mapping, null, 2)}\n`;
    const written = out === undefined ? undefined : await writeFileAtomic(out, mappingText);
    if (flags.json === true) {
      io.out(JSON.stringify({ ...inspection, command: shellLine(inspection.flags), ...(written ? { mappingFile: written } : {}) }));
      return 0;
    }
    io.out(describe(inspection, input, out, mappingText));
    if (written !== undefined) io.err(`crm: mapping written to ${written}`);
    return 0;
  },
};


function describe(i: Inspection, input: string, out: string | undefined, mappingText: string): string {
  const yes = (b: boolean) => (b ? "yes" : "no");
  const delimiter = i.delimiter === undefined ? "" : `, delimiter ${i.delimiter === "\t" ? "tab" : JSON.stringify(i.delimiter)}`;
  const width = Math.max(4, ...i.columns.map((c) => c.name.length));
  const roles = i.columns.map(roleText);
  const roleWidth = Math.max(4, ...roles.map((r) => r.length));
  const lines = [
    `file        ${i.file} (${i.wholeFile ? "whole file" : "its head"}: ${count(i.rowsSampled)} rows looked at)`,
    `format      ${i.format}${delimiter}, decimal mark "${i.decimal}"`,
    `encoding    ${i.encoding ?? "not text (binary format)"}`,
    `header      ${yes(i.header)}`,
    `currency    ${i.currency === undefined ? "none found" : `${i.currency.code} (from ${i.currency.from})`}`,
    "columns",
    `  ${"#".padStart(3)}  ${"name".padEnd(width)}  ${"role".padEnd(roleWidth)}  samples`,
    ...i.columns.map((c, k) => `  ${String(c.position).padStart(3)}  ${c.name.padEnd(width)}  ${roles[k]!.padEnd(roleWidth)}  ${c.samples.slice(0, 3).map(clip).join(", ")}`),
  ];
  if (i.notes.length > 0) lines.push("notes", ...i.notes.map((n) => `  - ${n}`));
  const args = shellLine(["--input", input]);
  lines.push(
    `flags       ${shellLine(i.flags)}`,
    `try         crm validate ${args} ${shellLine(i.flags)}`.trimEnd(),
    out === undefined
      ? `mapping     (save it with crm inspect ${args} --out mapping.json, then pass --mapping mapping.json)`
      : `mapping     saved to ${out}: crm validate ${args} --mapping ${shellLine([out])}`,
    mappingText.trimEnd(),
  );
  return lines.join("\n");
}

function clip(v: string): string {
  const t = v.replace(/[\x00-\x1f\x7f]/g, " ");
  return t.length > 24 ? `${t.slice(0, 21)}...` : t;
}
