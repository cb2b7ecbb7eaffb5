import { normalUpperTail } from "../../math/special/normal-distribution.js";
import { ArgumentError } from "../../math/argument-error.js";

/** The result of a two-proportion z test. */
export interface UpliftTest {
  /** Test statistic (treatment minus control over the pooled standard error); 0 when both rates are 0 or 1. */
  readonly z: number;
  /** Two-sided p-value: the chance of a difference at least this large if the campaign had no effect. */
  readonly pValue: number;
  /** One-sided p-value for "treatment responds more than control". */
  readonly pValueGreater: number;
}

/**
 * Two-proportion z test of H0: p1 = p0 with the pooled standard error
 * √(p̂(1 − p̂)(1/n1 + 1/n0)), p̂ = (x1 + x0)/(n1 + n0). z² equals Pearson's chi-square of the
 * 2 × 2 table without continuity correction (Agresti 2013, Categorical Data Analysis, 3.1).
 *
 * @param x1 - responders in the treatment group
 * @param n1 - treatment group size
 * @param x0 - responders in the control group
 * @param n0 - control group size
 * @returns z and the p-values, frozen
 * @throws ArgumentError for counts that are not whole numbers with 0 ≤ x ≤ n and n ≥ 1
 * @example
 * upliftTest(56, 70, 48, 80); // { z: 2.6502, pValue: 0.00805, pValueGreater: 0.00402 }
 */
export function upliftTest(x1: number, n1: number, x0: number, n0: number): UpliftTest {
  const fn = "upliftTest";
  for (const [name, x, n] of [["treatment", x1, n1], ["control", x0, n0]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`${fn}: ${name} group size ${n} is not a whole number of at least 1`);
    if (!Number.isInteger(x) || x < 0 || x > n) throw new ArgumentError(`${fn}: ${name} responders ${x} is not a whole number from 0 to ${n}`);
  }
  const pooled = (x1 + x0) / (n1 + n0);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n0));
  const z = se === 0 ? 0 : (x1 / n1 - x0 / n0) / se;
  return Object.freeze({ z, pValue: Math.min(1, 2 * normalUpperTail(Math.abs(z))), pValueGreater: normalUpperTail(z) });
}
