import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { intFlag, parseFlags, stringFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { loadServiceEventsFile } from "../../data/load/load-service-events.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { SERVICE_PROBLEM_LABELS, serviceImpact } from "../../insights/service/service-impact.js";
import { columnsToCsv } from "../../data/output/columns-to-csv.js";

const HELP = `crm service: what service problems cost in later sales and retention

Usage: crm service --input FILE --service-events FILE [--cut D] [--window-days N]
                   [--lookback-days N] [--out FILE.csv] [--json] [mapping flags]

For the customers who bought in the lookback before the cut date, relates returns, late
deliveries, complaints and call-centre contacts before the cut to buying again and spend in the
window after it: correlations, and a comparison with comparable customers without the problem
(same bin of prior purchase days x days since last purchase x spend tertile) giving the
retention and spend gaps with 95 % intervals and the repeat buyers and spend lost.

Service:
      --service-events F    service events: customer_id,date,type (call_centre_contact, complaint,
                            late_delivery, return)
      --cut D               cut date, YYYY-MM-DD (default: last transaction day - window)
      --window-days N       days (1-3650) after the cut in which buying again and spend count (default 180)
      --lookback-days N     days (1-36500) before the cut in which events count and customers must have bought (default 365)
${INPUT_HELP}
Output:
      --out FILE.csv        write the per-problem table there (atomically); default: CSV on stdout
      --json                print one JSON object (cut, window, retention, problems, correlations, cost)
  -h, --help                this help`;

/** `crm service`: the service-impact analysis (retention and spend gaps after service problems). */
export const serviceCommand: Command = {
  name: "service",
  section: "service-impact",
  summary: "service impact: retention and spend after complaints, late deliveries, returns, contacts",
  help: HELP,
  async run(argv, io) {
    const spec = {
      ...INPUT_FLAGS,
      "service-events": { type: "string" as const }, cut: { type: "string" as const },
      "window-days": { type: "string" as const }, "lookback-days": { type: "string" as const },
      out: { type: "string" as const, short: "o" }, json: { type: "boolean" as const },
    };
    const flags = parseFlags("service", argv, spec);
    const file = stringFlag(flags, "service-events");
    if (file === undefined) throw new UsageError("crm service: --service-events FILE is required (customer_id,date,type); see crm service --help");
    const windowDays = intFlag("service", flags, "window-days", 1, 3650, 180);
    const lookbackDays = intFlag("service", flags, "lookback-days", 1, 36500, 365);
    await checkOutFlags("service", flags);
    const { transactions } = await loadInputFlags("service", flags, io);
    const { events } = await step(io, `reading ${file}`, () => loadServiceEventsFile(file));
    const r = await step(io, "service impact", (onProgress) => serviceImpact(transactions, events, { cut: stringFlag(flags, "cut"), windowDays, lookbackDays, onProgress }), { progressUnit: "stages" });
    const pts = (x: number): string => `${(100 * x).toFixed(1)}`;
    io.err(`crm: ${count(r.customers)} customers active in the ${lookbackDays} days to ${r.cutDate}; ${pts(r.retention)} % bought again within ${windowDays} days`);
    for (const p of r.problems) {
      io.err(`crm: ${SERVICE_PROBLEM_LABELS[p.problem]}: ${count(p.withProblem)} customers, retention gap ${pts(p.retention.estimate)} points (95 % ${pts(p.retention.lower)} to ${pts(p.retention.upper)}), spend gap ${p.spend.estimate.toFixed(2)} per customer`);
    }
    io.err(`crm: what it costs: ${count(Math.round(r.cost.lostBuyers))} repeat buyers and ${r.cost.lostSpend.toFixed(2)} of spend lost over ${windowDays} days (95 % ${r.cost.lower.toFixed(2)} to ${r.cost.upper.toFixed(2)})`);
    const ps = r.problems;
    const csv = columnsToCsv(
      ["problem", "customers_with", "retention_with", "retention_comparable", "retention_gap", "retention_gap_lower", "retention_gap_upper", "spend_gap", "spend_gap_lower", "spend_gap_upper", "lost_buyers", "lost_spend", "matched", "unmatched"],
      [ps.map((p) => p.problem), ps.map((p) => p.withProblem), ps.map((p) => p.retention.exposedMean), ps.map((p) => p.retention.expectedMean), ps.map((p) => p.retention.estimate),
        ps.map((p) => p.retention.lower), ps.map((p) => p.retention.upper), ps.map((p) => p.spend.estimate), ps.map((p) => p.spend.lower), ps.map((p) => p.spend.upper),
        ps.map((p) => p.lostBuyers.estimate), ps.map((p) => p.lostSpend.estimate), ps.map((p) => p.retention.matched), ps.map((p) => p.retention.unmatched)],
      ps.length,
    );
    const out = stringFlag(flags, "out");
    const written = out === undefined ? undefined : await writeFileAtomic(out, csv);
    if (written) io.err(`crm: wrote ${written}`);
    if (flags.json === true) io.out(JSON.stringify({ ...r, out: written ?? null }));
    else if (!written) io.out(csv);
    return 0;
  },
};
