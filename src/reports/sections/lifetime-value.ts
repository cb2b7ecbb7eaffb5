import { findModel } from "../../models/registry.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { groupBarChart, modelCalibrationHoldoutChart, modelTrackingChart, spendHistogram, withCurrency } from "../../charts/index.js";
import { lifetimeValueAnalysis, type LifetimeValueAnalysis } from "../../models/clv/lifetime-value-analysis.js";
import type { ParameterEstimate } from "../../models/fitting/model-types.js";
import type { ReportTable, Section } from "../report-model.js";
import { formatValue } from "../format-value.js";
import { DAYS_PER_UNIT } from "../../summary/types.js";
import { topIndices } from "./top-indices.js";
import { ArgumentError } from "../../math/argument-error.js";
import { defineReportSection } from "./section-spec.js";

const GROUPS = [
  { label: "0 (one-time buyers)", lo: 0, hi: 0 },
  { label: "1-2", lo: 1, hi: 2 },
  { label: "3-5", lo: 3, hi: 5 },
  { label: "6+", lo: 6, hi: Infinity },
];

function parameterRows(model: string, rows: readonly ParameterEstimate[]): ReportTable["rows"] {
  return rows.map((r) => ({ model, parameter: r.parameter, estimate: r.estimate, standardError: r.standardError, lower95: r.lower95, upper95: r.upper95 }));
}

/**
 * The "Customer lifetime value" section: who is still a customer, what each will buy and spend
 * over the horizon, and the discounted CLV with its interval (from {@link LifetimeValueAnalysis});
 * how well the purchase model predicted the holdout period; the model parameters.
 *
 * @param ltv - the plain result of `lifetimeValueAnalysis`
 * @param options - `currency` (default none: plain numbers), `topN` customers to list (default 20)
 * @returns a frozen section with id "lifetime-value"
 * @throws ArgumentError when a customer column's length differs from the ids'
 * @example
 * lifetimeValueSection(await lifetimeValueAnalysis(tx), { currency: "EUR" }).title; // "Customer lifetime value"
 */
