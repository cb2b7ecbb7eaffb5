import type { UpliftEstimate } from "../campaigns/uplift-interval.js";
import { normalQuantile } from "../../math/special/normal-distribution.js";
import { ArgumentError } from "../../math/argument-error.js";

/** An exposed-minus-comparable difference after stratification, with its interval and coverage. */
export interface StratifiedDifference extends UpliftEstimate {
  /** Mean outcome of the matched exposed customers (units of the outcome). */
  readonly exposedMean: number;
  /** What the same customers would show at the rates of comparable unexposed customers (standardised mean). */
  readonly expectedMean: number;
  /** Exposed customers in strata with at least 2 unexposed customers (the ones compared). */
  readonly matched: number;
  /** Exposed customers left out because their stratum had fewer than 2 unexposed customers. */
  readonly unmatched: number;
  /** Strata used. */
  readonly strata: number;
}

/**
 * The effect on the exposed (ATT) by direct standardisation: within each stratum (e.g. a bin
 * of prior orders × recency × spend) the exposed customers' mean outcome is compared with the
 * unexposed customers' mean, and the stratum differences are averaged with weights n1_s / N1
 * (the exposed customers' own mix). Variance: s1²/N1 + Σ w_s² s0_s²/n0_s (sample variances;
 * the exposed part ignores the strata, which errs on the wide side); normal interval. Strata
 * with exposed customers but fewer than 2 unexposed ones are left out and counted in `unmatched`.
 * For a 0/1 outcome the difference is one of proportions (a fraction).
 *
 * @param exposed - 1 for an exposed customer (e.g. had a complaint), else 0
 * @param outcome - the outcome per customer (0/1 bought again, or spend in currency units)
 * @param stratum - a stratum code per customer (any integers)
 * @param confidence - two-sided level (default 0.95)
 * @returns the frozen estimate (units of the outcome); NaN estimate and bounds when nobody could be matched
 * @throws ArgumentError when the arrays differ in length, a flag is not 0/1, an outcome is not finite, or confidence is not in (0, 1)
 * @example
 * serviceStratifiedDifference([1, 0, 0, 1, 0, 0], [0, 1, 1, 1, 1, 0], [1, 1, 1, 2, 2, 2]).estimate; // (0 - 1 + 1 - 0.5) / 2 = -0.25
 */
export function serviceStratifiedDifference(
  exposed: ArrayLike<number>, outcome: ArrayLike<number>, stratum: ArrayLike<number>, confidence = 0.95,
): StratifiedDifference {
  const fn = "serviceStratifiedDifference";
  const n = exposed.length;
  if (outcome.length !== n || stratum.length !== n) throw new ArgumentError(`${fn}: exposed has ${n} entries, outcome ${outcome.length}, stratum ${stratum.length}`);
  if (!(confidence > 0 && confidence < 1)) throw new ArgumentError(`${fn}: confidence ${confidence} is not in (0, 1)`);
  const cells = new Map<number, { n1: number; s1: number; n0: number; s0: number; q0: number }>();
  for (let i = 0; i < n; i++) {
    const e = exposed[i]!, y = outcome[i]!;
    if (e !== 0 && e !== 1) throw new ArgumentError(`${fn}: exposed flag ${e} at ${i} is not 0 or 1`);
    if (!Number.isFinite(y)) throw new ArgumentError(`${fn}: outcome ${y} at ${i} is not finite`);
    let c = cells.get(stratum[i]!);
    if (!c) cells.set(stratum[i]!, (c = { n1: 0, s1: 0, n0: 0, s0: 0, q0: 0 }));
    if (e === 1) { c.n1++; c.s1 += y; } else { c.n0++; c.s0 += y; c.q0 += y * y; }
  }
  let matched = 0, unmatched = 0, strata = 0, sum1 = 0;
  for (const c of cells.values()) {
    if (c.n1 === 0) continue;
    if (c.n0 < 2) { unmatched += c.n1; continue; }
    matched += c.n1; strata++; sum1 += c.s1;
  }
  const nan = { estimate: NaN, lower: NaN, upper: NaN, exposedMean: NaN, expectedMean: NaN };
  if (matched === 0) return Object.freeze({ ...nan, confidence, method: "stratified-normal", matched, unmatched, strata });
  const exposedMean = sum1 / matched;
  let expectedMean = 0, var0 = 0, ss1 = 0;
  for (let i = 0; i < n; i++) {
    const c = cells.get(stratum[i]!)!;
    if (exposed[i] === 1 && c.n0 >= 2) ss1 += (outcome[i]! - exposedMean) ** 2;
  }
  for (const c of cells.values()) {
    if (c.n1 === 0 || c.n0 < 2) continue;
    const w = c.n1 / matched, m0 = c.s0 / c.n0;
    expectedMean += w * m0;
    var0 += (w * w * Math.max(0, (c.q0 - c.n0 * m0 * m0) / (c.n0 - 1))) / c.n0;
  }
  const se = Math.sqrt((matched > 1 ? ss1 / (matched - 1) : 0) / matched + var0);
  const z = normalQuantile(1 - (1 - confidence) / 2), d = exposedMean - expectedMean;
  return Object.freeze({ estimate: d, lower: d - z * se, upper: d + z * se, confidence, method: "stratified-normal", exposedMean, expectedMean, matched, unmatched, strata });
}
