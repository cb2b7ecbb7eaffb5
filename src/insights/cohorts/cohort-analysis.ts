import type { Transactions } from "../../data/types.js";
import { marginTotals } from "../../value/lines/line-values.js";
import { PERIODS_PER_YEAR } from "./cohort-period.js";
import { cohortMatrix, type CohortMatrixOptions } from "./cohort-matrix.js";
import type { CohortMatrix } from "./cohort-types.js";
import { retentionProjection, type RetentionProjection } from "./retention-projection.js";
import { retentionWhatIf, type RetentionWhatIf } from "./retention-what-if.js";
import { survivalCurves, type SurvivalCurve, type SurvivalCurveOptions } from "./survival-curve.js";
import { ArgumentError } from "../../math/argument-error.js";
import { progressStages, type ProgressCallback } from "../../math/progress.js";

/** Options of {@link cohortAnalysis}. */
export interface CohortAnalysisOptions extends CohortMatrixOptions, SurvivalCurveOptions {
  /** Periods projected and valued (default 60 months / 20 quarters: five years). */
  readonly horizonPeriods?: number;
  /** Yearly discount rate (fraction; default 0.10), turned into (1 + rate)^(1/periods a year) − 1 per period. */
  readonly discountRatePerYear?: number;
  /** Margin as a share of purchase revenue (fraction); default: gross margin / gross sales from the cost column, else 1 (revenue). */
  readonly marginRate?: number;
  /** Acquisition cost per customer for the what-if (currency; default 0). */
  readonly acquisitionCostPerCustomer?: number;
  /**
   * Told how far the analysis is, in stages (3): the cohort matrix, the survival curves and the
   * sBG projection, the margins and the what-if; the last call is `(3, 3)` at the end. The result
   * is the same with or without it.
   */
  readonly onProgress?: ProgressCallback;
}

/** Everything the cohorts report section and the `crm cohorts` command show: plain, frozen data. */
export interface CohortAnalysis {
  readonly matrix: CohortMatrix;
  /** "all" first, then each group with an observed curve. */
  readonly curves: readonly SurvivalCurve[];
  /** sBG fitted to the "all" curve. */
  readonly projection: RetentionProjection;
  /** The margins the what-if uses; null for a purchase log without amounts. */
  readonly margin: {
    /** Margin / purchase revenue (fraction). */
    readonly rate: number;
    readonly source: "given" | "cost column" | "none: revenue";
    /** Margin of a new customer in the acquisition period (currency per customer). */
    readonly firstPeriodPerCustomer: number;
    /** Margin per still-buying customer per later period (currency). */
    readonly perStillBuyingPeriod: number;
  } | null;
  readonly discountRatePerPeriod: number;
  /** New customers a year, from the fully observed cohorts (count a year). */
  readonly customersPerYear: number;
  /** The retention what-if; null when it cannot be valued (see {@link CohortAnalysis.whatIfOmitted}). */
  readonly whatIf: RetentionWhatIf | null;
  /** Why there is no what-if (no amounts to value retention with, or retention 0), else null. */
  readonly whatIfOmitted: string | null;
}

/**
 * Cohorts and retention in one call: the cohort triangle (`cohortMatrix`), the "still buying"
 * survival curves of all customers and of each group (`survivalCurves`), the sBG model fitted to
 * the pooled curve and projected (`retentionProjection`), the margins per period measured on the
 * same cohorts, and the retention what-if for x = 1..10 % (`retentionWhatIf`).
 *
 * @param t - the transactions (with a cost column for a gross-margin rate)
 * @param options - period, observation end, grouping, lookahead, horizon, discounting, margin, acquisition cost
 * @returns the frozen analysis (JSON-ready)
 * @throws ArgumentError for bad options or too little history; ConvergenceError when sBG does not fit
 * @example
 * const a = cohortAnalysis(transactions, { period: "month", by: "channel", observationEnd: "2025-12-31" });
 * a.whatIf.rows[4].plusPoints.gainShare; // the profit gain of 5 points more retention, e.g. 0.3
 */
