import { customerCodes } from "../../data/columns/text-codes.js";
import type { Command } from "../command.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { intFlag, parseFlags } from "../parse-flags.js";
import { count } from "../progress.js";

const HELP = `crm validate: read a transactions file and account for every row

Usage: crm validate --input FILE [mapping flags] [--show N] [--json]

Prints the row ledger: rows read, used and rejected, the count by reason, and the first rejected
rows with their line numbers and reasons (used + rejected = read, always). Exit code 0 when the
file could be read (even with rejected rows), 2 when it could not.

${INPUT_HELP}
Output:
      --show N            rejected rows to list, 0-1000000 (default 20)
      --json              print the whole ledger as one JSON object
  -h, --help              this help`;

/** `crm validate`: the row ledger of a transactions file. */
export const validateCommand: Command = {
  name: "validate",
  summary: "read a transactions file and print its row ledger (every row used or rejected with a reason)",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags("validate", argv, { ...INPUT_FLAGS, show: { type: "string" }, json: { type: "boolean" } });
    const show = intFlag("validate", flags, "show", 0, 1_000_000, 20);
    const { transactions, ledger } = await loadInputFlags("validate", flags, io);
    if (flags.json === true) {
      io.out(JSON.stringify({ ...ledger, customers: customerCodes(transactions).dictionary.length }));
      return 0;
    }
    const lines = [
      `source      ${ledger.source}`,
      `rows read   ${count(ledger.read)}`,
      `used        ${count(ledger.used)}`,
      `rejected    ${count(ledger.rejected.length)}`,
      `customers   ${count(customerCodes(transactions).dictionary.length)}`,
    ];
    for (const [code, n] of Object.entries(ledger.byReason)) lines.push(`  ${code.padEnd(20)} ${count(n)}`);
    for (const r of ledger.rejected.slice(0, show)) lines.push(`line ${r.line}: ${r.reason}`);
    if (ledger.rejected.length > show) lines.push(`... and ${count(ledger.rejected.length - show)} more (--show N or --json)`);
    io.out(lines.join("\n"));
    return 0;
  },
};
