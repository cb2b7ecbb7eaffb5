import type { SbgParams } from "../../models/retention/sbg.js";
import { ArgumentError } from "../../math/argument-error.js";

/** The inputs of {@link retentionWhatIf}: a retention model and the money a customer brings per period. */
export interface RetentionWhatIfInput {
  /** sBG parameters of the "still buying" curve (per period). */
  readonly params: SbgParams;
  /** Margin a new customer brings in the acquisition period (age 0; currency per customer). */
  readonly marginFirstPeriod: number;
  /** Margin per still-buying customer per later period (currency per customer and period). */
  readonly marginPerActivePeriod: number;
  /** Discount rate per period (fraction, e.g. 0.008 a month). */
  readonly discountRatePerPeriod: number;
  /** Periods valued, the acquisition period included (e.g. 60 months). */
  readonly horizonPeriods: number;
  /** Cost of acquiring a customer, subtracted to get profit (currency per customer; default 0). */
  readonly acquisitionCostPerCustomer?: number;
  /** New customers a year, to scale the gain to the business (count a year; default 0: not scaled). */
  readonly customersPerYear?: number;
  /** Periods in a year (12 for months, 4 for quarters), for the yearly reading of a step. */
  readonly periodsPerYear: number;
  /** Steps x to report, in % (default 1..10). */
  readonly steps?: readonly number[];
}

/** The value of one step x under three readings of "x % more retained". */
export interface RetentionWhatIfRow {
  /** The step, in % (points for `plusYearlyPoints` and `plusPoints`, a relative cut for `churnCut`). */
  readonly x: number;
  /**
   * The share of customers kept over each year raised by x percentage points (the course's
   * reading: "5 % more retained" a year): every period of year y gets its retention rate
   * multiplied by ((R_y + x/100) / R_y)^(1/periodsPerYear), capped at 100 %, where R_y is the
   * base share of year y's starters still buying at its end.
   */
  readonly plusYearlyPoints: RetentionScenario;
  /** Retention rate of every period raised by x percentage points (capped at 100 %); much stronger for months than for quarters. */
  readonly plusPoints: RetentionScenario;
  /** Churn probability of every period cut by x % of itself: r' = 1 − (1 − r)(1 − x/100). */
  readonly churnCut: RetentionScenario;
}

/** One scenario's value per acquired customer and its gain over the base. */
export interface RetentionScenario {
  /** Discounted margin over the horizon minus the acquisition cost (currency per customer). */
  readonly profitPerCustomer: number;
  /** Gain over the base (currency per customer; 0 at x = 0). */
  readonly gainPerCustomer: number;
  /** Gain as a share of the base profit (fraction; null when the base profit is not positive). */
  readonly gainShare: number | null;
  /** gainPerCustomer × customersPerYear: one year's acquisitions (currency). */
  readonly gainPerYearOfAcquisitions: number;
}

/** The result of {@link retentionWhatIf}. */
export interface RetentionWhatIf {
  /** Base profit per acquired customer (currency per customer). */
  readonly baseProfitPerCustomer: number;
  /** Expected still-buying periods of the base within the horizon (periods). */
  readonly baseExpectedPeriods: number;
  readonly rows: readonly RetentionWhatIfRow[];
  /** The assumptions, in words. */
  readonly assumptions: readonly string[];
}

/**
 * The retention what-if: what keeping more customers is worth. Value of an acquired customer =
 * margin of the acquisition period + Σ_{t=1}^{H−1} S(t) · margin per still-buying period / (1+d)^t
 * − acquisition cost, where S(t) is the sBG survival (Fader & Hardie 2007) built from its
 * per-period retention rates r(t) = (β+t−1)/(α+β+t−1); each step changes every r(t) (three
 * readings: the yearly share kept +x points, each period's rate +x points, or churn cut by x %)
 * and revalues. The acquisition period is not changed
 * (retention starts after the first purchase); margins per period stay as observed.
 *
 * @param input - model, margins, discounting, horizon, optional acquisition cost and scale
 * @returns frozen rows for each step with the gain per customer and per year of acquisitions
 * @throws ArgumentError for a non-positive parameter, a bad horizon, rate or step (x in 0..100)
 * @example
 * const w = retentionWhatIf({ params: { alpha: 1, beta: 3 }, marginFirstPeriod: 30, marginPerActivePeriod: 10,
 *   discountRatePerPeriod: 0.008, horizonPeriods: 60, periodsPerYear: 12 });
 * w.rows[4].plusYearlyPoints.gainShare; // the relative gain of "5 % more retained" a year
 */
