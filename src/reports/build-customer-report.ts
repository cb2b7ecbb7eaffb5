import type { RowLedger } from "../data/ledger/row-ledger.js";
import type { CustomerSummary } from "../summary/types.js";
import type { Assumption, Report, Section } from "./report-model.js";
import { deepFreeze } from "../math/deep-freeze.js";
import { ArgumentError } from "../math/argument-error.js";
import { reportAssumptions } from "./report-assumptions.js";
import { REPORT_SECTIONS } from "./sections/registry.js";
import { checkRegistry, type OmittedSection, type ReportSectionSpec, type SectionBuildContext } from "./sections/section-spec.js";
import type { CustomerValueResult } from "../value/types.js";
import type { RfmAnalysis } from "../segments/rfm/rfm-analysis.js";
import type { ClusterResult } from "../segments/clusters/cluster-customers.js";
import type { RfmMigration } from "../segments/migration/rfm-migration.js";
import type { PropensityResult } from "../models/propensity/propensity-types.js";
import type { CohortAnalysis } from "../insights/cohorts/cohort-analysis.js";
import type { BasketAnalysis } from "../insights/baskets/basket-analysis.js";
import type { CampaignUplift } from "../insights/campaigns/campaign-types.js";
import type { ServiceImpact } from "../insights/service/service-impact.js";
import type { LifetimeValueAnalysis } from "../models/clv/lifetime-value-analysis.js";

/** The input fields that carried the built-in sections' results before `results` (still accepted), by section id. */
const RESULT_FIELDS = {
  "customer-value": "customerValue", "rfm-segments": "rfm", "customer-clusters": "clusters", "segment-migration": "migration",
  "lifetime-value": "lifetimeValue", propensity: "propensity", "cohorts-retention": "cohorts", "cross-sell": "basket",
  campaigns: "campaign", "service-impact": "service",
} as const satisfies Readonly<Record<string, keyof CustomerReportInput>>;

const words = (t: string): string => t.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

/** The id of the section whose id or title an `omitted` label starts with, if any. */
function sectionOf(registry: readonly ReportSectionSpec[], label: string): string | undefined {
  const w = ` ${words(label)} `;
  return registry.find((o) => [o.id, o.title].some((n) => w.startsWith(` ${words(n)} `)))?.id;
}

/** The last part of a path ("/home/ann/tx.csv" -> "tx.csv"): reports never show a local path. */
function baseName(source: string): string {
  return source.split(/[\\/]/).filter((p) => p !== "").pop() ?? source;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Inputs of {@link buildCustomerReport}.
 *
 * @example
 * const input: CustomerReportInput = { ledger, summary, generatedAt: "2026-01-05T09:00:00Z", results: { "rfm-segments": rfm } };
 */
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
   * The results of the analyses by section id (from `runReportAnalyses`, or computed yourself),
   * e.g. `{ "rfm-segments": rfmAnalysis(summary) }`; each present result adds its section. A
   * result here takes the place of the same section's field above.
   */
  readonly results?: Readonly<Record<string, unknown>>;
  /**
   * The sections, in report order (default {@link REPORT_SECTIONS}); add your own with
   * `[...REPORT_SECTIONS, defineReportSection({ ... })]`.
   */
  readonly registry?: readonly ReportSectionSpec[];
  /**
   * Analyses that could not be done on these data, with the one-line reason (`runReportAnalyses`
   * returns them). Each is shown as a left-out section in its place (unknown ones after the
   * others) and listed under assumptions and method.
   */
  readonly omitted?: readonly OmittedSection[];
}

/**
 * Builds the manager report from the section registry ({@link REPORT_SECTIONS}, or `registry`):
 * in registry order, the sections every report has ("Data quality": rows read, used, rejected
 * and why; "Customer summary") and, for each analysis result given (`results` by section id, or
 * the fields `customerValue`, `rfm`, ...), its section; a section in `omitted` takes its place
 * with the reason. The cover carries each section's headline figure, the assumptions each
 * section's own lines. Pure: same inputs, same report.
 *
 * @param input - the row ledger and customer summary, the results, plus title, currency, generatedAt
 * @returns a frozen {@link Report}
 * @throws TypeError when generatedAt is not an ISO 8601 date-time with a zone, or currency is not 3 letters
 * @throws ArgumentError when two sections share an id, a section builds a Section of another id, the ledger does not add up or the summary's columns differ in length
 * @example
 * const r = buildCustomerReport({ ledger, summary, generatedAt: "2024-05-01T09:00:00Z" });
 * r.sections.map((s) => s.title); // ["Data quality", "Customer summary"]
 * const withRfm = buildCustomerReport({ ledger, summary, generatedAt: "2024-05-01T09:00:00Z", results: { "rfm-segments": rfmAnalysis(summary) } });
 * withRfm.sections.map((s) => s.id); // ["data-quality", "customer-summary", "rfm-segments"]
 */
