import { cohortRetentionHeatmap } from "../../charts/insights/cohort-retention-heatmap.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { retentionSbgChart } from "../../charts/insights/retention-sbg-chart.js";
import { retentionSurvivalChart } from "../../charts/insights/retention-survival-chart.js";
import { retentionWhatIfChart } from "../../charts/insights/retention-what-if-chart.js";
import { cohortAnalysis, type CohortAnalysis } from "../../insights/cohorts/cohort-analysis.js";
import { PERIODS_PER_YEAR } from "../../insights/cohorts/cohort-period.js";
import { formatValue } from "../format-value.js";
import type { ReportTable, Section } from "../report-model.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../../charts/index.js";
import { defineReportSection } from "./section-spec.js";

/**
 * The "Cohorts and retention" section: the retention triangle (heatmap and table), the "still
 * buying" survival curves by group, the sBG model fitted and projected (actual vs fitted), and
 * the retention what-if (x = 1..10 %) against the course's "5 % more retained, up to 25 % more
 * profit", with a plain narrative and the assumptions.
 *
 * @param result - the plain result of `cohortAnalysis`
 * @param options - `currency` (default none: plain numbers)
 * @returns a frozen section with id "cohorts-retention"
 * @throws ArgumentError when the analysis has no survival curve
 * @example
 * cohortsRetentionSection(cohortAnalysis(tx, { by: "channel" }), { currency: "EUR" }).id; // "cohorts-retention"
 */
