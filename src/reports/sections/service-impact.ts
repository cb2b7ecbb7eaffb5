import { deepFreeze } from "../../math/deep-freeze.js";
import { serviceRetentionChart } from "../../charts/insights/service-retention-chart.js";
import { SERVICE_PROBLEM_LABELS, serviceImpact, type ServiceImpact } from "../../insights/service/service-impact.js";
import { formatValue } from "../format-value.js";
import type { Section } from "../report-model.js";
import { withCurrency } from "../../charts/index.js";
import { defineReportSection } from "./section-spec.js";

const pct = (x: number | null): string => formatValue(x, "percent");
const int = (x: number | null): string => formatValue(x === null ? null : Math.round(x), "integer");
const pts = (x: number): string => `${x >= 0 ? "+" : "−"}${(Math.abs(x) * 100).toFixed(1)} points`;

/**
 * The "Service impact" section: what returns, late deliveries, complaints and call-centre
 * contacts cost in later sales and retention. Customers who had a problem before the cut are
 * compared with comparable customers who did not (same bin of prior purchase days, recency and
 * spend); the section gives the retention and spend gaps with intervals, what they cost, the
 * plain correlations, a chart of retention with and without each problem, and what to do.
 *
 * @param result - the plain result of `serviceImpact`
 * @param options - `currency` (ISO 4217, default "EUR")
 * @returns a frozen section with id "service-impact"
 * @throws ArgumentError when a chart input is invalid (a share outside [0, 1])
 * @example
 * serviceImpactSection(serviceImpact(tx, events), { currency: "EUR" }).charts[0].title; // "Retention with and without service problems"
 */
