import { dictionaryIndex, textCodes } from "../../data/columns/text-codes.js";
import type { ServiceEvents } from "../../data/load/build-service-events.js";
import type { LineValues } from "./line-values.js";
import type { ServiceCostTable } from "../types.js";

/** The cost to serve of every line and the service events counted per customer. */
export interface LineCostToServe {
  /** Cost to serve allocated to each line (currency). */
  readonly costToServe: Float64Array;
  /** Events per customer (index as `lines.customerIds`), by type. */
  readonly callCentreContacts: Float64Array;
  readonly complaints: Float64Array;
  readonly lateDeliveries: Float64Array;
  readonly returnEvents: Float64Array;
  /** Where returns were priced from. */
  readonly returnsFrom: "transactions" | "service-events" | "none";
  /** Events of customers without a transaction (not priced). */
  readonly eventsOfUnknownCustomers: number;
}

/**
 * Prices the cost to serve and puts it on the transaction lines:
 * - `perOrder` on every order, split equally over the order's purchase lines;
 * - `return` once per return: on each line with a return when the transactions record returns
 *   (a `returned_quantity` or `returned_amount` column, or a negative line), otherwise on each
 *   `return` service event (never both, so a return is never priced twice);
 * - `call_centre_contact`, `complaint`, `late_delivery` (and `return` events as above) are events
 *   of a customer, not of a line: each customer's event cost is spread over the customer's lines
 *   in proportion to their gross sales (equally when the customer has no gross sales), so that a
 *   channel or category carries the service cost of the customers who buy there.
 *
 * @param lines - the line values ({@link lineValues})
 * @param recordsReturns - whether the transactions record returns (see above)
 * @param events - the service events, or undefined
 * @param costs - the prices (currency units per event, per order)
 * @returns per-line cost to serve and per-customer event counts
 * @throws never
 * @example
 * // one order of two lines, perOrder 1.2, no events: 0.6 on each line
 * lineCostToServe(lines, false, undefined, DEFAULT_SERVICE_COSTS).costToServe; // [0.6, 0.6]
 */
export function lineCostToServe(
  lines: LineValues,
  recordsReturns: boolean,
  events: ServiceEvents | undefined,
  costs: ServiceCostTable,
): LineCostToServe {
  const n = lines.length;
  const m = lines.customerIds.length;
  const returnsFrom = recordsReturns ? "transactions" : events ? "service-events" : "none";
  const costToServe = new Float64Array(n);
  const t = lines.transactions;
  const amount = t.amount!;
  // Gross sales of a line: its amount when >= 0 (see linePieces); a return: a negative line, a refund or returned units.
  const grossSales = (i: number): number => (amount[i]! >= 0 ? amount[i]! : 0);
  for (let i = 0; i < n; i++) {
    const o = lines.orderOf[i]!;
    if (o >= 0) costToServe[i] = costs.perOrder / lines.linesPerOrder[o]!;
    const returned = amount[i]! < 0 || (t.returnedAmount ? t.returnedAmount[i]! : 0) > 0 || (t.returnedQuantity ? t.returnedQuantity[i]! : 0) > 0;
    if (recordsReturns && returned) costToServe[i]! += costs.return;
  }
  const [callCentreContacts, complaints, lateDeliveries, returnEvents, eventCost, customerSales, customerLines] =
    Array.from({ length: 7 }, () => new Float64Array(m));
  let eventsOfUnknownCustomers = 0;
  if (events) {
    // The events' customers by their own codes (textCodes, shared with the other analyses of these
    // events), each distinct one matched to a customer once: no map of every customer.
    const ev = textCodes(events.customerId);
    const customerOfEvent = dictionaryIndex(ev, lines.customerIds);
    for (let e = 0; e < events.length; e++) {
      const c = customerOfEvent[ev.codes[e]!]!;
      if (c < 0) {
        eventsOfUnknownCustomers += 1;
        continue;
      }
      const type = events.type[e]!;
      if (type === "call_centre_contact") callCentreContacts![c]! += 1;
      else if (type === "complaint") complaints![c]! += 1;
      else if (type === "late_delivery") lateDeliveries![c]! += 1;
      else returnEvents![c]! += 1;
      if (type !== "return" || returnsFrom === "service-events") eventCost![c]! += costs[type];
    }
    for (let i = 0; i < n; i++) {
      customerSales![lines.customerOf[i]!]! += grossSales(i);
      customerLines![lines.customerOf[i]!]! += 1;
    }
    for (let i = 0; i < n; i++) {
      const c = lines.customerOf[i]!;
      if (eventCost![c] === 0) continue;
      const share = customerSales![c]! > 0 ? grossSales(i) / customerSales![c]! : 1 / customerLines![c]!;
      costToServe[i]! += eventCost![c]! * share;
    }
  }
  return {
    costToServe, callCentreContacts: callCentreContacts!, complaints: complaints!, lateDeliveries: lateDeliveries!,
    returnEvents: returnEvents!, returnsFrom, eventsOfUnknownCustomers,
  };
}
