/**
 * The additive value measures of a customer, a group or the whole business, in currency units
 * of the data (counts for `orders`, `lines`, `units`, `returned_lines`). See
 * {@link ValueRates} for the ratios derived from them and `src/value/README.md` for the rules.
 */
export interface ValueSums {
  /** Orders: distinct order ids (or purchase days without ids) with a purchase line (amount >= 0). */
  readonly orders: number;
  /** Transaction lines. */
  readonly lines: number;
  /** Units sold on purchase lines with a known quantity (before returns). */
  readonly units: number;
  /** Revenue of the purchase lines after discount, before returns and freight (currency). */
  readonly gross_sales: number;
  /** Discounts given on purchase lines (currency). */
  readonly discounts: number;
  /** Value returned: refunds on purchase lines plus negative (return) lines, as a positive amount (currency). */
  readonly returns_value: number;
  /** Lifetime sales: gross sales minus returns (currency). */
  readonly net_sales: number;
  /** Cost of goods kept by the customer: goods cost minus the cost of goods returned to stock (currency). */
  readonly cost_of_goods: number;
  /** Net sales whose cost of goods was estimated because the line's cost was unknown (currency). */
  readonly cost_estimated_sales: number;
  /** Gross margin contribution: net sales minus cost of goods (currency). */
  readonly gross_margin: number;
  /** Freight and handling paid by us (currency). */
  readonly freight: number;
  /** Lines with a return (returned units or value, or a negative line). */
  readonly returned_lines: number;
  /** Cost to serve: order handling, returns handling and service events, priced by the cost table (currency). */
  readonly cost_to_serve: number;
  /** Net contribution: gross margin minus freight minus cost to serve (currency). */
  readonly net_contribution: number;
}

/** Ratios derived from {@link ValueSums} (fractions; null when the denominator is 0 or unknown). */
export interface ValueRates {
  /** Returns value / gross sales. */
  readonly return_rate: number | null;
  /** Gross margin / net sales. */
  readonly gross_margin_rate: number | null;
  /** Margin on the list price before discounts and returns: 1 - goods cost / (gross sales + discounts). */
  readonly list_margin_rate: number | null;
  /** Discounts / (gross sales + discounts): the share of the list price given away. */
  readonly discount_rate: number | null;
  /** Average selling price: gross sales / units, on lines with a known quantity (currency per unit). */
  readonly average_selling_price: number | null;
}

/** The whole business: sums, rates and counts. */
export interface ValueTotals extends ValueSums, ValueRates {
  readonly customers: number;
}

/** Cost-table keys: the priced activities of the cost to serve. */
export type ServiceCostKey = "call_centre_contact" | "complaint" | "late_delivery" | "return" | "perOrder";

/** The price of each activity that makes up the cost to serve, in currency units per event (or per order). */
export type ServiceCostTable = Readonly<Record<ServiceCostKey, number>>;

/** One point of the profitability (whale) curve. */
export interface WhalePoint {
  /** Share of customers, best first (0..1). */
  readonly customerShare: number;
  /** Cumulative share of total net contribution (can exceed 1 before the unprofitable customers). */
  readonly profitShare: number;
}

/** The profitability (whale) curve and its facts. */
export interface WhaleCurve {
  /**
   * What the curve ranks and accumulates: net contribution (profit), or lifetime sales (revenue)
   * when the cost of goods is unknown (no cost column and no assumed margin rate). With
   * "net_sales" the "profit" fields below hold revenue.
   */
  readonly measure: "net_contribution" | "net_sales";
  /** Customers ranked by net contribution (customer_id order: best first). */
  readonly customers: number;
  /** Total net contribution of all customers (currency). */
  readonly totalProfit: number;
  /** What the shares are relative to: total profit, or (when it is <= 0) the profit of the profitable customers. */
  readonly base: "total" | "profitable";
  /** The highest cumulative profit share (the hump of the whale), e.g. 1.42 = 142 % of total profit. */
  readonly peakProfitShare: number;
  /** The share of customers (best first) at which the peak is reached. */
  readonly peakCustomerShare: number;
  /** Customers with net contribution < 0. */
  readonly unprofitableCustomers: number;
  /** Their share of all customers. */
  readonly unprofitableShare: number;
  /** What they cost: minus the sum of their (negative) net contributions (currency, >= 0). */
  readonly unprofitableCost: number;
  /** Curve points from (0, 0) to (1, 1 when base is "total"); at most `maxPoints` + 1 points. */
  readonly points: readonly WhalePoint[];
}

/** ABC class of a customer. */
export type AbcClass = "A" | "B" | "C";

