import type { RowLedger } from "../data/row-ledger.js";
import type { CustomerSummary } from "../summary/types.js";
import type { Report } from "./report-model.js";
import { deepFreeze } from "../charts/index.js";
import { dataQualitySection } from "./data-quality-section.js";
import { customerSummarySection } from "./customer-summary-section.js";
import { lifetimeValueSection } from "./lifetime-value-section.js";
import { reportAssumptions } from "./report-assumptions.js";
import { customerValueSection } from "./customer-value-section.js";
import { rfmSection } from "./rfm-section.js";
import { clusterSection } from "./cluster-section.js";
import { migrationSection } from "./migration-section.js";
import type { CustomerValueResult } from "../value/types.js";
import type { RfmAnalysis } from "../segments/rfm-analysis.js";
import type { ClusterResult } from "../segments/cluster-customers.js";
import type { RfmMigration } from "../segments/rfm-migration.js";
import { propensitySection } from "./propensity-section.js";
import { cohortSection } from "./cohort-section.js";
import { basketSection } from "./basket-section.js";
import { campaignSection } from "./campaign-section.js";
import { serviceSection } from "./service-section.js";
import type { PropensityResult } from "../models/propensity-types.js";
import type { CohortAnalysis } from "../insights/cohort-analysis.js";
import type { BasketAnalysis } from "../insights/basket-analysis.js";
import type { CampaignUplift } from "../insights/campaign-types.js";
import type { ServiceImpact } from "../insights/service-impact.js";
import type { LifetimeValueAnalysis } from "../models/lifetime-value-analysis.js";

/** The key figure of each section that goes on the cover. */
const HEADLINES: Readonly<Record<string, string>> = {
  "data-quality": "Share used",
  "customer-summary": "Repeat customers",
  "customer-value": "Net contribution",
  "rfm-segments": "At risk of loss",
  "customer-clusters": "Most valuable cluster",
  "segment-migration": "Moved up",
  "lifetime-value": "Expected CLV",
  propensity: "High band",
  "cohorts-retention": "5 points more kept a year",
  "cross-sell": "Best lift",
  campaigns: "Uplift",
  "service-impact": "Spend lost to service problems",
};

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Inputs of {@link buildCustomerReport}. */
export interface CustomerReportInput {
  readonly ledger: RowLedger;
  readonly summary: CustomerSummary;
  /** Report title (default "Customer report"). */
  readonly title?: string;
  /** ISO 4217 code of the money amounts (default "EUR"). */
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
  /** Analyses that could not be done on these data, with the reason; listed under assumptions and method. */
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
  const currency = input.currency ?? "EUR";
  if (!/^[A-Z]{3}$/.test(currency)) throw new TypeError(`buildCustomerReport: currency ${JSON.stringify(currency)} is not a 3-letter ISO 4217 code such as "EUR"`);
  const sections = [
    dataQualitySection(ledger, { maxRejectedRows: input.maxRejectedRows ?? 20 }),
    customerSummarySection(summary, { currency, topN: input.topN ?? 20 }),
    ...(input.customerValue ? [customerValueSection(input.customerValue, { currency, topN: input.topN ?? 20 })] : []),
    ...(input.rfm ? [rfmSection(input.rfm, { currency })] : []),
    ...(input.clusters ? [clusterSection(input.clusters, { currency })] : []),
    ...(input.migration ? [migrationSection(input.migration, { currency })] : []),
    ...(input.lifetimeValue ? [lifetimeValueSection(input.lifetimeValue, { currency, topN: input.topN ?? 20 })] : []),
    ...(input.propensity ? [propensitySection(input.propensity, { currency, topN: input.topN ?? 20 })] : []),
    ...(input.cohorts ? [cohortSection(input.cohorts, { currency })] : []),
    ...(input.basket ? [basketSection(input.basket)] : []),
    ...(input.campaign ? [campaignSection(input.campaign, { currency })] : []),
    ...(input.service ? [serviceSection(input.service, { currency })] : []),
  ];
  // The cover: each section's headline figure (the one a manager acts on), else its first key
  // figure not already on the cover.
  const seen = new Set<string>();
  const highlights = sections.flatMap((s) => {
    const headline = HEADLINES[s.id];
    const k = s.kpis.find((kpi) => kpi.label === headline && !seen.has(kpi.label)) ?? s.kpis.find((kpi) => !seen.has(kpi.label));
    if (!k) return [];
    seen.add(k.label);
    return [k];
  });
  return deepFreeze({
    title: input.title ?? "Customer report",
    subtitle: `${ledger.source}: customers to ${summary.calibrationEnd}`,
    generatedAt,
    currency,
    highlights,
    assumptions: reportAssumptions(input),
    sections,
  });
}
