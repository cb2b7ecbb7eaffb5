import type { RowLedger } from "../../data/ledger/row-ledger.js";
import type { Customers } from "../../data/load/build-customers.js";
import type { ServiceEvents } from "../../data/load/build-service-events.js";
import type { CampaignContacts } from "../../data/load/build-campaign-contacts.js";
import type { Transactions } from "../../data/types.js";
import type { TimeUnit, CustomerSummary } from "../../summary/types.js";
import type { ServiceCostTable } from "../../value/types.js";
import type { LifetimeValueAnalysisOptions } from "../../models/clv/lifetime-value-analysis.js";
import { ArgumentError } from "../../math/argument-error.js";
import type { ProgressCallback } from "../../math/progress.js";
import type { Assumption, Section } from "../report-model.js";

/**
 * An input given now, or a function that loads it when a section first needs it (so that a file
 * is read, with its progress line, only when an analysis asks for it).
 *
 * @example
 * const contacts: Deferred<CampaignContacts> = async () => (await loadCampaignContactsFile("contacts.csv")).contacts;
 */
export type Deferred<T> = T | (() => T | Promise<T>);

/**
 * The side tables a section can need or use, besides the transactions and the customer summary.
 *
 * @example
 * const uses: readonly SideInput[] = ["serviceEvents", "customers"];
 */
export type SideInput = "serviceEvents" | "customers" | "contacts";

/**
 * The data a report's analyses run on: the transactions and their customer summary (always),
 * and the side tables when the user has them.
 *
 * @example
 * const inputs: ReportInputs = { transactions, summary: await customerSummary(transactions), serviceEvents: events };
 */
export interface ReportInputs {
  /**
   * The transactions. Absent (a report from a customer-summary file): only the sections marked
   * `fromSummary` run; the others are left out, saying that they need the transactions.
   */
  readonly transactions?: Transactions;
  readonly summary: CustomerSummary;
  /** Complaints, late deliveries, returns, contacts (customer_id,date,type). */
  readonly serviceEvents?: Deferred<ServiceEvents>;
  /** Customers with their acquisition channel, region, ... */
  readonly customers?: Deferred<Customers>;
  /** Campaign contacts with a control group (customer_id,campaign_id,date,group,responded). */
  readonly contacts?: Deferred<CampaignContacts>;
  /** The cost-to-serve table (default: the built-in prices). */
  readonly costs?: ServiceCostTable;
}

/**
 * The settings of the report's analyses (what `crm report` takes as flags); each section reads
 * the ones it needs. Absent: the analysis's own default.
 *
 * @example
 * const options: ReportAnalysisOptions = { model: "pareto-nbd", discountRatePerPeriod: 0.01 };
 */
export interface ReportAnalysisOptions {
  /** Last day observed, ISO YYYY-MM-DD (default: the last transaction date). */
  readonly observationEnd?: string;
  /** Time unit of the models (default: the summary's). */
  readonly timeUnit?: TimeUnit;
  /** End of the period the lifetime-value model is fitted on for its holdout check. */
  readonly calibrationEnd?: string;
  /** Purchase model of the lifetime-value section (default bg-nbd). */
  readonly model?: LifetimeValueAnalysisOptions["model"];
  /** Discount rate per month of the CLV. */
  readonly discountRatePerPeriod?: number;
  /** Share of spend that is profit in the CLV (1: CLV in revenue). */
  readonly margin?: number;
  /** Margin rate assumed when no line has a known cost (customer value). */
  readonly assumedMarginRate?: number;
  /** Campaign cost per contact for the ROI. */
  readonly costPerContact?: number;
  /** Segment migration from this day (default: 91 days before `migrationTo`). */
  readonly migrationFrom?: string;
  /** Segment migration to this day (default: the summary's observation end). */
  readonly migrationTo?: string;
}

