import { hasColumn } from "../data/columns/transaction-columns.js";
import { AnalysisNotPossibleError } from "../math/analysis-not-possible-error.js";
import { ArgumentError } from "../math/argument-error.js";
import { REPORT_SECTIONS } from "./sections/registry.js";
import type { Transactions } from "../data/types.js";
import {
  checkRegistry, type OmittedSection, type ReportAnalysisOptions, type ReportInputs, type ReportSectionSpec,
  type SectionAnalysisContext, type SideInput,
} from "./sections/section-spec.js";

/**
 * The reason a section that reads the transactions gives in a report made from a customer summary alone.
 *
 * @example
 * TRANSACTIONS_NEEDED.startsWith("needs the transactions"); // true
 */
export const TRANSACTIONS_NEEDED = "needs the transactions, not only a customer summary; give them with --input FILE or --db URL --table T";

/** The empty table a summary-only section is given (it never reads it). */
const NO_TRANSACTIONS: Transactions = Object.freeze({ length: 0, customerId: Object.freeze([]), day: new Int32Array(0), sourceLine: new Int32Array(0) });

/**
 * Progress of {@link runReportAnalyses}, one event at a time: an analysis starts (with the unit
 * its progress counts, by default `stages`), tells how far it is (`progress`: `done` of `total`
 * units, from inside the analysis as it passes each stage, never per row; the last one has done ===
 * total), is done (with its duration), or is left out (with the reason, also when it never started
 * for lack of input).
 *
 * @example
 * const log = (e: AnalysisProgress) => console.error(e.phase === "done" ? `${e.label} done in ${e.seconds.toFixed(2)} s`
 *   : e.phase === "progress" ? `${e.label}: ${e.done} of ${e.total ?? "?"} ${e.unit}` : `${e.label} ${e.phase}`);
 */
export type AnalysisProgress =
  | { readonly phase: "start"; readonly id: string; readonly label: string; readonly unit?: string }
  | { readonly phase: "progress"; readonly id: string; readonly label: string; readonly done: number; readonly total?: number; readonly unit: string }
  | { readonly phase: "done"; readonly id: string; readonly label: string; readonly seconds: number }
  | { readonly phase: "left-out"; readonly id: string; readonly label: string; readonly reason: string };

/**
 * Options of {@link runReportAnalyses}: the analyses' settings, which sections, and progress.
 *
 * @example
 * const options: RunReportAnalysesOptions = { sections: ["rfm-segments"], model: "pareto-nbd", onProgress: (e) => console.error(e.phase, e.label) };
 */
export interface RunReportAnalysesOptions extends ReportAnalysisOptions {
  /** The ids of the sections to run (default: all of the registry). */
  readonly sections?: readonly string[];
  /** The sections (default {@link REPORT_SECTIONS}); add your own with `[...REPORT_SECTIONS, mySection]`. */
  readonly registry?: readonly ReportSectionSpec[];
  /** Called as each analysis starts, tells how far it is, ends or is left out. */
  readonly onProgress?: (event: AnalysisProgress) => void;
  /**
   * Called with each analysis's result as soon as it is done (after its "done" progress event).
   * When given, a result is handed over here and not kept (`results` is then empty): a caller that
   * turns each result into its section at once holds one full result at a time.
   */
  readonly onResult?: (id: string, result: unknown) => void;
}

/**
 * What {@link runReportAnalyses} returns: the results by section id, and the sections left out.
 *
 * @example
 * const { results, omitted }: ReportAnalyses = await runReportAnalyses({ transactions, summary });
 */
export interface ReportAnalyses {
  readonly results: Readonly<Record<string, unknown>>;
  readonly omitted: readonly OmittedSection[];
}

/**
 * Runs the analyses of a report's sections, in registry order, on one set of inputs. A section
 * is left out (listed in `omitted` with one sentence) only when an input it needs is missing
 * (the sentence names the file or flag that gives it) or its analysis throws
 * `AnalysisNotPossibleError`; any other error propagates, so a bug never silently drops a
 * section. A side table given as a function is loaded when a section first needs it. Without
 * transactions (a report from a customer-summary file) only the sections marked `fromSummary`
 * run; the others are left out with {@link TRANSACTIONS_NEEDED}.
 *
 * @param inputs - the transactions and their summary, and the side tables when there are any
 * @param options - the sections to run, the analyses' settings, a progress callback
 * @returns the results by section id and the sections left out, ready for `buildCustomerReport`
 * @throws ArgumentError for a section id not in the registry or a duplicate id; whatever an analysis throws other than AnalysisNotPossibleError
 * @example
 * const { results, omitted } = await runReportAnalyses({ transactions, summary }, { sections: ["rfm-segments", "campaigns"] });
 * Object.keys(results); // ["rfm-segments"]
 * omitted[0].reason;    // "needs a campaign contacts file (...); give it with --contacts FILE"
 * const report = buildCustomerReport({ ledger, summary, results, omitted, generatedAt: "2026-01-05T09:00:00Z" });
 */
