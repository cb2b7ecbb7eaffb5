import { columnsToCsv } from "../data/output/columns-to-csv.js";
import type { CustomerValueColumns, CustomerValueResult, GroupValue, GroupValueColumns } from "./types.js";

/** The CSV columns of the per-customer value table, in output order. */
const CUSTOMER_COLUMNS: readonly (keyof CustomerValueColumns)[] = Object.freeze([
  "customer_id", "rank", "abc_class", "orders", "lines", "units", "gross_sales", "discounts", "returns_value", "return_rate",
  "net_sales", "cost_of_goods", "cost_estimated_sales", "gross_margin", "gross_margin_rate", "freight", "average_selling_price",
  "returned_lines", "call_centre_contacts", "complaints", "late_deliveries", "return_events", "cost_to_serve", "net_contribution",
  "cumulative_profit_share",
]);

/** The CSV columns of a group value table, in output order. */
const GROUP_COLUMNS: readonly (keyof GroupValueColumns)[] = Object.freeze([
  "group", "customers", "orders", "lines", "units", "gross_sales", "discounts", "discount_rate", "returns_value", "return_rate",
  "net_sales", "cost_of_goods", "cost_estimated_sales", "gross_margin", "gross_margin_rate", "list_margin_rate", "freight",
  "average_selling_price", "returned_lines", "cost_to_serve", "net_contribution", "net_contribution_per_customer",
  "share_of_net_contribution",
]);

/**
 * The per-customer value table as CSV (one line per customer, in customer-id order; money in
 * currency units, rates as fractions, empty cells for undefined rates).
 *
 * @param value - the result of {@link customerValue}
 * @returns CSV text with a header, ending with a newline
 * @throws never
 * @example
 * customerValueToCsv(v).split("\n")[0]; // "customer_id,rank,abc_class,orders,lines,units,gross_sales,..."
 */
export function customerValueToCsv(value: CustomerValueResult): string {
  return columnsToCsv(CUSTOMER_COLUMNS, CUSTOMER_COLUMNS.map((k) => value.columns[k]), value.length);
}

/**
 * A group value table as CSV (one line per group, best net contribution first), with the group
 * column named after the grouping (e.g. `channel`) and a last line `(all)` with the totals.
 *
 * @param value - the result of {@link valueByGroup}
 * @returns CSV text with a header, ending with a newline
 * @throws never
 * @example
 * groupValueToCsv(valueByGroup(t, "channel")).split("\n")[0]; // "channel,customers,orders,..."
 */
export function groupValueToCsv(value: GroupValue): string {
  const t = value.totals;
  const totalRow: Record<keyof GroupValueColumns, string | number | null> = {
    ...t, group: "(all)", list_margin_rate: t.list_margin_rate, net_contribution_per_customer: t.customers > 0 ? t.net_contribution / t.customers : null,
    share_of_net_contribution: t.net_contribution !== 0 ? 1 : null,
  };
  const columns = GROUP_COLUMNS.map((k) => [...Array.from(value.columns[k] as ArrayLike<string | number>), totalRow[k]]);
  return columnsToCsv([value.by, ...GROUP_COLUMNS.slice(1)], columns, value.length + 1);
}