export function cohortAnalysis(t: Transactions, options: CohortAnalysisOptions = {}): CohortAnalysis {
  const fn = "cohortAnalysis";
  const stages = progressStages(options.onProgress, 3);
  const matrix = cohortMatrix(t, options);
  stages.next();
  const curves = survivalCurves(matrix, options);
  const all = curves[0]!;
  const horizon = options.horizonPeriods ?? (matrix.period === "month" ? 60 : 20);
  const projection = retentionProjection(all, { horizonPeriods: horizon });
  stages.next();
  const yearly = options.discountRatePerYear ?? 0.1;
  if (!(yearly >= 0 && Number.isFinite(yearly))) throw new ArgumentError(`${fn}: discountRatePerYear ${yearly} must be a number >= 0`);
  const perYear = PERIODS_PER_YEAR[matrix.period];
  const d = (1 + yearly) ** (1 / perYear) - 1;
  if (!t.amount) {
    const whatIfOmitted = "the transactions have no amounts (a purchase log), so retention cannot be valued in money; map an amount column for the what-if";
    stages.end();
    return Object.freeze({ matrix, curves, projection, margin: null, discountRatePerPeriod: d, customersPerYear: customersPerYearOf(matrix, perYear), whatIf: null, whatIfOmitted });
  }
  let rate = options.marginRate;
  let source: NonNullable<CohortAnalysis["margin"]>["source"] = "given";
  if (rate !== undefined && !(rate > 0 && rate <= 1)) throw new ArgumentError(`${fn}: marginRate ${rate} must be a fraction in (0, 1]`);
  if (rate === undefined && t.cost) {
    // Only the margin rate is needed: the line values summed, not a whole customer value (ranks, whale curve, classes).
    const { grossSales, netSales, costOfGoods } = marginTotals(t);
    rate = grossSales > 0 ? (netSales - costOfGoods) / grossSales : 1;
    source = "cost column";
  } else if (rate === undefined) {
    rate = 1;
    source = "none: revenue";
  }
  // Margins on the same cohorts and ages as the curve.
  const h = all.lookaheadPeriods;
  let rev0 = 0, n0 = 0, revK = 0, stillK = 0;
  for (const c of matrix.cohorts) {
    if (c.observedPeriods < 1) continue;
    rev0 += c.revenue[0]!;
    n0 += c.size;
    for (let k = 1; k <= c.observedPeriods - h; k++) {
      revK += c.revenue[k]!;
      stillK += c.stillBuying[k]!;
    }
  }
  const customersPerYear = customersPerYearOf(matrix, perYear);
  const margin = Object.freeze({ rate, source, firstPeriodPerCustomer: (rev0 / n0) * rate, perStillBuyingPeriod: stillK > 0 ? (revK / stillK) * rate : 0 });
  if (projection.boundary !== undefined) {
    // Retention 0 (the sBG boundary): there is no fitted retention curve for the scenarios to change.
    const whatIfOmitted = `no customer bought again after their first ${matrix.period} (retention 0), so there is no fitted retention curve for the what-if to improve`;
    stages.end();
    return Object.freeze({ matrix, curves, projection, margin, discountRatePerPeriod: d, customersPerYear, whatIf: null, whatIfOmitted });
  }
  const whatIf = retentionWhatIf({
    params: projection.params,
    marginFirstPeriod: margin.firstPeriodPerCustomer,
    marginPerActivePeriod: margin.perStillBuyingPeriod,
    discountRatePerPeriod: d,
    horizonPeriods: horizon,
    acquisitionCostPerCustomer: options.acquisitionCostPerCustomer ?? 0,
    customersPerYear,
    periodsPerYear: perYear,
  });
  stages.end();
  return Object.freeze({ matrix, curves, projection, margin, discountRatePerPeriod: d, customersPerYear, whatIf, whatIfOmitted: null });
}

/** New customers a year, from the fully observed cohorts. */
function customersPerYearOf(matrix: CohortMatrix, perYear: number): number {
  let n0 = 0, firstFull = Infinity, lastFull = -Infinity;
  for (const c of matrix.cohorts) {
    if (c.observedPeriods < 1) continue;
    n0 += c.size;
    firstFull = Math.min(firstFull, c.periodIndex);
    lastFull = Math.max(lastFull, c.periodIndex);
  }
  return (n0 / (lastFull - firstFull + 1)) * perYear;
}
