import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, databaseFlags, loadInputFlags } from "../input-flags.js";
import { intFlag, parseFlags, stringFlag, numberFlag } from "../parse-flags.js";
import { step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { loadCampaignContactsFile } from "../../data/load/load-campaign-contacts.js";
import { formatDay } from "../../data/parse/format-day.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { campaignUplift } from "../../insights/campaigns/campaign-uplift.js";
import { rfmAnalysis } from "../../segments/rfm/rfm-analysis.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { columnsToCsv } from "../../data/output/columns-to-csv.js";

const HELP = `crm campaign: did a campaign work? response rates, uplift, incremental revenue, cost and ROI

Usage: crm campaign --contacts FILE [--input FILE] [--campaign ID] [--window-days N]
                    [--cost-per-contact C] [--margin M] [--by-segment] [--out FILE.csv] [--json]

Compares the contacted (treatment) and held-out (control) customers of a campaign: response
rates with Wilson intervals, uplift (difference of proportions) with Newcombe's 95 % interval,
the two-proportion z test, incremental responders, incremental revenue from response amounts
and (with --input) from net spend in the window after the campaign day, cost and ROI.

Campaign:
      --contacts FILE       campaign contacts: customer_id,campaign_id,date,group,responded[,response_amount]
      --campaign ID         the campaign to analyse (default: the only one in the file)
      --window-days N       days of the spend window from the campaign day, 1-3650 (default 30)
      --cost-per-contact C  cost of one contact, currency units (default 0)
      --margin M            gross margin rate on incremental revenue, e.g. 0.35 (default 1: revenue)
      --by-segment          break down by RFM segment as of the day before the campaign (needs --input)
${INPUT_HELP}
Output:
      --out FILE.csv        write the group and segment rows there (atomically)
      --json                print one JSON object (groups, uplift, test, revenue, return, segments)
  -h, --help                this help`;


/** `crm campaign`: uplift, incremental revenue and ROI of a campaign with a control group. */
export const campaignCommand: Command = {
  name: "campaign",
  section: "campaigns",
  summary: "campaign uplift with intervals, incremental responders and revenue, cost and ROI",
  help: HELP,
  async run(argv, io) {
    const spec = {
      ...INPUT_FLAGS,
      contacts: { type: "string" as const }, campaign: { type: "string" as const }, "window-days": { type: "string" as const },
      "cost-per-contact": { type: "string" as const }, margin: { type: "string" as const }, "by-segment": { type: "boolean" as const },
      out: { type: "string" as const, short: "o" }, json: { type: "boolean" as const },
    };
    const flags = parseFlags("campaign", argv, spec);
    const file = stringFlag(flags, "contacts");
    if (file === undefined) throw new UsageError("crm campaign: --contacts FILE is required (customer_id,campaign_id,date,group,responded); see crm campaign --help");
    const windowDays = intFlag("campaign", flags, "window-days", 1, 3650, 30);
    const costPerContact = numberFlag("campaign", flags, "cost-per-contact", (x) => x >= 0, "a number ≥ 0, e.g. 0.8");
    const margin = numberFlag("campaign", flags, "margin", (x) => x > 0 && x <= 1, "a rate in (0, 1], e.g. 0.35 for 35 %");
    const hasTransactions = stringFlag(flags, "input") !== undefined || databaseFlags("campaign", flags) !== undefined;
    if (flags["by-segment"] === true && !hasTransactions) throw new UsageError("crm campaign: --by-segment needs --input (or --db and --table: the transactions to score RFM segments on)");
    await checkOutFlags("campaign", flags);
    const { contacts } = await step(io, `reading ${file}`, () => loadCampaignContactsFile(file));
    const transactions = hasTransactions ? (await loadInputFlags("campaign", flags, io)).transactions : undefined;
    let segments: { customerId: readonly string[]; segment: readonly string[] } | undefined;
    if (flags["by-segment"] === true && transactions) {
      const id = stringFlag(flags, "campaign");
      let first = Infinity;
      for (let i = 0; i < contacts.length; i++) if (id === undefined || contacts.campaignId[i] === id) first = Math.min(first, contacts.day[i]!);
      const before = formatDay(first - 1);
      const rfm = await step(io, `RFM segments as of ${before}`, async () => rfmAnalysis(await customerSummary(transactions, { calibrationEnd: before, observationEnd: before })));
      segments = { customerId: rfm.scores.customer_id, segment: rfm.segments.segment };
    }
    const r = await step(io, "campaign uplift", () => campaignUplift(contacts, { campaignId: stringFlag(flags, "campaign"), transactions, windowDays, costPerContact, margin, segments }));
    const p = (x: number): string => `${(100 * x).toFixed(1)} %`;
    const [t, c] = r.groups;
    const u = r.uplift!;
    io.err(`crm: ${r.campaignId} on ${r.campaignDate}: treatment ${t.responders}/${t.customers} = ${p(t.responseRate)}, control ${c.responders}/${c.customers} = ${p(c.responseRate)}, uplift ${(100 * u.estimate).toFixed(2)} points (95 % ${(100 * u.lower).toFixed(2)} to ${(100 * u.upper).toFixed(2)}), p = ${r.test!.pValue.toPrecision(3)}`);
    for (const n of r.notes) io.err(`crm: note: ${n}`);
    const rows = [...r.groups.map((g) => ({ segment: "all", ...g })), ...r.segments.flatMap((s) => s.groups.map((g) => ({ segment: s.segment, ...g })))];
    const csv = columnsToCsv(["segment", "group", "customers", "responders", "response_rate", "lower", "upper", "revenue_per_customer"],
      [rows.map((x) => x.segment), rows.map((x) => x.group), rows.map((x) => x.customers), rows.map((x) => x.responders), rows.map((x) => x.responseRate), rows.map((x) => x.lower), rows.map((x) => x.upper), rows.map((x) => x.revenuePerCustomer)], rows.length);
    const out = stringFlag(flags, "out");
    const written = out === undefined ? undefined : await writeFileAtomic(out, csv);
    if (written) io.err(`crm: wrote ${written}`);
    if (flags.json === true) io.out(JSON.stringify({ ...r, out: written ?? null }));
    else if (!written) io.out(csv);
    return 0;
  },
};