export function lifetimeValueSection(ltv: LifetimeValueAnalysis, options: { readonly currency?: string; readonly topN?: number } = {}): Section {
  const c = ltv.customers;
  const n = c.customerId.length;
  // (the interval's bounds are read for the listed customers only: clvIntervalOf)
  const columns = { frequency: c.frequency, totalSpend: c.totalSpend, daysSinceLastPurchase: c.daysSinceLastPurchase, probabilityAlive: c.probabilityAlive,
    expectedPurchases: c.expectedPurchases, expectedAverageSpend: c.expectedAverageSpend, clv: c.clv };
  for (const [name, col] of Object.entries(columns)) {
    if (col !== null && col.length !== n) throw new ArgumentError(`lifetimeValueSection: column ${name} has ${col.length} rows, expected ${n}`);
  }
  const currency = options.currency ?? "";
  const money = (x: number | null): string => formatValue(x, "money", currency);
  const pct = (x: number | null): string => formatValue(x, "percent");
  const int = (x: number): string => formatValue(x, "integer");
  const model = findModel(ltv.model)?.name ?? ltv.model;
  const unit = ltv.timeUnit;
  const monthly = Math.abs(ltv.periodLength * DAYS_PER_UNIT[unit] - DAYS_PER_UNIT.month) < 1e-9;
  const horizonText = monthly
    ? `the next ${ltv.horizonPeriods} months`
    : `the next ${Number(ltv.horizon.toFixed(2))} ${unit}s (${ltv.horizonPeriods} discounting periods)`;
  // A purchase log (no amounts) has no CLV: the section ranks by expected purchases instead.
  const clv = c.clv;
  const rankBy = clv ?? c.expectedPurchases;
  let totalClv = 0, alive = 0, purchases = 0, likelyActive = 0;
  for (let i = 0; i < n; i++) {
    totalClv += clv ? clv[i]! : 0;
    alive += c.probabilityAlive[i]!;
    purchases += c.expectedPurchases[i]!;
    if (c.probabilityAlive[i]! >= 0.5) likelyActive++;
  }
  const top = topIndices(rankBy, c.customerId, Math.ceil(0.2 * n));
  const topShare = clv && totalClv > 0 ? top.reduce((s, i) => s + clv[i]!, 0) / totalClv : null;
  const atRisk = topIndices(clv ? c.totalSpend : c.frequency, c.customerId, Math.ceil(0.2 * n)).filter((i) => c.probabilityAlive[i]! < 0.5).length;
  const v = ltv.validation;
  const holdout = v?.calibrationHoldout.total;
  const holdoutError = holdout && holdout.actualTotal > 0 ? (holdout.expectedTotal - holdout.actualTotal) / holdout.actualTotal : null;

  const narrative: string[] = [
    `We never see a customer leave: they simply stop buying. The ${model} model reads each customer's pattern of purchases (how often, how recently, for how long) and estimates the probability that the customer is still active and how many purchases to expect over ${horizonText}${clv ? "; the Gamma-Gamma model estimates how much each purchase will be worth." : "."}`,
    clv === null ? ltv.spendNote ?? "" : `Expected customer lifetime value over that horizon: ${money(totalClv)} in all, ${money(n > 0 ? totalClv / n : null)} per customer, discounted at ${pct(ltv.discountRatePerPeriod)} per ${monthly ? "month" : "period"}${ltv.margin < 1 ? ` and counting ${pct(ltv.margin)} of spend as profit` : " (revenue, before costs)"}. The top 20 % of customers by CLV hold ${pct(topShare)} of it.`,
    `${int(likelyActive)} of ${int(n)} customers (${pct(n > 0 ? likelyActive / n : null)}) are more likely active than not; together customers are expected to make ${formatValue(purchases, "decimal")} purchases.`,
    ...(ltv.spendNote !== null && clv !== null ? [ltv.spendNote] : []),
    ...(ltv.modelNote !== null ? [ltv.modelNote] : []),
    atRisk > 0
      ? `${int(atRisk)} of the top 20 % of customers by past ${clv ? "spend" : "purchases"} are now more likely lost than active: these are the first to win back, since each was worth a lot.`
      : `None of the top 20 % of customers by past ${clv ? "spend" : "purchases"} is more likely lost than active.`,
  ];
  if (v && holdout) {
    narrative.push(
      `Check on the past: fitted on data to ${v.calibrationEnd}, the model predicted ${formatValue(holdout.expectedTotal, "decimal")} repeat purchases in the following ${Number(v.durationHoldout.toFixed(1))} ${unit}s; customers made ${int(holdout.actualTotal)} (${holdoutError !== null ? `${holdoutError >= 0 ? "+" : ""}${pct(holdoutError)}` : "n/a"}). The chart compares the two for each group of past buying.`,
    );
  } else {
    narrative.push("No holdout period was kept back, so the model's predictions could not be checked against what customers did next; give a calibration end before the last date to check them.");
  }
  narrative.push(`Intervals${ltv.intervalLevel !== null ? ` (${pct(ltv.intervalLevel)})` : ""} carry the uncertainty of the model parameters; they do not cover every surprise a single customer can bring.`);
  const corr = ltv.spendCorrelation;
  if (corr && corr.strength !== "negligible" && corr.strength !== "weak") narrative.push(corr.verdict);

  const groups = GROUPS.map((g) => {
    let count = 0, sumAlive = 0;
    for (let i = 0; i < n; i++) if (c.frequency[i]! >= g.lo && c.frequency[i]! <= g.hi) { count++; sumAlive += c.probabilityAlive[i]!; }
    return { label: g.label, value: count > 0 ? sumAlive / count : 0 };
  });
  const topRows = topIndices(rankBy, c.customerId, options.topN ?? 20);
  const bounds = ltv.clvIntervalOf
    ? ltv.clvIntervalOf(topRows)
    : c.clvLower && c.clvUpper
      ? { lower: Float64Array.from(topRows, (i) => c.clvLower![i]!), upper: Float64Array.from(topRows, (i) => c.clvUpper![i]!) }
      : null;
  const charts = [
    ...(clv ? [{ title: "Predicted customer lifetime value", figure: spendHistogram(clv, { currency, title: "Customers by predicted CLV", xTitle: "Predicted lifetime value per customer" }), caption: `Customers by expected value over ${horizonText}${currency ? `, in ${currency}` : ""}.` }] : []),
    {
      title: "Still active? By past repeat purchases",
      figure: groupBarChart(groups, { title: "Mean probability of being active", xTitle: "Repeat purchases so far (count)", yTitle: "Mean P(alive) (share)", text: (x) => pct(x) }),
      caption:
        ltv.model === "bg-nbd"
          ? "Mean probability that a customer is still active, by number of repeat purchases so far. BG/NBD assumes customers can only drop out right after a repeat purchase, so it counts every one-time buyer as active; MBG/NBD and Pareto/NBD do not (choose them with --model)."
          : "Mean probability that a customer is still active, by number of repeat purchases so far.",
    },
  ];
  if (v) {
    charts.push(
      { title: "Holdout check by past purchases", figure: modelCalibrationHoldoutChart(v.calibrationHoldout), caption: `Mean purchases per customer after ${v.calibrationEnd}: actual and predicted, by repeat purchases before it.` },
      { title: "Repeat purchases over time", figure: modelTrackingChart(v.tracking, { cumulative: true }), caption: "Cumulative repeat purchases of all customers, actual and as the model expects; the model was fitted up to the vertical line." },
    );
  }
  return deepFreeze({
    id: "lifetime-value",
    title: "Customer lifetime value",
    narrative,
    kpis: [
      ...(clv
        ? [
            { label: "Expected CLV", value: totalClv, format: "money" as const, unit: currency, note: `all customers, ${horizonText}` },
            { label: "Mean CLV", value: n > 0 ? totalClv / n : null, format: "money" as const, unit: currency, note: "per customer" },
          ]
        : [{ label: "Expected purchases", value: purchases, format: "decimal" as const, unit: "purchases", note: `all customers, ${horizonText}` }]),
      { label: "Likely active", value: n > 0 ? likelyActive / n : null, format: "percent" as const, unit: "", note: "customers with P(alive) >= 50 %" },
      { label: "Expected active", value: Math.round(alive), format: "integer" as const, unit: "customers", note: "sum of P(alive)" },
      { label: "Holdout error", value: holdoutError, format: "percent" as const, unit: "", note: v ? "predicted vs actual repeat purchases" : "no holdout period" },
    ],
    tables: [
      {
        title: `Top ${Math.min(options.topN ?? 20, n)} customers by ${clv ? "predicted lifetime value" : "expected purchases"}`,
        columns: [
          { key: "rank", label: "Rank", format: "integer" as const },
          { key: "customer_id", label: "Customer", format: "text" as const },
          ...(clv
            ? [
                { key: "clv", label: withCurrency("CLV", currency), format: "money" as const },
                { key: "lower", label: "CLV low", format: "money" as const },
                { key: "upper", label: "CLV high", format: "money" as const },
              ]
            : []),
          { key: "alive", label: "P(alive)", format: "percent" as const },
          { key: "purchases", label: "Expected purchases", format: "decimal" as const },
          ...(clv
            ? [
                { key: "spend", label: withCurrency("Expected spend per purchase", currency), format: "money" as const },
                { key: "total", label: withCurrency("Spend so far", currency), format: "money" as const },
              ]
            : [{ key: "repeat", label: "Repeat purchases so far", format: "integer" as const }]),
        ],
        rows: topRows.map((i, k) => ({
          rank: k + 1,
          customer_id: c.customerId[i]!,
          ...(clv
            ? { clv: clv[i]!, lower: bounds ? bounds.lower[k]! : null, upper: bounds ? bounds.upper[k]! : null }
            : {}),
          alive: c.probabilityAlive[i]!,
          purchases: c.expectedPurchases[i]!,
          ...(clv ? { spend: c.expectedAverageSpend![i]!, total: c.totalSpend[i]! } : { repeat: c.frequency[i]! }),
        })),
      },
      {
        title: "Model parameters (maximum likelihood, 95 % intervals)",
        columns: [
          { key: "model", label: "Model", format: "text" as const },
          { key: "parameter", label: "Parameter", format: "text" as const },
          { key: "estimate", label: "Estimate", format: "decimal" as const },
          { key: "standardError", label: "Std. error", format: "decimal" as const },
          { key: "lower95", label: "95 % low", format: "decimal" as const },
          { key: "upper95", label: "95 % high", format: "decimal" as const },
        ],
        rows: [...parameterRows(model, ltv.purchaseEstimates), ...(ltv.spendEstimates ? parameterRows("Gamma-Gamma", ltv.spendEstimates) : [])],
      },
    ],
    charts,
  });
}

