import type { TimeUnit } from "../../summary/types.js";
import type { ModelParams, PurchaseModel } from "../fitting/model-types.js";
import { checkTimeUnit } from "./check-time-unit.js";
import { frequencyClasses } from "./frequency-classes.js";
import type { HoldoutSummary } from "./types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** One row of {@link calibrationHoldoutTable}: the customers with x calibration repeat purchases. */
export interface CalibrationHoldoutRow {
  /** "0", "1", ..., "7+". */
  readonly label: string;
  /** Calibration repeat purchases x (the lower bound for the open-ended class). */
  readonly frequency: number;
  readonly customers: number;
  /** Mean holdout purchases per customer (count; NaN when the class is empty). */
  readonly actualMean: number;
  /** Mean of E[Y(holdout) | x, t_x, T] (count; NaN when the class is empty). */
  readonly expectedMean: number;
  /** Sum of holdout purchases of the class (count). */
  readonly actualTotal: number;
  /** Sum of the conditional expectations of the class (count). */
  readonly expectedTotal: number;
}

/** Actual vs conditional-expected holdout purchases by calibration frequency (FHL 2005 Figure 4). */
export interface CalibrationHoldoutTable {
  /** Length of the holdout period (time units). */
  readonly durationHoldout: number;
  readonly timeUnit: TimeUnit | null;
  readonly rows: readonly CalibrationHoldoutRow[];
  /** All customers together (label "Total", frequency NaN). */
  readonly total: CalibrationHoldoutRow;
  /** Mean over customers of |actual - expected| holdout purchases (count per customer). */
  readonly meanAbsoluteError: number;
  /** Mean over the non-empty classes of |actualMean - expectedMean| (count per customer), as read off Figure 4. */
  readonly classMeanAbsoluteError: number;
}

/**
 * The calibration/holdout check of Fader, Hardie & Lee (2005), "Counting Your Customers the Easy
 * Way", Marketing Science 24(2), Figure 4: customers grouped by calibration repeat purchases
 * x = 0, 1, ..., 7+, with their mean actual holdout purchases and the mean of the model's
 * conditional expectation E[Y(t) | x, t_x, T] over the holdout length t. Works for any
 * {@link PurchaseModel} (BG/NBD, Pareto/NBD, MBG/NBD).
 *
 * @param model - a fitted purchase model, in the summary's time unit
 * @param summary - frequency, recency, T, frequency_holdout and durationHoldout (a CustomerSummary)
 * @param options - `maxFrequency`: first value of the open-ended class (default 7)
 * @returns the frozen table
 * @throws ArgumentError when durationHoldout is not > 0, the columns differ in length, a frequency
 *   is not a whole number >= 0, maxFrequency is not a whole number >= 1, or the time units differ
 * @example
 * const t = calibrationHoldoutTable(bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), cdnowSummary);
 * t.rows[0]; // { label: "0", customers: 1411, actualMean: 0.2367, expectedMean: 0.2255, ... } (FHL 2005 §7: 0.24, 0.23)
 */
export function calibrationHoldoutTable<P extends ModelParams>(
  model: PurchaseModel<P>,
  summary: HoldoutSummary,
  options: { readonly maxFrequency?: number } = {},
): CalibrationHoldoutTable {
  const fn = "calibrationHoldoutTable";
  const timeUnit = checkTimeUnit(fn, model.timeUnit, summary.timeUnit);
  const t = summary.durationHoldout;
  if (!(t > 0 && Number.isFinite(t))) throw new ArgumentError(`${fn}: durationHoldout ${t} must be > 0 (make the summary with an observationEnd after its calibrationEnd)`);
  const { frequency, recency, T, frequency_holdout: holdout } = summary.columns;
  const n = frequency.length;
  if (recency.length !== n || T.length !== n || holdout.length !== n) {
    throw new ArgumentError(`${fn}: columns differ in length (frequency ${n}, recency ${recency.length}, T ${T.length}, frequency_holdout ${holdout.length})`);
  }
  const classes = frequencyClasses(fn, frequency, options.maxFrequency ?? 7);
  const expected = model.conditionalExpectedPurchases({ frequency, recency, T }, t);
  const k = classes.labels.length;
  const actualTotal = new Float64Array(k), expectedTotal = new Float64Array(k);
  let absError = 0;
  for (let i = 0; i < n; i++) {
    const c = classes.classOf[i]!, a = holdout[i]!, e = expected[i]!;
    actualTotal[c]! += a;
    expectedTotal[c]! += e;
    absError += Math.abs(a - e);
  }
  const row = (label: string, frequencyValue: number, customers: number, actual: number, exp: number): CalibrationHoldoutRow =>
    Object.freeze({
      label,
      frequency: frequencyValue,
      customers,
      actualMean: customers > 0 ? actual / customers : NaN,
      expectedMean: customers > 0 ? exp / customers : NaN,
      actualTotal: actual,
      expectedTotal: exp,
    });
  const rows = classes.labels.map((label, c) => row(label, c, classes.customers[c]!, actualTotal[c]!, expectedTotal[c]!));
  const sum = (v: Float64Array): number => v.reduce((s, x) => s + x, 0);
  const filled = rows.filter((r) => r.customers > 0);
  return Object.freeze({
    durationHoldout: t,
    timeUnit,
    rows: Object.freeze(rows),
    total: row("Total", NaN, n, sum(actualTotal), sum(expectedTotal)),
    meanAbsoluteError: n > 0 ? absError / n : NaN,
    classMeanAbsoluteError: filled.length > 0 ? filled.reduce((s, r) => s + Math.abs(r.actualMean - r.expectedMean), 0) / filled.length : NaN,
  });
}
