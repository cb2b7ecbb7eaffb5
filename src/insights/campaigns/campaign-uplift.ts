import type { CampaignContacts } from "../../data/load/build-campaign-contacts.js";
import { formatDay } from "../../data/parse/format-day.js";
import type { Transactions } from "../../data/types.js";
import { campaignRates } from "./campaign-rates.js";
import type { CampaignRevenue, CampaignReturn, CampaignSegmentRow, CampaignUplift } from "./campaign-types.js";
import { campaignWindowSpend } from "./campaign-window-spend.js";
import type { UpliftIntervalMethod } from "./uplift-interval.js";
import { upliftMeanDifference } from "./uplift-mean-difference.js";
import { ArgumentError } from "../../math/argument-error.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** Options of {@link campaignUplift}. */
export interface CampaignUpliftOptions {
  /** The campaign to analyse (default: the only one in the contacts). */
  readonly campaignId?: string;
  /** Transactions, to compare net spend in the window after the campaign day in both groups. */
  readonly transactions?: Transactions;
  /** Days of that spend window from the campaign day (default 30). */
  readonly windowDays?: number;
  /** Cost of one contact, currency units (default 0). */
  readonly costPerContact?: number;
  /** Gross margin rate earned on incremental revenue, in (0, 1] (default 1: the return is on revenue). */
  readonly margin?: number;
  /** A segment per customer (e.g. the RFM segments) for the breakdown. */
  readonly segments?: { readonly customerId: readonly string[]; readonly segment: readonly string[] };
  /** Two-sided confidence level (default 0.95). */
  readonly confidence?: number;
  /** Interval of the uplift: "newcombe" (default, hybrid score) or "wald". */
  readonly intervalMethod?: UpliftIntervalMethod;
}

/**
 * Analyses a campaign with a control group: response rates by group (Wilson intervals), the
 * uplift (difference of proportions, Newcombe interval by default) and its two-proportion test,
 * incremental responders, incremental revenue per customer and in total (from response amounts,
 * and from net spend in a window after the campaign day when transactions are given; Welch
 * normal intervals), cost, margin, net return and ROI, and the same per segment.
 *
 * @param contacts - campaign contacts (one row per contacted or held-out customer)
 * @param options - campaign, transactions and window, cost per contact, margin, segments, confidence, method
 * @returns the frozen analysis (rates fractions, money currency units)
 * @throws ArgumentError when the campaign is missing or ambiguous, a group is empty, or an option is out of range
 * @example
 * const a = campaignUplift(contacts, { costPerContact: 0.8, margin: 0.35 });
 * a.uplift?.estimate; // 0.0300 on the sample (128/1602 − 80/1603)
 */
