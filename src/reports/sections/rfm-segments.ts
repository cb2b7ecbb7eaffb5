import { deepFreeze } from "../../math/deep-freeze.js";
import { rfmGridHeatmap } from "../../charts/segments/rfm-grid-heatmap.js";
import { rfmSegmentChart } from "../../charts/segments/rfm-segment-chart.js";
import { rfmAnalysis, type RfmAnalysis } from "../../segments/rfm/rfm-analysis.js";
import { formatValue } from "../format-value.js";
import type { Section } from "../report-model.js";
import { withCurrency } from "../../charts/index.js";
import { defineReportSection } from "./section-spec.js";

const pct = (x: number | null): string => formatValue(x, "percent");
const int = (x: number): string => formatValue(x, "integer");

/**
 * The "RFM segments" section: who will buy again and who is best. Key figures, a reading for a
 * manager, the segment sizes and value chart, the R × F heatmaps of customers and of mean spend,
 * the segment table with the recommended action per segment, the cut points of the scores, and
 * the usage tiers (infrequent, moderate, heavy) with the treatment the course names for each.
 *
 * @param result - the plain result of `rfmAnalysis` (money in `currency` units)
 * @param options - `currency` (ISO 4217, default "EUR")
 * @returns a frozen section with id "rfm-segments"
 * @throws ArgumentError when a chart input is invalid (scores outside the scale)
 * @example
 * rfmSegmentsSection(rfmAnalysis(summary), { currency: "EUR" }).tables.map((t) => t.title)[0]; // "Segments and what to do"
 */
