import type { CommandIo } from "./command.js";
import { COLUMN_FLAGS, databaseFlags, ledgerLine, loadInputFlags } from "./input-flags.js";
import { choiceFlag, stringFlag, type FlagValues } from "./parse-flags.js";
import { step } from "./progress.js";
import { type Mapping, readMappingFile } from "../data/columns/read-mapping-file.js";
import type { ColumnRef } from "../data/columns/resolve-columns.js";
import type { RowLedger } from "../data/ledger/row-ledger.js";
import type { CanonicalField } from "../data/types.js";
import { customerSummary } from "../summary/customer-summary.js";
import { postgresCustomerSummary } from "../summary/postgres-summary.js";
import type { CustomerSummary, TimeUnit } from "../summary/types.js";

/**
 * The periods of a customer summary, as the command's flags give them.
 *
 * @example
 * const p: SummaryPeriods = { calibrationEnd: "2025-06-30", timeUnit: "week" };
 */
export interface SummaryPeriods {
  readonly calibrationEnd?: string;
  readonly observationEnd?: string;
  readonly timeUnit: TimeUnit;
}

/**
 * The customer summary of the PostgreSQL table that `--db URL --table T` name, computed inside
 * the database (`postgresCustomerSummary`: only per-customer rows come back), or, when the table
 * needs crm's own parser (text dates, amounts from quantity x unit price, --duplicates drop ...),
 * from its rows read through a cursor and summarised here, with a note saying why. Prints the
 * ledger line as a file's load does. Undefined when the flags name no database.
 *
 * @param command - the command name, for messages
 * @param flags - the parsed flags (input and mapping flags included)
 * @param io - where the ledger line and notes go
 * @param periods - calibration and observation ends, time unit
 * @returns the summary and the row ledger, or undefined without --db/--table
 * @throws UsageError or DataError with a one-line message (never the password)
 * @example
 * const r = await summaryFromDatabase("fit", flags, io, { timeUnit: "week" });
 */
export async function summaryFromDatabase(
  command: string,
  flags: FlagValues,
  io: CommandIo,
  periods: SummaryPeriods,
): Promise<{ readonly summary: CustomerSummary; readonly ledger: RowLedger } | undefined> {
  const db = databaseFlags(command, flags);
  if (db === undefined) return undefined;
  const mappingFile = stringFlag(flags, "mapping");
  const mapping: Mapping = mappingFile === undefined ? {} : await readMappingFile(mappingFile);
  const columns: Partial<Record<CanonicalField, ColumnRef>> = { ...mapping.columns };
  for (const [flag, field] of COLUMN_FLAGS) {
    const v = stringFlag(flags, flag);
    if (v !== undefined) columns[field] = v;
  }
  const pushed = await step(io, `customer summary in the database (table ${db.table})`, () =>
    postgresCustomerSummary(db.url, db.table, {
      ...periods,
      columns,
      from: stringFlag(flags, "from"),
      to: stringFlag(flags, "to"),
      returns: choiceFlag(command, flags, "returns", ["net", "exclude"] as const, "net"),
      cancelPrefix: stringFlag(flags, "cancel-prefix"),
      duplicates: choiceFlag(command, flags, "duplicates", ["keep", "drop"] as const, "keep"),
      dateFormat: stringFlag(flags, "date-format") ?? mapping.dateFormat,
      decimal: stringFlag(flags, "decimal") ?? mapping.decimal,
      caller: `crm ${command}`,
    }),
  );
  if (pushed.pushed) {
    io.err(ledgerLine(pushed.ledger));
    return Object.freeze({ summary: pushed.summary, ledger: pushed.ledger });
  }
  io.err(`crm: the summary is computed here, not in the database: ${pushed.reason}; reading the rows through a cursor`);
  const { transactions, ledger } = await loadInputFlags(command, flags, io, undefined, periods.observationEnd);
  const summary = await step(io, "customer summary", () => customerSummary(transactions, periods));
  return Object.freeze({ summary, ledger });
}