/** A fitted model's parameters and fit in one line: "r 0.243, alpha 4.414; log-likelihood -9582.4 on 2,357 customers". */
function parameters(json: { readonly params: Readonly<Record<string, number>>; readonly logLikelihood: number; readonly nCustomers: number }): string {
  const p = Object.entries(json.params).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`).join(", ");
  return `${p}; log-likelihood ${json.logLikelihood.toFixed(1)} on ${formatValue(json.nCustomers, "integer")} customers`;
}

/**
 * The "Customer lifetime value" entry of the section registry: `lifetimeValueAnalysis` (purchase
 * model, Gamma-Gamma, CLV with a bootstrap interval), built by {@link lifetimeValueSection}. Its
 * models come first under "Assumptions and method".
 *
 * @example
 * lifetimeValueSpec.id; // "lifetime-value"
 */
export const lifetimeValueSpec = defineReportSection<LifetimeValueAnalysis>({
  id: "lifetime-value",
  title: "Customer lifetime value",
  help: "purchase model checked on a holdout after --calibration-end, refitted on all data; P(alive), CLV over the next 12 months discounted monthly, with intervals",
  columns: ["customer_id", "date", "amount"],
  headline: [
    { kpi: "Expected CLV", cover: "Expected lifetime value of all customers" },
    { kpi: "Expected purchases", cover: "Expected purchases of all customers" },
  ],
  methodOrder: 0,
  label: (ctx) => `lifetime value (${ctx.options.model ?? "bg-nbd"}, Gamma-Gamma, CLV with bootstrap interval)`,
  analysis: (ctx) => lifetimeValueAnalysis(ctx.transactions, {
    model: ctx.options.model,
    observationEnd: ctx.options.observationEnd,
    calibrationEnd: ctx.options.calibrationEnd,
    timeUnit: ctx.options.timeUnit ?? ctx.summary.timeUnit,
    discountRatePerPeriod: ctx.options.discountRatePerPeriod,
    margin: ctx.options.margin,
    // the report's summary (the same observation end and unit): not made a second time
    summary: ctx.summary,
    onProgress: ctx.onProgress,
  }),
  build: (result, ctx) => lifetimeValueSection(result, { currency: ctx.currency, topN: ctx.topN }),
  assumptions: (ltv) => [
    { label: "Purchase model", value: `${ltv.model}: ${parameters(ltv.purchaseModel)}${ltv.modelNote ? `; ${ltv.modelNote}` : ""}` },
    { label: "Spend model", value: ltv.spendModel ? `gamma-gamma: ${parameters(ltv.spendModel)}${ltv.spendNote ? `; ${ltv.spendNote}` : ""}` : "none: the data have no amounts" },
    { label: "Model check", value: ltv.validation ? `fitted to ${ltv.validation.calibrationEnd}, compared with the following ${Number(ltv.validation.durationHoldout.toFixed(1))} ${ltv.timeUnit}s` : "no holdout period" },
    { label: "Lifetime value", value: `${ltv.horizonPeriods} periods of ${Number(ltv.periodLength.toFixed(4))} ${ltv.timeUnit}s, discount rate ${formatValue(ltv.discountRatePerPeriod, "percent")} per period, margin ${formatValue(ltv.margin, "percent")} of spend` },
    ...(ltv.interval && ltv.spendModel
      ? [{
          label: "CLV interval",
          value: `${formatValue(ltv.interval.level, "percent")} parametric bootstrap: ${ltv.interval.draws} draws of both models' parameters from their estimated sampling distribution (log-parameters normal with the inverse-Hessian covariance; seed ${ltv.interval.seed}), every customer's CLV recomputed under each draw (the purchase model once per unique pattern of repeat purchases, recency and age), and the ${formatValue((1 - ltv.interval.level) / 2, "percent")} and ${formatValue((1 + ltv.interval.level) / 2, "percent")} percentiles per customer; parameter uncertainty only`,
        }]
      : []),
  ],
});
