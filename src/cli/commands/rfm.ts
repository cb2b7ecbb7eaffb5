import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { choiceFlag, parseFlags, stringFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { parseDay } from "../../data/parse/parse-day.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { columnsToCsv } from "../../data/output/columns-to-csv.js";
import { rfmAnalysis } from "../../segments/rfm/rfm-analysis.js";

const HELP = `crm rfm: RFM scores 1-5, the named segments with what to do, and usage tiers

Usage: crm rfm --input FILE [--calibration-end D] [--tiers-by orders|orders-per-year]
               [--out FILE.csv] [--json] [mapping flags]

R = days since the last purchase (reversed: most recent = 5), F = orders, M = total spend,
each scored 1-5 by quintiles; equal values share a score, and when ties allow fewer than 5
scores fewer are used and a note says so. Segments: Champions, Loyal Customers, Potential
Loyalist, New Customers, Promising, Need Attention, About To Sleep, Can't Lose Them, At Risk,
Hibernating, Lost. Prints the segment table and the cut points.

Period:
      --calibration-end D   score the customers as they were at the end of this day, YYYY-MM-DD
                            (default: the last transaction date); later lines are left out
      --tiers-by B          usage tiers by orders (1 | 2-4 | 5+, default) or orders-per-year (<=1 | <=4 | >4)
${INPUT_HELP}
Output:
      --out FILE.csv        write one row per customer (raw R, F, M, scores, segment, usage tier)
      --json                print one JSON object (segments, cut points, tiers, notes) instead of tables
  -h, --help                this help`;

/** Fixed-width text table for people. */
function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const width = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, j) => (j === 0 ? c.padEnd(width[j]!) : c.padStart(width[j]!))).join("  ").trimEnd();
  return [line(header), ...rows.map(line)].join("\n");
}

const pct = (x: number | null): string => (x === null ? "-" : `${(100 * x).toFixed(1)} %`);
const num = (x: number | null, digits = 2): string => (x === null ? "-" : x.toFixed(digits));

/** `crm rfm`: RFM scores, segments and usage tiers of a transactions file. */
export const rfmCommand: Command = {
  name: "rfm",
  section: "rfm-segments",
  summary: "RFM scores, named segments with actions, usage tiers (segment table and cut points)",
  help: HELP,
  async run(argv, io) {
    const spec = {
      ...INPUT_FLAGS,
      "calibration-end": { type: "string" as const },
      "tiers-by": { type: "string" as const },
      out: { type: "string" as const, short: "o" },
      json: { type: "boolean" as const },
    };
    const flags = parseFlags("rfm", argv, spec);
    const end = stringFlag(flags, "calibration-end");
    if (end !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(end) || parseDay(end, "iso") === null)) {
      throw new UsageError(`crm rfm: --calibration-end must be a date YYYY-MM-DD (got "${end}")`);
    }
    const basis = choiceFlag("rfm", flags, "tiers-by", ["orders", "orders-per-year"] as const, "orders");
    await checkOutFlags("rfm", flags);
    const { transactions } = await loadInputFlags("rfm", flags, io, undefined, end);
    const summary = await step(io, "customer summary", () => customerSummary(transactions, { calibrationEnd: end, observationEnd: end, timeUnit: "day" }), { unit: "customers", count: (s) => s.length });
    if (summary.length === 0) throw new UsageError(`crm rfm: no customer bought on or before ${summary.calibrationEnd}; choose a later --calibration-end`);
    const a = rfmAnalysis(summary, { usage: { basis: basis === "orders" ? "orders" : "ordersPerYear" } });
    io.err(`crm: ${count(summary.length)} customers scored to ${summary.calibrationEnd}`);
    for (const note of a.scores.notes) io.err(`crm: note: ${note}`);
    const s = a.scores;
    const out = stringFlag(flags, "out");
    let written: string | undefined;
    if (out !== undefined) {
      const csv = columnsToCsv(
        ["customer_id", "days_since_last_purchase", "orders", "total_spend", "r", "f", "m", "fm", "rfm", "segment", "usage_tier"],
        [s.customer_id, s.days_since_last_purchase, s.orders, s.total_spend, s.r, s.f, s.m, s.fm, Array.from(s.r, (r, i) => `${r}${s.f[i]}${s.m[i]}`), a.segments.segment, a.tiers.tier],
        s.length,
      );
      written = await writeFileAtomic(out, csv);
      io.err(`crm: wrote ${written}`);
    }
    if (flags.json === true) {
      io.out(JSON.stringify({
        customers: s.length,
        periodEnd: a.periodEnd,
        breakpoints: s.breakpoints,
        scoresUsed: s.scoresUsed,
        notes: s.notes,
        segments: a.table,
        tiers: { basis: a.tiers.basis, method: a.tiers.method, cutoffs: a.tiers.cutoffs, rows: a.tiers.rows },
        out: written ?? null,
      }));
      return 0;
    }
    io.out(`RFM segments of ${count(s.length)} customers to ${a.periodEnd}\n`);
    io.out(textTable(
      ["Segment", "Customers", "Share", "Revenue", "Rev. share", "Days", "Orders", "Spend", "R", "F", "M"],
      a.table.map((r) => [r.segment, String(r.customers), pct(r.share), num(r.revenue), pct(r.revenueShare), num(r.meanDaysSinceLastPurchase, 0), num(r.meanOrders), num(r.meanSpend), num(r.meanR, 1), num(r.meanF, 1), num(r.meanM, 1)]),
    ) + "\n");
    io.out("What to do:\n" + a.table.filter((r) => r.customers > 0).map((r) => `  ${r.segment}: ${r.action}`).join("\n") + "\n");
    const bp = s.breakpoints;
    io.out(`Cut points (a value above a cut scores higher; R reversed: fewer days score higher):\n` +
      `  R days since last purchase: ${bp.r.join(", ") || "none"} (scores used ${s.scoresUsed.r.join(", ")})\n` +
      `  F orders:                   ${bp.f.join(", ") || "none"} (scores used ${s.scoresUsed.f.join(", ")})\n` +
      `  M total spend:              ${bp.m.join(", ") || "none"} (scores used ${s.scoresUsed.m.join(", ")})\n`);
    io.out(`Usage tiers by ${a.tiers.basis === "orders" ? "orders" : "orders per year"}:\n` +
      a.tiers.rows.map((r) => `  ${r.tier} (${r.definition}): ${r.customers} customers, ${pct(r.share)}; ${r.treatment}`).join("\n"));
    return 0;
  },
};
