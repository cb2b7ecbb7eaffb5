import type { CustomerValueResult, GroupValue } from "../../value/types.js";
import type { CellValue, ReportTable, Section } from "../report-model.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { valueWhaleCurveChart } from "../../charts/value/value-whale-curve-chart.js";
import { valueByGroupChart } from "../../charts/value/value-by-group-chart.js";
import { formatValue } from "../format-value.js";
import { withCurrency } from "../../charts/index.js";
import { customerValue } from "../../value/customer-value.js";
import { defineReportSection } from "./section-spec.js";

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Row indices of the `n` customers ranked first (rank 1, 2, ...). */
/**
 * The indices of the first `n` customers by rank (ties by index). Ranks 1..m each once, as
 * customerValue gives them: one pass, no object per customer; other ranks: a stable sort.
 */
function firstByRank(rank: Float64Array, n: number): number[] {
  const m = rank.length;
  const first = new Int32Array(Math.min(n, m));
  const seen = new Uint8Array(m + 1);
  let permutation = true;
  for (let i = 0; i < m && permutation; i++) {
    const r = rank[i]!;
    permutation = Number.isInteger(r) && r >= 1 && r <= m && seen[r] === 0;
    if (!permutation) break;
    seen[r] = 1;
    if (r <= n) first[r - 1] = i;
  }
  if (permutation) return Array.from(first);
  return Array.from(rank, (r, i) => [r, i] as const).sort((x, y) => x[0] - y[0]).slice(0, n).map(([, i]) => i);
}

function groupTable(g: GroupValue, currency: string): ReportTable {
  const c = g.columns;
  const label = g.by.replace(/_/g, " ");
  const cols = [
    ["group", label[0]!.toUpperCase() + label.slice(1), "text"], ["customers", "Customers", "integer"], ["orders", "Orders", "integer"],
    ["net_sales", withCurrency("Lifetime sales", currency), "money"], ["discount_rate", "Discount rate", "percent"], ["return_rate", "Return rate", "percent"],
    ["average_selling_price", withCurrency("Average selling price", currency), "money"], ["gross_margin", withCurrency("Gross margin", currency), "money"],
    ["gross_margin_rate", "Gross margin rate", "percent"], ["freight", withCurrency("Freight and handling", currency), "money"],
    ["cost_to_serve", withCurrency("Cost to serve", currency), "money"], ["net_contribution", withCurrency("Net contribution", currency), "money"],
    ["net_contribution_per_customer", withCurrency("Net contribution per customer", currency), "money"], ["share_of_net_contribution", "Share of net contribution", "percent"],
  ] as const;
  return {
    title: `Value by ${label}`,
    columns: cols.map(([key, lab, format]) => ({ key, label: lab, format })),
    rows: c.group.map((_, k) => Object.fromEntries(cols.map(([key]) => [key, key === "group" ? c.group[k]! : num(c[key][k]!)])) as Record<string, CellValue>),
  };
}

/**
 * The "Customer value" section: who makes the profit and what the unprofitable customers cost.
 * Key figures (lifetime sales, gross margin, net contribution, unprofitable customers, the whale
 * curve's peak, the best channel), a plain-language narrative, the whale-curve and value-by-channel
 * charts, and tables by channel, of the top customers and of the ABC classes.
 *
 * @param result - the result of `customerValue` (money in `currency` units)
 * @param options - `currency` (ISO 4217, default "EUR"), `topN` customers to list (default 20)
 * @returns a frozen section with id "customer-value"
 * @throws ArgumentError when a chart input is not finite
 * @example
 * customerValueSection(customerValue(t), { currency: "EUR" }).kpis.map((k) => k.label);
 * // ["Customers", "Lifetime sales", "Gross margin", "Net contribution", "Unprofitable customers", "Whale-curve peak", ...]
 */
