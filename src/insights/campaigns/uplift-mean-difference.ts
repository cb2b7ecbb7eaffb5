import type { UpliftEstimate } from "./uplift-interval.js";
import { normalQuantile } from "../../math/special/normal-distribution.js";
import { ArgumentError } from "../../math/argument-error.js";

/** A difference of two means with its interval and the group facts. */
export interface MeanDifference extends UpliftEstimate {
  readonly meanA: number;
  readonly meanB: number;
  readonly nA: number;
  readonly nB: number;
  /** Standard error of the difference (same units as the values). */
  readonly standardError: number;
}

function meanVar(fn: string, name: string, v: ArrayLike<number>): [number, number] {
  if (v.length < 2) throw new ArgumentError(`${fn}: group ${name} has ${v.length} values; at least 2 are needed`);
  let s = 0;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isFinite(v[i]!)) throw new ArgumentError(`${fn}: value ${v[i]} at ${i} of group ${name} is not finite`);
    s += v[i]!;
  }
  const m = s / v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i]! - m) ** 2;
  return [m, ss / (v.length - 1)];
}

/**
 * Difference of two means, mean(a) − mean(b), with the large-sample (Welch, unequal
 * variances) normal interval: d ± z √(s_a²/n_a + s_b²/n_b). Used for revenue per contact
 * (treatment minus control) and spend after a service problem; with hundreds of customers a
 * group, the normal quantile is within 1 % of Welch's t quantile.
 *
 * @param a - values of group A (e.g. revenue per treated customer, currency units)
 * @param b - values of group B, same units
 * @param confidence - two-sided level (default 0.95)
 * @returns the difference (units of the values) with its interval, frozen
 * @throws ArgumentError when a group has fewer than 2 values, a value is not finite, or confidence is not in (0, 1)
 * @example
 * upliftMeanDifference([1, 2, 3], [1, 1, 1]); // { estimate: 1, lower: -0.1316, upper: 2.1316, ... }
 */
export function upliftMeanDifference(a: ArrayLike<number>, b: ArrayLike<number>, confidence = 0.95): MeanDifference {
  const fn = "upliftMeanDifference";
  if (!(confidence > 0 && confidence < 1)) throw new ArgumentError(`${fn}: confidence ${confidence} is not in (0, 1)`);
  const [ma, va] = meanVar(fn, "A", a);
  const [mb, vb] = meanVar(fn, "B", b);
  const se = Math.sqrt(va / a.length + vb / b.length);
  const z = normalQuantile(1 - (1 - confidence) / 2);
  const d = ma - mb;
  return Object.freeze({
    estimate: d, lower: d - z * se, upper: d + z * se, confidence, method: "welch-normal",
    meanA: ma, meanB: mb, nA: a.length, nB: b.length, standardError: se,
  });
}
