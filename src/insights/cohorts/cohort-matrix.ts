import { columnCodes, customerCodes } from "../../data/columns/text-codes.js";
import type { Transactions } from "../../data/types.js";
import { formatDay } from "../../data/parse/format-day.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import { cohortPeriodIndex, cohortPeriodLastDay, type CohortPeriod } from "./cohort-period.js";
import type { CohortMatrix } from "./cohort-types.js";
import { NO_COHORT, cohortRows } from "./cohort-rows.js";
import { ArgumentError } from "../../math/argument-error.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/**
 * The most cells (groups + 1) x cohorts x ages a cohort matrix may hold: 10 million, e.g. 3,162
 * monthly cohorts (263 years) for one group, or 1,000 (83 years) for 9 groups. A longer span
 * (one line dated 1900 among this year's) is analysis-not-possible with its reason, never a
 * huge allocation.
 */
export const MAX_COHORT_CELLS = 10_000_000;

/** Options of {@link cohortMatrix}. */
export interface CohortMatrixOptions {
  /** Length of a cohort period: "month" (default) or "quarter". */
  readonly period?: CohortPeriod;
  /** Last day observed, ISO YYYY-MM-DD (default: the last transaction date); later lines are left out. */
  readonly observationEnd?: string;
  /**
   * Groups to split the customers by: "channel" (the channel of the customer's first purchase
   * line; needs a channel column), or `{ name, groupOf }` with a group per customer id (e.g. the
   * acquisition channel of a customers table; customers missing from it go to "(unknown)").
   */
  readonly by?: "channel" | { readonly name: string; readonly groupOf: ReadonlyMap<string, string> };
}

/**
 * The cohort triangle: customers grouped by the period (month or quarter) of their first
 * purchase, and followed over the periods since: how many bought in each period (active), that
 * as a share of the cohort (retention), how many still bought then or later ("still buying", the
 * survival curve's raw count), and the revenue, in total and per original customer. A purchase
 * is a line with a positive amount; returns (negative lines) are neither activity nor revenue.
 * Only fully observed periods enter the triangle; the period in progress at the observation end
 * is kept apart (`partial`), so that the revenue of every cell, partial ones included, adds up
 * to the purchase total.
 *
 * @param t - the transactions (money in currency units, days since 1970-01-01)
 * @param options - period, observation end, grouping
 * @returns the frozen matrix, oldest cohort first
 * @throws ArgumentError for empty transactions, a bad observation end, `by: "channel"` without a
 *   channel column, or no purchase line at all
 * @throws AnalysisNotPossibleError when the table would pass {@link MAX_COHORT_CELLS}
 * @example
 * const m = cohortMatrix(transactions, { period: "quarter", observationEnd: "2025-12-31" });
 * m.cohorts[0].retention[0]; // 1 (everyone buys in their acquisition period)
 * m.cohorts[0].retention[1]; // e.g. 0.38: 38 % of the first cohort bought again in the next quarter
 */
export function cohortMatrix(t: Transactions, options: CohortMatrixOptions = {}): CohortMatrix {
  const fn = "cohortMatrix";
  const period = options.period ?? "month";
  if (period !== "month" && period !== "quarter") throw new ArgumentError(`${fn}: period "${String(period)}" must be "month" or "quarter"`);
  if (t.length === 0) throw new ArgumentError(`${fn}: no transactions`);
  const by = options.by;
  const channel = by === "channel" ? columnCodes(t, "channel") : undefined;
  if (by === "channel" && channel === undefined) throw new ArgumentError(`${fn}: by "channel" needs a channel column in the transactions`);
  let maxDay = -Infinity;
  for (let i = 0; i < t.length; i++) if (t.day[i]! > maxDay) maxDay = t.day[i]!;
  const end = options.observationEnd === undefined ? maxDay : isoDayOption(options.observationEnd, fn, "observationEnd");
  // Customers (the column's codes, by first appearance: customerCodes), their first purchase day and the line of it.
  const { codes: cust, dictionary: ids } = customerCodes(t);
  const firstDay = new Float64Array(ids.length).fill(Infinity);
  const firstLine = new Int32Array(ids.length).fill(-1);
  let after = 0;
  for (let i = 0; i < t.length; i++) {
    const c = cust[i]!;
    const d = t.day[i]!;
    if (d > end) after++;
    else if ((!t.amount || t.amount[i]! >= 0) && d < firstDay[c]!) {
      firstDay[c] = d;
      firstLine[c] = i;
    }
  }
  const groupNames: string[] = [];
  const groupOf = new Int32Array(ids.length).fill(-1);
  if (by !== undefined) {
    const gIndex = new Map<string, number>();
    for (let c = 0; c < ids.length; c++) {
      if (firstLine[c]! < 0) continue;
      const name = by === "channel" ? channel!.dictionary[channel!.codes[firstLine[c]!]!]! || "(unknown)" : by.groupOf.get(ids[c]!) || "(unknown)";
      let g = gIndex.get(name);
      if (g === undefined) {
        g = groupNames.length;
        gIndex.set(name, g);
        groupNames.push(name);
      }
      groupOf[c] = g;
    }
  }
  const cohortOf = new Int32Array(ids.length).fill(NO_COHORT);
  let without = 0;
  for (let c = 0; c < ids.length; c++) {
    if (firstLine[c]! < 0) without++;
    else cohortOf[c] = cohortPeriodIndex(firstDay[c]!, period);
  }
  if (without === ids.length) throw new AnalysisNotPossibleError(`${fn}: no purchase line (amount >= 0: returns are not purchases) on or before ${formatDay(end)}`);
  const endPeriod = cohortPeriodIndex(end, period);
  let earliest = end;
  for (let c = 0; c < ids.length; c++) if (firstLine[c]! >= 0 && firstDay[c]! < earliest) earliest = firstDay[c]!;
  const span = endPeriod - cohortPeriodIndex(earliest, period) + 1;
  const slots = groupNames.length + 1;
  if (slots * span * span > MAX_COHORT_CELLS) {
    throw new AnalysisNotPossibleError(
      `${fn}: the cohorts span ${span} ${period}s (${formatDay(earliest)} to ${formatDay(end)}), too many for a cohort table ` +
        `(at most ${MAX_COHORT_CELLS} cells of ${slots === 1 ? "" : `${slots} groups x `}cohorts x ages); keep a shorter period with --from`,
    );
  }
  const lastFull = cohortPeriodLastDay(endPeriod, period) === end ? endPeriod : endPeriod - 1;
  const kernel = cohortRows(t, { cust, cohortOf, groupOf, groups: groupNames.length, period, end, endPeriod, lastFull });
  const groups = groupNames
    .map((group, g) => ({ group, customers: kernel.customers[g + 1]!, cohorts: kernel.rows[g + 1]! }))
    .sort((a, b) => b.customers - a.customers || (a.group < b.group ? -1 : 1));
  return Object.freeze({
    group: "all",
    customers: kernel.customers[0]!,
    cohorts: kernel.rows[0]!,
    period,
    observationEnd: formatDay(end),
    by: by === undefined ? null : by === "channel" ? "channel" : by.name,
    groups: Object.freeze(groups.map((g) => Object.freeze(g))),
    totalRevenue: kernel.totalRevenue,
    customersWithoutPurchase: without,
    linesAfterObservationEnd: after,
  });
}