/**
 * What an analysis is given: the transactions, the summary, the side tables it needs or uses
 * (loaded), and the options.
 *
 * @example
 * const analysis = (ctx: SectionAnalysisContext) => rfmAnalysis(ctx.summary);
 */
export interface SectionAnalysisContext {
  readonly transactions: Transactions;
  readonly summary: CustomerSummary;
  readonly serviceEvents?: ServiceEvents;
  readonly customers?: Customers;
  readonly contacts?: CampaignContacts;
  readonly costs?: ServiceCostTable;
  readonly options: ReportAnalysisOptions;
  /**
   * Hand it to the analysis's `onProgress` (counting the section's `progressUnit`): the report
   * tells its listener (`crm report`: the step's interim lines or bar) how far the analysis is.
   */
  readonly onProgress?: ProgressCallback;
}

/**
 * What a section builder is given besides its result: the report's currency, how many rows its
 * top lists show, and the report's row ledger (named as the report names the data) and summary.
 *
 * @example
 * const build = (r: RfmAnalysis, ctx: SectionBuildContext) => rfmSegmentsSection(r, { currency: ctx.currency });
 */
export interface SectionBuildContext {
  /** ISO 4217 code of the amounts, "" for none. */
  readonly currency: string;
  /** Rows in the top-customer tables. */
  readonly topN: number;
  /** Rejected rows the data-quality section lists. */
  readonly maxRejectedRows: number;
  readonly ledger: RowLedger;
  readonly summary: CustomerSummary;
}

/**
 * Something a section cannot do without: a side table, or one of some transaction columns.
 * `missing` is the one sentence the report shows when it is absent, naming the file or flag
 * that would give it.
 *
 * @example
 * const need: SectionNeed = { input: "contacts", missing: "needs a campaign contacts file; give it with --contacts FILE" };
 */
export type SectionNeed =
  | { readonly input: SideInput; readonly missing: string }
  | { readonly anyColumn: readonly (keyof Transactions)[]; readonly missing: string };

/**
 * A key figure for the report's cover: the label of one of the section's own KPIs, and the
 * cover label that says what it measures.
 *
 * @example
 * const h: Headline = { kpi: "Best lift", cover: "Best cross-sell lift (times chance)" };
 */
export interface Headline {
  readonly kpi: string;
  readonly cover: string;
}

/**
 * One report section in the registry: its id (the one name of the analysis in `--sections`, the
 * report, the Excel sheet and JSON), title, help line, what it needs, its analysis, its builder,
 * its cover figure and its lines under "Assumptions and method". `R` is the analysis's result.
 *
 * @example
 * const spec: ReportSectionSpec<number> = {
 *   id: "customer-count", title: "Customer count", help: "how many customers",
 *   analysis: (ctx) => ctx.summary.length,
 *   build: (n) => ({ id: "customer-count", title: "Customer count", narrative: [], kpis: [], tables: [], charts: [] }),
 * };
 */
export interface ReportSectionSpec<R = unknown> {
  /** Lowercase letters, digits and hyphens, e.g. "cross-sell"; the built Section has the same id. */
  readonly id: string;
  /** Heading (and sheet name); also shown for the section when it is left out. */
  readonly title: string;
  /** One line for `crm report --help`. */
  readonly help: string;
  /** Every report has it, built from the report's ledger and summary (no analysis; not named in --sections). */
  readonly core?: boolean;
  /** Without these the section is left out with their sentence. */
  readonly needs?: readonly SectionNeed[];
  /** Side tables the analysis uses when they are given. */
  readonly uses?: readonly SideInput[];
  /**
   * The analysis reads only the customer summary (and the options), never the transactions: it
   * runs in a report made from a summary file (`crm report --summary`).
   */
  readonly fromSummary?: boolean;
  /** The transaction columns (default names) the analysis can use; the section says which the data had. */
  readonly columns?: readonly string[];
  /** The cover figure: the first of these KPIs that is known, else the section's first KPI not already on the cover. */
  readonly headline?: readonly Headline[];
  /** Where the section's assumption lines go (lower first, then in report order; default 1). */
  readonly methodOrder?: number;
  /** What the analysis's `onProgress` counts, plural (default `stages`). */
  readonly progressUnit?: string;
  /** The progress label of the analysis (default: the title). */
  label?(context: SectionAnalysisContext): string;
  /**
   * The analysis; throws AnalysisNotPossibleError when it cannot be done on these data. Absent:
   * the caller computes the result and gives it to `buildCustomerReport` in `results`.
   */
  analysis?(context: SectionAnalysisContext): R | Promise<R>;
  /** The result as a report section. */
  build(result: R, context: SectionBuildContext): Section;
  /** Its lines under "Assumptions and method" (models, parameters, prices). */
  assumptions?(result: R, context: SectionBuildContext): readonly Assumption[];
}

