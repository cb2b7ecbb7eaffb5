import { hasColumn } from "../data/columns/transaction-columns.js";
import type { Transactions } from "../data/types.js";
import { AnalysisNotPossibleError } from "../math/analysis-not-possible-error.js";
import { progressStages } from "../math/progress.js";
import { abcClasses } from "./abc-classes.js";
import { rankOrder } from "./rank-order.js";
import { ratio, sumValueByKey } from "./sum-value-by-key.js";
import type { AbcClass, AbcClassSummary, CustomerValueColumns, CustomerValueResult } from "./types.js";
import { groupValueOf } from "./value-by-group.js";
import { prepareValue, preparedTotals, type ValueOptions } from "./value-options.js";
import { whaleCurve } from "./whale-curve.js";

/**
 * Customer value assessment: for every customer, lifetime sales (net of returns), gross margin
 * contribution, discounts, freight and handling, average selling price, returns (value and rate),
 * cost to serve (orders, returns and service events priced by a cost table) and net contribution
 * (gross margin - freight - cost to serve), with the customer's rank, the profitability (whale)
 * curve, Pareto/ABC classes and, when the lines have a channel, the value by channel.
 *
 * Rules (see `src/value/README.md`): net sales = amount - returned_amount (negative lines are
 * returns); cost of goods = the line's cost, estimated from the category's realised margin when
 * unknown, minus the cost of returned units (back to stock); cost to serve as {@link lineCostToServe}.
 *
 * @param t - the transactions (money in currency units)
 * @param options - service events, cost table, ABC measure and thresholds, see {@link ValueOptions}
 * @returns a frozen {@link CustomerValueResult}; `columns` in customer-id order
 * @throws DataError for a bad cost table or unknown costs without an assumed margin rate; RangeError for empty transactions or bad thresholds
 * @example
 * const v = customerValue(transactions, { serviceEvents: events });
 * v.totals.net_contribution;   // total profit after freight and cost to serve
 * v.whale.peakProfitShare;     // e.g. 1.12: the best customers make 112 % of the profit
 */
export function customerValue(t: Transactions, options: ValueOptions = {}): CustomerValueResult {
  const stages = progressStages(options.onProgress, 5);
  const prepared = prepareValue(t, options, "customerValue");
  stages.next();
  const { lines, service } = prepared;
  const ids = lines.customerIds;
  const m = ids.length;
  const s = sumValueByKey(lines, service.costToServe, lines.customerOf, m);
  stages.next();
  const totals = preparedTotals(prepared);
  // Unknown cost of goods (a plain export): rank and draw the whale curve on revenue instead of profit.
  const measure = lines.unknownCostLines > 0 ? "net_sales" : "net_contribution";
  const worth = s[measure];
  const whale = whaleCurve(ids, worth, { maxPoints: options.whalePoints ?? 1000, measure });
  const order = rankOrder(ids, worth);
  const rank = new Float64Array(m);
  const cumulative = new Float64Array(m);
  let positive = 0;
  for (let i = 0; i < m; i++) if (worth[i]! > 0) positive += worth[i]!;
  const base = whale.base === "total" ? totals[measure] : positive;
  let running = 0;
  order.forEach((i, k) => {
    rank[i] = k + 1;
    running += worth[i]!;
    cumulative[i] = ratio(running, base);
  });
  const abcMeasure = options.abcMeasure ?? measure;
  if (abcMeasure !== "net_sales" && lines.unknownCostLines > 0) {
    throw new AnalysisNotPossibleError(`customerValue: ABC classes by ${abcMeasure.replace(/_/g, " ")} need costs (a cost column or an assumed margin rate, --margin-rate R); use net_sales`);
  }
  const thresholds = { a: options.abcThresholds?.a ?? 0.8, b: options.abcThresholds?.b ?? 0.95 };
  const classes = abcClasses(ids, s[abcMeasure], thresholds);
  stages.next();
  const columns: CustomerValueColumns = {
    customer_id: Object.freeze([...ids]),
    orders: s.orders, lines: s.lines, units: s.units, gross_sales: s.gross_sales, discounts: s.discounts,
    returns_value: s.returns_value, return_rate: Float64Array.from(ids, (_, i) => ratio(s.returns_value[i]!, s.gross_sales[i]!)),
    net_sales: s.net_sales, cost_of_goods: s.cost_of_goods, cost_estimated_sales: s.cost_estimated_sales,
    gross_margin: s.gross_margin, gross_margin_rate: Float64Array.from(ids, (_, i) => ratio(s.gross_margin[i]!, s.net_sales[i]!)),
    freight: s.freight, average_selling_price: Float64Array.from(ids, (_, i) => ratio(s.unit_sales[i]!, s.units[i]!)),
    returned_lines: s.returned_lines,
    call_centre_contacts: service.callCentreContacts, complaints: service.complaints,
    late_deliveries: service.lateDeliveries, return_events: service.returnEvents,
    cost_to_serve: s.cost_to_serve, net_contribution: s.net_contribution,
    rank, cumulative_profit_share: cumulative, abc_class: classes,
  };
  stages.next();
  const result: CustomerValueResult = Object.freeze({
    length: m,
    columns: Object.freeze(columns),
    totals,
    whale,
    abc: Object.freeze({ measure: abcMeasure, thresholds: Object.freeze(thresholds), classes: abcSummary(classes, s.net_sales, s.net_contribution, s[abcMeasure]) }),
    byChannel: hasColumn(t, "channel") ? groupValueOf(t, prepared, "channel", options.customers) : null,
    costs: prepared.costs,
    returnsFrom: service.returnsFrom,
    notes: Object.freeze([...prepared.notes]),
  });
  stages.end();
  return result;
}

function abcSummary(classes: readonly AbcClass[], netSales: Float64Array, net: Float64Array, value: Float64Array): readonly AbcClassSummary[] {
  let positive = 0;
  for (const v of value) if (v > 0) positive += v;
  return Object.freeze((["A", "B", "C"] as const).map((c) => {
    let customers = 0, sales = 0, contribution = 0, held = 0;
    classes.forEach((k, i) => {
      if (k !== c) return;
      customers += 1;
      sales += netSales[i]!;
      contribution += net[i]!;
      if (value[i]! > 0) held += value[i]!;
    });
    return Object.freeze({
      abcClass: c, customers, customerShare: classes.length ? customers / classes.length : 0,
      netSales: sales, netContribution: contribution, valueShare: positive > 0 ? held / positive : 0,
    });
  }));
}
