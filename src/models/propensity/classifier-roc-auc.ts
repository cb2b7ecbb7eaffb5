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
 * reversed one. Computed from mid-ranks in O(n log n).
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
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  for (let start = 0; start < n;) {
    let end = start;
    while (end + 1 < n && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const midRank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) if (labels[order[k]!] === 1) rankSum += midRank;
    start = end + 1;
  }
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}