export function retentionWhatIf(input: RetentionWhatIfInput): RetentionWhatIf {
  const fn = "retentionWhatIf";
  const { params, marginFirstPeriod: m0, marginPerActivePeriod: m, discountRatePerPeriod: d, horizonPeriods: h } = input;
  for (const k of ["alpha", "beta"] as const) if (!(params[k] > 0)) throw new ArgumentError(`${fn}: ${k} ${params[k]} must be a positive number`);
  if (!(Number.isInteger(h) && h >= 1)) throw new ArgumentError(`${fn}: horizonPeriods ${h} must be a whole number >= 1`);
  if (!(d >= 0 && Number.isFinite(d))) throw new ArgumentError(`${fn}: discountRatePerPeriod ${d} must be a number >= 0`);
  if (!Number.isFinite(m0) || !Number.isFinite(m)) throw new ArgumentError(`${fn}: margins ${m0}, ${m} must be finite numbers`);
  const cac = input.acquisitionCostPerCustomer ?? 0;
  const perYear = input.customersPerYear ?? 0;
  if (!(cac >= 0) || !(perYear >= 0)) throw new ArgumentError(`${fn}: acquisitionCostPerCustomer ${cac} and customersPerYear ${perYear} must be numbers >= 0`);
  const steps = input.steps ?? [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  for (const x of steps) if (!(x >= 0 && x <= 100)) throw new ArgumentError(`${fn}: step ${x} must be a percentage from 0 to 100`);
  const { alpha, beta } = params;
  const perYearPeriods = input.periodsPerYear;
  if (!(Number.isInteger(perYearPeriods) && perYearPeriods >= 1)) throw new ArgumentError(`${fn}: periodsPerYear ${perYearPeriods} must be a whole number >= 1`);
  const rate = (t: number): number => (beta + t - 1) / (alpha + beta + t - 1);
  const value = (change: (r: number, t: number) => number): { profit: number; periods: number } => {
    let s = 1, profit = m0 - cac, periods = 1;
    for (let t = 1; t < h; t++) {
      s *= change(rate(t), t);
      profit += (s * m) / (1 + d) ** t;
      periods += s;
    }
    return { profit, periods };
  };
  const base = value((r) => r);
  const scenario = (profit: number): RetentionScenario => {
    const gain = profit - base.profit;
    return Object.freeze({ profitPerCustomer: profit, gainPerCustomer: gain, gainShare: base.profit > 0 ? gain / base.profit : null, gainPerYearOfAcquisitions: gain * perYear });
  };
  // Base share kept over each year (ages (y−1)P+1 .. yP), for the yearly reading.
  const yearKept: number[] = [];
  for (let t = 1, kept = 1; t < h + perYearPeriods; t++) {
    kept *= rate(t);
    if (t % perYearPeriods === 0) {
      yearKept.push(kept);
      kept = 1;
    }
  }
  const yearly = (x: number) => (r: number, t: number): number => {
    const big = yearKept[Math.floor((t - 1) / perYearPeriods)]!;
    return Math.min(1, r * ((big + x / 100) / big) ** (1 / perYearPeriods));
  };
  const rows = steps.map((x) =>
    Object.freeze({
      x,
      plusYearlyPoints: scenario(value(yearly(x)).profit),
      plusPoints: scenario(value((r) => Math.min(1, r + x / 100)).profit),
      churnCut: scenario(value((r) => 1 - (1 - r) * (1 - x / 100)).profit),
    }),
  );
  const assumptions = [
    `Retention follows the fitted sBG model (alpha ${alpha.toPrecision(3)}, beta ${beta.toPrecision(3)}); each scenario changes the retention rate of every period after the acquisition period.`,
    `A still-buying customer brings ${m.toFixed(2)} of margin per period, a new customer ${m0.toFixed(2)} in the acquisition period; these stay as observed.`,
    `Money is discounted at ${(100 * d).toFixed(3)} % per period over ${h} periods (the acquisition period included); nothing after the horizon counts.`,
    cac > 0 ? `Profit is after an acquisition cost of ${cac.toFixed(2)} per customer.` : "No acquisition cost is subtracted: the base is the customer's discounted margin.",
    "The cost of keeping the extra customers (the retention programme itself) is not subtracted: the gain is what such a programme may cost at most.",
  ];
  return Object.freeze({ baseProfitPerCustomer: base.profit, baseExpectedPeriods: base.periods, rows: Object.freeze(rows), assumptions: Object.freeze(assumptions) });
}
