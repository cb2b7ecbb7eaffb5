import type { RowLedger } from "../data/ledger/row-ledger.js";
import type { CustomerSummary } from "../summary/types.js";
import type { Report, Section } from "./report-model.js";
import { deepFreeze } from "../math/deep-freeze.js";
import { dataQualitySection } from "./sections/data-quality-section.js";
import { customerSummarySection } from "./sections/customer-summary-section.js";
import { lifetimeValueSection } from "./sections/lifetime-value-section.js";
import { reportAssumptions } from "./report-assumptions.js";
import { customerValueSection } from "./sections/customer-value-section.js";
import { rfmSection } from "./sections/rfm-section.js";
import { clusterSection } from "./sections/cluster-section.js";
import { migrationSection } from "./sections/migration-section.js";
import type { CustomerValueResult } from "../value/types.js";
import type { RfmAnalysis } from "../segments/rfm/rfm-analysis.js";
import type { ClusterResult } from "../segments/clusters/cluster-customers.js";
import type { RfmMigration } from "../segments/migration/rfm-migration.js";
import { propensitySection } from "./sections/propensity-section.js";
import { cohortSection } from "./sections/cohort-section.js";
import { basketSection } from "./sections/basket-section.js";
import { campaignSection } from "./sections/campaign-section.js";
import { serviceSection } from "./sections/service-section.js";
import type { PropensityResult } from "../models/propensity/propensity-types.js";
import type { CohortAnalysis } from "../insights/cohorts/cohort-analysis.js";
import type { BasketAnalysis } from "../insights/baskets/basket-analysis.js";
import type { CampaignUplift } from "../insights/campaigns/campaign-types.js";
import type { ServiceImpact } from "../insights/service/service-impact.js";
import type { LifetimeValueAnalysis } from "../models/clv/lifetime-value-analysis.js";

/**
 * The analysis sections in report order: id, title (when left out), the labels a caller may use
 * for it in `omitted` (besides the id and the title), and the headline key figure that goes on
 * the cover with the cover label that says what it measures; `else`: the figures to use, in
 * order, when that one is missing or unknown on these data (e.g. no spend in a purchase log).
 */
interface Headline { readonly headline: string; readonly cover: string }
const ORDER: readonly (Headline & { readonly id: string; readonly title: string; readonly aliases: readonly string[]; readonly else?: readonly Headline[]; readonly columns?: readonly string[] })[] = [
  { id: "data-quality", title: "Data quality", aliases: [], headline: "Share used", cover: "Share of rows used" },
  { id: "customer-summary", title: "Customer summary", aliases: [], headline: "Repeat customers", cover: "Repeat customers (share who bought again)", columns: ["customer_id", "date", "amount", "order_id", "returned_amount"] },
  { id: "customer-value", title: "Customer value", aliases: [], headline: "Net contribution", cover: "Net contribution of all customers", else: [{ headline: "Lifetime sales", cover: "Lifetime sales of all customers" }] , columns: ["customer_id", "amount", "order_id", "channel", "quantity", "unit_price", "discount", "freight", "cost", "returned_quantity", "returned_amount"] },
  { id: "rfm-segments", title: "RFM segments", aliases: ["rfm"], headline: "At risk of loss", cover: "Customers at risk of loss (share)", columns: ["customer_id", "date", "amount", "order_id"] },
  { id: "customer-clusters", title: "Customer clusters", aliases: ["clusters"], headline: "Most valuable cluster", cover: "Share of spend from the most valuable cluster", else: [{ headline: "Largest cluster", cover: "Share of customers in the largest cluster" }] , columns: ["customer_id", "date", "amount", "order_id"] },
  { id: "segment-migration", title: "Segment migration", aliases: ["migration"], headline: "Moved up", cover: "Customers who moved up a segment", columns: ["customer_id", "date", "amount", "order_id"] },
  { id: "lifetime-value", title: "Customer lifetime value", aliases: ["clv"], headline: "Expected CLV", cover: "Expected lifetime value of all customers", else: [{ headline: "Expected purchases", cover: "Expected purchases of all customers" }] , columns: ["customer_id", "date", "amount"] },
  { id: "propensity", title: "Propensity to buy", aliases: ["churn"], headline: "High churn risk", cover: "High churn risk (share of customers)", else: [{ headline: "Likely to buy again", cover: "Likely to buy again (share of customers)" }] , columns: ["customer_id", "date", "amount", "order_id", "channel", "discount", "returned_amount"] },
  { id: "cohorts-retention", title: "Cohorts and retention", aliases: ["cohorts"], headline: "5 points more kept a year", cover: "Profit gain from keeping 5 points more a year", else: [{ headline: "Still buying after a year", cover: "Still buying a year after the first purchase (share)" }] , columns: ["customer_id", "date", "amount", "channel", "cost"] },
  { id: "cross-sell", title: "Cross-sell", aliases: ["basket"], headline: "Best lift", cover: "Best cross-sell lift (times chance)", columns: ["order_id", "date", "product_id", "category"] },
  { id: "campaigns", title: "Campaigns", aliases: ["campaign"], headline: "Uplift", cover: "Campaign uplift in response rate", columns: ["customer_id", "date", "amount"] },
  { id: "service-impact", title: "Service impact", aliases: ["service"], headline: "Spend lost to service problems", cover: "Spend lost to service problems", columns: ["customer_id", "date", "amount"] },
];

