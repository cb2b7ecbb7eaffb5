import type { TimeUnit } from "../../summary/types.js";
import type { ModelParams, PurchaseModel } from "../fitting/model-types.js";
import { checkTimeUnit } from "./check-time-unit.js";
import { frequencyClasses } from "./frequency-classes.js";
import type { DiagnosticSummary } from "./types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** One class of {@link frequencyHistogram}: customers with x calibration repeat purchases. */
export interface FrequencyHistogramRow {
  /** "0", "1", ..., "7+". */
  readonly label: string;
  /** Repeat purchases x (the lower bound for the open-ended class). */
  readonly frequency: number;
  /** Customers observed with x repeat purchases (count). */
  readonly actual: number;
  /** Σ_i P(X(T_i) = x) over customers (count); the open-ended class is the remainder. */
  readonly expected: number;
}

/** Actual vs expected customers by calibration repeat purchases (FHL 2005 Figure 2). */
export interface FrequencyHistogram {
  readonly timeUnit: TimeUnit | null;
  /** Number of customers (count); actual and expected both sum to it. */
  readonly customers: number;
  readonly rows: readonly FrequencyHistogramRow[];
}

/**
 * The in-sample fit of Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way",
 * Marketing Science 24(2), Figure 2: the number of customers with x = 0, 1, ..., 7+ repeat
 * purchases in the calibration period, observed and expected. Each customer is observed for
 * their own T_i, so expected(x) = Σ_i P(X(T_i) = x); the open-ended class "7+" is the remainder,
 * so the expected counts sum to the number of customers. P(X(t) = x) is evaluated once per
 * distinct T. Works for any {@link PurchaseModel}.
 *
 * @param model - a fitted purchase model, in the summary's time unit
 * @param summary - frequency and T per customer (a CustomerSummary)
 * @param options - `maxFrequency`: first value of the open-ended class (default 7)
 * @returns the frozen histogram
 * @throws ArgumentError when a frequency is not a whole number >= 0, a T is negative or not finite,
 *   the columns differ in length, maxFrequency is not a whole number >= 1, or the time units differ
 * @example
 * const h = frequencyHistogram(bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }), cdnowSummary);
 * h.rows[0]; // { label: "0", frequency: 0, actual: 1411, expected: 1406.5 } (CDNOW, 39 weeks)
 */
export function frequencyHistogram<P extends ModelParams>(
  model: PurchaseModel<P>,
  summary: DiagnosticSummary,
  options: { readonly maxFrequency?: number } = {},
): FrequencyHistogram {
  const fn = "frequencyHistogram";
  const timeUnit = checkTimeUnit(fn, model.timeUnit, summary.timeUnit);
  const { frequency, T } = summary.columns;
  const n = frequency.length;
  if (T.length !== n) throw new ArgumentError(`${fn}: columns differ in length (frequency ${n}, T ${T.length})`);
  const classes = frequencyClasses(fn, frequency, options.maxFrequency ?? 7);
  const k = classes.labels.length - 1;
  const byT = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const Ti = T[i]!;
    if (!(Ti >= 0 && Number.isFinite(Ti))) throw new ArgumentError(`${fn}: T ${Ti} of row ${i} must be a finite number >= 0`);
    byT.set(Ti, (byT.get(Ti) ?? 0) + 1);
  }
  const expected = new Float64Array(k + 1);
  for (const [Ti, count] of byT) {
    for (let x = 0; x < k; x++) {
      // A customer seen for no time at all has made no repeat purchase yet.
      const p = Ti > 0 ? model.probabilityOfPurchases(x, Ti) : x === 0 ? 1 : 0;
      expected[x]! += count * p;
    }
  }
  let below = 0;
  for (let x = 0; x < k; x++) below += expected[x]!;
  expected[k] = Math.max(0, n - below);
  const rows = classes.labels.map((label, x) =>
    Object.freeze({ label, frequency: x, actual: classes.customers[x]!, expected: expected[x]! }),
  );
  return Object.freeze({ timeUnit, customers: n, rows: Object.freeze(rows) });
}
