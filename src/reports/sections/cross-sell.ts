import { hasColumn } from "../../data/columns/transaction-columns.js";
import { basketRulesChart } from "../../charts/insights/basket-rules-chart.js";
import { basketLiftSupportChart } from "../../charts/insights/basket-lift-support-chart.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import type { AssociationRule } from "../../insights/baskets/basket-types.js";
import { basketAnalysis, type BasketAnalysis } from "../../insights/baskets/basket-analysis.js";
import type { ReportChart, Section } from "../report-model.js";
import { formatValue } from "../format-value.js";
import { ArgumentError } from "../../math/argument-error.js";
import { defineReportSection } from "./section-spec.js";

const pct = (x: number | null): string => formatValue(x, "percent");
const int = (x: number): string => formatValue(x, "integer");
const times = (x: number): string => String(Number(x.toFixed(2)));
const list = (items: readonly string[]): string => items.join(" and ");

/**
 * A rule in plain words, e.g. "Customers who buy bread also buy butter 2.3 times more often
 * than average (60 % of their baskets)".
 *
 * @example
 * basketRuleSentence({ antecedent: ["bread"], consequent: ["butter"], lift: 2.3, confidence: 0.6 } as AssociationRule);
 * // "Customers who buy bread also buy butter 2.3 times more often than average (60 % of their baskets)"
 * @throws never
 */
export function basketRuleSentence(r: Pick<AssociationRule, "antecedent" | "consequent" | "lift" | "confidence">): string {
  const how = r.lift >= 1 ? `also buy ${list(r.consequent)} ${times(r.lift)} times more often than average` : `buy ${list(r.consequent)} only ${times(r.lift)} times as often as average`;
  return `Customers who buy ${list(r.antecedent)} ${how} (${pct(r.confidence)} of their baskets)`;
}

/**
 * The "Cross-sell" section: what sells together (association rules in plain words, a chart of
 * the top rules by lift and of lift against support) and how many customers get a next-best
 * suggestion from a rule rather than from popularity.
 *
 * @param result - the plain result of `basketAnalysis`
 * @param options - `topN` rules to list and draw (default 10)
 * @returns a frozen section with id "cross-sell"
 * @throws ArgumentError when topN is not a whole number >= 1
 * @example
 * crossSellSection(basketAnalysis(tx, { level: "category" })).id; // "cross-sell"
 */
