import type { CommandIo } from "./command.js";
import { choiceFlag, stringFlag, type FlagSpec, type FlagValues } from "./parse-flags.js";
import { count, step } from "./progress.js";
import { UsageError } from "./usage-error.js";
import { loadTransactions, type LoadedTransactions } from "../engine/load-transactions.js";
import type { CanonicalField } from "../data/types.js";

/** Flags that say where the transactions are and how to read them (shared by the data commands). */
export const INPUT_FLAGS: FlagSpec = {
  input: { type: "string", short: "i" },
  format: { type: "string" },
  customer: { type: "string" },
  date: { type: "string" },
  amount: { type: "string" },
  "order-id": { type: "string" },
  channel: { type: "string" },
  quantity: { type: "string" },
  "unit-price": { type: "string" },
  "date-format": { type: "string" },
  delimiter: { type: "string" },
  decimal: { type: "string" },
  "no-header": { type: "boolean" },
  sheet: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  returns: { type: "string" },
  duplicates: { type: "string" },
};

/** The `--help` lines of {@link INPUT_FLAGS}. */
export const INPUT_HELP = `Input:
  -i, --input FILE        transactions: .csv .tsv .txt/.dat (whitespace) .json .jsonl .xlsx .parquet
      --format F          csv|tsv|whitespace|json|jsonl|xlsx|parquet (default: from the file name)
      --customer COL      customer id column (default customer_id; a 1-based number with --no-header)
      --date COL          date column (default date)
      --amount COL        amount column (default amount; or give quantity and unit_price columns)
      --order-id COL      order id column (default order_id, optional)
      --channel COL       channel column (default channel, optional)
      --quantity COL      units column (default quantity, optional)
      --unit-price COL    price per unit column (default unit_price, optional)
      --date-format FMT   iso | yyyymmdd | excel (serial days) | a pattern such as DD/MM/YYYY or
                          M/D/YYYY H:mm (default: iso, else yyyymmdd, else a 5-digit Excel serial);
                          a time of day after the date is dropped (no time-zone shift); dates
                          before 1900-01-01 or over a year after today are rejected per line
      --delimiter C       field delimiter for delimited text (default: detected; "tab" for a tab)
      --decimal M         decimal mark of the numbers: . (default) or ,; numbers beyond
                          -1e12..1e12 (or not finite) are rejected per line
      --no-header         the file has no header line: map columns by position
      --sheet NAME        worksheet of an .xlsx file (default: the first)
      --from D, --to D    keep only lines dated from/to these ISO dates (others are ledgered)
      --returns P         net (default: negative lines are returns, deducted from spend) | exclude
      --duplicates P      keep (default) | drop (reject lines identical to an earlier one)`;

/**
 * Loads the transactions that the input flags describe, prints the row ledger's one-line account
 * and the reasons for rejected rows to stderr, and returns the table and its ledger.
 *
 * @param command - the command name, for messages
 * @param values - the parsed flags
 * @param io - where progress goes
 * @param fallbackInput - the file to read when `--input` is not given (none: it is required)
 * @param lastDay - ISO date after which lines are ledgered as `outside-window` when `--to` is not
 *   given (the summary's observation end, so that no line is dropped without a reason)
 * @returns the loaded transactions and their ledger
 * @throws UsageError or DataError with a one-line message
 * @example
 * const { transactions, ledger } = await loadInputFlags("summary", flags, io);
 */
export async function loadInputFlags(
  command: string,
  values: FlagValues,
  io: CommandIo,
  fallbackInput?: string,
  lastDay?: string,
): Promise<LoadedTransactions> {
  const input = stringFlag(values, "input", fallbackInput);
  if (input === undefined) throw new UsageError(`crm ${command}: --input FILE is required; see crm ${command} --help`);
  const columns: Partial<Record<CanonicalField, string>> = {};
  const map: [string, CanonicalField][] = [
    ["customer", "customerId"],
    ["date", "date"],
    ["amount", "amount"],
    ["order-id", "orderId"],
    ["channel", "channel"],
    ["quantity", "quantity"],
    ["unit-price", "unitPrice"],
  ];
  for (const [flag, field] of map) {
    const v = stringFlag(values, flag);
    if (v !== undefined) columns[field] = v;
  }
  const delimiter = stringFlag(values, "delimiter");
  // Name the source as the user gave it; the bundled sample by its place in the package.
  const source = stringFlag(values, "input") ?? "the bundled sample (data/sample/transactions.csv)";
  const loaded = await step(io, `reading ${input}`, () =>
    loadTransactions(input, {
      source,
      format: stringFlag(values, "format"),
      header: values["no-header"] !== true,
      delimiter: delimiter === "tab" ? "\t" : delimiter,
      columns,
      dateFormat: stringFlag(values, "date-format"),
      decimal: choiceFlag(command, values, "decimal", [".", ","] as const, "."),
      sheet: stringFlag(values, "sheet"),
      from: stringFlag(values, "from"),
      to: stringFlag(values, "to", lastDay),
      returns: choiceFlag(command, values, "returns", ["net", "exclude"] as const, "net"),
      duplicates: choiceFlag(command, values, "duplicates", ["keep", "drop"] as const, "keep"),
    }),
  );
  io.err(ledgerLine(loaded.ledger));
  return loaded;
}

/**
 * The one-line account of a ledger, e.g. `crm: rows read 6,919, used 6,917, rejected 2 (bad-date 2)`.
 *
 * @example
 * ledgerLine(ledgerOf("a.csv", 3, [])); // "crm: a.csv: rows read 3, used 3, rejected 0"
 */
export function ledgerLine(ledger: LoadedTransactions["ledger"]): string {
  const reasons = Object.entries(ledger.byReason).map(([code, n]) => `${code} ${count(n)}`);
  return `crm: ${ledger.source}: rows read ${count(ledger.read)}, used ${count(ledger.used)}, rejected ${count(ledger.rejected.length)}${reasons.length ? ` (${reasons.join(", ")})` : ""}`;
}
