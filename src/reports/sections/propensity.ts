import { deepFreeze } from "../../math/deep-freeze.js";
import { propensityAucChart } from "../../charts/models/propensity-auc-chart.js";
import { propensityCalibrationChart } from "../../charts/models/propensity-calibration-chart.js";
import { propensityGainsChart } from "../../charts/models/propensity-gains-chart.js";
import { propensityLiftChart } from "../../charts/models/propensity-lift-chart.js";
import type { PropensityResult } from "../../models/propensity/propensity-types.js";
import { formatValue } from "../format-value.js";
import type { Section } from "../report-model.js";
import { topIndices } from "./top-indices.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../../charts/index.js";
import { propensityAnalysis } from "../../models/propensity/propensity.js";
import { defineReportSection } from "./section-spec.js";

/**
 * The "Churn and propensity" section: how well the model ranked customers on a later period it
 * had not seen (gains, lift, calibration, AUC next to BG/NBD), what raises the odds of the event
 * (odds ratios), and the valuable customers most at risk, in plain words.
 *
 * @param result - the plain result of `propensityAnalysis`
 * @param options - `currency` (default none: plain numbers), `topN` at-risk customers to list (default 20)
 * @returns a frozen section with id "propensity"
 * @throws ArgumentError when a per-customer column's length differs from the ids'
 * @example
 * propensitySection(await propensityAnalysis(tx, { serviceEvents }), { currency: "EUR" }).id; // "propensity"
 */