export async function runReportAnalyses(inputs: ReportInputs, options: RunReportAnalysesOptions = {}): Promise<ReportAnalyses> {
  const fn = "runReportAnalyses";
  const registry = checkRegistry(fn, options.registry ?? REPORT_SECTIONS);
  const wanted = options.sections === undefined ? undefined : new Set(options.sections);
  for (const id of wanted ?? []) {
    if (!registry.some((s) => s.id === id)) throw new ArgumentError(`${fn}: unknown section "${id}"; sections: ${registry.filter((s) => !s.core).map((s) => s.id).join(", ")}`);
  }
  const progress = options.onProgress ?? (() => {});
  const sides = new Map<SideInput, unknown>();
  const side = async (name: SideInput): Promise<unknown> => {
    const given: unknown = inputs[name];
    if (typeof given !== "function") return given;
    if (!sides.has(name)) sides.set(name, await (given as () => unknown)());
    return sides.get(name);
  };
  // A side table loaded here is let go after the last wanted section that needs or uses it.
  const lastUse = new Map<SideInput, string>();
  for (const spec of registry) {
    if (spec.core || !spec.analysis || (wanted && !wanted.has(spec.id))) continue;
    for (const n of spec.needs ?? []) if ("input" in n) lastUse.set(n.input, spec.id);
    for (const name of spec.uses ?? []) lastUse.set(name, spec.id);
  }
  const results: Record<string, unknown> = {};
  const omitted: OmittedSection[] = [];
  for (const spec of registry) {
    if (spec.core || !spec.analysis || (wanted && !wanted.has(spec.id))) continue;
    const { summary, costs } = inputs;
    const transactions = inputs.transactions ?? NO_TRANSACTIONS;
    const base: SectionAnalysisContext = { transactions, summary, costs, options };
    const label = spec.label ? spec.label(base) : spec.title;
    const leaveOut = (reason: string): void => {
      omitted.push(Object.freeze({ id: spec.id, section: label, reason }));
      progress({ phase: "left-out", id: spec.id, label, reason });
    };
    if (inputs.transactions === undefined && spec.fromSummary !== true) {
      leaveOut(TRANSACTIONS_NEEDED);
      continue;
    }
    const missing = (spec.needs ?? []).find((n) =>
      "input" in n ? inputs[n.input] === undefined : !n.anyColumn.some((c) => hasColumn(transactions, c)));
    if (missing) {
      leaveOut(missing.missing);
      continue;
    }
    const names = [...new Set([...(spec.needs ?? []).flatMap((n) => ("input" in n ? [n.input] : [])), ...(spec.uses ?? [])])];
    const loaded: Record<string, unknown> = {};
    for (const name of names) loaded[name] = await side(name);
    for (const [name, id] of lastUse) if (id === spec.id) sides.delete(name);
    const unit = spec.progressUnit ?? "stages";
    const onProgress = options.onProgress && ((done: number, total?: number) => progress({ phase: "progress", id: spec.id, label, done, total, unit }));
    const ctx = { ...base, ...loaded, onProgress } as SectionAnalysisContext;
    progress({ phase: "start", id: spec.id, label, unit });
    const start = performance.now();
    let result: unknown;
    try {
      result = await spec.analysis(ctx);
    } catch (error) {
      if (!(error instanceof AnalysisNotPossibleError)) throw error;
      leaveOut(error.message.split("\n")[0]!);
      continue;
    }
    progress({ phase: "done", id: spec.id, label, seconds: (performance.now() - start) / 1000 });
    if (options.onResult) options.onResult(spec.id, result);
    else results[spec.id] = result;
  }
  return Object.freeze({ results: Object.freeze(results), omitted: Object.freeze(omitted) });
}