const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Checks and freezes a report section for the registry (or for a report of your own:
 * `buildCustomerReport({ ..., registry: [...REPORT_SECTIONS, mySection] })`).
 *
 * @param spec - the section
 * @returns the same section, frozen
 * @throws ArgumentError when the id is not lowercase letters, digits and hyphens, or the title or help is empty
 * @example
 * const orderSizes = defineReportSection({
 *   id: "order-sizes", title: "Order sizes", help: "spend per order",
 *   analysis: (ctx) => ctx.summary.length,
 *   build: (n) => ({ id: "order-sizes", title: "Order sizes", narrative: [`${n} customers`], kpis: [], tables: [], charts: [] }),
 * });
 * orderSizes.id; // "order-sizes"
 */
export function defineReportSection<R>(spec: ReportSectionSpec<R>): ReportSectionSpec<R> {
  if (typeof spec.id !== "string" || !ID.test(spec.id)) throw new ArgumentError(`defineReportSection: id ${JSON.stringify(spec.id)} must be lowercase letters, digits and hyphens, e.g. "order-sizes"`);
  if (typeof spec.title !== "string" || spec.title.trim() === "") throw new ArgumentError(`defineReportSection: section "${spec.id}" needs a title`);
  if (typeof spec.help !== "string" || spec.help.trim() === "") throw new ArgumentError(`defineReportSection: section "${spec.id}" needs a help line`);
  if (typeof spec.build !== "function") throw new ArgumentError(`defineReportSection: section "${spec.id}" needs a build function`);
  return Object.freeze(spec);
}

/**
 * Checks a list of sections: each defined, ids distinct.
 *
 * @param fn - the calling function, for messages
 * @param registry - the sections
 * @returns the registry
 * @throws ArgumentError for a duplicate id
 * @example
 * checkRegistry("buildCustomerReport", REPORT_SECTIONS);
 */
export function checkRegistry(fn: string, registry: readonly ReportSectionSpec[]): readonly ReportSectionSpec[] {
  const seen = new Set<string>();
  for (const s of registry) {
    if (typeof s?.id !== "string" || typeof s.build !== "function") throw new ArgumentError(`${fn}: every registry entry needs an id and a build function (see defineReportSection)`);
    if (seen.has(s.id)) throw new ArgumentError(`${fn}: two sections have the id "${s.id}"; ids must be distinct`);
    seen.add(s.id);
  }
  return registry;
}

/**
 * A section left out of a report: the analysis could not be done on these data, or an input it
 * needs is missing.
 *
 * @example
 * const o: OmittedSection = { id: "campaigns", section: "campaign uplift", reason: "needs a campaign contacts file; give it with --contacts FILE" };
 */
export interface OmittedSection {
  /** The section's registry id, e.g. "lifetime-value"; absent: the section whose id or title `section` starts with. */
  readonly id?: string;
  /** What was left out, in words: shown as "Left out: <section>" under "Assumptions and method". */
  readonly section: string;
  /** The one-line reason, naming what would make it possible. */
  readonly reason: string;
}
