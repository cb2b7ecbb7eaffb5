import { DataError } from "../../data/data-error.js";
import type { ServiceCostKey, ServiceCostTable } from "../types.js";

/** The keys of a cost table, in the order they are documented. */
export const SERVICE_COST_KEYS: readonly ServiceCostKey[] = Object.freeze([
  "call_centre_contact",
  "complaint",
  "late_delivery",
  "return",
  "perOrder",
]);

/**
 * The default prices of the cost to serve, in currency units: a call-centre contact 4.50, a
 * complaint 12.00, a late delivery 6.00 (re-dispatch, goodwill), a return 7.50 (handling,
 * inspection, restocking) and 1.20 per order (picking, payment, paperwork). They are typical
 * activity-based costs for a small retailer; replace them with your own activity cost table.
 *
 * @example
 * DEFAULT_SERVICE_COSTS.complaint; // 12
 * @throws never
 */
export const DEFAULT_SERVICE_COSTS: ServiceCostTable = Object.freeze({
  call_centre_contact: 4.5,
  complaint: 12,
  late_delivery: 6,
  return: 7.5,
  perOrder: 1.2,
});

/**
 * Checks a cost table (parsed JSON such as `{ "complaint": 15, "perOrder": 0.8 }`) and fills the
 * keys it leaves out from {@link DEFAULT_SERVICE_COSTS}. Every price is a finite number >= 0,
 * in currency units per event (per order for `perOrder`).
 *
 * @param input - a plain object of prices; unknown keys are an error (a typo must not be ignored)
 * @param source - where it came from, for messages (default "cost table")
 * @returns a new frozen table with all five keys
 * @throws DataError `serviceCostTable: ...` when the input is not an object, has an unknown key or a bad price
 * @example
 * serviceCostTable({ complaint: 20 }).complaint;      // 20
 * serviceCostTable({ complaint: 20 }).late_delivery;  // 6 (the default)
 * serviceCostTable({ refund: 3 });                    // throws DataError: unknown key "refund"
 */
export function serviceCostTable(input: unknown, source = "cost table"): ServiceCostTable {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new DataError(`serviceCostTable: ${source} must be a JSON object such as {"complaint": 12, "perOrder": 1.2} (got ${Array.isArray(input) ? "an array" : JSON.stringify(input) ?? String(input)})`);
  }
  const out: Record<ServiceCostKey, number> = { ...DEFAULT_SERVICE_COSTS };
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (!(SERVICE_COST_KEYS as readonly string[]).includes(key)) {
      throw new DataError(`serviceCostTable: unknown key "${key}" in ${source}; keys: ${SERVICE_COST_KEYS.join(", ")}`);
    }
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new DataError(`serviceCostTable: "${key}" in ${source} must be a number >= 0 in currency units (got ${JSON.stringify(value) ?? String(value)})`);
    }
    out[key as ServiceCostKey] = value;
  }
  return Object.freeze(out);
}
