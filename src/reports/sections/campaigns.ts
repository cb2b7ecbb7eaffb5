import { campaignResponseChart } from "../../charts/insights/campaign-response-chart.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import type { CampaignUplift } from "../../insights/campaigns/campaign-types.js";
import { campaignUplift } from "../../insights/campaigns/campaign-uplift.js";
import { formatValue } from "../format-value.js";
import type { ReportChart, Section } from "../report-model.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../../charts/index.js";
import { defineReportSection } from "./section-spec.js";

const pct = (x: number | null): string => formatValue(x, "percent");
const int = (x: number | null): string => formatValue(x === null ? null : Math.round(x), "integer");
const pts = (x: number): string => `${x >= 0 ? "+" : "−"}${(Math.abs(x) * 100).toFixed(1)} points`;
const BASIS = { response_amount: "response amounts", window_spend: "spend in the window after the campaign" } as const;

/**
 * The "Campaigns" section: did the campaign work, what did it add, did it pay. Response rates
 * of the contacted (treatment) and held-out (control) groups with intervals, the uplift with its
 * interval and p-value, incremental responders and revenue, cost and ROI, and the segments
 * where the campaign worked best, with a reading a manager can act on.
 *
 * @param result - the plain result of `campaignUplift`
 * @param options - `currency` (ISO 4217, default "EUR")
 * @returns a frozen section with id "campaigns"
 * @throws ArgumentError when the result has no uplift (an empty group) or a chart input is invalid
 * @example
 * campaignsSection(campaignUplift(contacts), { currency: "EUR" }).kpis[0].label; // "Uplift"
 */
