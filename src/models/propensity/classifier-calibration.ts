import { checkScored } from "./classifier-roc-auc.js";
import { scoreOrder } from "../../math/score-order.js";
import { ArgumentError } from "../../math/argument-error.js";

/** One bin of the calibration table. */
export interface CalibrationRow {
  /** 1 = the highest predicted probabilities. */
  readonly bin: number;
  readonly customers: number;
  /** Mean predicted probability in the bin (fraction). */
  readonly meanPredicted: number;
  /** Observed share of positives in the bin (fraction). */
  readonly observedRate: number;
  /** Observed minus predicted positives in the bin (count). */
  readonly excess: number;
}

/** Calibration of predicted probabilities, frozen. */
export interface Calibration {
  readonly rows: readonly CalibrationRow[];
  /** Brier score: mean squared difference between prediction and outcome (0 is perfect; lower is better). */
  readonly brierScore: number;
  /** Mean predicted probability over everyone and the observed rate (fractions). */
  readonly meanPredicted: number;
  readonly observedRate: number;
}

/**
 * Are the probabilities right as probabilities? Sort by the prediction (highest first), cut into
 * `bins` equal groups (deciles by default, as {@link classifierGains}) and compare the mean
 * predicted probability with the share that happened in each: a calibrated model's points lie on
 * the diagonal (the decile version of the Hosmer-Lemeshow table).
 *
 * @param probabilities - predicted probabilities in [0, 1]
 * @param labels - 0/1 outcomes
 * @param bins - number of bins (default 10; 1..n)
 * @returns the table, the Brier score and the overall means
 * @throws ArgumentError for bad input, a probability outside [0, 1] or a bad bin count
 * @example
 * classifierCalibration([0.9, 0.1], [1, 0], 2).brierScore; // 0.01
 */
export function classifierCalibration(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins = 10): Calibration {
  return classifierCalibrationInOrder(probabilities, labels, bins);
}

/**
 * {@link classifierCalibration} with the rows' order by probability already known (shared with the gains).
 *
 * @param probabilities - predicted probabilities in [0, 1]
 * @param labels - 0/1 outcomes
 * @param bins - number of bins (1..n)
 * @param given - `scoreOrder(probabilities)`, or undefined to compute it
 * @returns the table, the Brier score and the overall means
 * @throws as {@link classifierCalibration}
 * @example
 * classifierCalibrationInOrder(p, y, 10, scoreOrder(p)).brierScore;
 */
export function classifierCalibrationInOrder(probabilities: ArrayLike<number>, labels: ArrayLike<number>, bins: number, given?: Int32Array): Calibration {
  const fn = "classifierCalibration";
  const positives = checkScored(fn, probabilities, labels);
  const n = labels.length;
  if (!Number.isInteger(bins) || bins < 1 || bins > n) throw new ArgumentError(`${fn}: bins ${bins} must be an integer from 1 to ${n}`);
  let brier = 0, total = 0;
  for (let i = 0; i < n; i++) {
    const p = probabilities[i]!;
    if (p < 0 || p > 1) throw new ArgumentError(`${fn}: probability ${p} at row ${i} is outside [0, 1]`);
    brier += (p - labels[i]!) ** 2;
    total += p;
  }
  const order = given ?? scoreOrder(probabilities);
  const rows: CalibrationRow[] = [];
  for (let b = 1; b <= bins; b++) {
    const from = Math.floor(((b - 1) * n) / bins), to = Math.floor((b * n) / bins);
    let p = 0, y = 0;
    for (let k = from; k < to; k++) { p += probabilities[order[k]!]!; y += labels[order[k]!]!; }
    const size = to - from;
    rows.push(Object.freeze({ bin: b, customers: size, meanPredicted: size ? p / size : NaN, observedRate: size ? y / size : NaN, excess: y - p }));
  }
  return Object.freeze({ rows: Object.freeze(rows), brierScore: brier / n, meanPredicted: total / n, observedRate: positives / n });
}