/** One ABC class: its customers and the value they make. */
export interface AbcClassSummary {
  readonly abcClass: AbcClass;
  readonly customers: number;
  readonly customerShare: number;
  readonly netSales: number;
  readonly netContribution: number;
  /** Share of the ranking measure's positive total held by the class. */
  readonly valueShare: number;
}

/** The per-customer value table (columns of equal length, one entry per customer). */
export interface CustomerValueColumns {
  readonly customer_id: readonly string[];
  readonly orders: Float64Array;
  readonly lines: Float64Array;
  readonly units: Float64Array;
  readonly gross_sales: Float64Array;
  readonly discounts: Float64Array;
  readonly returns_value: Float64Array;
  /** Returns value / gross sales (NaN when gross sales are 0). */
  readonly return_rate: Float64Array;
  readonly net_sales: Float64Array;
  readonly cost_of_goods: Float64Array;
  readonly cost_estimated_sales: Float64Array;
  readonly gross_margin: Float64Array;
  /** Gross margin / net sales (NaN when net sales are 0). */
  readonly gross_margin_rate: Float64Array;
  readonly freight: Float64Array;
  /** Gross sales / units (NaN when no unit is known). */
  readonly average_selling_price: Float64Array;
  readonly returned_lines: Float64Array;
  /** Service events of the customer by type (0 without a service-events table). */
  readonly call_centre_contacts: Float64Array;
  readonly complaints: Float64Array;
  readonly late_deliveries: Float64Array;
  readonly return_events: Float64Array;
  readonly cost_to_serve: Float64Array;
  readonly net_contribution: Float64Array;
  /** 1 = highest net contribution; ties by customer id; a permutation of 1..n. */
  readonly rank: Float64Array;
  /** Whale curve value at this customer: cumulative net contribution of ranks 1..rank / the curve base. */
  readonly cumulative_profit_share: Float64Array;
  readonly abc_class: readonly AbcClass[];
}

/** The value table of a grouping (one entry per group, sorted by net contribution, best first). */
export interface GroupValueColumns {
  readonly group: readonly string[];
  /** Distinct customers with a line in the group (not additive across line attributes). */
  readonly customers: Float64Array;
  /** Distinct orders with a purchase line in the group (not additive across categories). */
  readonly orders: Float64Array;
  readonly lines: Float64Array;
  readonly units: Float64Array;
  readonly gross_sales: Float64Array;
  readonly discounts: Float64Array;
  readonly discount_rate: Float64Array;
  readonly returns_value: Float64Array;
  readonly return_rate: Float64Array;
  readonly net_sales: Float64Array;
  readonly cost_of_goods: Float64Array;
  readonly cost_estimated_sales: Float64Array;
  readonly gross_margin: Float64Array;
  readonly gross_margin_rate: Float64Array;
  readonly list_margin_rate: Float64Array;
  readonly freight: Float64Array;
  readonly average_selling_price: Float64Array;
  readonly returned_lines: Float64Array;
  readonly cost_to_serve: Float64Array;
  readonly net_contribution: Float64Array;
  /** Net contribution / customers. */
  readonly net_contribution_per_customer: Float64Array;
  /** Net contribution / total net contribution (NaN when the total is 0). */
  readonly share_of_net_contribution: Float64Array;
}

/** Value by a grouping: the groups' table and the overall totals it adds up to. */
export interface GroupValue {
  /** The grouping: a line attribute (`channel`, `category`) or a customer attribute (`region`, ...). */
  readonly by: string;
  /** Whether the groups split lines (a line attribute) or customers (a customer attribute). */
  readonly level: "line" | "customer";
  readonly length: number;
  readonly columns: GroupValueColumns;
  readonly totals: ValueTotals;
}

/** The result of {@link customerValue}: a frozen record of plain data. */
export interface CustomerValueResult {
  readonly length: number;
  readonly columns: CustomerValueColumns;
  readonly totals: ValueTotals;
  readonly whale: WhaleCurve;
  readonly abc: {
    readonly measure: "net_contribution" | "net_sales" | "gross_margin";
    readonly thresholds: { readonly a: number; readonly b: number };
    readonly classes: readonly AbcClassSummary[];
  };
  /** Value by sales channel when the transactions have a channel column, else null. */
  readonly byChannel: GroupValue | null;
  /** The prices used for the cost to serve. */
  readonly costs: ServiceCostTable;
  /** Where returns were counted from: the transactions' return lines, the `return` service events, or nowhere. */
  readonly returnsFrom: "transactions" | "service-events" | "none";
  /** Plain-language notes on the rules applied (estimated costs, events of unknown customers, ...). */
  readonly notes: readonly string[];
}
