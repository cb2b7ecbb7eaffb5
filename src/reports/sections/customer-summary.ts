import type { CustomerSummary } from "../../summary/types.js";
import type { Section } from "../report-model.js";
import { frequencyChart, recencyOrdersHeatmap, spendHistogram, withCurrency } from "../../charts/index.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { formatValue } from "../format-value.js";
import { topIndices } from "./top-indices.js";
import { defineReportSection } from "./section-spec.js";
import { ArgumentError } from "../../math/argument-error.js";

const pct = (x: number | null): string => formatValue(x, "percent");
const int = (x: number): string => formatValue(x, "integer");

function median(values: Float64Array): number | null {
  if (values.length === 0) return null;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * The "Customer summary" section: key figures (customers, repeat customers share, mean
 * frequency, mean spend, period), the frequency, spend and recency-by-orders charts, the top
 * customers by total spend, and a plain-language reading for a manager.
 *
 * @param summary - the customer summary (one row per customer; money in `currency` units)
 * @param options - `currency` (ISO 4217, default "EUR"), `topN` customers to list (default 20)
 * @returns a frozen section with id "customer-summary"
 * @throws ArgumentError when a column's length differs from `summary.length`, or a chart input is invalid
 * @example
 * customerSummarySection(summary, { currency: "EUR" }).kpis.map((k) => k.label);
 * // ["Customers", "Repeat customers", "Mean frequency", "Mean spend", "Period"]
 */
export function customerSummarySection(
  summary: CustomerSummary,
  options: { readonly currency?: string; readonly topN?: number } = {},
): Section {
  const c = summary.columns;
  const n = summary.length;
  for (const [name, d] of Object.entries(Object.getOwnPropertyDescriptors(c))) {
    if (d.get) continue; // a column made when read, from the others: not read here
    const col = d.value as ArrayLike<unknown>;
    if (col.length !== n) throw new ArgumentError(`customerSummarySection: column ${name} has ${col.length} rows, expected ${n}`);
  }
  const currency = options.currency ?? "";
  const topN = options.topN ?? 20;
  let repeat = 0, frequent = 0, sumFreq = 0, totalSpend = 0, holdoutBuyers = 0;
  let firstDate = "";
  for (let i = 0; i < n; i++) {
    const f = c.frequency[i]!;
    if (f > 0) repeat += 1;
    if (f >= 3) frequent += 1;
    sumFreq += f;
    totalSpend += c.total_spend[i]!;
    if (c.frequency_holdout[i]! > 0) holdoutBuyers += 1;
    const d = c.first_purchase[i]!;
    if (firstDate === "" || d < firstDate) firstDate = d;
  }
  const share = (k: number): number | null => (n > 0 ? k / n : null);
  const meanSpend = n > 0 ? totalSpend / n : null;
  const medianSpend = median(c.total_spend);
  const medianDays = median(c.days_since_last_purchase);
  const period = n > 0 ? `${firstDate} to ${summary.calibrationEnd}` : `to ${summary.calibrationEnd}`;
  const topFifth = topIndices(c.total_spend, c.customer_id, Math.ceil(0.2 * n));
  const topFifthSpend = topFifth.reduce((a, i) => a + c.total_spend[i]!, 0);
  const money = (x: number | null): string => formatValue(x, "money", currency);
  // A purchase log (no amounts): the spend figures are unknown, so they are left out, not shown as 0.
  const spend = summary.hasSpend !== false;

  const narrative: string[] = [];
  if (n === 0) {
    narrative.push(`No customer made a purchase on or before ${summary.calibrationEnd}, so there is nothing to summarise yet.`);
  } else {
    narrative.push(`${int(n)} customers bought from ${firstDate} to ${summary.calibrationEnd}${spend ? `, spending ${money(totalSpend)} in all.` : "; the data have no amounts (a purchase log), so this report speaks of purchases, not of spend."}`);
    narrative.push(
      `${pct(share(n - repeat))} of customers have not bought again since their first purchase; ` +
        `${pct(share(repeat))} came back at least once and ${pct(share(frequent))} made three or more repeat purchases. ` +
        `Turning one-time buyers into repeat customers is usually the cheapest growth available.`,
    );
    if (spend) narrative.push(
      `On average a customer spent ${money(meanSpend)} (median ${money(medianSpend)})` +
        (totalSpend > 0 ? `; the top 20 % of customers by spend account for ${pct(topFifthSpend / totalSpend)} of all spending, so keeping them matters most.` : "."),
    );
    narrative.push(`Half of the customers last bought more than ${int(medianDays ?? 0)} days before ${summary.calibrationEnd}: the longer since the last purchase, the less likely a customer is to buy again.`);
    if (summary.durationHoldout > 0) {
      narrative.push(`In the follow-up period to ${summary.observationEnd}, ${pct(share(holdoutBuyers))} of these customers bought again.`);
    }
    if (summary.returnsOnly) {
      narrative.push(`${int(summary.returnsOnly.customers)} more customers have only returns in the data (their purchases were before it): ${money(summary.returnsOnly.amount)} of refunds that no customer figure here includes.`);
    }
    if (summary.customersAfterCalibration > 0) {
      narrative.push(`${int(summary.customersAfterCalibration)} more customers first bought after ${summary.calibrationEnd}; they are not in these figures.`);
    }
  }

  const top = topIndices(spend ? c.total_spend : c.orders, c.customer_id, topN);
  return deepFreeze({
    id: "customer-summary",
    title: "Customer summary",
    narrative,
    kpis: [
      { label: "Customers", value: n, format: "integer" as const, unit: "customers", note: `first purchase on or before ${summary.calibrationEnd}` },
      { label: "Repeat customers", value: share(repeat), format: "percent" as const, unit: "", note: "bought again after their first purchase" },
      { label: "Mean frequency", value: share(sumFreq), format: "decimal" as const, unit: "repeat purchases per customer", note: "repeat purchase days in the period" },
      ...(spend ? [{ label: "Mean spend", value: meanSpend, format: "money" as const, unit: currency, note: `total spend per customer; median ${money(medianSpend)}` }] : []),
      { label: "Period", value: period, format: "text" as const, unit: "", note: summary.durationHoldout > 0 ? `follow-up to ${summary.observationEnd}` : "no follow-up period" },
    ],
    tables: [
      {
        title: `Top ${Math.min(topN, n)} customers by ${spend ? "total spend" : "orders"}`,
        columns: [
          { key: "rank", label: "Rank", format: "integer" as const },
          { key: "customer_id", label: "Customer", format: "text" as const },
          ...(spend
            ? [
                { key: "total_spend", label: withCurrency("Total spend", currency), format: "money" as const },
                { key: "share", label: "Share of all spend", format: "percent" as const },
              ]
            : []),
          { key: "orders", label: "Orders", format: "integer" as const },
          { key: "frequency", label: "Repeat purchases", format: "integer" as const },
          { key: "first_purchase", label: "First purchase", format: "date" as const },
          { key: "last_purchase", label: "Last purchase", format: "date" as const },
          { key: "days_since_last_purchase", label: "Days since last purchase", format: "integer" as const },
        ],
        rows: top.map((i, k) => ({
          rank: k + 1,
          customer_id: c.customer_id[i]!,
          ...(spend ? { total_spend: c.total_spend[i]!, share: totalSpend > 0 ? c.total_spend[i]! / totalSpend : null } : {}),
          orders: c.orders[i]!,
          frequency: c.frequency[i]!,
          first_purchase: c.first_purchase[i]!,
          last_purchase: c.last_purchase[i]!,
          days_since_last_purchase: c.days_since_last_purchase[i]!,
        })),
      },
    ],
    charts: [
      { title: "Repeat purchases", figure: frequencyChart(c.frequency), caption: `Customers by number of repeat purchases; ${pct(share(n - repeat))} made none.` },
      ...(spend ? [{ title: "Total spend", figure: spendHistogram(c.total_spend, { currency }), caption: `Customers by total spend${currency ? ` in ${currency}` : ""}; the last bar gathers the top 1 % of spenders.` }] : []),
      { title: "Recency and orders", figure: recencyOrdersHeatmap(c.days_since_last_purchase, c.orders), caption: "Customers by days since their last purchase (across) and number of orders (up); darker cells hold more customers." },
    ],
  });
}

/**
 * The "Customer summary" entry of the section registry: every report has it, from the summary.
 *
 * @example
 * customerSummarySpec.build(undefined, { ledger, summary, currency: "EUR", topN: 20, maxRejectedRows: 20 }).id; // "customer-summary"
 */
export const customerSummarySpec = defineReportSection<undefined>({
  id: "customer-summary",
  title: "Customer summary",
  help: "customers, repeat customers, frequency, spend, recency, top customers",
  core: true,
  columns: ["customer_id", "date", "amount", "order_id", "returned_amount"],
  headline: [{ kpi: "Repeat customers", cover: "Repeat customers (share who bought again)" }],
  build: (_, ctx) => customerSummarySection(ctx.summary, { currency: ctx.currency, topN: ctx.topN }),
});
