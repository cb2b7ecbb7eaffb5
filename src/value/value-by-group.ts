import type { Customers } from "../data/load/build-customers.js";
import { DataError } from "../data/data-error.js";
import { columnCodes } from "../data/columns/text-codes.js";
import type { Transactions } from "../data/types.js";
import { rankOrder } from "./rank-order.js";
import { ratio, sumValueByKey } from "./sum-value-by-key.js";
import type { GroupValue, GroupValueColumns } from "./types.js";
import { prepareValue, preparedTotals, type PreparedValue, type ValueOptions } from "./value-options.js";

const LINE_ATTRIBUTES = { channel: "channel", category: "category", product: "productId", product_id: "productId" } as const;

/**
 * Customer and channel value by a grouping: lifetime sales, discounts, returns, gross margin
 * contribution, freight and handling, average selling price, cost to serve and net contribution
 * per group, sorted by net contribution (best first). The groups add up to `totals`.
 *
 * `by` is a line attribute (`channel`, `category`, `product`: the lines are split, and each
 * customer's service cost follows their sales) or a customer attribute from `options.customers`
 * (`region`, `acquisition_channel` or any other column: customers are split; customers missing
 * from the table fall in "(unknown)"). Blank values form the group "(blank)".
 *
 * @param t - the transactions (currency units)
 * @param by - the grouping
 * @param options - see {@link ValueOptions}; `customers` is needed for a customer attribute
 * @returns a frozen {@link GroupValue}
 * @throws DataError when `by` is not a column of the transactions nor of the customers table (naming both), or as {@link prepareValue}
 * @example
 * valueByGroup(t, "channel").columns.group;                    // ["web", "store", "call-centre"] (best first)
 * valueByGroup(t, "region", { customers }).totals.net_sales;    // the same total as by channel
 */
export function valueByGroup(t: Transactions, by: string, options: ValueOptions = {}): GroupValue {
  return groupValueOf(t, prepareValue(t, options, "valueByGroup"), by, options.customers);
}

/**
 * {@link valueByGroup} on prepared values (shared with {@link customerValue}).
 *
 * @param t - the transactions the values were prepared from
 * @param prepared - see {@link prepareValue}
 * @param by - the grouping
 * @param customers - the customers table, for a customer attribute
 * @returns a frozen {@link GroupValue}
 * @throws DataError when `by` is unknown
 * @example
 * groupValueOf(t, prepareValue(t, {}, "f"), "channel", undefined).length; // 3
 */
export function groupValueOf(t: Transactions, prepared: PreparedValue, by: string, customers: Customers | undefined): GroupValue {
  const { lines, service } = prepared;
  const lineColumn = LINE_ATTRIBUTES[by as keyof typeof LINE_ATTRIBUTES];
  // Each line's group through a code (the column's textCodes, or the customer): a label is read and trimmed once per code.
  let codeOf: Int32Array;
  let codes: number;
  let labelOf: (code: number) => string;
  let level: "line" | "customer";
  const coded = lineColumn === undefined ? undefined : columnCodes(t, lineColumn);
  if (coded !== undefined) {
    codeOf = coded.codes;
    codes = coded.dictionary.length;
    labelOf = (c) => coded.dictionary[c]!;
    level = "line";
  } else {
    const col = customers === undefined ? undefined
      : by === "region" ? customers.region
      : by === "acquisition_channel" ? customers.acquisitionChannel
      : customers.attributes[by];
    if (col === undefined) {
      const have = [...Object.keys(LINE_ATTRIBUTES).filter((k) => t[LINE_ATTRIBUTES[k as keyof typeof LINE_ATTRIBUTES]] !== undefined)];
      if (customers) have.push("region", "acquisition_channel", ...Object.keys(customers.attributes));
      throw new DataError(
        `valueByGroup: cannot group by "${by}": it is not a column of the transactions${customers ? " nor of the customers table" : " and no customers table was given (--customers FILE)"}; possible: ${have.join(", ") || "none"}`,
      );
    }
    const byId = new Map(customers!.customerId.map((id, k) => [id, col[k]!]));
    codeOf = lines.customerOf;
    codes = lines.customerIds.length;
    labelOf = (c) => byId.get(lines.customerIds[c]!) ?? "(unknown)";
    level = "customer";
  }
  const names = new Map<string, number>();
  const keyOf = new Int32Array(lines.length);
  const keyOfCode = new Int32Array(codes).fill(-1);
  for (let i = 0; i < lines.length; i++) {
    const c = codeOf[i]!;
    let k = keyOfCode[c]!;
    if (k < 0) {
      const name = labelOf(c).trim() || "(blank)";
      k = names.get(name) ?? names.size;
      names.set(name, k);
      keyOfCode[c] = k;
    }
    keyOf[i] = k;
  }
  const s = sumValueByKey(lines, service.costToServe, keyOf, names.size);
  const totals = preparedTotals(prepared);
  const groups = [...names.keys()];
  const order = rankOrder(groups, s.net_contribution);
  const pick = (a: Float64Array): Float64Array => Float64Array.from(order, (k) => a[k]!);
  const per = (f: (k: number) => number): Float64Array => Float64Array.from(order, f);
  const columns: GroupValueColumns = {
    group: Object.freeze(Array.from(order, (k) => groups[k]!)),
    customers: pick(s.customers), orders: pick(s.orders), lines: pick(s.lines), units: pick(s.units),
    gross_sales: pick(s.gross_sales), discounts: pick(s.discounts),
    discount_rate: per((k) => ratio(s.discounts[k]!, s.gross_sales[k]! + s.discounts[k]!)),
    returns_value: pick(s.returns_value), return_rate: per((k) => ratio(s.returns_value[k]!, s.gross_sales[k]!)),
    net_sales: pick(s.net_sales), cost_of_goods: pick(s.cost_of_goods), cost_estimated_sales: pick(s.cost_estimated_sales),
    gross_margin: pick(s.gross_margin), gross_margin_rate: per((k) => ratio(s.gross_margin[k]!, s.net_sales[k]!)),
    list_margin_rate: per((k) => 1 - ratio(s.goods_cost[k]!, s.gross_sales[k]! + s.discounts[k]!)),
    freight: pick(s.freight), average_selling_price: per((k) => ratio(s.unit_sales[k]!, s.units[k]!)),
    returned_lines: pick(s.returned_lines), cost_to_serve: pick(s.cost_to_serve), net_contribution: pick(s.net_contribution),
    net_contribution_per_customer: per((k) => ratio(s.net_contribution[k]!, s.customers[k]!)),
    share_of_net_contribution: per((k) => ratio(s.net_contribution[k]!, totals.net_contribution)),
  };
  return Object.freeze({ by, level, length: groups.length, columns: Object.freeze(columns), totals });
}
