import type { Command } from "../command.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { parseFlags, stringFlag } from "../parse-flags.js";
import { step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { rfmMigration } from "../../segments/migration/rfm-migration.js";

const HELP = `crm migrate: how customers moved between RFM segments from one date to another

Usage: crm migrate --input FILE --from D1 --to D2 [--json] [mapping flags]

Scores the customers at the end of D1 and again at the end of D2 (both on D1's quintile cut
points, so the scale is the same) and prints the migration matrix: rows are segments on D1
(and "new" for customers who first bought after D1), columns segments on D2; then the row
shares, the movement per segment and a plain-language reading. Revenue is the spend after D1
up to D2. Use it before and after a campaign to see segment performance change.

Dates:
      --from D1             first date, YYYY-MM-DD
      --to D2               second date, YYYY-MM-DD, after D1 (lines after it are left out)
${INPUT_HELP.replace(/\n\s+--from D, --to D[^\n]*/, "")}
Output:
      --json                print one JSON object (matrix of counts, revenue, row shares, movement, reading)
  -h, --help                this help`;

/** A required date flag (its form and range are checked by parseFlags). */
function dateFlag(value: string | undefined, name: string): string {
  if (value === undefined) throw new UsageError(`crm migrate: --${name} D is required; see crm migrate --help`);
  return value;
}

/** `crm migrate`: the segment migration matrix between two dates. */
export const migrateCommand: Command = {
  name: "migrate",
  section: "segment-migration",
  summary: "segment migration between two dates (before and after a campaign): matrix and reading",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags("migrate", argv, { ...INPUT_FLAGS, json: { type: "boolean" as const } });
    const from = dateFlag(stringFlag(flags, "from"), "from");
    const to = dateFlag(stringFlag(flags, "to"), "to");
    if (!(from < to)) throw new UsageError(`crm migrate: --from ${from} must be before --to ${to}`);
    // --from/--to are the two dates here, not line filters: lines after D2 are ledgered as outside the window.
    const { transactions } = await loadInputFlags("migrate", { ...flags, from: undefined, to: undefined }, io, undefined, to);
    const mig = await step(io, "scoring both dates", (onProgress) => rfmMigration(transactions, { from, to, onProgress }), { progressUnit: "stages" });
    const m = mig.matrix;
    if (flags.json === true) {
      io.out(JSON.stringify({
        from: mig.from,
        to: mig.to,
        customersFrom: mig.customersFrom,
        customersTo: mig.customersTo,
        newCustomers: mig.newCustomers,
        breakpoints: mig.breakpoints,
        rows: m.rows,
        columns: m.columns,
        counts: m.counts,
        revenue: m.revenue,
        rowShares: m.rowShares,
        movement: m.movement,
        overall: m.overall,
        reading: mig.reading,
      }));
      return 0;
    }
    const head = ["from \\ to", ...m.columns.map(abbreviate), "total"];
    const body = m.rows.map((r, i) => [r, ...m.counts[i]!.map(String), String(m.rowTotals[i])]);
    body.push(["total", ...m.columnTotals.map(String), String(m.columnTotals.reduce((a, b) => a + b, 0))]);
    const width = head.map((h, j) => Math.max(h.length, ...body.map((row) => row[j]!.length)));
    const line = (cells: readonly string[]): string => cells.map((c, j) => (j === 0 ? c.padEnd(width[j]!) : c.padStart(width[j]!))).join("  ").trimEnd();
    io.out(`Segment migration, customers by segment on ${mig.from} (rows) and ${mig.to} (columns)\n`);
    io.out([line(head), ...body.map(line)].join("\n") + "\n");
    io.out("Columns: " + m.columns.map((c) => `${abbreviate(c)} = ${c}`).join(", ") + "\n");
    io.out(mig.reading.join("\n"));
    return 0;
  },
};

/** Short column heading: initials of a segment name ("Can't Lose Them" -> "CLT"). */
function abbreviate(name: string): string {
  const words = name.split(/\s+/).filter(Boolean);
  return words.length > 1 ? words.map((w) => w[0]!.toUpperCase()).join("") : name.slice(0, 4);
}