export function rfmSegmentsSection(result: RfmAnalysis, options: { readonly currency?: string } = {}): Section {
  const currency = options.currency ?? "";
  const money = (x: number | null): string => formatValue(x, "money", currency);
  const s = result.scores;
  const n = s.length;
  const byName = new Map(result.table.map((r) => [r.segment, r]));
  const shareOf = (names: string[], key: "share" | "revenueShare"): number | null =>
    // null when the segments are absent or have no value (a purchase log has no revenue)
    names.some((x) => byName.get(x)?.[key] != null) ? names.reduce((a, x) => a + (byName.get(x)?.[key] ?? 0), 0) : null;
  const best = shareOf(["Champions", "Loyal Customers"], "share");
  const bestRevenue = shareOf(["Champions", "Loyal Customers"], "revenueShare");
  const risk = shareOf(["At Risk", "Can't Lose Them"], "share");
  const riskRevenue = shareOf(["At Risk", "Can't Lose Them"], "revenueShare");
  const largest = [...result.table].sort((a, b) => b.customers - a.customers)[0];
  const narrative: string[] = [];
  if (n === 0) {
    narrative.push(`No customer bought on or before ${result.periodEnd}, so there is nothing to segment.`);
  } else {
    narrative.push(
      `Each of the ${int(n)} customers is scored 1 to 5 on recency (R: 5 = bought most recently), frequency (F: 5 = most orders) and monetary value (M: 5 = most spend), ` +
        `by quintiles of the customers to ${result.periodEnd}, and placed in one named segment. RFM finds who will buy again and who is best.`,
    );
    if (best !== null && bestRevenue !== null) narrative.push(`Champions and Loyal Customers are ${pct(best)} of customers and bring ${pct(bestRevenue)} of revenue: reward and keep them.`);
    if (risk !== null && riskRevenue !== null) narrative.push(`At Risk and Can't Lose Them hold ${pct(risk)} of customers and ${pct(riskRevenue)} of revenue: valuable customers who have not bought for a while; win them back first.`);
    if (largest) narrative.push(`The largest segment is ${largest.segment} (${pct(largest.share)} of customers, ${pct(largest.revenueShare)} of revenue).`);
    narrative.push(...s.notes.map((x) => `Note: ${x}.`));
    const t = result.tiers;
    narrative.push(
      `By ${t.basis === "orders" ? "orders" : "orders per year"}, ${t.rows.map((r) => `${pct(r.share)} are ${r.tier} users`).join(", ")}. ` +
        "Infrequent users get direct incentives such as a price discount, moderate users reinforcement of past purchase decisions, heavy users loyalty and reinforcement of purchase.",
    );
  }
  const fmtCuts = (cuts: readonly number[], fmt: (x: number) => string): string => (cuts.length ? cuts.map(fmt).join(" | ") : "none (all equal)");
  const bp = s.breakpoints;
  return deepFreeze({
    id: "rfm-segments",
    title: "RFM segments",
    narrative,
    kpis: [
      { label: "Customers scored", value: n, format: "integer" as const, unit: "customers", note: `to ${result.periodEnd}` },
      { label: "Champions and Loyal", value: best, format: "percent" as const, unit: "", note: `of customers; ${pct(bestRevenue)} of revenue` },
      { label: "At risk of loss", value: risk, format: "percent" as const, unit: "", note: `At Risk and Can't Lose Them${riskRevenue === null ? "" : `; ${pct(riskRevenue)} of revenue`}` },
      { label: "Segments", value: result.table.filter((r) => r.customers > 0).length, format: "integer" as const, unit: "segments", note: `of ${result.table.length} in the map` },
    ],
    tables: [
      {
        title: "Segments and what to do",
        columns: [
          { key: "segment", label: "Segment", format: "text" as const },
          { key: "customers", label: "Customers", format: "integer" as const },
          { key: "share", label: "Share of customers", format: "percent" as const },
          { key: "revenue", label: withCurrency("Revenue", currency), format: "money" as const },
          { key: "revenueShare", label: "Share of revenue", format: "percent" as const },
          ...(result.table.some((r) => r.marginShare !== null) ? [{ key: "marginShare", label: "Share of margin", format: "percent" as const }] : []),
          { key: "meanDays", label: "Mean days since last purchase", format: "integer" as const },
          { key: "meanOrders", label: "Mean orders", format: "decimal" as const },
          { key: "meanSpend", label: withCurrency("Mean spend", currency), format: "money" as const },
          { key: "meanR", label: "Mean R", format: "decimal" as const },
          { key: "meanF", label: "Mean F", format: "decimal" as const },
          { key: "meanM", label: "Mean M", format: "decimal" as const },
          { key: "action", label: "What to do", format: "text" as const },
        ],
        rows: result.table.map((r) => ({
          segment: r.segment, customers: r.customers, share: r.share, revenue: r.revenue, revenueShare: r.revenueShare, marginShare: r.marginShare,
          meanDays: r.meanDaysSinceLastPurchase, meanOrders: r.meanOrders, meanSpend: r.meanSpend, meanR: r.meanR, meanF: r.meanF, meanM: r.meanM, action: r.action,
        })),
      },
      {
        title: "Score cut points (a value above a cut scores higher; R is reversed)",
        columns: [
          { key: "score", label: "Score", format: "text" as const },
          { key: "cuts", label: "Cut points", format: "text" as const },
          { key: "used", label: "Scores used", format: "text" as const },
        ],
        rows: [
          { score: "R: days since last purchase", cuts: fmtCuts(bp.r, (x) => `${int(x)} days`), used: s.scoresUsed.r.join(", ") },
          { score: "F: orders", cuts: fmtCuts(bp.f, int), used: s.scoresUsed.f.join(", ") },
          { score: "M: total spend", cuts: fmtCuts(bp.m, money), used: s.scoresUsed.m.join(", ") },
        ],
      },
      {
        title: "Usage tiers and their treatment",
        columns: [
          { key: "tier", label: "Tier", format: "text" as const },
          { key: "definition", label: "Definition", format: "text" as const },
          { key: "customers", label: "Customers", format: "integer" as const },
          { key: "share", label: "Share of customers", format: "percent" as const },
          { key: "revenueShare", label: "Share of revenue", format: "percent" as const },
          { key: "meanOrders", label: "Mean orders", format: "decimal" as const },
          { key: "treatment", label: "Treatment", format: "text" as const },
        ],
        rows: result.tiers.rows.map((r) => ({ tier: r.tier, definition: r.definition, customers: r.customers, share: r.share, revenueShare: r.revenueShare, meanOrders: r.meanOrders, treatment: r.treatment })),
      },
    ],
    charts: [
      { title: "Segment sizes and value", figure: rfmSegmentChart(result.table), caption: "Per segment, its share of customers (blue) and of revenue (orange); segments whose orange bar is taller carry more than their share of the money." },
      { title: "Customers by R and F score", figure: rfmGridHeatmap(s.r, s.f, { bins: bp.bins }), caption: "Customers by recency score (across, 5 = most recent) and frequency score (up); darker cells hold more customers. The best customers sit top right." },
      ...(s.total_spend.some(Number.isFinite) ? [{ title: "Mean spend by R and F score", figure: rfmGridHeatmap(s.r, s.f, { bins: bp.bins, spend: s.total_spend, measure: "meanSpend", currency }), caption: `Mean total spend${withCurrency("", currency)} of the customers in each R × F cell; darker cells spend more.` }] : []),
    ],
  });
}

/**
 * @deprecated the section's name is its id: use {@link rfmSegmentsSection}.
 * @example
 * rfmSection(rfmAnalysis(summary)).id; // "rfm-segments"
 */
export const rfmSection = rfmSegmentsSection;

/**
 * The "RFM segments" entry of the section registry: `rfmAnalysis` of the customer summary,
 * built by {@link rfmSegmentsSection}.
 *
 * @example
 * rfmSegmentsSpec.id; // "rfm-segments"
 */
export const rfmSegmentsSpec = defineReportSection<RfmAnalysis>({
  id: "rfm-segments",
  title: "RFM segments",
  help: "RFM scores, the named segments with actions, the R x F heatmap, usage tiers",
  columns: ["customer_id", "date", "amount", "order_id"],
  headline: [{ kpi: "At risk of loss", cover: "Customers at risk of loss (share)" }],
  label: () => "RFM segments",
  fromSummary: true,
  analysis: (ctx) => rfmAnalysis(ctx.summary),
  build: (result, ctx) => rfmSegmentsSection(result, { currency: ctx.currency }),
});
