import { ArgumentError } from "../../math/argument-error.js";
/** A risk band. */
export type RiskBand = "low" | "medium" | "high";

/** Score thresholds of the bands: `high` from `high` up, `medium` from `medium` up to `high`, `low` below. */
export interface BandThresholds {
  readonly medium: number;
  readonly high: number;
}

/**
 * Default band thresholds on a churn probability (the model's P(no purchase in the window)):
 * high >= 0.8 (at most 1 chance in 5 of buying again in the window), medium 0.5 to 0.8 (more
 * likely to lapse than not), low < 0.5. For a purchase propensity the same cuts read as
 * high, medium and low propensity.
 *
 * @example
 * DEFAULT_BAND_THRESHOLDS.high; // 0.8
 * @throws never
 */
export const DEFAULT_BAND_THRESHOLDS: BandThresholds = Object.freeze({ medium: 0.5, high: 0.8 });

/**
 * Puts each score in a band: "high" when score >= thresholds.high, "medium" when
 * score >= thresholds.medium, else "low".
 *
 * @param scores - probabilities in [0, 1]
 * @param thresholds - the cuts, 0 <= medium <= high <= 1 (default {@link DEFAULT_BAND_THRESHOLDS})
 * @returns one band per score (frozen)
 * @throws ArgumentError for thresholds out of order or outside [0, 1]
 * @example
 * propensityBands([0.2, 0.6, 0.9]); // ["low", "medium", "high"]
 */
export function propensityBands(scores: ArrayLike<number>, thresholds: BandThresholds = DEFAULT_BAND_THRESHOLDS): readonly RiskBand[] {
  const { medium, high } = thresholds;
  if (!(medium >= 0 && medium <= high && high <= 1)) {
    throw new ArgumentError(`propensityBands: thresholds medium ${medium}, high ${high} must satisfy 0 <= medium <= high <= 1`);
  }
  const bands = new Array<RiskBand>(scores.length);
  for (let i = 0; i < scores.length; i++) { const s = scores[i]!; bands[i] = s >= high ? "high" : s >= medium ? "medium" : "low"; }
  return Object.freeze(bands);
}