export function customerValueSection(result: CustomerValueResult, options: { readonly currency?: string; readonly topN?: number } = {}): Section {
  const currency = options.currency ?? "";
  const topN = options.topN ?? 20;
  const money = (x: number | null): string => formatValue(x, "money", currency);
  const pct = (x: number | null): string => formatValue(x, "percent");
  const int = (x: number): string => formatValue(x, "integer");
  const t = result.totals, w = result.whale, c = result.columns;
  const a = result.abc.classes.find((k) => k.abcClass === "A")!;
  const ch = result.byChannel;
  if (w.measure === "net_sales") return revenueOnlySection(result, currency, topN);
  const narrative: string[] = [
    `${int(result.length)} customers bought ${money(t.net_sales)} in lifetime sales, net of ${money(t.returns_value)} of returns (${pct(t.return_rate)} of sales) and after ${money(t.discounts)} of discounts. ` +
      `After the cost of goods the gross margin contribution is ${money(t.gross_margin)} (${pct(t.gross_margin_rate)}); freight and handling cost ${money(t.freight)} and serving the customers ${money(t.cost_to_serve)}, which leaves a net contribution of ${money(t.net_contribution)}.`,
    `Profit is concentrated: ${int(a.customers)} customers (${pct(a.customerShare)}, class A) make ${pct(a.valueShare)} of the ${result.abc.measure.replace(/_/g, " ")}. ` +
      `Ranked from the most to the least profitable, the best ${pct(w.peakCustomerShare)} of customers make ${pct(w.peakProfitShare)} of ${w.base === "total" ? "the total profit" : "the profit of the profitable customers"}. Keep these customers: they pay for everyone else.`,
    w.unprofitableCustomers > 0
      ? `${int(w.unprofitableCustomers)} customers (${pct(w.unprofitableShare)}) cost more than they bring: together they lose ${money(w.unprofitableCost)}${w.totalProfit > 0 ? `, ${pct(w.unprofitableCost / w.totalProfit)} of the total profit` : ""}. ` +
        `Look at what drives their cost (freight on small orders, returns, service contacts) before spending on them: a minimum order value, freight charges or a cheaper channel can turn them profitable.`
      : "Every customer contributes a profit after freight and cost to serve.",
  ];
  if (ch && ch.length > 0) {
    const best = 0;
    let perCustomerBest = 0, worst = 0;
    for (let k = 1; k < ch.length; k++) {
      if (ch.columns.net_contribution_per_customer[k]! > ch.columns.net_contribution_per_customer[perCustomerBest]!) perCustomerBest = k;
      if (ch.columns.net_contribution_per_customer[k]! < ch.columns.net_contribution_per_customer[worst]!) worst = k;
    }
    const g = ch.columns;
    narrative.push(
      `By channel, ${g.group[best]} is worth most: ${money(g.net_contribution[best]!)} of net contribution (${pct(num(g.share_of_net_contribution[best]!))} of the total)` +
        (perCustomerBest === best ? `, and the most per customer (${money(g.net_contribution_per_customer[best]!)}).` : `; per customer, ${g.group[perCustomerBest]} earns most (${money(g.net_contribution_per_customer[perCustomerBest]!)}).`) +
        (ch.length > 1 ? ` ${g.group[worst]} earns least per customer (${money(g.net_contribution_per_customer[worst]!)}): its gross margin rate is ${pct(num(g.gross_margin_rate[worst]!))}, return rate ${pct(num(g.return_rate[worst]!))}, freight ${money(g.freight[worst]!)} and cost to serve ${money(g.cost_to_serve[worst]!)}.` : ""),
    );
  }
  narrative.push(...result.notes);
  const order = firstByRank(c.rank, topN);
  const bestChannel = ch && ch.length > 0 ? ch.columns.group[0]! : null;
  const tables: ReportTable[] = [];
  if (ch) tables.push(groupTable(ch, currency));
  tables.push({
    title: `Top ${Math.min(topN, result.length)} customers by net contribution`,
    columns: [
      { key: "rank", label: "Rank", format: "integer" }, { key: "customer_id", label: "Customer", format: "text" },
      { key: "abc_class", label: "Class", format: "text" }, { key: "orders", label: "Orders", format: "integer" },
      { key: "net_sales", label: withCurrency("Lifetime sales", currency), format: "money" }, { key: "gross_margin", label: withCurrency("Gross margin", currency), format: "money" },
      { key: "freight", label: withCurrency("Freight", currency), format: "money" }, { key: "cost_to_serve", label: withCurrency("Cost to serve", currency), format: "money" },
      { key: "net_contribution", label: withCurrency("Net contribution", currency), format: "money" }, { key: "cumulative_profit_share", label: "Cumulative share of profit", format: "percent" },
    ],
    rows: order.map((i) => ({
      rank: c.rank[i]!, customer_id: c.customer_id[i]!, abc_class: c.abc_class[i]!, orders: c.orders[i]!, net_sales: c.net_sales[i]!,
      gross_margin: c.gross_margin[i]!, freight: c.freight[i]!, cost_to_serve: c.cost_to_serve[i]!, net_contribution: c.net_contribution[i]!,
      cumulative_profit_share: num(c.cumulative_profit_share[i]!),
    })),
  });
  tables.push({
    title: `ABC classes by ${result.abc.measure.replace(/_/g, " ")} (A: first ${pct(result.abc.thresholds.a)}, B: to ${pct(result.abc.thresholds.b)}, C: the rest)`,
    columns: [
      { key: "abc_class", label: "Class", format: "text" }, { key: "customers", label: "Customers", format: "integer" },
      { key: "customer_share", label: "Share of customers", format: "percent" }, { key: "net_sales", label: withCurrency("Lifetime sales", currency), format: "money" },
      { key: "net_contribution", label: withCurrency("Net contribution", currency), format: "money" }, { key: "value_share", label: "Share of value", format: "percent" },
    ],
    rows: result.abc.classes.map((k) => ({ abc_class: k.abcClass, customers: k.customers, customer_share: k.customerShare, net_sales: k.netSales, net_contribution: k.netContribution, value_share: k.valueShare })),
  });
  return deepFreeze({
    id: "customer-value",
    title: "Customer value",
    narrative,
    kpis: [
      { label: "Customers", value: result.length, format: "integer" as const, unit: "customers", note: `${int(t.orders)} orders` },
      { label: "Lifetime sales", value: t.net_sales, format: "money" as const, unit: currency, note: `net of returns; average selling price ${money(t.average_selling_price)}` },
      { label: "Gross margin", value: t.gross_margin, format: "money" as const, unit: currency, note: `${pct(t.gross_margin_rate)} of lifetime sales` },
      { label: "Net contribution", value: t.net_contribution, format: "money" as const, unit: currency, note: "gross margin − freight − cost to serve" },
      { label: "Unprofitable customers", value: w.unprofitableShare, format: "percent" as const, unit: "", note: `${int(w.unprofitableCustomers)} customers losing ${money(w.unprofitableCost)}` },
      { label: "Whale-curve peak", value: w.peakProfitShare, format: "percent" as const, unit: "", note: `of profit, from the best ${pct(w.peakCustomerShare)} of customers` },
      ...(bestChannel === null ? [] : [{ label: "Most valuable channel", value: bestChannel, format: "text" as const, unit: "", note: `${money(ch!.columns.net_contribution[0]!)} net contribution` }]),
    ],
    tables,
    charts: [
      { title: "Profitability (whale) curve", figure: valueWhaleCurveChart(w), caption: `Customers ranked by net contribution against the cumulative share of profit; the peak is ${pct(w.peakProfitShare)} at ${pct(w.peakCustomerShare)} of customers, and the fall after it is what the ${int(w.unprofitableCustomers)} unprofitable customers cost.` },
      ...(ch ? [{ title: "Value by channel", figure: valueByGroupChart(ch, { currency }), caption: `Lifetime sales, gross margin, cost to serve and net contribution of each channel${currency ? `, in ${currency}` : ""}.` }] : []),
    ],
  });
}

