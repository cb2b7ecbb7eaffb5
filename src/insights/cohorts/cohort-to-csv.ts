import { csvText } from "../../data/output/csv-cell.js";
import type { CohortMatrix } from "./cohort-types.js";
import type { RetentionWhatIf } from "./retention-what-if.js";

/** A number with at most `digits` decimals; an empty cell when unknown (revenue of a purchase log). */
const num = (x: number, digits: number): string => (!Number.isFinite(x) ? "" : Number.isInteger(x) ? String(x) : x.toFixed(digits));

/**
 * The cohort matrix as a long CSV table, one line per group, cohort and fully observed age:
 * `group,cohort,cohort_size,age,active,retention,still_buying,revenue,revenue_per_customer`
 * (retention a fraction with 6 decimals, money with 2). Groups: "all", then each group; group
 * names go through the shared CSV cell writer (`csvText`: quoted, formula characters neutralised).
 *
 * @param matrix - a `cohortMatrix` result
 * @returns the CSV text, with a header line and a final newline
 * @throws never
 * @example
 * cohortMatrixToCsv(m).split("\n")[1]; // "all,2023-01,114,0,114,1,114,9172.53,80.46"
 */
export function cohortMatrixToCsv(matrix: CohortMatrix): string {
  const lines = ["group,cohort,cohort_size,age,active,retention,still_buying,revenue,revenue_per_customer"];
  for (const g of [matrix, ...matrix.groups]) {
    for (const c of g.cohorts) {
      for (let a = 0; a < c.observedPeriods; a++) {
        lines.push([csvText(g.group), csvText(c.cohort), c.size, a, c.active[a]!, num(c.retention[a]!, 6), c.stillBuying[a]!, num(c.revenue[a]!, 2), num(c.revenuePerCustomer[a]!, 2)].join(","));
      }
    }
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The retention triangle as a wide CSV table: one line per cohort, `cohort,size,age_0,age_1,...`
 * with the retention in % (1 decimal); cells not fully observed are empty.
 *
 * @param matrix - a `cohortMatrix` result
 * @returns the CSV text with a final newline
 * @throws never
 * @example
 * retentionTriangleCsv(m).split("\n")[0]; // "cohort,size,age_0,age_1,..."
 */
export function retentionTriangleCsv(matrix: CohortMatrix): string {
  const ages = Math.max(0, ...matrix.cohorts.map((c) => c.observedPeriods));
  const lines = [["cohort", "size", ...Array.from({ length: ages }, (_, a) => `age_${a}`)].join(",")];
  for (const c of matrix.cohorts) {
    lines.push([csvText(c.cohort), c.size, ...Array.from({ length: ages }, (_, a) => (a < c.observedPeriods ? (100 * c.retention[a]!).toFixed(1) : ""))].join(","));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * The retention what-if as CSV: one line per step x with the profit gain per acquired customer
 * (currency) and as a share of the base profit (fraction), for the three readings.
 *
 * @param whatIf - a `retentionWhatIf` result
 * @returns the CSV text with a final newline
 * @throws never
 * @example
 * retentionWhatIfCsv(w).split("\n")[0]; // "x_percent,yearly_points_gain,yearly_points_gain_share,..."
 */
export function retentionWhatIfCsv(whatIf: RetentionWhatIf): string {
  const lines = ["x_percent,yearly_points_gain,yearly_points_gain_share,period_points_gain,period_points_gain_share,churn_cut_gain,churn_cut_gain_share"];
  const share = (x: number | null): string => (x === null ? "" : x.toFixed(4));
  for (const r of whatIf.rows) {
    lines.push([r.x, r.plusYearlyPoints.gainPerCustomer.toFixed(2), share(r.plusYearlyPoints.gainShare), r.plusPoints.gainPerCustomer.toFixed(2), share(r.plusPoints.gainShare), r.churnCut.gainPerCustomer.toFixed(2), share(r.churnCut.gainShare)].join(","));
  }
  return `${lines.join("\n")}\n`;
}
