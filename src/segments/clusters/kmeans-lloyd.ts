/** One Lloyd run from given centres. */
export interface LloydRun {
  /** Cluster of each point, 0-based. */
  readonly labels: Int32Array;
  /** k × d centres, row-major (the means of their points). */
  readonly centres: Float64Array;
  /** Total within-cluster sum of squared distances to the centres. */
  readonly withinSS: number;
  readonly iterations: number;
  /** True when an iteration changed no label, or the centres moved at most `tolerance`, before `maxIterations`. */
  readonly converged: boolean;
}

/**
 * Lloyd's algorithm (Lloyd 1982): assign each point to its nearest centre, move each centre to
 * the mean of its points, repeat until no label changes or the centres moved at most
 * `tolerance` in all (sum of squared shifts). The assignment step uses Hamerly's bounds
 * (Hamerly 2010, "Making k-means even faster"): an upper bound on the distance to the own centre
 * and a lower bound on the distance to any other let most points skip the scan, with the same
 * result as plain Lloyd. An empty cluster is re-seeded with the point farthest from its centre,
 * so k clusters always come back. The kernel of {@link kmeans}: typed arrays in and out, no checks.
 *
 * @param values - the points, n × d row-major
 * @param n - number of points
 * @param d - number of features
 * @param k - number of clusters
 * @param start - k × d starting centres (copied, not changed)
 * @param maxIterations - the most assignment steps to run
 * @param tolerance - stop when the summed squared centre shift is at most this (default 0)
 * @returns the labels, centres, within-SS and iteration count
 * @throws never
 * @example
 * kmeansLloyd(Float64Array.from([0, 1, 9, 10]), 4, 1, 2, Float64Array.from([0, 10]), 100).withinSS; // 1
 */
export function kmeansLloyd(
  values: Float64Array, n: number, d: number, k: number, start: Float64Array, maxIterations: number, tolerance = 0,
): LloydRun {
  const centres = Float64Array.from(start);
  const labels = new Int32Array(n).fill(-1);
  const upper = new Float64Array(n).fill(Infinity);
  const lower = new Float64Array(n); // 0: every point scans on the first pass
  const half = new Float64Array(k);
  const moved = new Float64Array(k);
  const sums = new Float64Array(k * d);
  const sizes = new Int32Array(k);
  let iterations = 0;
  let converged = false;
  while (iterations < maxIterations) {
    iterations++;
    halfGaps(centres, k, d, half);
    let changed = 0;
    for (let i = 0; i < n; i++) {
      const a = labels[i]!;
      const bound = a >= 0 ? Math.max(half[a]!, lower[i]!) : 0;
      if (upper[i]! <= bound) continue;
      if (a >= 0) {
        upper[i] = Math.sqrt(dist2(values, i * d, centres, a * d, d));
        if (upper[i]! <= bound) continue;
      }
      let c1 = 0, d1 = Infinity, d2 = Infinity;
      for (let c = 0; c < k; c++) {
        const s = dist2(values, i * d, centres, c * d, d);
        if (s < d1) { d2 = d1; d1 = s; c1 = c; } else if (s < d2) d2 = s;
      }
      upper[i] = Math.sqrt(d1);
      lower[i] = Math.sqrt(d2);
      if (c1 !== a) { labels[i] = c1; changed++; }
    }
    if (changed === 0) { converged = true; break; }
    sums.fill(0);
    sizes.fill(0);
    for (let i = 0; i < n; i++) {
      const base = labels[i]! * d;
      sizes[labels[i]!]!++;
      for (let j = 0; j < d; j++) sums[base + j]! += values[i * d + j]!;
    }
    let shift = 0, maxMove = 0, secondMove = 0, maxAt = -1, reseeded = false;
    for (let c = 0; c < k; c++) {
      const base = c * d;
      let m = 0;
      if (sizes[c]! > 0) {
        for (let j = 0; j < d; j++) { const next = sums[base + j]! / sizes[c]!; m += (next - centres[base + j]!) ** 2; centres[base + j] = next; }
      } else {
        let far = 0; // empty: move the centre to the point farthest from its own centre
        for (let i = 1; i < n; i++) if (upper[i]! > upper[far]!) far = i;
        for (let j = 0; j < d; j++) { m += (values[far * d + j]! - centres[base + j]!) ** 2; centres[base + j] = values[far * d + j]!; }
        upper[far] = 0;
        reseeded = true;
      }
      shift += m;
      moved[c] = Math.sqrt(m);
      if (moved[c]! > maxMove) { secondMove = maxMove; maxMove = moved[c]!; maxAt = c; } else if (moved[c]! > secondMove) secondMove = moved[c]!;
    }
    for (let i = 0; i < n; i++) {
      const a = labels[i]!;
      upper[i]! += moved[a]!;
      lower[i] = reseeded ? 0 : lower[i]! - (a === maxAt ? secondMove : maxMove);
    }
    if (!reseeded && shift <= tolerance) { converged = true; break; }
  }
  let withinSS = 0;
  for (let i = 0; i < n; i++) withinSS += dist2(values, i * d, centres, labels[i]! * d, d);
  return { labels, centres, withinSS, iterations, converged };
}

function dist2(x: Float64Array, a: number, y: Float64Array, b: number, d: number): number {
  let s = 0;
  for (let j = 0; j < d; j++) { const t = x[a + j]! - y[b + j]!; s += t * t; }
  return s;
}

/** Half the distance from each centre to its nearest other centre. */
function halfGaps(centres: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const g = Math.sqrt(dist2(centres, a * d, centres, b * d, d)) / 2;
      if (g < half[a]!) half[a] = g;
      if (g < half[b]!) half[b] = g;
    }
  }
  if (k === 1) half[0] = Infinity;
}