export function serviceImpactSection(result: ServiceImpact, options: { readonly currency?: string } = {}): Section {
  const currency = options.currency ?? "";
  const money = (x: number | null): string => formatValue(x, "money", currency);
  const level = `${Math.round(result.confidence * 100)} %`;
  const w = `${result.windowDays} days`;
  const rows = result.problems.filter((p) => p.retention.matched > 0);
  const narrative = [
    `Of the ${int(result.customers)} customers who bought in the ${result.lookbackDays} days to ${result.cutDate}, ${pct(result.retention)} bought again within the next ${w}, spending ${money(result.meanSpendAfter)} each on average. ` +
      "Each service problem is judged by comparing the customers who had it with comparable customers who did not: same number of purchases, same recency and same spend before the cut.",
  ];
  for (const p of rows.filter((r) => r.problem !== "any_problem")) {
    const r = p.retention, s = p.spend, name = SERVICE_PROBLEM_LABELS[p.problem].toLowerCase();
    const clear = r.upper < 0 || r.lower > 0;
    narrative.push(`Customers with a ${name} (${int(p.withProblem)}) bought again ${pct(r.exposedMean)} of the time against ${pct(r.expectedMean)} for comparable customers: ${pts(r.estimate)} (${level} interval ${pts(r.lower)} to ${pts(r.upper)})` +
      `${clear ? "" : ", not clearly different from no effect"}; spend gap ${money(s.estimate)} per customer (${money(s.lower)} to ${money(s.upper)}) over the window.`);
  }
  const c = result.cost;
  narrative.push(`What it costs: the ${int(c.affected)} customers with a complaint or a late delivery made about ${int(c.lostBuyers)} fewer repeat buyers and ${money(c.lostSpend)} less spend (${level} interval ${money(c.lower)} to ${money(c.upper)}) over the ${w} than comparable customers without one.`);
  narrative.push("What to do: fix late deliveries at the source (carrier, region, stock), answer every complaint quickly with a recovery gesture, and put customers who had a problem in a win-back campaign before they lapse. " +
    "Call-centre contacts often follow a complaint, so part of their gap is the complaint's; returns on their own need not mean a lost customer. This is an observational comparison: it controls for prior behaviour, not for everything.");
  return deepFreeze({
    id: "service-impact",
    title: "Service impact",
    narrative,
    kpis: [
      { label: "Bought again", value: result.retention, format: "percent" as const, unit: "", note: `of ${int(result.customers)} active customers, within ${w} of ${result.cutDate}` },
      ...rows.filter((p) => p.problem === "complaint" || p.problem === "late_delivery").map((p) => ({
        label: `Retention gap: ${SERVICE_PROBLEM_LABELS[p.problem].toLowerCase()}`, value: p.retention.estimate, format: "percent" as const, unit: "",
        note: `${level} interval ${pts(p.retention.lower)} to ${pts(p.retention.upper)}`,
      })),
      { label: "Spend lost to service problems", value: c.lostSpend, format: "money" as const, unit: currency, note: `over ${w}; ${money(c.lower)} to ${money(c.upper)}` },
    ],
    tables: [
      {
        title: "Service problems against comparable customers",
        columns: [
          { key: "problem", label: "Service problem", format: "text" as const }, { key: "with", label: "Customers with it", format: "integer" as const },
          { key: "retWith", label: "Bought again, with", format: "percent" as const }, { key: "retComp", label: "Bought again, comparable", format: "percent" as const },
          { key: "gap", label: "Retention gap", format: "percent" as const }, { key: "gapLow", label: `${level} low`, format: "percent" as const },
          { key: "gapHigh", label: `${level} high`, format: "percent" as const }, { key: "spendGap", label: withCurrency("Spend gap per customer", currency), format: "money" as const },
          { key: "lostBuyers", label: "Repeat buyers lost", format: "integer" as const }, { key: "lostSpend", label: withCurrency("Spend lost", currency), format: "money" as const },
          { key: "rawWith", label: "Raw: bought again, with", format: "percent" as const }, { key: "rawWithout", label: "Raw: bought again, without", format: "percent" as const },
        ],
        rows: rows.map((p) => ({
          problem: SERVICE_PROBLEM_LABELS[p.problem], with: p.withProblem, retWith: p.retention.exposedMean, retComp: p.retention.expectedMean,
          gap: p.retention.estimate, gapLow: p.retention.lower, gapHigh: p.retention.upper, spendGap: p.spend.estimate,
          lostBuyers: p.lostBuyers.estimate, lostSpend: p.lostSpend.estimate, rawWith: p.rawRetentionWith, rawWithout: p.rawRetentionWithout,
        })),
      },
      {
        title: "Correlations of service events with later behaviour (not effects)",
        columns: [
          { key: "problem", label: "Events before the cut (count)", format: "text" as const }, { key: "again", label: "With buying again (Pearson)", format: "decimal" as const },
          { key: "spend", label: "With spend after (Pearson)", format: "decimal" as const }, { key: "rank", label: "With spend after (Spearman)", format: "decimal" as const },
        ],
        rows: result.correlations.map((r) => ({ problem: SERVICE_PROBLEM_LABELS[r.problem], again: r.withBoughtAgain, spend: r.withSpendAfter, rank: r.rankWithSpendAfter })),
      },
    ],
    charts: [{
      title: "Retention with and without service problems",
      figure: serviceRetentionChart(rows.map((p) => ({ label: SERVICE_PROBLEM_LABELS[p.problem], withProblem: p.retention.exposedMean, comparableWithout: p.retention.expectedMean })), { windowDays: result.windowDays }),
      caption: `Per service problem, the share of customers who bought again within ${w} after ${result.cutDate}: with the problem (orange) and comparable customers without it (blue). The table gives each gap's ${level} interval.`,
    }],
  });
}

/**
 * The "Service impact" entry of the section registry: `serviceImpact` of the transactions and
 * the service events, built by {@link serviceImpactSection}; left out without service events.
 *
 * @example
 * serviceImpactSpec.id; // "service-impact"
 */
export const serviceImpactSpec = defineReportSection<ServiceImpact>({
  id: "service-impact",
  title: "Service impact",
  help: "retention and spend after complaints, late deliveries, returns, contacts (needs --service-events; the sample has them)",
  needs: [{ input: "serviceEvents", missing: "needs a service events file (customer_id,date,type: complaints, late deliveries, returns, contacts); give it with --service-events FILE" }],
  columns: ["customer_id", "date", "amount"],
  headline: [{ kpi: "Spend lost to service problems", cover: "Spend lost to service problems" }],
  label: () => "service impact",
  analysis: (ctx) => serviceImpact(ctx.transactions, ctx.serviceEvents!, { onProgress: ctx.onProgress }),
  build: (result, ctx) => serviceImpactSection(result, { currency: ctx.currency }),
});