export function campaignUplift(contacts: CampaignContacts, options: CampaignUpliftOptions = {}): CampaignUplift {
  const fn = "campaignUplift";
  const ids = [...new Set(contacts.campaignId)];
  const campaignId = options.campaignId ?? (ids.length === 1 ? ids[0]! : undefined);
  if (campaignId === undefined) throw new ArgumentError(`${fn}: the contacts hold ${ids.length === 0 ? "no campaign" : `campaigns ${ids.join(", ")}; choose one with campaignId`}`);
  const cost = options.costPerContact ?? 0, margin = options.margin ?? 1, windowDays = options.windowDays ?? 30;
  if (!(Number.isFinite(cost) && cost >= 0)) throw new ArgumentError(`${fn}: costPerContact ${cost} is not a number ≥ 0`);
  if (!(margin > 0 && margin <= 1)) throw new ArgumentError(`${fn}: margin ${margin} is not in (0, 1]`);
  const rows: number[] = [];
  for (let i = 0; i < contacts.length; i++) if (contacts.campaignId[i] === campaignId) rows.push(i);
  if (rows.length === 0) throw new ArgumentError(`${fn}: campaign "${campaignId}" is not in the contacts (campaigns: ${ids.join(", ")})`);
  const notes: string[] = [];
  if (ids.length > 1) notes.push(`${ids.length - 1} other campaign(s) left out`);
  const treat = Uint8Array.from(rows, (i) => (contacts.group[i] === "treatment" ? 1 : 0));
  const resp = Uint8Array.from(rows, (i) => contacts.responded[i]!);
  const customerIds = rows.map((i) => contacts.customerId[i]!);
  if (new Set(customerIds).size < customerIds.length) notes.push(`${customerIds.length - new Set(customerIds).size} customer(s) appear more than once; each row counts as a contact`);
  let day = Infinity, lastDay = -Infinity;
  for (const i of rows) { day = Math.min(day, contacts.day[i]!); lastDay = Math.max(lastDay, contacts.day[i]!); }
  if (lastDay > day) notes.push(`contacts run from ${formatDay(day)} to ${formatDay(lastDay)}; the spend window starts on the first day`);
  const confidence = options.confidence ?? 0.95, method = options.intervalMethod ?? "newcombe";
  const split = (v: ArrayLike<number>): [number[], number[]] => {
    const a: number[] = [], b: number[] = [];
    for (let k = 0; k < v.length; k++) (treat[k] === 1 ? a : b).push(v[k]!);
    return [a, b];
  };
  const revenues: { basis: CampaignRevenue["basis"]; values: Float64Array; windowDays: number | null }[] = [];
  const amounts = Float64Array.from(rows, (i) => contacts.responseAmount[i]!);
  if (amounts.every(Number.isFinite)) revenues.push({ basis: "response_amount", values: amounts, windowDays: null });
  else notes.push("some responders have no response amount: revenue from response amounts is not shown");
  if (options.transactions?.amount) revenues.push({ basis: "window_spend", values: campaignWindowSpend(options.transactions, customerIds, day, windowDays), windowDays });
  const rates = campaignRates(treat, resp, revenues[0]?.values ?? null, { confidence, method });
  if (rates.uplift === null) throw new AnalysisNotPossibleError(`${fn}: campaign "${campaignId}" has ${rates.groups[0].customers} treated and ${rates.groups[1].customers} control customers; both groups are needed`);
  const nT = rates.groups[0].customers;
  const revenue: CampaignRevenue[] = revenues.map((r) => {
    const [a, b] = split(r.values);
    const perCustomer = upliftMeanDifference(a, b, confidence);
    const incrementalRevenue = Object.freeze({ ...perCustomer, estimate: perCustomer.estimate * nT, lower: perCustomer.lower * nT, upper: perCustomer.upper * nT });
    return Object.freeze({ basis: r.basis, windowDays: r.windowDays, perCustomer, incrementalRevenue });
  });
  let ret: CampaignReturn | null = null;
  if (revenue[0]) {
    const incrementalMargin = revenue[0].incrementalRevenue.estimate * margin, total = cost * nT;
    ret = Object.freeze({
      costPerContact: cost, margin, cost: total, incrementalMargin, netReturn: incrementalMargin - total,
      roi: total > 0 ? (incrementalMargin - total) / total : null, breakEvenCostPerContact: incrementalMargin / nT,
    });
  }
  const segments = options.segments ? segmentRows(options.segments, customerIds, treat, resp, revenues[0]?.values ?? null, confidence, method) : [];
  return Object.freeze({
    campaignId, campaignDate: formatDay(day), confidence, intervalMethod: method, ...rates,
    revenue: Object.freeze(revenue), return: ret, segments, notes: Object.freeze(notes),
  });
}

function segmentRows(
  seg: NonNullable<CampaignUpliftOptions["segments"]>, customerIds: readonly string[], treat: Uint8Array, resp: Uint8Array,
  revenue: Float64Array | null, confidence: number, method: UpliftIntervalMethod,
): readonly CampaignSegmentRow[] {
  if (seg.customerId.length !== seg.segment.length) throw new ArgumentError(`campaignUplift: segments have ${seg.customerId.length} customer ids but ${seg.segment.length} segments`);
  const of = new Map<string, string>();
  seg.customerId.forEach((id, i) => of.set(id, seg.segment[i]!));
  const members = new Map<string, number[]>();
  customerIds.forEach((id, k) => {
    const s = of.get(id) ?? "Unsegmented";
    const list = members.get(s);
    if (list) list.push(k); else members.set(s, [k]);
  });
  const rows = [...members].map(([segment, ks]): CampaignSegmentRow => {
    const pick = <T extends Uint8Array | Float64Array>(v: T): number[] => ks.map((k) => v[k]!);
    const r = campaignRates(pick(treat), pick(resp), revenue ? pick(revenue) : null, { confidence, method });
    const [t, c] = r.groups;
    const inc = t.revenuePerCustomer !== null && c.revenuePerCustomer !== null ? (t.revenuePerCustomer - c.revenuePerCustomer) * t.customers : null;
    return Object.freeze({ segment, ...r, incrementalRevenue: inc });
  });
  rows.sort((a, b) => b.groups[0].customers + b.groups[1].customers - (a.groups[0].customers + a.groups[1].customers) || a.segment.localeCompare(b.segment));
  return Object.freeze(rows);
}