export function cohortsRetentionSection(result: CohortAnalysis, options: { readonly currency?: string } = {}): Section {
  const currency = options.currency ?? "";
  const { matrix: m, curves, projection: p, whatIf: w, margin } = result;
  if (curves.length === 0) throw new ArgumentError("cohortsRetentionSection: the analysis has no survival curve");
  const unit = m.period;
  const year = PERIODS_PER_YEAR[unit];
  const pct = (x: number | null | undefined): string => formatValue(x ?? null, "percent");
  const money = (x: number): string => formatValue(x, "money", currency);
  const int = (x: number): string => formatValue(x, "integer");
  let act1 = 0, size1 = 0;
  for (const c of m.cohorts) if (c.observedPeriods >= 2) { act1 += c.active[1]!; size1 += c.size; }
  const nextPeriod = size1 > 0 ? act1 / size1 : null;
  const all = curves[0]!;
  const afterYear = all.survival[year] ?? null;
  const five = w?.rows.find((r) => r.x === 5) ?? null;
  const best = [...curves.slice(1)].sort((a, b) => (b.survival[year] ?? 0) - (a.survival[year] ?? 0));
  const narrative = [
    `A cohort is the group of customers whose first purchase fell in the same ${unit}. We follow each cohort ${unit} by ${unit}: a customer counts as active in a ${unit} when they buy in it. ${int(m.customers)} customers in ${m.cohorts.length} cohorts, observed to ${m.observationEnd}; only ${unit}s seen in full are shown, so the table is a triangle: the youngest cohorts have the shortest history.`,
    `${pct(nextPeriod)} of new customers buy again in the ${unit} after their first purchase. A retailer never sees a customer leave, so we call a customer "still buying" at a given age when they buy then or later; this counts as lost anyone who will come back only after ${m.observationEnd}, so read it as a lower bound. ${afterYear !== null ? `After one year ${pct(afterYear)} of a cohort is still buying.` : ""}`,
    best.length > 1 ? `By ${m.by ?? "group"}, ${best[0]!.group} keeps its customers best (${pct(best[0]!.survival[year] ?? null)} still buying after a year) and ${best[best.length - 1]!.group} least (${pct(best[best.length - 1]!.survival[year] ?? null)}).` : "",
    p.boundary !== undefined ? `The shifted-beta-geometric (sBG) retention model (Fader & Hardie 2007): ${p.boundary}.` : `The shifted-beta-geometric (sBG) model (Fader & Hardie 2007) gives each customer a personal chance of stopping each ${unit} (alpha ${p.params.alpha.toFixed(3)}, beta ${p.params.beta.toFixed(3)}: on average ${pct(p.meanChurnProbability)} in the first ${unit}); because the customers most likely to stop leave first, retention rises with age. It follows the actual curve within ${pct(p.meanAbsoluteError)} on average and projects it forward: a new customer keeps buying for ${formatValue(p.expectedPeriodsWithinHorizon, "decimal")} ${unit}s of the next ${p.projection.length - 1} on average.`,
    five && w && margin
      ? `What keeping more customers is worth: a new customer brings ${money(w.baseProfitPerCustomer)} of discounted margin over ${p.projection.length - 1} ${unit}s (${pct(margin.rate)} margin on revenue, ${margin.source}). Keeping 5 percentage points more of the customers each year raises that by ${pct(five.plusYearlyPoints.gainShare)} (${money(five.plusYearlyPoints.gainPerCustomer)} per customer, ${money(five.plusYearlyPoints.gainPerYearOfAcquisitions)} for a year's ${int(result.customersPerYear)} new customers); cutting churn by 5 % of itself raises it by ${pct(five.churnCut.gainShare)}. The course says "5 % more retained, up to 25 % more profit": ${(five.plusYearlyPoints.gainShare ?? 0) >= 0.25 ? "this business reaches it" : "this business gets less, because most of its customers' value comes in the first purchase and the margin per period is small"}; the course figure also counts effects not modelled here (loyal customers buying more, costing less to serve, referring others).`
      : "",
    w ? "The gain is the most a retention programme may cost per customer to pay for itself; the programme's own cost is not subtracted." : `There is no retention what-if: ${result.whatIfOmitted}.`,
  ].filter((s) => s !== "");
  const ages = Math.max(0, ...m.cohorts.map((c) => c.observedPeriods));
  const triangle: ReportTable = {
    title: `Retention triangle: % of each cohort active, by ${unit}s since the first purchase`,
    columns: [
      { key: "cohort", label: "Cohort", format: "text" },
      { key: "size", label: "Customers", format: "integer" },
      ...Array.from({ length: ages }, (_, a) => ({ key: `a${a}`, label: String(a), format: "percent" as const })),
    ],
    rows: m.cohorts.map((c) => ({ cohort: c.cohort, size: c.size, ...Object.fromEntries(Array.from({ length: ages }, (_, a) => [`a${a}`, a < c.observedPeriods ? c.retention[a]! : null])) })),
  };
  const comparison: ReportTable = {
    title: "Still buying: actual vs sBG",
    columns: [
      { key: "age", label: `Age (${unit}s)`, format: "integer" },
      { key: "actual", label: "Actual", format: "percent" },
      { key: "fitted", label: "sBG", format: "percent" },
      { key: "actualRetention", label: "Retention actual", format: "percent" },
      { key: "fittedRetention", label: "Retention sBG", format: "percent" },
    ],
    rows: p.comparison.map((r) => ({ age: r.age, actual: r.actualSurvival, fitted: r.fittedSurvival, actualRetention: r.actualRetention, fittedRetention: r.fittedRetention })),
  };
  const whatIfTables: ReportTable[] = w === null ? [] : [{
    title: `Retention what-if: profit gain per acquired customer${withCurrency("", currency)} and in % of ${money(w.baseProfitPerCustomer)}`,
    columns: [
      { key: "x", label: "x (%)", format: "integer" },
      { key: "yearly", label: "Yearly share kept +x points", format: "money" },
      { key: "yearlyShare", label: "gain", format: "percent" },
      { key: "churn", label: "Churn cut by x %", format: "money" },
      { key: "churnShare", label: "gain", format: "percent" },
      { key: "period", label: `Each ${unit}'s retention +x points`, format: "money" },
      { key: "periodShare", label: "gain", format: "percent" },
      { key: "perYear", label: withCurrency("Yearly +x points, a year's new customers", currency), format: "money" },
    ],
    rows: w.rows.map((r) => ({
      x: r.x, yearly: r.plusYearlyPoints.gainPerCustomer, yearlyShare: r.plusYearlyPoints.gainShare, churn: r.churnCut.gainPerCustomer, churnShare: r.churnCut.gainShare,
      period: r.plusPoints.gainPerCustomer, periodShare: r.plusPoints.gainShare, perYear: r.plusYearlyPoints.gainPerYearOfAcquisitions,
    })),
  }, { title: "Assumptions of the what-if", columns: [{ key: "assumption", label: "Assumption", format: "text" }], rows: w.assumptions.map((a) => ({ assumption: a })) }];
  return deepFreeze({
    id: "cohorts-retention",
    title: "Cohorts and retention",
    narrative,
    kpis: [
      { label: "Customers", value: m.customers, format: "integer" as const, unit: "customers", note: `${m.cohorts.length} ${unit}ly cohorts` },
      { label: `Buy again next ${unit}`, value: nextPeriod, format: "percent" as const, unit: "", note: `active in the ${unit} after the first` },
      { label: "Still buying after a year", value: afterYear, format: "percent" as const, unit: "", note: "a purchase then or later (lower bound)" },
      { label: "Expected lifetime", value: p.expectedPeriodsWithinHorizon, format: "decimal" as const, unit: `${unit}s`, note: `sBG, within ${p.projection.length - 1} ${unit}s` },
      ...(w === null ? [] : [{ label: "5 points more kept a year", value: five?.plusYearlyPoints.gainShare ?? null, format: "percent" as const, unit: "", note: "more profit per new customer (course: up to 25 %)" }]),
    ],
    tables: [triangle, comparison, ...whatIfTables],
    charts: [
      { title: "Retention heatmap", figure: cohortRetentionHeatmap(m), caption: `Share of each cohort that bought in each ${unit} after the first purchase (age 0, always 100 %, left out). Blank cells are not yet fully observed.` },
      { title: "Still buying by group", figure: retentionSurvivalChart(curves), caption: `Share of a cohort with a purchase at that age or later, pooled over cohorts, for all customers${curves.length > 1 ? ` and by ${m.by ?? "group"}` : ""}.` },
      { title: "sBG projection", figure: retentionSbgChart(p, { period: unit }), caption: `Actual "still buying" share (dots) and the fitted sBG curve, projected ${p.projection.length - 1} ${unit}s ahead.` },
      ...(w === null ? [] : [{ title: "Retention what-if", figure: retentionWhatIfChart(w, { period: unit }), caption: "Profit gain per acquired customer for 1 to 10 % more retention, by reading, with the course's claim as a red dot." }]),
    ],
  });
}

/**
 * The "Cohorts and retention" entry of the section registry: `cohortAnalysis` of the
 * transactions, built by {@link cohortsRetentionSection}.
 *
 * @example
 * cohortsRetentionSpec.id; // "cohorts-retention"
 */
export const cohortsRetentionSpec = defineReportSection<CohortAnalysis>({
  id: "cohorts-retention",
  title: "Cohorts and retention",
  help: "monthly cohorts, survival by channel, sBG projection, the retention what-if",
  columns: ["customer_id", "date", "amount", "channel", "cost"],
  headline: [
    { kpi: "5 points more kept a year", cover: "Profit gain from keeping 5 points more a year" },
    { kpi: "Still buying after a year", cover: "Still buying a year after the first purchase (share)" },
  ],
  label: () => "cohorts and retention",
  analysis: (ctx) => cohortAnalysis(ctx.transactions, { observationEnd: ctx.options.observationEnd, onProgress: ctx.onProgress }),
  build: (result, ctx) => cohortsRetentionSection(result, { currency: ctx.currency }),
});
