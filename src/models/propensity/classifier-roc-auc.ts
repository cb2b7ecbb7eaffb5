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
 * The distinct values of finite scores, ascending (−0 counted as 0), and each score's rank among
 * them: one typed sort (no comparison function) and a binary search per score.
 *
 * @param scores - finite numbers
 * @returns `values` (distinct, ascending) and `rank` (index into values of each score)
 * @throws never
 * @example
 * distinctRanks([0.4, 0.1, 0.4]).rank; // Int32Array [1, 0, 1]
 */
export function distinctRanks(scores: ArrayLike<number>): { values: Float64Array; rank: Int32Array } {
  const n = scores.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) sorted[i] = scores[i]! + 0; // −0 + 0 = 0: one value, as == has it
  sorted.sort();
  let u = 0;
  for (let i = 0; i < n; i++) if (u === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i]!;
  const values = sorted.subarray(0, u);
  const rank = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const x = scores[i]!;
    let lo = 0, hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (values[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
  }
  return { values, rank };
}

/**
 * Row indices by score, highest first, ties by index (the order of `(a, b) => s[b] − s[a] || a − b`),
 * through typed sorts only: each row's key is (descending rank of its score) × n + index, a whole
 * number below 2⁵³, sorted natively. Scores must be finite.
 *
 * @param scores - finite numbers
 * @returns the indices, best first
 * @throws never
 * @example
 * scoreOrder([0.2, 0.9, 0.2]); // Int32Array [1, 0, 2]
 */
export function scoreOrder(scores: ArrayLike<number>): Int32Array {
  const n = scores.length;
  const order = new Int32Array(n);
  if (n * n >= 2 ** 53) { // beyond exact keys (90 million rows): a comparison sort
    const all = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
    order.set(all);
    return order;
  }
  const { values, rank } = distinctRanks(scores);
  const top = values.length - 1;
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = (top - rank[i]!) * n + i;
  keys.sort();
  for (let k = 0; k < n; k++) order[k] = keys[k]! % n;
  return order;
}

/**
 * The area under the ROC curve: the probability that a randomly chosen positive scores higher
 * than a randomly chosen negative, a tie counting one half (the Mann-Whitney U statistic / n₁n₀;
 * Hanley & McNeil 1982, Radiology 143). 0.5 is a coin toss, 1 a perfect ranking, 0 a perfectly
 * reversed one. Computed from mid-ranks in O(n log n) (one typed sort).
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
  // Mid-ranks by distinct score: all the sums are exact (whole and half numbers far below 2⁵³), so this is the rank-sum of a sort.
  const { values, rank } = distinctRanks(scores);
  const count = new Float64Array(values.length), positives = new Float64Array(values.length);
  for (let i = 0; i < n; i++) { count[rank[i]!]! += 1; positives[rank[i]!]! += labels[i]!; }
  let rankSum = 0;
  for (let v = 0, start = 0; v < values.length; v++) {
    const end = start + count[v]! - 1;
    rankSum += positives[v]! * ((start + end) / 2 + 1);
    start = end + 1;
  }
  return (rankSum - (n1 * (n1 + 1)) / 2) / (n1 * n0);
}
