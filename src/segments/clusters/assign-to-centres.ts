/** Every point assigned to its nearest centre, clusters renumbered largest first. */
export interface CentreAssignment {
  /** Non-empty clusters (k, or fewer if a centre won no point). */
  readonly k: number;
  /** Cluster of each point, 0-based; cluster 0 is the largest (ties: the one whose first point comes first). */
  readonly labels: Int32Array;
  /** k × d centres in the new order (the given centres, not moved). */
  readonly centres: Float64Array;
  /** Points per cluster. */
  readonly sizes: readonly number[];
  /** Total squared distance of the points to their centres. */
  readonly withinSS: number;
}

/**
 * Assigns each point to its nearest centre (squared Euclidean distance; ties to the lower
 * centre) and renumbers the clusters by size, largest first, as {@link kmeans} does. Used to
 * extend a k-means fitted on a seeded sample of customers to all of them: one pass of n × k × d.
 *
 * @param values - the points, n × d row-major
 * @param d - number of features
 * @param centres - k × d centres, row-major
 * @returns the labels, the reordered centres, the sizes and the within-SS
 * @throws never
 * @example
 * assignToCentres(Float64Array.from([0, 1, 9, 10, 11]), 1, Float64Array.from([0.5, 10])).labels; // Int32Array [1, 1, 0, 0, 0]
 */
export function assignToCentres(values: Float64Array, d: number, centres: Float64Array): CentreAssignment {
  const n = values.length / d;
  const k = centres.length / d;
  const raw = new Int32Array(n);
  const size = new Array<number>(k).fill(0);
  const first = new Array<number>(k).fill(n);
  let withinSS = 0;
  for (let i = 0; i < n; i++) {
    let best = 0, bestDist = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) { const x = values[i * d + j]! - centres[c * d + j]!; s += x * x; }
      if (s < bestDist) { bestDist = s; best = c; }
    }
    raw[i] = best;
    withinSS += bestDist;
    if (size[best] === 0) first[best] = i;
    size[best]! += 1;
  }
  const order = Array.from({ length: k }, (_, c) => c).filter((c) => size[c]! > 0).sort((a, b) => size[b]! - size[a]! || first[a]! - first[b]!);
  const rank = new Int32Array(k).fill(-1);
  order.forEach((c, r) => (rank[c] = r));
  const labels = Int32Array.from(raw, (c) => rank[c]!);
  const out = new Float64Array(order.length * d);
  order.forEach((c, r) => out.set(centres.subarray(c * d, c * d + d), r * d));
  return Object.freeze({ k: order.length, labels, centres: out, sizes: Object.freeze(order.map((c) => size[c]!)), withinSS });
}