export function crossSellSection(result: BasketAnalysis, options: { readonly topN?: number } = {}): Section {
  const topN = options.topN ?? 10;
  if (!Number.isInteger(topN) || topN < 1) throw new ArgumentError(`crossSellSection: topN ${topN} must be a whole number >= 1`);
  const a = result;
  const level = a.level === "product" ? "product" : "category";
  const levels = a.level === "product" ? "products" : "categories";
  const positive = a.rules.filter((r) => r.lift > 1);
  const top = [...a.rules].sort((x, y) => y.lift - x.lift).slice(0, topN);
  const nb = a.nextBest;
  const narrative = [
    `${int(a.linesUsed)} purchase lines make ${int(a.baskets)} baskets (${a.keyedBy === "order" ? "one per order" : "one per customer and day"}) of ${int(a.items)} ${levels}; ${pct(a.multiItemShare)} of the baskets hold two or more ${levels}, and only those show what is bought together.${a.linesSkipped > 0 ? ` ${int(a.linesSkipped)} return or unnamed lines are left out.` : ""}`,
    `Rules come from ${level} sets in at least ${pct(a.minSupport)} of baskets and hold in at least ${pct(a.minConfidence)} of the baskets they apply to. Lift says how many times more often the second ${level} is bought with the first than on average: above 1 means they sell together, 1 means no link, below 1 means they rarely go together.`,
    positive.length > 0
      ? `${int(positive.length)} of ${int(a.rules.length)} rules have a lift above 1. The strongest: ${positive.slice(0, 3).map((r) => basketRuleSentence(r).replace(/^C/, "c")).join("; ")}.`
      : `No ${level} is bought with another more often than by chance at this support (${int(a.rules.length)} rules, all with lift 1 or below): there is no cross-sell pattern to act on, so suggest the most popular ${levels} instead, or lower the minimum support to look at rarer combinations.`,
    `Next best ${level}: ${int(nb.customersByRules)} of ${int(nb.customers)} customers (${pct(nb.ruleCoverage)}) get at least one suggestion from a rule (scored by the rule's confidence); the others get the most popular ${levels} they have not bought yet.`,
  ];
  const charts: ReportChart[] = [];
  if (top.length > 0) {
    charts.push(
      { title: "Top rules by lift", figure: basketRulesChart(top), caption: `The ${top.length} rules with the highest lift: how many times more often the second ${level} is bought with the first than on average (1 = no link), with the share of baskets in which the rule holds.` },
      { title: "Lift and support", figure: basketLiftSupportChart(a.rules), caption: `Every rule by how common it is (support, share of all baskets) and how strong (lift); the line marks lift 1, no link.` },
    );
  }
  // Suggestions by item, from the number columns (the per-row text columns are never made).
  const byItem = new Map<number, { rule: number; popularity: number }>();
  for (let i = 0; i < nb.length; i++) {
    const y = nb.itemIndex[i]!;
    let e = byItem.get(y);
    if (e === undefined) byItem.set(y, (e = { rule: 0, popularity: 0 }));
    e[nb.byRule[i] === 1 ? "rule" : "popularity"]++;
  }
  const suggested = new Map([...byItem].map(([y, e]) => [nb.items[y]!, e]));
  const mostSuggested = [...suggested].sort((x, y) => y[1].rule + y[1].popularity - x[1].rule - x[1].popularity || (x[0] < y[0] ? -1 : 1)).slice(0, topN);
  return deepFreeze({
    id: "cross-sell",
    title: "Cross-sell",
    narrative,
    kpis: [
      { label: "Baskets", value: a.baskets, format: "integer" as const, unit: "baskets", note: `${pct(a.multiItemShare)} with two or more ${levels}` },
      { label: "Rules", value: a.rules.length, format: "integer" as const, unit: "rules", note: `${int(positive.length)} with lift above 1` },
      { label: "Best lift", value: a.rules.length > 0 ? a.rules.reduce((m, r) => Math.max(m, r.lift), 0) : null, format: "decimal" as const, unit: "times average", note: "1 = bought together as often as by chance" },
      { label: "Rule coverage", value: nb.customers > 0 ? nb.ruleCoverage : null, format: "percent" as const, unit: "", note: "customers with a rule-based suggestion" },
    ],
    tables: [
      {
        title: `Top ${top.length} rules by lift`,
        columns: [
          { key: "rank", label: "Rank", format: "integer" as const },
          { key: "words", label: "In plain words", format: "text" as const },
          { key: "antecedent", label: "Who buys", format: "text" as const },
          { key: "consequent", label: "Also buys", format: "text" as const },
          { key: "baskets", label: "Baskets with both", format: "integer" as const },
          { key: "support", label: "Support", format: "percent" as const },
          { key: "confidence", label: "Confidence", format: "percent" as const },
          { key: "lift", label: "Lift", format: "decimal" as const },
          { key: "leverage", label: "Leverage", format: "decimal" as const },
          { key: "conviction", label: "Conviction", format: "decimal" as const },
        ],
        rows: top.map((r, k) => ({
          rank: k + 1, words: basketRuleSentence(r), antecedent: r.antecedent.join(" + "), consequent: r.consequent.join(" + "), baskets: r.count,
          support: r.support, confidence: r.confidence, lift: r.lift, leverage: r.leverage, conviction: Number.isFinite(r.conviction) ? r.conviction : null,
        })),
      },
      {
        title: `Most suggested next-best ${levels}`,
        columns: [
          { key: "item", label: level === "product" ? "Product" : "Category", format: "text" as const },
          { key: "byRule", label: "Suggested by a rule (customers)", format: "integer" as const },
          { key: "byPopularity", label: "Suggested as popular (customers)", format: "integer" as const },
        ],
        rows: mostSuggested.map(([item, e]) => ({ item, byRule: e.rule, byPopularity: e.popularity })),
      },
    ],
    charts,
  });
}

/**
 * The "Cross-sell" entry of the section registry: `basketAnalysis` by category (else by
 * product), built by {@link crossSellSection}; left out when the data have neither column.
 *
 * @example
 * crossSellSpec.id; // "cross-sell"
 */
export const crossSellSpec = defineReportSection<BasketAnalysis>({
  id: "cross-sell",
  title: "Cross-sell",
  help: "category association rules and next-best products",
  needs: [{ anyColumn: ["category", "productId"], missing: "the transactions have no product or category column; map one with --product COL or --category COL" }],
  columns: ["order_id", "date", "product_id", "category"],
  headline: [{ kpi: "Best lift", cover: "Best cross-sell lift (times chance)" }],
  label: () => "cross-sell (association rules)",
  analysis: (ctx) => basketAnalysis(ctx.transactions, { level: hasColumn(ctx.transactions, "category") ? "category" : "product", onProgress: ctx.onProgress }),
  build: (result) => crossSellSection(result),
});