/**
 * The customer-value section when the cost of goods is unknown (no cost column, no margin rate):
 * sales, orders, discounts, freight and returns as they are, margin and net contribution shown as
 * unknown, customers ranked and the concentration curve drawn on lifetime sales (revenue).
 */
function revenueOnlySection(result: CustomerValueResult, currency: string, topN: number): Section {
  const money = (x: number | null): string => formatValue(x, "money", currency);
  const pct = (x: number | null): string => formatValue(x, "percent");
  const int = (x: number): string => formatValue(x, "integer");
  const t = result.totals, w = result.whale, c = result.columns, ch = result.byChannel;
  const a = result.abc.classes.find((k) => k.abcClass === "A")!;
  const narrative = [
    `${int(result.length)} customers bought ${money(t.net_sales)} in lifetime sales, net of ${money(t.returns_value)} of returns (${pct(t.return_rate)} of sales) and after ${money(t.discounts)} of discounts${t.average_selling_price === null ? "" : `; the average selling price is ${money(t.average_selling_price)}`}.`,
    `Sales are concentrated: ${int(a.customers)} customers (${pct(a.customerShare)}, class A) make ${pct(a.valueShare)} of lifetime sales. Keep these customers first.`,
    ...result.notes,
  ];
  const order = firstByRank(c.rank, topN);
  const tables: ReportTable[] = [];
  if (ch) tables.push(groupTable(ch, currency));
  tables.push({
    title: `Top ${Math.min(topN, result.length)} customers by lifetime sales`,
    columns: [
      { key: "rank", label: "Rank", format: "integer" }, { key: "customer_id", label: "Customer", format: "text" },
      { key: "abc_class", label: "Class", format: "text" }, { key: "orders", label: "Orders", format: "integer" },
      { key: "net_sales", label: withCurrency("Lifetime sales", currency), format: "money" }, { key: "discounts", label: withCurrency("Discounts", currency), format: "money" },
      { key: "returns_value", label: withCurrency("Returns", currency), format: "money" }, { key: "cumulative_share", label: "Cumulative share of sales", format: "percent" },
    ],
    rows: order.map((i) => ({
      rank: c.rank[i]!, customer_id: c.customer_id[i]!, abc_class: c.abc_class[i]!, orders: c.orders[i]!, net_sales: c.net_sales[i]!,
      discounts: c.discounts[i]!, returns_value: c.returns_value[i]!, cumulative_share: num(c.cumulative_profit_share[i]!),
    })),
  });
  return deepFreeze({
    id: "customer-value",
    title: "Customer value",
    narrative,
    kpis: [
      // Lifetime sales first: it is the cover's headline when no profit is known.
      { label: "Lifetime sales", value: t.net_sales, format: "money" as const, unit: currency, note: `net of returns${t.average_selling_price === null ? "" : `; average selling price ${money(t.average_selling_price)}`}` },
      { label: "Customers", value: result.length, format: "integer" as const, unit: "customers", note: `${int(t.orders)} orders` },
      { label: "Gross margin", value: null, format: "money" as const, unit: currency, note: "unknown: no cost column (give --margin-rate R)" },
      { label: "Sales from class A", value: a.valueShare, format: "percent" as const, unit: "", note: `of lifetime sales, from ${pct(a.customerShare)} of customers` },
    ],
    tables,
    charts: [
      { title: "Revenue concentration curve", figure: valueWhaleCurveChart(w), caption: `Customers ranked by lifetime sales against the cumulative share of revenue (no costs are known, so this is not a profit curve); the best ${pct(a.customerShare)} of customers make ${pct(a.valueShare)} of sales.` },
      ...(ch ? [{ title: "Value by channel", figure: valueByGroupChart(ch, { currency }), caption: `Lifetime sales and cost to serve of each channel${currency ? `, in ${currency}` : ""} (margin unknown without costs).` }] : []),
    ],
  });
}