export function propensitySection(result: PropensityResult, options: { readonly currency?: string; readonly topN?: number } = {}): Section {
  const s = result.scores, n = s.customerId.length;
  for (const [name, col] of Object.entries(s)) {
    if ((col as ArrayLike<unknown>).length !== n) throw new ArgumentError(`propensitySection: column ${name} has ${(col as ArrayLike<unknown>).length} rows, expected ${n}`);
  }
  const currency = options.currency ?? "";
  const pct = (x: number | null): string => formatValue(x, "percent");
  const dec = (x: number | null): string => (x === null ? "n/a" : x.toFixed(3));
  const e = result.evaluation, auc = e.auc, w = result.windowDays;
  const churn = result.target === "churn";
  const event = churn ? "no purchase" : "a purchase";
  const eventPlural = churn ? "lapsed customers" : "buyers";
  const top = e.gains.rows[0]!;
  let high = 0;
  for (let i = 0; i < n; i++) if (s.band[i] === "high") high++;
  // A purchase log has no spend: the valuable customers are then those with the most repeat purchases.
  const hasSpend = s.totalSpend.some(Number.isFinite);
  const worth = hasSpend ? s.totalSpend : s.orders;
  // The valuable customers at high risk: the top 20 % by worth (ties by id), in the high band; only
  // the first topN by score x worth become rows (no object per customer).
  const atRisk = highBandOfTop(worth, s.customerId, Math.ceil(0.2 * n), s.band);
  const riskValue = Float64Array.from(atRisk, (i) => s.score[i]! * worth[i]!);
  const riskOrder = topIndices(riskValue, Array.from(atRisk, (i) => s.customerId[i]!), options.topN ?? 20).map((j) => ({ i: atRisk[j]! }));
  const terms = result.coefficients.filter((t) => t.term !== "(intercept)");
  const raising = terms.filter((t) => t.pValue !== null && t.pValue < 0.05 && t.estimate > 0).map((t) => t.term.replaceAll("_", " "));
  const best = auc.probabilityPurchase !== null && auc.probabilityPurchase > auc.model ? "BG/NBD's probability of a purchase in the window" : "the logistic model";
  const narrative = [
    `Predictive modelling gives the odds that something will happen. Here the event is ${event} in the ${w} days after a date, and the model is a logistic regression on what we knew at that date: recency, tenure, orders, spend, discounts, returns, service contacts, complaints, late deliveries and channel.`,
    `To test it honestly, it learned from customers as they were on ${result.dates.trainCut} and what they did in the next ${w} days, then ranked customers as they were on ${result.dates.testCut} without seeing the following ${w} days. On that later period it scored an AUC of ${dec(auc.model)} (0.5 is a coin toss); BG/NBD P(alive) scored ${dec(auc.probabilityAlive)}, BG/NBD P(purchase within ${w} days) ${dec(auc.probabilityPurchase)}, and days since the last purchase alone ${dec(auc.recency)}. The best ranking here comes from ${best}.`,
    `The top 10 % of customers by score held ${pct(top.cumulativeGain)} of all ${eventPlural} (lift ${top.lift.toFixed(2)}); ${pct(e.testRate)} of test customers had ${event}.`,
    raising.length > 0 ? `Factors that significantly raise the odds of ${event} (5 % level): ${raising.join(", ")}.` : `No factor raises the odds of ${event} significantly at the 5 % level${result.l2 > 0 ? " (standard errors are not reported for a penalised fit)" : ""}.`,
    `Scored on ${result.dates.scoreCut}: ${formatValue(high, "integer")} of ${formatValue(n, "integer")} customers are in the high band (score >= ${pct(result.thresholds.high)}), ${formatValue(atRisk.length, "integer")} of them among the top 20 % by past spend: the first to win back.`,
  ];
  const rate = (label: string, v: number | null) => ({ label, auc: v });
  return deepFreeze({
    id: "propensity",
    title: churn ? "Churn and propensity to buy" : "Propensity to buy",
    narrative,
    kpis: [
      { label: "AUC (test period)", value: auc.model, format: "decimal" as const, unit: "", note: `logistic model, ${result.dates.testCut} + ${w} days` },
      { label: "AUC BG/NBD P(alive)", value: auc.probabilityAlive, format: "decimal" as const, unit: "", note: "same customers and period" },
      { label: "Top-decile lift", value: top.lift, format: "decimal" as const, unit: "x", note: `${pct(top.cumulativeGain)} of ${eventPlural} in the top 10 %` },
      { label: churn ? "High churn risk" : "Likely to buy again", value: n ? high / n : null, format: "percent" as const, unit: "", note: `of customers scored on ${result.dates.scoreCut} are in the high band (score >= ${pct(result.thresholds.high)})` },
    ],
    tables: [
      {
        title: "Gains, lift and calibration by score decile (test period)",
        columns: [
          { key: "group", label: "Decile", format: "integer" as const }, { key: "customers", label: "Customers", format: "integer" as const },
          { key: "predicted", label: "Mean predicted", format: "percent" as const }, { key: "observed", label: "Observed", format: "percent" as const },
          { key: "gain", label: "Cumulative gain", format: "percent" as const }, { key: "lift", label: "Lift", format: "decimal" as const },
        ],
        rows: e.gains.rows.map((r, k) => ({ group: r.group, customers: r.customers, predicted: e.calibration.rows[k]?.meanPredicted ?? null, observed: r.rate, gain: r.cumulativeGain, lift: r.lift })),
      },
      {
        title: "What moves the odds (scoring model; odds ratio per unit of each factor)",
        columns: [
          { key: "term", label: "Factor", format: "text" as const }, { key: "oddsRatio", label: "Odds ratio", format: "decimal" as const },
          { key: "lower", label: "95 % low", format: "decimal" as const }, { key: "upper", label: "95 % high", format: "decimal" as const },
          { key: "pValue", label: "p-value", format: "decimal" as const }, { key: "perSd", label: "Log-odds per std. dev.", format: "decimal" as const },
        ],
        rows: terms.map((t) => ({ term: t.term, oddsRatio: t.oddsRatio, lower: t.oddsRatioLower95, upper: t.oddsRatioUpper95, pValue: t.pValue, perSd: t.standardizedEstimate })),
      },
      {
        title: hasSpend ? "Valuable customers at high risk (top 20 % by spend, high band; by score x spend)" : "Valuable customers at high risk (top 20 % by orders, high band; by score x orders)",
        columns: [
          { key: "customer_id", label: "Customer", format: "text" as const }, { key: "score", label: churn ? "P(no purchase)" : "P(purchase)", format: "percent" as const },
          { key: "alive", label: "BG/NBD P(alive)", format: "percent" as const },
          hasSpend ? { key: "spend", label: withCurrency("Spend so far", currency), format: "money" as const } : { key: "spend", label: "Orders so far", format: "integer" as const },
          { key: "days", label: "Days since last purchase", format: "integer" as const }, { key: "complaints", label: "Complaints", format: "integer" as const },
          { key: "late", label: "Late deliveries", format: "integer" as const },
        ],
        rows: riskOrder.map(({ i }) => ({
          customer_id: s.customerId[i]!, score: s.score[i]!, alive: Number.isFinite(s.probabilityAlive[i]!) ? s.probabilityAlive[i]! : null,
          spend: worth[i]!, days: s.daysSinceLastPurchase[i]!,
          complaints: Number.isFinite(s.complaints[i]!) ? s.complaints[i]! : null, late: Number.isFinite(s.lateDeliveries[i]!) ? s.lateDeliveries[i]! : null,
        })),
      },
    ],
    charts: [
      { title: "Cumulative gains", figure: propensityGainsChart(e.gains, { event: eventPlural }), caption: `Share of all ${eventPlural} of the test period found by contacting the top x % of customers by score; the diagonal is random selection.` },
      { title: "Lift by decile", figure: propensityLiftChart(e.gains), caption: `Each decile's rate of ${event} divided by the overall rate (1 = no better than random).` },
      { title: "Calibration", figure: propensityCalibrationChart(e.calibration), caption: "Mean predicted probability against the share observed, by score decile; points on the diagonal mean the probabilities can be taken at face value." },
      { title: "AUC side by side", figure: propensityAucChart([rate("logistic model", auc.model), rate("BG/NBD P(alive)", auc.probabilityAlive), rate(`BG/NBD P(buy in ${w} d)`, auc.probabilityPurchase), rate("recency alone", auc.recency)]), caption: "How well each score ranks the same test customers (0.5 = coin toss, 1 = perfect)." },
    ],
  });
}

