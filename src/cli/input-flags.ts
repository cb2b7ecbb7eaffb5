import type { CommandIo } from "./command.js";
import { choiceFlag, stringFlag, type FlagSpec, type FlagValues } from "./parse-flags.js";
import { count, step } from "./progress.js";
import { UsageError } from "./usage-error.js";
import { DataError } from "../data/data-error.js";
import { loadTransactions, type LoadedTransactions } from "../engine/load-transactions.js";
import { loadPostgresTransactions } from "../engine/postgres/read-postgres-table.js";
import { hasPgEnvironment } from "../engine/postgres/connect-postgres.js";
import { type Mapping, readMappingFile } from "../data/columns/read-mapping-file.js";
import { TEXT_ENCODINGS } from "../data/read/decode-text.js";
import type { CanonicalField } from "../data/types.js";

/** Flags that say where the transactions are and how to read them (shared by the data commands). */
export const INPUT_FLAGS: FlagSpec = {
  input: { type: "string", short: "i" },
  mapping: { type: "string" },
  format: { type: "string" },
  encoding: { type: "string" },
  customer: { type: "string" },
  date: { type: "string" },
  amount: { type: "string" },
  "order-id": { type: "string" },
  channel: { type: "string" },
  product: { type: "string" },
  category: { type: "string" },
  quantity: { type: "string" },
  "unit-price": { type: "string" },
  discount: { type: "string" },
  freight: { type: "string" },
  cost: { type: "string" },
  "returned-quantity": { type: "string" },
  "returned-amount": { type: "string" },
  "date-format": { type: "string" },
  delimiter: { type: "string" },
  decimal: { type: "string" },
  "no-header": { type: "boolean" },
  sheet: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  returns: { type: "string" },
  "cancel-prefix": { type: "string" },
  duplicates: { type: "string" },
  db: { type: "string" },
  table: { type: "string" },
};

/** The `--help` lines of {@link INPUT_FLAGS}. */
export const INPUT_HELP = `Input:
  -i, --input FILE        transactions: .csv .tsv .txt/.dat (whitespace) .json .jsonl .xlsx .parquet
                          (a regular file; text and xlsx files up to 512 MB)
      --mapping F         a mapping JSON file (crm inspect --out F writes one): columns and how the
                          file is written; a flag given on the command line wins over the file
      --format F          csv|tsv|whitespace|json|jsonl|xlsx|parquet (default: from the file name)
      --encoding E        utf8 (default; UTF-16 with a byte-order mark is read too) | latin1
                          (windows-1252); text that is not valid UTF-8 is refused, never garbled
      --customer COL      customer id column (default customer_id; a 1-based number with --no-header)
      --date COL          date column (default date)
      --amount COL        amount column (default amount; or give quantity and unit_price columns)
      --order-id COL      order id column (default order_id, optional)
      --channel COL       channel column (default channel, optional)
      --product COL       product id column (default product_id, optional)
      --category COL      product category column (default category, optional)
      --quantity COL      units column (default quantity, optional)
      --unit-price COL    price per unit column (default unit_price, optional)
      --discount COL      discount column, currency units (default discount, optional)
      --freight COL       freight and handling column (default freight, optional)
      --cost COL          cost of goods column (default cost, optional)
      --returned-quantity COL, --returned-amount COL   returns columns (optional)
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
      --cancel-prefix C   order ids starting with C are cancellations: their amounts count as returns
                          (e.g. C536379 in retail exports; needs --order-id)
      --duplicates P      keep (default) | drop (reject lines identical to an earlier one)
      --db URL            read the transactions from PostgreSQL instead of a file:
                          postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE (without --db: the
                          PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD environment variables)
      --table T           the table or view that holds them (needs --db or PG* variables); its
                          columns are mapped by the flags above. crm summary, fit and predict
                          compute the customer summary inside the database (only per-customer rows
                          come back); the other commands read the rows through a server-side
                          cursor and validate them here, as a file's (a rejected row's line is its
                          row number)`;

