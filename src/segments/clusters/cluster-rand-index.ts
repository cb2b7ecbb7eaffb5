import { ArgumentError } from "../../math/argument-error.js";
/**
 * The adjusted Rand index (Hubert & Arabie 1985) of two partitions of the same items: 1 when
 * they agree up to the numbering of the clusters, about 0 for chance agreement (it can be
 * negative). Used to check that planted segments are found again.
 *
 * @param a - cluster of each item (any integers)
 * @param b - cluster of each item in the other partition, same length
 * @returns the index, at most 1 (1 also when both put every item in one cluster)
 * @throws ArgumentError when the lengths differ or there are fewer than 2 items
 * @example
 * clusterRandIndex([0, 0, 1, 1], [5, 5, 2, 2]); // 1
 * clusterRandIndex([0, 0, 1, 1], [0, 1, 0, 1]); // -0.5
 */
export function clusterRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  if (b.length !== n) throw new ArgumentError(`clusterRandIndex: the partitions have ${n} and ${b.length} items`);
  if (n < 2) throw new ArgumentError(`clusterRandIndex: need at least 2 items, got ${n}`);
  const pairs = (m: number) => (m * (m - 1)) / 2;
  const joint = new Map<string, number>();
  const rowsA = new Map<number, number>();
  const rowsB = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const key = `${a[i]}|${b[i]}`;
    joint.set(key, (joint.get(key) ?? 0) + 1);
    rowsA.set(a[i]!, (rowsA.get(a[i]!) ?? 0) + 1);
    rowsB.set(b[i]!, (rowsB.get(b[i]!) ?? 0) + 1);
  }
  let index = 0, sumA = 0, sumB = 0;
  for (const m of joint.values()) index += pairs(m);
  for (const m of rowsA.values()) sumA += pairs(m);
  for (const m of rowsB.values()) sumB += pairs(m);
  const expected = (sumA * sumB) / pairs(n);
  const max = (sumA + sumB) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