export function buildCustomerReport(input: CustomerReportInput): Report {
  const frame = reportFrame(input);
  const resultOf = (id: string): unknown =>
    input.results?.[id] ?? (Object.hasOwn(RESULT_FIELDS, id) ? input[RESULT_FIELDS[id as keyof typeof RESULT_FIELDS]] : undefined);
  const built = new Map<string, BuiltSection>();
  for (const spec of frame.registry) {
    const result = spec.core ? undefined : resultOf(spec.id);
    if (spec.core || (result !== undefined && result !== null)) built.set(spec.id, buildSection(frame, spec, result));
  }
  return assembleReport(frame, built, input.omitted ?? []);
}

/**
 * A report's checked settings, ready to build sections: the input (without its results), the
 * registry, and what every section builder is given.
 *
 * @example
 * const frame: ReportFrame = reportFrame({ ledger, summary, generatedAt: "2026-01-05T09:00:00Z" });
 */
export interface ReportFrame {
  readonly input: Omit<CustomerReportInput, "results" | "omitted" | (typeof RESULT_FIELDS)[keyof typeof RESULT_FIELDS]>;
  readonly registry: readonly ReportSectionSpec[];
  readonly ctx: SectionBuildContext;
}

/**
 * What one section adds to a report: the built section (with its "Columns used" line) and its
 * lines under "Assumptions and method". Holds no analysis result (only top-N rows and aggregates).
 *
 * @example
 * const part: BuiltSection = buildSection(frame, rfmSegmentsSpec, rfmAnalysis(summary));
 */
export interface BuiltSection {
  readonly section: Section;
  readonly method?: readonly Assumption[];
}

/**
 * Checks a report's settings (generatedAt, currency, registry) before any section is built, and
 * gathers what the section builders are given. The results and left-out sections are not read.
 *
 * @param input - the report's settings, as for {@link buildCustomerReport}
 * @returns the frame that {@link buildSection} and {@link assembleReport} take
 * @throws TypeError when generatedAt is not an ISO 8601 date-time with a zone, or currency is not 3 letters
 * @throws ArgumentError when two sections share an id
 * @example
 * const frame = reportFrame({ ledger, summary, generatedAt: "2026-01-05T09:00:00Z", currency: "EUR" });
 * frame.ctx.topN; // 20
 */
export function reportFrame(input: ReportFrame["input"]): ReportFrame {
  const { ledger, summary, generatedAt } = input;
  if (typeof generatedAt !== "string" || !ISO_DATE_TIME.test(generatedAt) || Number.isNaN(Date.parse(generatedAt))) {
    throw new TypeError(`buildCustomerReport: generatedAt ${JSON.stringify(generatedAt)} is not an ISO 8601 date-time such as "2024-05-01T09:00:00Z"`);
  }
  const currency = input.currency ?? "";
  if (!/^([A-Z]{3})?$/.test(currency)) throw new TypeError(`buildCustomerReport: currency ${JSON.stringify(currency)} is not a 3-letter ISO 4217 code such as "EUR" (or "" for none)`);
  const registry = checkRegistry("buildCustomerReport", input.registry ?? REPORT_SECTIONS);
  const dataName = input.dataName ?? baseName(ledger.source);
  const ctx: SectionBuildContext = {
    currency, topN: input.topN ?? 20, maxRejectedRows: input.maxRejectedRows ?? 20, ledger: { ...ledger, source: dataName }, summary,
  };
  return { input, registry, ctx };
}

/**
 * Builds one section of a report from its analysis result (a core section from the ledger and
 * summary alone: `result` undefined), with its "Columns used" line and its assumption lines.
 * Nothing of `result` is kept but what the section shows, so the result can be dropped at once.
 *
 * @param frame - from {@link reportFrame}
 * @param spec - the section's registry entry
 * @param result - its analysis result
 * @returns the section and its assumption lines
 * @throws ArgumentError when the section builds a Section of another id; whatever its builder throws
 * @example
 * const part = buildSection(frame, rfmSegmentsSpec, rfmAnalysis(summary));
 * part.section.id; // "rfm-segments"
 */
