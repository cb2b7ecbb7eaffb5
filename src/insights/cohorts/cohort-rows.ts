import type { Transactions } from "../../data/types.js";
import { cohortPeriodIndex, cohortPeriodLabel, type CohortPeriod } from "./cohort-period.js";
import type { CohortRow } from "./cohort-types.js";

/** The cohort of a customer without a purchase line (period indices are negative before 1970). */
export const NO_COHORT = -0x80000000;

/** What {@link cohortRows} needs besides the transactions: customer codes and their cohorts and groups. */
export interface CohortRowsInput {
  /** Customer code of each line. */
  readonly cust: Int32Array;
  /** Acquisition period index per customer code ({@link NO_COHORT}: no purchase). */
  readonly cohortOf: Int32Array;
  /** Group per customer code (-1: none). */
  readonly groupOf: Int32Array;
  /** Number of groups. */
  readonly groups: number;
  readonly period: CohortPeriod;
  /** Observation end (day) and its period; the last fully observed period. */
  readonly end: number;
  readonly endPeriod: number;
  readonly lastFull: number;
}

/**
 * The private kernel of `cohortMatrix`: one pass over the purchase lines fills, for "all"
 * (slot 0) and each group (slot g + 1), the active customers and revenue per cohort and age,
 * and each customer's last fully observed age with a purchase (for the "still buying" counts).
 *
 * @param t - the transactions
 * @param input - customer codes, cohorts, groups and the observation window
 * @returns frozen rows and customer counts per slot, and the revenue of every counted line
 * @throws nothing (the public step has checked its input)
 * @example
 * cohortRows(t, input).rows[0][0].active[0]; // the size of the oldest cohort
 */
export function cohortRows(t: Transactions, input: CohortRowsInput): { rows: (readonly CohortRow[])[]; customers: number[]; totalRevenue: number } {
  const { cust, cohortOf, groupOf, period, end, endPeriod, lastFull } = input;
  const slots = input.groups + 1;
  let first = Infinity;
  for (const p of cohortOf) if (p !== NO_COHORT && p < first) first = p;
  const nC = endPeriod - first + 1; // cohorts and ages both run over first..endPeriod
  const at = (s: number, c: number, a: number): number => (s * nC + c) * nC + a;
  const active = new Float64Array(slots * nC * nC);
  const revenue = new Float64Array(slots * nC * nC);
  const lastAge = new Int32Array(cohortOf.length).fill(-1);
  const seen = new Set<number>();
  let totalRevenue = 0;
  for (let i = 0; i < t.length; i++) {
    // A purchase log (no amounts): every line is a purchase, of unknown revenue.
    const amount = t.amount ? t.amount[i]! : NaN;
    const day = t.day[i]!;
    // Zero-value orders are purchases (the data policy); returns (negative) are not.
    if ((t.amount && !(amount >= 0)) || day > end) continue;
    const c = cust[i]!;
    const p = cohortPeriodIndex(day, period);
    const age = p - cohortOf[c]!;
    const row = cohortOf[c]! - first;
    const g = groupOf[c]!;
    totalRevenue += amount;
    revenue[at(0, row, age)]! += amount;
    if (g >= 0) revenue[at(g + 1, row, age)]! += amount;
    const key = c * nC + age;
    if (!seen.has(key)) {
      seen.add(key);
      active[at(0, row, age)]!++;
      if (g >= 0) active[at(g + 1, row, age)]!++;
    }
    if (p <= lastFull && age > lastAge[c]!) lastAge[c] = age;
  }
  // still[s][row][k]: customers whose last fully observed purchase age is k (then summed from the top).
  const still = new Float64Array(slots * nC * nC);
  const size = new Float64Array(slots * nC);
  for (let c = 0; c < cohortOf.length; c++) {
    if (cohortOf[c]! === NO_COHORT) continue;
    const row = cohortOf[c]! - first;
    const g = groupOf[c]!;
    size[row]!++;
    if (g >= 0) size[(g + 1) * nC + row]!++;
    if (lastAge[c]! >= 0) {
      still[at(0, row, lastAge[c]!)]!++;
      if (g >= 0) still[at(g + 1, row, lastAge[c]!)]!++;
    }
  }
  const rows: (readonly CohortRow[])[] = [];
  const customers: number[] = [];
  for (let s = 0; s < slots; s++) {
    const list: CohortRow[] = [];
    let total = 0;
    for (let row = 0; row < nC; row++) {
      const n = size[s * nC + row]!;
      if (n === 0) continue;
      total += n;
      const p = first + row;
      const observed = Math.max(0, lastFull - p + 1);
      const act: number[] = [], ret: number[] = [], sb: number[] = [], rev: number[] = [], rpc: number[] = [];
      let cum = 0;
      for (let a = observed - 1; a >= 0; a--) {
        cum += still[at(s, row, a)]!;
        sb[a] = cum;
      }
      for (let a = 0; a < observed; a++) {
        act.push(active[at(s, row, a)]!);
        ret.push(active[at(s, row, a)]! / n);
        rev.push(revenue[at(s, row, a)]!);
        rpc.push(revenue[at(s, row, a)]! / n);
      }
      const pa = endPeriod - p;
      const partial = lastFull < endPeriod ? Object.freeze({ age: pa, active: active[at(s, row, pa)]!, revenue: revenue[at(s, row, pa)]! }) : null;
      list.push(Object.freeze({
        cohort: cohortPeriodLabel(p, period), periodIndex: p, size: n, observedPeriods: observed,
        active: Object.freeze(act), retention: Object.freeze(ret), stillBuying: Object.freeze(sb),
        revenue: Object.freeze(rev), revenuePerCustomer: Object.freeze(rpc), partial,
      }));
    }
    rows.push(Object.freeze(list));
    customers.push(total);
  }
  return { rows, customers, totalRevenue };
}