/**
 * Loads the transactions that the input flags (and the `--mapping` file, whose settings a flag
 * overrides) describe, prints the row ledger's one-line account to stderr, and returns the table,
 * its ledger and the currency the mapping names.
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
): Promise<LoadedInput> {
  const db = databaseFlags(command, values);
  const input = db ? `table ${db.table}` : stringFlag(values, "input", fallbackInput);
  if (input === undefined) throw new UsageError(`crm ${command}: --input FILE is required; see crm ${command} --help`);
  const mappingFile = stringFlag(values, "mapping");
  const mapping: Mapping = mappingFile === undefined ? {} : await readMappingFile(mappingFile);
  const columns: Partial<Record<CanonicalField, string | number>> = { ...mapping.columns };
  for (const [flag, field] of COLUMN_FLAGS) {
    const v = stringFlag(values, flag);
    if (v !== undefined) columns[field] = v;
  }
  const delimiter = stringFlag(values, "delimiter") ?? mapping.delimiter;
  // Name the source as the user gave it; the bundled sample by its place in the package.
  const source = db ? `table ${db.table}` : (stringFlag(values, "input") ?? "the bundled sample (data/sample/transactions.csv)");
  const runDate = new Date().toISOString().slice(0, 10);
  const loaded = await step(io, `reading ${input}`, () => {
    const options = {
      source,
      format: stringFlag(values, "format") ?? mapping.format,
      encoding: choiceFlag(command, values, "encoding", TEXT_ENCODINGS, mapping.encoding ?? "utf8"),
      header: values["no-header"] === true ? false : (mapping.header ?? true),
      delimiter: delimiter === "tab" ? "\t" : delimiter,
      columns,
      dateFormat: stringFlag(values, "date-format") ?? mapping.dateFormat,
      decimal: choiceFlag(command, values, "decimal", [".", ","] as const, mapping.decimal ?? "."),
      sheet: stringFlag(values, "sheet") ?? mapping.sheet,
      from: stringFlag(values, "from"),
      // Lines dated after the run date never move the end of the data: they are ledgered.
      to: stringFlag(values, "to", lastDay ?? runDate),
      ...(stringFlag(values, "to") === undefined && lastDay === undefined ? { toLabel: `the run date ${runDate}` } : {}),
      returns: choiceFlag(command, values, "returns", ["net", "exclude"] as const, "net"),
      cancelPrefix: stringFlag(values, "cancel-prefix"),
      duplicates: choiceFlag(command, values, "duplicates", ["keep", "drop"] as const, "keep"),
    };
    return db
      ? loadPostgresTransactions(db.url, db.table, { ...options, source: undefined, caller: `crm ${command}` })
      : loadTransactions(input, options);
  });
  io.err(ledgerLine(loaded.ledger));
  // Nothing to analyse: one line naming the file and the main reason (validate lists them all).
  const { ledger } = loaded;
  if (ledger.used === 0 && command !== "validate") {
    const first = ledger.rejected[0];
    throw new DataError(
      `crm ${command}: no usable transaction rows in ${source} (${count(ledger.read)} read, ${count(ledger.rejected.length)} rejected${first ? `; e.g. line ${first.line}: ${first.reason}` : ""}); see crm validate ${db ? `--table ${db.table}` : `--input ${input}`}`,
    );
  }
  return Object.freeze({ ...loaded, ...(mapping.currency === undefined ? {} : { currency: mapping.currency }) });
}

/** The flags that make no sense for a database table (they describe a file). */
const FILE_ONLY_FLAGS = ["input", "format", "encoding", "delimiter", "no-header", "sheet"] as const;

/**
 * The database the flags name (`--db URL --table T`, or `--table T` with the PG* environment
 * variables), or undefined when the transactions come from a file.
 *
 * @param command - the command name, for messages
 * @param values - the parsed flags
 * @returns the URL (undefined: from the PG* variables) and the table
 * @throws UsageError for --db without --table, --table without a connection, or a file flag with --db
 * @example
 * databaseFlags("summary", { db: "postgresql://me@localhost/shop", table: "tx" }); // { url: "postgresql://...", table: "tx" }
 */
export function databaseFlags(command: string, values: FlagValues): { readonly url: string | undefined; readonly table: string } | undefined {
  const url = stringFlag(values, "db");
  const table = stringFlag(values, "table");
  if (url === undefined && table === undefined) return undefined;
  if (table === undefined || table.trim() === "") throw new UsageError(`crm ${command}: --db needs --table T, the table that holds the transactions`);
  if (url === undefined && !hasPgEnvironment()) throw new UsageError(`crm ${command}: --table needs --db postgresql://USER@HOST:PORT/DATABASE (or the PGHOST, PGDATABASE, ... environment variables)`);
  const file = FILE_ONLY_FLAGS.find((f) => values[f] !== undefined);
  if (file !== undefined) throw new UsageError(`crm ${command}: --${file} is for files; with --db and --table the rows come from the database`);
  return Object.freeze({ url, table });
}

/** Loaded transactions, with the currency that the `--mapping` file names (for the report's default). */
export interface LoadedInput extends LoadedTransactions {
  /** ISO 4217 code from the mapping file's `currency`, when it has one. */
  readonly currency?: string;
}

/** Each column flag and the canonical field it maps. */
export const COLUMN_FLAGS: readonly (readonly [string, CanonicalField])[] = Object.freeze([
  ["customer", "customerId"],
  ["date", "date"],
  ["amount", "amount"],
  ["order-id", "orderId"],
  ["channel", "channel"],
  ["product", "productId"],
  ["category", "category"],
  ["quantity", "quantity"],
  ["unit-price", "unitPrice"],
  ["discount", "discount"],
  ["freight", "freight"],
  ["cost", "cost"],
  ["returned-quantity", "returnedQuantity"],
  ["returned-amount", "returnedAmount"],
] as const);

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
