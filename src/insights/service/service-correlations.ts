import { SERVICE_EVENT_TYPES, type ServiceEventType } from "../../data/load/build-service-events.js";
import type { ServiceCustomerFacts } from "./service-customer-facts.js";

/** Correlations of one kind of service event (count before the cut) with what followed. */
export interface ServiceCorrelationRow {
  readonly problem: ServiceEventType;
  /** Pearson correlation of the event count with buying again (0/1), in [-1, 1]; NaN when a column is constant. */
  readonly withBoughtAgain: number;
  /** Pearson correlation of the event count with spend after the cut. */
  readonly withSpendAfter: number;
  /** Spearman rank correlation (mid-ranks for ties) of the event count with spend after the cut. */
  readonly rankWithSpendAfter: number;
}

function pearson(x: ArrayLike<number>, y: ArrayLike<number>): number {
  const n = x.length;
  let mx = 0, my = 0;
  for (let i = 0; i < n; i++) { mx += x[i]!; my += y[i]!; }
  mx /= n; my /= n;
  let sxy = 0, sxx = 0, syy = 0;
  for (let i = 0; i < n; i++) { const dx = x[i]! - mx, dy = y[i]! - my; sxy += dx * dy; sxx += dx * dx; syy += dy * dy; }
  return sxx === 0 || syy === 0 ? NaN : sxy / Math.sqrt(sxx * syy);
}

function midRanks(v: ArrayLike<number>): Float64Array {
  const order = Array.from({ length: v.length }, (_, i) => i).sort((a, b) => v[a]! - v[b]!);
  const r = new Float64Array(v.length);
  for (let s = 0; s < order.length;) {
    let e = s;
    while (e + 1 < order.length && v[order[e + 1]!] === v[order[s]!]) e++;
    for (let k = s; k <= e; k++) r[order[k]!] = (s + e) / 2 + 1;
    s = e + 1;
  }
  return r;
}

/**
 * Correlations between each kind of service event before the cut (returns, late deliveries,
 * complaints, call-centre contacts: counts per customer) and buying again and spend after it.
 * Plain correlations, not effects: busy customers have more orders, so more chances of a
 * problem, and also buy more; see `serviceImpact` for the comparison that controls for that.
 *
 * @param facts - the customer facts
 * @returns frozen rows in the order of SERVICE_EVENT_TYPES
 * @throws never (NaN for a constant column)
 * @example
 * serviceCorrelations(facts).find((r) => r.problem === "complaint")?.withBoughtAgain; // -0.02 on the sample
 */
export function serviceCorrelations(facts: ServiceCustomerFacts): readonly ServiceCorrelationRow[] {
  const spendRanks = midRanks(facts.spendAfter);
  return Object.freeze(SERVICE_EVENT_TYPES.map((problem) => {
    const x = facts.events[problem];
    return Object.freeze({
      problem,
      withBoughtAgain: pearson(x, facts.boughtAgain),
      withSpendAfter: pearson(x, facts.spendAfter),
      rankWithSpendAfter: pearson(midRanks(x), spendRanks),
    });
  }));
}
