/**
 * Row indices by score, highest first, ties by index (the order of `(a, b) => s[b] − s[a] || a − b`),
 * without a comparison function: a stable least-significant-digit radix sort on the scores' bits
 * (each finite number mapped to a 64-bit key that sorts as the number does, −0 as 0, then
 * complemented for highest first), 16 bits a pass, a pass skipped when all its digits agree.
 *
 * @param scores - numbers, ±Infinity included (not NaN)
 * @returns the indices, best first
 * @throws never
 * @example
 * scoreOrder([0.2, 0.9, 0.2]); // Int32Array [1, 0, 2]
 */
export function scoreOrder(scores: ArrayLike<number>): Int32Array {
  const n = scores.length;
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = scores[i]! + 0; // −0 + 0 = 0: one value, as == has it
  const words = new Uint32Array(x.buffer); // little-endian: low word, high word
  let hi = new Uint32Array(n), lo = new Uint32Array(n), idx = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const h = words[2 * i + 1]!, l = words[2 * i]!;
    // Ascending key: negative numbers have all bits flipped, others the sign bit; then all flipped for descending.
    const neg = h >>> 31 === 1;
    hi[i] = neg ? h : ~(h ^ 0x80000000) >>> 0;
    lo[i] = neg ? l : ~l >>> 0;
    idx[i] = i;
  }
  let hi2 = new Uint32Array(n), lo2 = new Uint32Array(n), idx2 = new Int32Array(n);
  const count = new Int32Array(65536);
  for (let pass = 0; pass < 4; pass++) {
    const word = pass < 2 ? lo : hi, shift = pass % 2 === 0 ? 0 : 16;
    count.fill(0);
    for (let i = 0; i < n; i++) count[(word[i]! >>> shift) & 0xffff]! += 1;
    if (n > 0 && count[(word[0]! >>> shift) & 0xffff] === n) continue; // one digit: the order stands
    for (let d = 0, at = 0; d < 65536; d++) { const c = count[d]!; count[d] = at; at += c; }
    for (let i = 0; i < n; i++) {
      const to = count[(word[i]! >>> shift) & 0xffff]!++;
      hi2[to] = hi[i]!; lo2[to] = lo[i]!; idx2[to] = idx[i]!;
    }
    [hi, hi2] = [hi2, hi];
    [lo, lo2] = [lo2, lo];
    [idx, idx2] = [idx2, idx];
  }
  return idx;
}