/**
 * The "Customer value" entry of the section registry: `customerValue` on the transactions (with
 * the service events, customers and cost table when given), built by {@link customerValueSection}.
 *
 * @example
 * customerValueSpec.id; // "customer-value"
 */
export const customerValueSpec = defineReportSection<CustomerValueResult>({
  id: "customer-value",
  title: "Customer value",
  help: "lifetime sales, margin, discounts, freight, cost to serve, the whale curve, ABC",
  uses: ["serviceEvents", "customers"],
  columns: ["customer_id", "amount", "order_id", "channel", "quantity", "unit_price", "discount", "freight", "cost", "returned_quantity", "returned_amount"],
  headline: [
    { kpi: "Net contribution", cover: "Net contribution of all customers" },
    { kpi: "Lifetime sales", cover: "Lifetime sales of all customers" },
  ],
  label: () => "customer value",
  analysis: (ctx) => customerValue(ctx.transactions, {
    serviceEvents: ctx.serviceEvents, customers: ctx.customers, costs: ctx.costs, assumedMarginRate: ctx.options.assumedMarginRate,
    onProgress: ctx.onProgress,
  }),
  build: (result, ctx) => customerValueSection(result, { currency: ctx.currency, topN: ctx.topN }),
  assumptions: (result, ctx) => [{
    label: "Cost to serve",
    value: Object.entries(result.costs).map(([k, v]) => `${k.replace(/_/g, " ")} ${formatValue(v, "money", ctx.currency)}`).join("; "),
  }],
});
