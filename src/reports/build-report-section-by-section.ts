import { assembleReport, buildSection, reportFrame, type BuiltSection, type ReportFrame } from "./build-customer-report.js";
import type { Report } from "./report-model.js";
import { runReportAnalyses, type RunReportAnalysesOptions } from "./run-report-analyses.js";
import type { ReportInputs } from "./sections/section-spec.js";

/**
 * The report's settings for {@link buildReportSectionBySection}: those of `buildCustomerReport`
 * but for the summary (taken from the inputs), the registry (taken from the options) and the
 * results (computed here).
 *
 * @example
 * const settings: SectionBySectionSettings = { ledger, generatedAt: "2026-01-05T09:00:00Z", currency: "EUR", topN: 20 };
 */
export type SectionBySectionSettings = Omit<ReportFrame["input"], "summary" | "registry">;

/**
 * Runs a report's analyses (as `runReportAnalyses`) and builds each section as soon as its
 * analysis is done, then lets the result go: the report equals `buildCustomerReport` of
 * `runReportAnalyses`' results, but at most one full analysis result (per-customer columns for
 * every customer) is alive at a time, besides the sections built so far (top-N rows and
 * aggregates). The settings (generatedAt, currency, registry) are checked before any analysis
 * runs. A side table given as a function is loaded when a section first needs it and let go
 * after the last section that uses it. `options.onResult` is not called (the results are
 * consumed here).
 *
 * @param inputs - the transactions (absent: a report from a customer summary), the summary and the side tables (given, or as functions that load them)
 * @param settings - the report's ledger, title, currency, generatedAt, topN, columns, ...
 * @param options - the sections to run, the analyses' settings, the registry, a progress callback
 * @returns a frozen Report
 * @throws TypeError when generatedAt is not an ISO 8601 date-time with a zone, or currency is not 3 letters
 * @throws ArgumentError for an unknown section id or a duplicate id in the registry; whatever an analysis or a section builder throws other than AnalysisNotPossibleError
 * @example
 * const report = await buildReportSectionBySection({ transactions, summary, serviceEvents: () => loadEvents() },
 *   { ledger, generatedAt: "2026-01-05T09:00:00Z", currency: "EUR" }, { sections: ["customer-value", "rfm-segments"] });
 * report.sections.map((s) => s.id); // ["data-quality", "customer-summary", "customer-value", "rfm-segments"]
 */
export async function buildReportSectionBySection(
  inputs: ReportInputs,
  settings: SectionBySectionSettings,
  options: RunReportAnalysesOptions = {},
): Promise<Report> {
  const frame = reportFrame({ ...settings, summary: inputs.summary, ...(options.registry === undefined ? {} : { registry: options.registry }) });
  const built = new Map<string, BuiltSection>();
  // The sections every report has first: a ledger that does not add up stops the report before any analysis.
  for (const spec of frame.registry) if (spec.core) built.set(spec.id, buildSection(frame, spec, undefined));
  const { omitted } = await runReportAnalyses(inputs, {
    ...options,
    registry: frame.registry,
    onResult: (id, result) => {
      if (result === undefined || result === null) return;
      built.set(id, buildSection(frame, frame.registry.find((s) => s.id === id)!, result));
    },
  });
  return assembleReport(frame, built, omitted);
}