const words = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** The id of the report section an `omitted` label names (its id, title or alias, at the start of the label), if any. */
function sectionOf(label: string): string | undefined {
  const w = ` ${words(label)} `;
  return ORDER.find((o) => [o.id, o.title, ...o.aliases].some((n) => w.startsWith(` ${words(n)} `)))?.id;
}

/** The last part of a path ("/home/ann/tx.csv" -> "tx.csv"): reports never show a local path. */
function baseName(source: string): string {
  return source.split(/[\\/]/).filter((p) => p !== "").pop() ?? source;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Inputs of {@link buildCustomerReport}. */
export interface CustomerReportInput {
  readonly ledger: RowLedger;
  readonly summary: CustomerSummary;
  /** Report title (default "Customer report"). */
  readonly title?: string;
  /** Report subtitle naming the data (default: `dataName`). */
  readonly subtitle?: string;
  /** How the report names the data (default: the base name of `ledger.source`, never a local path). */
  readonly dataName?: string;
  /** ISO 4217 code of the money amounts; "" or absent: none (plain amounts, as in the data). */
  readonly currency?: string;
  /** When the report is generated, ISO 8601 date-time with zone, e.g. `new Date().toISOString()` at the caller. */
  readonly generatedAt: string;
  /** Top customers to list (default 20). */
  readonly topN?: number;
  /** The transaction columns the data had and lacked (default names), stated in the assumptions. */
  readonly columns?: { readonly present: readonly string[]; readonly missing: readonly string[] };
  /** Rejected rows to list (default 20). */
  readonly maxRejectedRows?: number;
  /** Customer and channel value, for a "Customer value" section (left out when absent). */
  readonly customerValue?: CustomerValueResult;
  /** RFM scores, segments and usage tiers, for an "RFM segments" section (left out when absent). */
  readonly rfm?: RfmAnalysis;
  /** k-means clusters, for a "Customer clusters" section (left out when absent). */
  readonly clusters?: ClusterResult;
  /** Segment migration between two dates, for a "Segment migration" section (left out when absent). */
  readonly migration?: RfmMigration;
  /** The lifetime-value analysis, for a "Customer lifetime value" section (left out when absent). */
  readonly lifetimeValue?: LifetimeValueAnalysis;
  /** The propensity/churn model, for a "Propensity" section. */
  readonly propensity?: PropensityResult;
  /** Cohorts, retention and the retention what-if, for a "Cohorts and retention" section. */
  readonly cohorts?: CohortAnalysis;
  /** Association rules and next-best products, for a "Cross-sell" section. */
  readonly basket?: BasketAnalysis;
  /** A campaign with a control group, for a "Campaigns" section. */
  readonly campaign?: CampaignUplift;
  /** Service problems against later retention and spend, for a "Service impact" section. */
  readonly service?: ServiceImpact;
  /**
   * Analyses that could not be done on these data, with the one-line reason. `section` is the
   * section's id (e.g. "lifetime-value"), its title, or a label starting with either; each is
   * shown as a left-out section in its place (unknown labels after the others) and listed under
   * assumptions and method.
   */
  readonly omitted?: readonly { readonly section: string; readonly reason: string }[];
}

/**
 * Builds the manager report: a "Data quality" section (rows read, used, rejected and why, what
 * to fix), a "Customer summary" section (customers, repeat customers, frequency, spend, recency,
 * top customers, charts) and, for each analysis given, its section: customer value, RFM
 * segments, customer clusters, segment migration, customer lifetime value, propensity, cohorts
 * and retention, cross-sell, campaigns, service impact. Pure: same inputs, same report.
 *
 * @param input - the row ledger and customer summary, plus title, currency, generatedAt
 * @returns a frozen {@link Report}
 * @throws TypeError when generatedAt is not an ISO 8601 date-time with a zone, or currency is not 3 letters
 * @throws ArgumentError when the ledger does not add up or the summary's columns differ in length
 * @example
 * const r = buildCustomerReport({ ledger, summary, generatedAt: "2024-05-01T09:00:00Z" });
 * r.sections.map((s) => s.title); // ["Data quality", "Customer summary"]
 */
export function buildCustomerReport(input: CustomerReportInput): Report {
  const { ledger, summary, generatedAt } = input;
  if (typeof generatedAt !== "string" || !ISO_DATE_TIME.test(generatedAt) || Number.isNaN(Date.parse(generatedAt))) {
    throw new TypeError(`buildCustomerReport: generatedAt ${JSON.stringify(generatedAt)} is not an ISO 8601 date-time such as "2024-05-01T09:00:00Z"`);
  }
  const currency = input.currency ?? "";
  if (!/^([A-Z]{3})?$/.test(currency)) throw new TypeError(`buildCustomerReport: currency ${JSON.stringify(currency)} is not a 3-letter ISO 4217 code such as "EUR" (or "" for none)`);
  const dataName = input.dataName ?? baseName(ledger.source);
  const named = { ...input, ledger: { ...ledger, source: dataName }, currency };
  const topN = input.topN ?? 20;
  const built = [
    dataQualitySection(named.ledger, { maxRejectedRows: input.maxRejectedRows ?? 20 }),
    customerSummarySection(summary, { currency, topN }),
    ...(input.customerValue ? [customerValueSection(input.customerValue, { currency, topN })] : []),
    ...(input.rfm ? [rfmSection(input.rfm, { currency })] : []),
    ...(input.clusters ? [clusterSection(input.clusters, { currency })] : []),
    ...(input.migration ? [migrationSection(input.migration, { currency })] : []),
    ...(input.lifetimeValue ? [lifetimeValueSection(input.lifetimeValue, { currency, topN })] : []),
    ...(input.propensity ? [propensitySection(input.propensity, { currency, topN })] : []),
    ...(input.cohorts ? [cohortSection(input.cohorts, { currency })] : []),
    ...(input.basket ? [basketSection(input.basket)] : []),
    ...(input.campaign ? [campaignSection(input.campaign, { currency })] : []),
    ...(input.service ? [serviceSection(input.service, { currency })] : []),
  ];
  // Each analysis says which of the columns it can use the data had, and which it lacked.
  const columnsSaid = (sec: Section): Section => {
    const wanted = ORDER.find((o) => o.id === sec.id)?.columns;
    if (!input.columns || !wanted) return sec;
    const used = wanted.filter((c) => input.columns!.present.includes(c));
    const lacking = wanted.filter((c) => input.columns!.missing.includes(c));
    const line = `Columns used: ${used.join(", ")}${lacking.length ? `; used when present, not in these data: ${lacking.join(", ")}` : ""}.`;
    return { ...sec, narrative: [...sec.narrative, line] };
  };
  // Left-out analyses take their place in the order, as sections with the reason and no figures.
  const leftOut = (id: string, title: string, reason: string): Section =>
    ({ id, title, narrative: [], kpis: [], tables: [], charts: [], leftOut: reason });
  const omitted = (input.omitted ?? []).map((o) => ({ ...o, id: sectionOf(o.section) }));
  const sections: Section[] = [];
  for (const o of ORDER) {
    const s = built.find((x) => x.id === o.id);
    if (s) sections.push(columnsSaid(s));
    else for (const m of omitted.filter((x) => x.id === o.id)) sections.push(leftOut(o.id, o.title, m.reason));
  }
  sections.push(...built.filter((s) => !ORDER.some((o) => o.id === s.id)));
  omitted.filter((m) => m.id === undefined).forEach((m, i) => {
    const title = m.section.charAt(0).toUpperCase() + m.section.slice(1);
    sections.push(leftOut(`left-out-${i + 1}`, title, m.reason));
  });
  // The cover: each section's headline figure (the one a manager acts on) under a label that
  // says what it measures, else its first key figure not already on the cover.
  const seen = new Set<string>();
  const highlights = sections.flatMap((s) => {
    const o = ORDER.find((x) => x.id === s.id);
    const known = (h: Headline) => s.kpis.find((kpi) => kpi.label === h.headline && kpi.value !== null && !seen.has(kpi.label));
    const head = o ? [o, ...(o.else ?? [])].find((h) => known(h) !== undefined) : undefined;
    const headline = head ? known(head) : undefined;
    const k = headline ?? s.kpis.find((kpi) => !seen.has(kpi.label));
    if (!k) return [];
    seen.add(k.label);
    return [headline && head ? { ...k, label: head.cover } : k];
  });
  return deepFreeze({
    title: input.title ?? "Customer report",
    subtitle: input.subtitle ?? dataName,
    generatedAt,
    currency,
    observationEnd: summary.observationEnd,
    highlights,
    assumptions: reportAssumptions(named),
    sections,
  });
}