/**
 * The customers in the high band among the top `k` by worth (largest first, ties by id ascending,
 * as `topIndices`), in index order. The top `k` are found from the k-th largest worth (a typed
 * sort) and, among the customers tied at it, by id: no sort of all the customers by a comparison.
 *
 * @param worth - spend or orders per customer
 * @param ids - customer ids (unique)
 * @param k - how many customers make the top
 * @param band - risk band per customer
 * @returns indices of the top customers in the high band, ascending
 */
function highBandOfTop(worth: ArrayLike<number>, ids: readonly string[], k: number, band: readonly string[]): Int32Array {
  const n = worth.length;
  let finite = true;
  for (let i = 0; i < n && finite; i++) finite = !Number.isNaN(worth[i]!);
  if (!finite || k <= 0) return Int32Array.from(topIndices(worth, ids, k).filter((i) => band[i] === "high")).sort();
  const sorted = Float64Array.from(worth).sort();
  const threshold = sorted[n - k]!; // the k-th largest
  let above = 0;
  const tied: number[] = [];
  for (let i = 0; i < n; i++) {
    if (worth[i]! > threshold) above++;
    else if (worth[i] === threshold) tied.push(i);
  }
  // The tied customers that make the top, by id.
  const inTop = new Uint8Array(n);
  tied.sort((a, b) => (ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : 0));
  for (let j = 0; j < k - above; j++) inTop[tied[j]!] = 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) if ((worth[i]! > threshold || inTop[i] === 1) && band[i] === "high") out.push(i);
  return Int32Array.from(out);
}

/**
 * The "Propensity to buy" entry of the section registry: `propensityAnalysis` (who buys again in
 * the next 90 days, with the service events when given), built by {@link propensitySection}.
 *
 * @example
 * propensitySpec.id; // "propensity"
 */
export const propensitySpec = defineReportSection<PropensityResult>({
  id: "propensity",
  title: "Propensity to buy",
  help: "who buys again in the next 90 days: logistic model vs BG/NBD, risk bands",
  uses: ["serviceEvents"],
  columns: ["customer_id", "date", "amount", "order_id", "channel", "discount", "returned_amount"],
  headline: [
    { kpi: "High churn risk", cover: "High churn risk (share of customers)" },
    { kpi: "Likely to buy again", cover: "Likely to buy again (share of customers)" },
  ],
  label: () => "propensity (who buys again in the next 90 days)",
  // The report shows no net contribution: it is not computed (a whole customer value on a large file).
  analysis: (ctx) => propensityAnalysis(ctx.transactions, { serviceEvents: ctx.serviceEvents, netContribution: false, onProgress: ctx.onProgress }),
  build: (result, ctx) => propensitySection(result, { currency: ctx.currency, topN: ctx.topN }),
  assumptions: () => [{ label: "Propensity model", value: "L2-regularised logistic regression on features up to each cut date, evaluated on a later period" }],
});
