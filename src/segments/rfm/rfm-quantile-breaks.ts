import { ArgumentError } from "../../math/argument-error.js";
/**
 * Quantile cut points for RFM scoring, with ties handled: the cut points are values of the data,
 * chosen so that the share of customers at or below cut k is as close as possible (least squares
 * over all cuts, exact integer arithmetic) to k / bins. Equal values are never split, no bin is
 * empty, and the largest value is never a cut (the top bin is never empty). With fewer distinct
 * values than bins, every distinct value but the largest is a cut, so fewer bins are used.
 *
 * A value v then falls in bin `1 + (number of cuts c with v > c)`: bins are `(c[k-1], c[k]]`.
 *
 * @param values - raw values, e.g. orders per customer (count) or total spend (currency units)
 * @param bins - how many bins are wanted (default 5; a whole number from 2 to 10)
 * @returns the cut points, strictly increasing, at most `bins - 1` of them (frozen)
 * @throws ArgumentError when `bins` is not a whole number from 2 to 10, or a value is not finite
 * @example
 * rfmQuantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]); // [2, 4, 6, 8]
 * rfmQuantileBreaks([1, 1, 1, 1, 1, 1, 2, 2, 3, 5]); // [1, 2, 3]: 4 bins, ties make 5 impossible
 */
export function rfmQuantileBreaks(values: ArrayLike<number>, bins = 5): readonly number[] {
  const fn = "rfmQuantileBreaks";
  if (!Number.isInteger(bins) || bins < 2 || bins > 10) throw new ArgumentError(`${fn}: bins ${bins} is not a whole number from 2 to 10`);
  const n = values.length;
  const sorted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (!Number.isFinite(v)) throw new ArgumentError(`${fn}: value ${v} of row ${i} is not a finite number`);
    sorted[i] = v;
  }
  sorted.sort();
  const distinct: number[] = [];
  const atOrBelow: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i + 1 === n || sorted[i + 1] !== sorted[i]) {
      distinct.push(sorted[i]!);
      atOrBelow.push(i + 1);
    }
  }
  return Object.freeze(chooseCuts(distinct, atOrBelow, n, Math.min(bins, distinct.length)));
}

/** Least-squares choice of `levels - 1` cuts among the distinct values but the largest (dynamic programme). */
function chooseCuts(distinct: readonly number[], atOrBelow: readonly number[], n: number, levels: number): number[] {
  const k = levels - 1;
  const L = distinct.length - 1; // candidates: every distinct value but the largest
  if (k <= 0) return [];
  if (k === L) return distinct.slice(0, L);
  const cost = (j: number, i: number): number => {
    const d = levels * atOrBelow[i]! - (j + 1) * n;
    return d * d;
  };
  const best: Float64Array[] = [];
  const back: Int32Array[] = [];
  for (let j = 0; j < k; j++) {
    const row = new Float64Array(L).fill(Infinity);
    const from = new Int32Array(L).fill(-1);
    let prefixMin = Infinity;
    let prefixArg = -1;
    for (let i = j; i <= L - k + j; i++) {
      if (j === 0) {
        row[i] = cost(0, i);
        continue;
      }
      const prev = best[j - 1]![i - 1]!;
      if (prev < prefixMin) {
        prefixMin = prev;
        prefixArg = i - 1;
      }
      row[i] = prefixMin + cost(j, i);
      from[i] = prefixArg;
    }
    best.push(row);
    back.push(from);
  }
  let arg = -1;
  let min = Infinity;
  for (let i = 0; i < L; i++) {
    if (best[k - 1]![i]! < min) {
      min = best[k - 1]![i]!;
      arg = i;
    }
  }
  const cuts = new Array<number>(k);
  for (let j = k - 1; j >= 0; j--) {
    cuts[j] = distinct[arg]!;
    arg = back[j]![arg]!;
  }
  return cuts;
}
