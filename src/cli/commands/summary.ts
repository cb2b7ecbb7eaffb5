import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { summaryFromDatabase } from "../db-summary.js";
import { choiceFlag, parseFlags, stringFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { summaryToCsv } from "../../summary/summary-to-csv.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";

const HELP = `crm summary: one row per customer (frequency, recency, T, monetary value, RFM features)

Usage: crm summary --input FILE [--calibration-end D] [--observation-end D]
                   [--time-unit day|week|month] [--out FILE.csv] [--json] [mapping flags]
       crm summary --db postgresql://USER@HOST:PORT/DB --table T [the same flags]

With --db and --table the summary is computed inside PostgreSQL (the SQL of crm sql summary
--dialect postgres): only one row per customer comes back, ordered by customer id; with a table
that needs crm's own parser (text dates, no amount column, --duplicates drop ...) the rows are
read through a cursor and summarised here, as a file's.

frequency = repeat purchase days (same-day purchases merge), recency = first to last purchase,
T = first purchase to the calibration end, monetary_value = mean value of the repeat days; plus
days_since_last_purchase, orders, total_spend and the holdout counts. See data/README.md.

Periods:
      --calibration-end D   last day of the calibration period, YYYY-MM-DD (default: observation end)
      --observation-end D   last day observed, YYYY-MM-DD (default: the last transaction date)
      --time-unit U         day | week (days/7) | month (days/30.4375); default week
${INPUT_HELP}
Output:
      --out FILE.csv        write the summary there (atomically); default: CSV on stdout
      --json                print one JSON object (ledger, periods, counts, output path) instead
  -h, --help                this help`;

/** `crm summary`: the customer summary of a transactions file as CSV. */
export const summaryCommand: Command = {
  name: "summary",
  summary: "customer summary (frequency, recency, T, monetary value, RFM features, holdout) as CSV",
  help: HELP,
  async run(argv, io) {
    const spec = {
      ...INPUT_FLAGS,
      "calibration-end": { type: "string" as const },
      "observation-end": { type: "string" as const },
      "time-unit": { type: "string" as const },
      out: { type: "string" as const, short: "o" },
      json: { type: "boolean" as const },
    };
    const flags = parseFlags("summary", argv, spec);
    const timeUnit = choiceFlag("summary", flags, "time-unit", ["day", "week", "month"] as const, "week");
    await checkOutFlags("summary", flags);
    const periods = { calibrationEnd: stringFlag(flags, "calibration-end"), observationEnd: stringFlag(flags, "observation-end"), timeUnit };
    const { summary, ledger } = (await summaryFromDatabase("summary", flags, io, periods)) ?? await (async () => {
      const loaded = await loadInputFlags("summary", flags, io, undefined, periods.observationEnd);
      return { ledger: loaded.ledger, summary: await step(io, "customer summary", () => customerSummary(loaded.transactions, periods), { unit: "customers", count: (s) => s.length }) };
    })();
    io.err(`crm: ${count(summary.length)} customers, calibration to ${summary.calibrationEnd}, observation to ${summary.observationEnd}, time unit ${timeUnit}`);
    if (summary.returnsOnly) io.err(`crm: ${count(summary.returnsOnly.customers)} more customers have only returns (sum ${summary.returnsOnly.amount}); they are not in the summary`);
    const out = stringFlag(flags, "out");
    const csv = summaryToCsv(summary);
    const written = out === undefined ? undefined : await writeFileAtomic(out, csv);
    if (written) io.err(`crm: wrote ${written}`);
    if (flags.json === true) {
      const { rejected: _rejected, ...ledgerCounts } = ledger;
      io.out(JSON.stringify({
        customers: summary.length,
        timeUnit,
        calibrationEnd: summary.calibrationEnd,
        observationEnd: summary.observationEnd,
        durationHoldout: summary.durationHoldout,
        customersAfterCalibration: summary.customersAfterCalibration,
        returnsOnly: summary.returnsOnly ?? null,
        ledger: ledgerCounts,
        out: written ?? null,
      }));
    } else if (!written) {
      io.out(csv);
    }
    return 0;
  },
};
