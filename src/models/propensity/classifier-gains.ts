import { checkScored } from "./classifier-roc-auc.js";
import { scoreOrder } from "../../math/score-order.js";
import { ArgumentError } from "../../math/argument-error.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** One group of the gains table (customers ranked by score, highest first). */
export interface GainsRow {
  /** 1 = the highest-scoring group. */
  readonly group: number;
  readonly customers: number;
  readonly positives: number;
  /** Positives / customers in the group (fraction). */
  readonly rate: number;
  /** Mean score in the group. */
  readonly meanScore: number;
  /** Share of all customers in groups 1..group (fraction, ends at 1). */
  readonly cumulativeCustomerShare: number;
  /** Cumulative gains: share of all positives found in groups 1..group (fraction, ends at 1). */
  readonly cumulativeGain: number;
  /** Lift: the group's rate / the overall rate (1 = no better than random). */
  readonly lift: number;
  /** Cumulative lift: rate of groups 1..group / the overall rate. */
  readonly cumulativeLift: number;
}

/** The gains table and its curve points, frozen. */
export interface Gains {
  readonly groups: number;
  /** Overall positive rate (fraction). */
  readonly baseRate: number;
  readonly rows: readonly GainsRow[];
  /** Cumulative gains curve from (0, 0) to (1, 1): one point per group after the origin. */
  readonly curve: readonly { readonly customerShare: number; readonly gain: number }[];
}

/**
 * Cumulative gains and lift by group (deciles by default): rank customers by score, highest
 * first (ties by position), cut them into `groups` groups as equal as possible (group k holds
 * ranks floor((k−1)n/g) .. floor(kn/g) − 1) and count the positives found. "Targeting the top
 * 10 % finds 31 % of the buyers: lift 3.1" is the marketer's reading.
 *
 * @param scores - one score per customer (higher = more likely positive)
 * @param labels - 0/1 outcomes
 * @param groups - how many groups (default 10 = deciles; 1..n)
 * @returns the gains table and curve
 * @throws ArgumentError for bad input, no positive, or a bad group count
 * @example
 * classifierGains([0.9, 0.8, 0.2, 0.1], [1, 0, 1, 0], 2).rows[0].lift; // 1 (half the positives in the top half)
 */
export function classifierGains(scores: ArrayLike<number>, labels: ArrayLike<number>, groups = 10): Gains {
  return classifierGainsInOrder(scores, labels, groups);
}

/**
 * {@link classifierGains} with the rows' order by score already known (shared with the calibration).
 *
 * @param scores - one score per customer (higher = more likely positive)
 * @param labels - 0/1 outcomes
 * @param groups - how many groups (1..n)
 * @param given - `scoreOrder(scores)`, or undefined to compute it
 * @returns the gains table and curve
 * @throws as {@link classifierGains}
 * @example
 * classifierGainsInOrder(p, y, 10, scoreOrder(p)).rows[0].lift;
 */
export function classifierGainsInOrder(scores: ArrayLike<number>, labels: ArrayLike<number>, groups: number, given?: Int32Array): Gains {
  const fn = "classifierGains";
  const positives = checkScored(fn, scores, labels);
  const n = labels.length;
  if (!Number.isInteger(groups) || groups < 1 || groups > n) throw new ArgumentError(`${fn}: groups ${groups} must be an integer from 1 to ${n}`);
  if (positives === 0) throw new AnalysisNotPossibleError(`${fn}: no positive label; gains are shares of the positives`);
  const order = given ?? scoreOrder(scores);
  const baseRate = positives / n;
  const rows: GainsRow[] = [];
  let cumCustomers = 0, cumPositives = 0;
  for (let g = 1; g <= groups; g++) {
    const from = Math.floor(((g - 1) * n) / groups), to = Math.floor((g * n) / groups);
    let pos = 0, score = 0;
    for (let k = from; k < to; k++) { pos += labels[order[k]!]!; score += scores[order[k]!]!; }
    const size = to - from;
    cumCustomers += size;
    cumPositives += pos;
    rows.push(Object.freeze({
      group: g, customers: size, positives: pos, rate: size > 0 ? pos / size : 0, meanScore: size > 0 ? score / size : NaN,
      cumulativeCustomerShare: cumCustomers / n, cumulativeGain: cumPositives / positives,
      lift: size > 0 ? pos / size / baseRate : 0, cumulativeLift: cumPositives / cumCustomers / baseRate,
    }));
  }
  const curve = [{ customerShare: 0, gain: 0 }, ...rows.map((r) => ({ customerShare: r.cumulativeCustomerShare, gain: r.cumulativeGain }))];
  return Object.freeze({ groups, baseRate, rows: Object.freeze(rows), curve: Object.freeze(curve.map((p) => Object.freeze(p))) });
}
