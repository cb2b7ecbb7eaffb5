import type { CustomerHistory } from "./model-types.js";

// Histories made inside the models from checked ones (the unique patterns of a summary), whose
// columns are never changed: checked once, and their day grid and ranges computed once.
const trusted = new WeakSet<object>();

/**
 * Marks histories built from already checked ones, with columns that are never changed afterwards
 * (e.g. the unique (x, t_x, T) patterns of a checked summary): {@link isTrustedHistory} then lets
 * checks and layouts that depend only on the columns be done once, not per model or parameter draw.
 *
 * @param customers - the histories (their column arrays must never be written again)
 * @returns the same object
 * @example
 * const patterns = trustHistory(Object.freeze({ frequency, recency, T }));
 */
export function trustHistory<C extends CustomerHistory>(customers: C): C {
  trusted.add(customers);
  return customers;
}

/**
 * Whether the histories were marked by {@link trustHistory}.
 *
 * @example
 * isTrustedHistory({ frequency: [0], recency: [0], T: [1] }); // false
 */
export function isTrustedHistory(customers: CustomerHistory): boolean {
  return trusted.has(customers);
}
