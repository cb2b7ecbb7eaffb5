import { ArgumentError } from "../../math/argument-error.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";
/**
 * Checks that scores and 0/1 labels are usable by the classifier metrics and counts positives.
 *
 * @param fn - the calling function, for messages
 * @param scores - one finite score per observation (higher = more likely positive)
 * @param labels - 0/1 outcomes
 * @returns the number of positives
 * @throws ArgumentError for unequal lengths, no observation, a non-finite score or a label not 0/1
 * @example
 * checkScored("f", [0.2, 0.9], [0, 1]); // 1
 */
export function checkScored(fn: string, scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  if (scores.length !== labels.length) throw new ArgumentError(`${fn}: ${scores.length} scores but ${labels.length} labels`);
  if (scores.length === 0) throw new ArgumentError(`${fn}: no observation to evaluate`);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] !== 0 && labels[i] !== 1) throw new ArgumentError(`${fn}: label ${labels[i]} at row ${i} is not 0 or 1`);
    if (!Number.isFinite(scores[i]!)) throw new ArgumentError(`${fn}: score ${scores[i]} at row ${i} is not a finite number`);
    positives += labels[i]!;
  }
  return positives;
}


/**
 * The area under the ROC curve: the probability that a randomly chosen positive scores higher
 * than a randomly chosen negative, a tie counting one half (the Mann-Whitney U statistic / n₁n₀;
 * Hanley & McNeil 1982, Radiology 143). 0.5 is a coin toss, 1 a perfect ranking, 0 a perfectly
 * reversed one. Computed from mid-ranks in O(n log n) (typed sorts of the positives' and the negatives' scores).
 *
 * @param scores - one score per observation (any scale; only the order matters)
 * @param labels - 0/1 outcomes
 * @returns the AUC, in [0, 1]
 * @throws ArgumentError for bad input (see {@link checkScored}) or when only one class is present
 * @example
 * classifierRocAuc([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1]); // 0.875 (the tie counts 1/2)
 */
export function classifierRocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const fn = "classifierRocAuc";
  const n1 = checkScored(fn, scores, labels);
  const n = labels.length, n0 = n - n1;
  if (n1 === 0 || n0 === 0) throw new AnalysisNotPossibleError(`${fn}: the labels have ${n1} positives and ${n0} negatives; the AUC needs both classes`);
  // The scores of the positives and of the negatives, each sorted (typed sorts), walked together:
  // a positive's rank is 1 + (values below it) + (ties − 1) / 2, so the sum of the positives' mid-ranks
  // is n1(n1 + 1)/2 + Σ over positives of (negatives below + negatives tied / 2). Every term is a
  // whole or half number far below 2⁵³: the same exact sum as summing the mid-ranks of one sort.
  const pos = new Float64Array(n1), neg = new Float64Array(n0);
  for (let i = 0, p = 0, q = 0; i < n; i++) {
    if (labels[i] === 1) pos[p++] = scores[i]! + 0; // −0 + 0 = 0
    else neg[q++] = scores[i]! + 0;
  }
  pos.sort();
  neg.sort();
  let u = 0;
  for (let p = 0, below = 0; p < n1;) {
    const v = pos[p]!;
    let tiedPos = 0;
    while (p < n1 && pos[p] === v) { p++; tiedPos++; }
    while (below < n0 && neg[below]! < v) below++;
    let tiedNeg = 0;
    while (below + tiedNeg < n0 && neg[below + tiedNeg] === v) tiedNeg++;
    u += tiedPos * (below + tiedNeg / 2);
  }
  return u / (n1 * n0); // u = rank-sum − n1(n1 + 1)/2, exactly

}