export function buildSection(frame: ReportFrame, spec: ReportSectionSpec, result: unknown): BuiltSection {
  const { input, ctx } = frame;
  const built = spec.build(result, ctx);
  if (built.id !== spec.id) throw new ArgumentError(`buildCustomerReport: section "${spec.id}" built a section with id "${built.id}"; give the Section the id of its entry`);
  // Each analysis says which of the columns it can use the data had, and which it lacked.
  let section = built;
  if (input.columns && spec.columns) {
    const used = spec.columns.filter((c) => input.columns!.present.includes(c));
    const lacking = spec.columns.filter((c) => input.columns!.missing.includes(c));
    const line = `Columns used: ${used.join(", ")}${lacking.length ? `; used when present, not in these data: ${lacking.join(", ")}` : ""}.`;
    section = { ...built, narrative: [...built.narrative, line] };
  }
  return spec.assumptions ? { section, method: spec.assumptions(result, ctx) } : { section };
}

/**
 * Puts a report together from its built sections, in registry order: a section not built takes
 * its place as left out when `omitted` names it (unknown ones after the others); then the cover
 * (each section's headline figure) and the assumptions (what every report rests on, each
 * section's own lines, the sections left out).
 *
 * @param frame - from {@link reportFrame}
 * @param built - the built sections by id (the core sections among them)
 * @param omitted - the sections left out, with their one-line reasons
 * @returns a frozen {@link Report}
 * @throws ArgumentError when the ledger does not add up or the summary's columns differ in length
 * @example
 * const report = assembleReport(frame, new Map([["data-quality", buildSection(frame, dataQualitySpec, undefined)]]), []);
 */
export function assembleReport(frame: ReportFrame, built: ReadonlyMap<string, BuiltSection>, omittedSections: readonly OmittedSection[]): Report {
  const { input, registry, ctx } = frame;
  const { summary, generatedAt } = input;
  const { currency } = ctx;
  // Left-out analyses take their place in the order, as sections with the reason and no figures.
  const leftOut = (id: string, title: string, reason: string): Section =>
    ({ id, title, narrative: [], kpis: [], tables: [], charts: [], leftOut: reason });
  const omitted = omittedSections.map((o) => ({ ...o, id: o.id ?? sectionOf(registry, o.section) }));
  const sections: Section[] = [];
  const method: { readonly order: number; readonly index: number; readonly lines: readonly Assumption[] }[] = [];
  registry.forEach((spec, index) => {
    const part = built.get(spec.id);
    if (part === undefined) {
      for (const m of omitted.filter((x) => x.id === spec.id)) sections.push(leftOut(spec.id, spec.title, m.reason));
      return;
    }
    sections.push(part.section);
    if (part.method) method.push({ order: spec.methodOrder ?? 1, index, lines: part.method });
  });
  omitted.filter((m) => m.id === undefined || !registry.some((o) => o.id === m.id)).forEach((m, i) => {
    const title = m.section.charAt(0).toUpperCase() + m.section.slice(1);
    sections.push(leftOut(`left-out-${i + 1}`, title, m.reason));
  });
  // The cover: each section's headline figure (the one a manager acts on) under a label that
  // says what it measures, else its first key figure not already on the cover.
  const seen = new Set<string>();
  const highlights = sections.flatMap((s) => {
    const heads = registry.find((x) => x.id === s.id)?.headline ?? [];
    const known = (kpiLabel: string) => s.kpis.find((kpi) => kpi.label === kpiLabel && kpi.value !== null && !seen.has(kpi.label));
    const head = heads.find((h) => known(h.kpi) !== undefined);
    const headline = head ? known(head.kpi) : undefined;
    const k = headline ?? s.kpis.find((kpi) => !seen.has(kpi.label));
    if (!k) return [];
    seen.add(k.label);
    return [headline && head ? { ...k, label: head.cover } : k];
  });
  // Assumptions: what every report rests on, each section's own lines (its models and prices),
  // then the sections left out.
  method.sort((a, b) => a.order - b.order || a.index - b.index);
  const assumptions: Assumption[] = [
    ...reportAssumptions({ ledger: ctx.ledger, summary, currency, columns: input.columns }),
    ...method.flatMap((m) => m.lines),
    ...omittedSections.map((o) => ({ label: `Left out: ${o.section}`, value: o.reason })),
  ];
  return deepFreeze({
    title: input.title ?? "Customer report",
    subtitle: input.subtitle ?? ctx.ledger.source,
    generatedAt,
    currency,
    observationEnd: summary.observationEnd,
    highlights,
    assumptions,
    sections,
  });
}
