import { ArgumentError } from "../../math/argument-error.js";
/**
 * Scores raw values against given cut points: a value's bin is `1 + (number of cuts c with
 * v > c)`, so equal values always get the same score and scores never decrease as the value
 * grows (increase with `reverse`). With `cuts.length + 1 < bins` (ties allowed fewer bins) the
 * bins are spread over the whole 1..bins scale, so the top bin still scores `bins`: 4 bins score
 * 1, 2, 4, 5; 3 bins 1, 3, 5; 2 bins 1, 5; one bin scores 1. `reverse` turns score s into
 * `bins + 1 - s` (RFM recency: the fewest days since the last purchase score highest).
 *
 * Values outside the range the cuts came from fall in the end bins, so a later date can be
 * scored on an earlier date's scale.
 *
 * @param values - raw values (any unit; the unit of the cuts)
 * @param cuts - strictly increasing cut points, e.g. from {@link rfmQuantileBreaks}
 * @param options - `bins` (scale top, default 5), `reverse` (default false)
 * @returns one score per value, 1..bins
 * @throws ArgumentError when a cut or value is not finite, the cuts are not strictly increasing, or there are `bins` cuts or more
 * @example
 * Array.from(rfmScoreValues([1, 2, 3, 9], [2, 4, 6, 8])); // [1, 1, 2, 5]
 * Array.from(rfmScoreValues([0, 30, 400], [10, 50, 100, 200], { reverse: true })); // [5, 4, 1]
 */
export function rfmScoreValues(
  values: ArrayLike<number>,
  cuts: readonly number[],
  options: { readonly bins?: number; readonly reverse?: boolean } = {},
): Uint8Array {
  const fn = "rfmScoreValues";
  const bins = options.bins ?? 5;
  if (!Number.isInteger(bins) || bins < 2 || bins > 10) throw new ArgumentError(`${fn}: bins ${bins} is not a whole number from 2 to 10`);
  if (cuts.length >= bins) throw new ArgumentError(`${fn}: ${cuts.length} cut points make more than ${bins} bins`);
  for (let j = 0; j < cuts.length; j++) {
    if (!Number.isFinite(cuts[j]!)) throw new ArgumentError(`${fn}: cut point ${cuts[j]} is not a finite number`);
    if (j > 0 && !(cuts[j]! > cuts[j - 1]!)) throw new ArgumentError(`${fn}: cut points ${cuts[j - 1]} and ${cuts[j]} are not strictly increasing`);
  }
  const levels = cuts.length + 1;
  const scoreOf = Array.from({ length: levels }, (_, l) => {
    const s = levels === 1 ? 1 : 1 + Math.round((l * (bins - 1)) / (levels - 1));
    return options.reverse ? bins + 1 - s : s;
  });
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new ArgumentError(`${fn}: value ${v} of row ${i} is not a finite number`);
    let lo = 0;
    let hi = cuts.length; // number of cuts below v, by binary search
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (v > cuts[mid]!) lo = mid + 1;
      else hi = mid;
    }
    out[i] = scoreOf[lo]!;
  }
  return out;
}