export function campaignsSection(result: CampaignUplift, options: { readonly currency?: string } = {}): Section {
  const currency = options.currency ?? "";
  const money = (x: number | null): string => formatValue(x, "money", currency);
  const [t, c] = result.groups;
  if (!result.uplift || !result.test || !result.incrementalResponders) throw new ArgumentError(`campaignsSection: campaign "${result.campaignId}" has no uplift (a group is empty)`);
  const u = result.uplift, test = result.test, inc = result.incrementalResponders;
  const level = `${Math.round(result.confidence * 100)} %`;
  const rev = result.revenue[0], ret = result.return;
  const clear = u.lower > 0, harmful = u.upper < 0;
  const narrative = [
    `Campaign ${result.campaignId} on ${result.campaignDate}: ${int(t.customers)} customers were contacted and ${int(c.customers)} held out as a control group. ` +
      `${pct(t.responseRate)} of the contacted responded (${level} interval ${pct(t.lower)} to ${pct(t.upper)}) against ${pct(c.responseRate)} of the control group (${pct(c.lower)} to ${pct(c.upper)}).`,
    `Uplift: ${pts(u.estimate)} (${level} interval ${pts(u.lower)} to ${pts(u.upper)}, ${u.method === "newcombe" ? "Newcombe hybrid score" : "Wald"}; two-sided p = ${test.pValue < 0.0001 ? "< 0.0001" : test.pValue.toFixed(4)}). ` +
      (clear ? `The campaign caused about ${int(inc.estimate)} extra responders (${int(inc.lower)} to ${int(inc.upper)}) who would not have bought without it.`
        : harmful ? "The contacted group responded less than the control group: the contact put customers off."
        : "The interval includes zero: on this evidence the campaign cannot be told apart from no effect; do not scale it up before a larger test."),
  ];
  if (rev) narrative.push(`Incremental revenue from ${BASIS[rev.basis]}${rev.windowDays === null ? "" : ` (${rev.windowDays} days)`}: ${money(rev.incrementalRevenue.estimate)} (${money(rev.incrementalRevenue.lower)} to ${money(rev.incrementalRevenue.upper)}), ${money(rev.perCustomer.estimate)} per contacted customer.`);
  for (const r of result.revenue.slice(1)) narrative.push(`Measured from ${BASIS[r.basis]}${r.windowDays === null ? "" : ` (${r.windowDays} days)`} instead, it is ${money(r.incrementalRevenue.estimate)} (${money(r.incrementalRevenue.lower)} to ${money(r.incrementalRevenue.upper)}); ordinary purchases of both groups make this measure noisier.`);
  if (ret) {
    narrative.push(ret.cost > 0
      ? `At ${money(ret.costPerContact)} a contact the campaign cost ${money(ret.cost)} and earned ${money(ret.incrementalMargin)} of margin (at a ${pct(ret.margin)} margin): net ${money(ret.netReturn)}, ROI ${pct(ret.roi)}. ` +
        (ret.netReturn >= 0 ? "It paid for itself; repeat it, contacting the segments with the largest uplift first." : `It did not pay: it breaks even at ${money(ret.breakEvenCostPerContact)} a contact; contact fewer, better-targeted customers or cut the cost per contact.`)
      : `No cost per contact was given; the campaign earned ${money(ret.incrementalMargin)} of margin (at a ${pct(ret.margin)} margin) and breaks even at up to ${money(ret.breakEvenCostPerContact)} a contact.`);
  }
  const seg = result.segments.filter((s) => s.uplift !== null && s.groups[0].customers >= 30 && s.groups[1].customers >= 30);
  if (seg.length > 1) {
    const sorted = [...seg].sort((a, b) => b.uplift!.estimate - a.uplift!.estimate);
    narrative.push(`By segment, the uplift is largest in ${sorted[0]!.segment} (${pts(sorted[0]!.uplift!.estimate)}) and smallest in ${sorted[sorted.length - 1]!.segment} (${pts(sorted[sorted.length - 1]!.uplift!.estimate)}); segment intervals are wide, so treat these as leads for the next test.`);
  }
  narrative.push(...result.notes.map((n) => `Note: ${n}.`));
  const charts: ReportChart[] = [{
    title: "Response rate by group",
    figure: campaignResponseChart(result.groups.map((g) => ({ label: g.group === "treatment" ? "Contacted (treatment)" : "Held out (control)", rate: g.responseRate, lower: g.lower, upper: g.upper }))),
    caption: `Share of customers who responded in each group; the dots mark the ${level} interval. The gap between the bars is the uplift the campaign caused.`,
  }];
  if (seg.length > 0) {
    charts.push({
      title: "Response rate by segment and group",
      figure: campaignResponseChart(seg.flatMap((s) => s.groups.map((g) => ({ label: `${s.segment} · ${g.group}`, rate: g.responseRate, lower: g.lower, upper: g.upper }))), { title: "Response rate by segment and group" }),
      caption: `Per segment, the contacted (blue) and control (orange) response rates with ${level} intervals; segments with under 30 customers in a group are left out.`,
    });
  }
  return deepFreeze({
    id: "campaigns",
    title: "Campaigns",
    narrative,
    kpis: [
      { label: "Uplift", value: u.estimate, format: "percent" as const, unit: "", note: `points of response rate; ${level} interval ${pts(u.lower)} to ${pts(u.upper)}` },
      { label: "Incremental responders", value: Math.round(inc.estimate), format: "integer" as const, unit: "customers", note: `${int(inc.lower)} to ${int(inc.upper)}` },
      { label: "Incremental revenue", value: rev ? rev.incrementalRevenue.estimate : null, format: "money" as const, unit: currency, note: rev ? `from ${BASIS[rev.basis]}` : "no revenue measure" },
      { label: "ROI", value: ret?.roi ?? null, format: "percent" as const, unit: "", note: ret && ret.cost > 0 ? `net ${money(ret.netReturn)} on ${money(ret.cost)} cost` : "no cost per contact given" },
    ],
    tables: [
      {
        title: "Response by group",
        columns: [
          { key: "group", label: "Group", format: "text" as const }, { key: "customers", label: "Customers", format: "integer" as const },
          { key: "responders", label: "Responders", format: "integer" as const }, { key: "rate", label: "Response rate", format: "percent" as const },
          { key: "lower", label: `${level} low`, format: "percent" as const }, { key: "upper", label: `${level} high`, format: "percent" as const },
          { key: "revenuePerCustomer", label: withCurrency("Revenue per customer", currency), format: "money" as const },
        ],
        rows: result.groups.map((g) => ({ group: g.group, customers: g.customers, responders: g.responders, rate: g.responseRate, lower: g.lower, upper: g.upper, revenuePerCustomer: g.revenuePerCustomer })),
      },
      {
        title: "Uplift by segment",
        columns: [
          { key: "segment", label: "Segment", format: "text" as const }, { key: "treated", label: "Contacted", format: "integer" as const },
          { key: "control", label: "Control", format: "integer" as const }, { key: "rateT", label: "Rate contacted", format: "percent" as const },
          { key: "rateC", label: "Rate control", format: "percent" as const }, { key: "uplift", label: "Uplift", format: "percent" as const },
          { key: "lower", label: `${level} low`, format: "percent" as const }, { key: "upper", label: `${level} high`, format: "percent" as const },
          { key: "incrementalRevenue", label: withCurrency("Incremental revenue", currency), format: "money" as const },
        ],
        rows: result.segments.map((s) => ({
          segment: s.segment, treated: s.groups[0].customers, control: s.groups[1].customers, rateT: s.groups[0].responseRate, rateC: s.groups[1].responseRate,
          uplift: s.uplift?.estimate ?? null, lower: s.uplift?.lower ?? null, upper: s.uplift?.upper ?? null, incrementalRevenue: s.incrementalRevenue,
        })),
      },
    ].filter((tb) => tb.rows.length > 0),
    charts,
  });
}

/**
 * The "Campaigns" entry of the section registry: `campaignUplift` of the campaign contacts
 * against the transactions, built by {@link campaignsSection}; left out without contacts.
 *
 * @example
 * campaignsSpec.id; // "campaigns"
 */
export const campaignsSpec = defineReportSection<CampaignUplift>({
  id: "campaigns",
  title: "Campaigns",
  help: "response, uplift with its interval, ROI (needs --contacts; the sample has them)",
  needs: [{ input: "contacts", missing: "needs a campaign contacts file (customer_id,campaign_id,date,group,responded); give it with --contacts FILE" }],
  columns: ["customer_id", "date", "amount"],
  headline: [{ kpi: "Uplift", cover: "Campaign uplift in response rate" }],
  label: () => "campaign uplift",
  analysis: (ctx) => campaignUplift(ctx.contacts!, { transactions: ctx.transactions, costPerContact: ctx.options.costPerContact }),
  build: (result, ctx) => campaignsSection(result, { currency: ctx.currency }),
  assumptions: (result, ctx) => result.return
    ? [{ label: "Campaign", value: `${result.campaignId}: cost ${formatValue(result.return.costPerContact, "money", ctx.currency)} per contact, margin ${formatValue(result.return.margin, "percent")}` }]
    : [],
});
