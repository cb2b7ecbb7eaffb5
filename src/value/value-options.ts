import type { ServiceEvents } from "../data/load/build-service-events.js";
import type { Customers } from "../data/load/build-customers.js";
import type { Transactions } from "../data/types.js";
import type { AbcThresholds } from "./abc-classes.js";
import { lineCostToServe, type LineCostToServe } from "./lines/line-cost-to-serve.js";
import { lineValues, type LineValues } from "./lines/line-values.js";
import { serviceCostTable } from "./lines/service-cost-table.js";
import type { ServiceCostTable } from "./types.js";
import { requireAmounts } from "../data/columns/require-amounts.js";
import { ArgumentError } from "../math/argument-error.js";
import { sumValueByKey, valueTotals } from "./sum-value-by-key.js";
import type { ValueTotals } from "./types.js";
import type { ProgressCallback } from "../math/progress.js";

/** Options of {@link customerValue} and {@link valueByGroup}. */
export interface ValueOptions {
  /** Service events (contacts, complaints, late deliveries, returns) priced into the cost to serve. */
  readonly serviceEvents?: ServiceEvents;
  /** Customers table, for value by a customer attribute (region, acquisition_channel, ...). */
  readonly customers?: Customers;
  /** Prices of the cost to serve (currency units); keys left out keep {@link DEFAULT_SERVICE_COSTS}. */
  readonly costs?: Partial<ServiceCostTable>;
  /** Margin rate (fraction < 1) assumed for lines of unknown cost when no line has a known cost. */
  readonly assumedMarginRate?: number;
  /** The measure ABC classes and their shares are based on (default "net_contribution"). */
  readonly abcMeasure?: "net_contribution" | "net_sales" | "gross_margin";
  /** ABC thresholds (default a 0.8, b 0.95). */
  readonly abcThresholds?: AbcThresholds;
  /** Most points on the whale curve (default 1000). */
  readonly whalePoints?: number;
  /**
   * {@link customerValue}: told how far it is, in stages (5): the line values and cost to serve,
   * the sums by customer, the ranks and ABC classes, the columns, the ABC summary and the value by
   * channel; the last call is `(5, 5)` at the end. The result is the same with or without it.
   */
  readonly onProgress?: ProgressCallback;
}

/** What {@link prepareValue} returns: line values, their cost to serve, the prices, the notes. */
export interface PreparedValue {
  readonly lines: LineValues;
  readonly service: LineCostToServe;
  readonly costs: ServiceCostTable;
  readonly notes: readonly string[];
}

/**
 * The shared first step of the value functions: checks the options, splits the lines into value
 * pieces ({@link lineValues}), prices the cost to serve ({@link lineCostToServe}) and writes
 * plain-language notes about the rules that were needed (estimated costs, unknown customers).
 *
 * @param t - the transactions
 * @param options - see {@link ValueOptions}
 * @param fn - the calling function's name, for messages
 * @returns the prepared pieces
 * @throws DataError for a bad cost table; ArgumentError for empty transactions; AnalysisNotPossibleError without amounts
 * @example
 * prepareValue(t, { costs: { complaint: 20 } }, "customerValue").costs.complaint; // 20
 */
export function prepareValue(t: Transactions, options: ValueOptions, fn: string): PreparedValue {
  if (t.length === 0) throw new ArgumentError(`${fn}: the transactions table is empty (0 lines); nothing to value`);
  const amount = requireAmounts(t, fn, "sales value");
  const costs = serviceCostTable(options.costs ?? {}, "options.costs");
  const lines = lineValues(t, options.assumedMarginRate);
  let recordsReturns = t.returnedQuantity !== undefined || t.returnedAmount !== undefined;
  for (let i = 0; i < t.length && !recordsReturns; i++) if (amount[i]! < 0) recordsReturns = true;
  const service = lineCostToServe(lines, recordsReturns, options.serviceEvents, costs);
  const notes: string[] = [];
  if (lines.estimatedLines > 0) {
    notes.push(
      `The cost of goods of ${lines.estimatedLines} of ${t.length} lines was unknown and was estimated from the margin realised on lines of known cost (same category where possible)${t.cost ? "" : " or the assumed margin rate"}.`,
    );
  }
  if (lines.unknownCostLines > 0) {
    notes.push("The data have no cost column and no margin rate was given, so the cost of goods, the gross margin and the net contribution are unknown (shown as –, never as 0); customers are ranked and the whale curve drawn on lifetime sales (revenue). Give --margin-rate R (or a cost column) for profit.");
  }
  if (service.returnsFrom === "transactions" && options.serviceEvents) {
    notes.push("Returns are priced once, from the return lines of the transactions; return service events are counted but not priced again.");
  }
  if (service.returnsFrom === "none") notes.push("No returns are recorded (no returned_quantity or returned_amount column, no negative line, no service events).");
  if (service.eventsOfUnknownCustomers > 0) {
    notes.push(`${service.eventsOfUnknownCustomers} service events belong to customers without a transaction and are not priced.`);
  }
  return { lines, service, costs, notes };
}

const totalsByPrepared = new WeakMap<PreparedValue, ValueTotals>();

/**
 * The totals over all lines of prepared values (sums in line order), computed once per
 * preparation: the customer table and every grouping of one preparation share them.
 *
 * @param prepared - see {@link prepareValue}
 * @returns the frozen totals
 * @throws never
 * @example
 * preparedTotals(prepareValue(t, {}, "customerValue")).net_sales; // total net sales
 */
export function preparedTotals(prepared: PreparedValue): ValueTotals {
  let totals = totalsByPrepared.get(prepared);
  if (totals === undefined) {
    const { lines, service } = prepared;
    totals = valueTotals(sumValueByKey(lines, service.costToServe, new Int32Array(lines.length), 1), 0);
    totalsByPrepared.set(prepared, totals);
  }
  return totals;
}
