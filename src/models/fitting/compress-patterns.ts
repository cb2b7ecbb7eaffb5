import { ArgumentError } from "../../math/argument-error.js";
/**
 * Groups identical rows of several numeric columns into unique patterns with counts, so that a
 * likelihood is evaluated once per pattern (identical customers cost nothing). Row weights, when
 * given, are summed. Patterns keep the order of their first row. Uses an open-addressing hash
 * table over the values' bits (about 50 ms for a million rows of three columns).
 *
 * @param columns - the columns, all of the same length (e.g. frequency, recency, T)
 * @param weights - optional weight per row (default 1)
 * @returns the unique rows by column, their total weights, and the pattern of each row
 * @throws ArgumentError when the columns differ in length or a weight is negative or not finite
 * @example
 * compressPatterns([[0, 0, 1], [0, 0, 2]]); // { columns: [[0, 1], [0, 2]], weights: [2, 1] }
 */
export function compressPatterns(
  columns: readonly ArrayLike<number>[],
  weights?: ArrayLike<number>,
): { columns: Float64Array[]; weights: Float64Array; rowPattern: Uint32Array } {
  const n = columns[0]?.length ?? 0;
  for (const c of columns) {
    if (c.length !== n) throw new ArgumentError(`compressPatterns: columns differ in length (${c.length} and ${n})`);
  }
  if (weights && weights.length !== n) throw new ArgumentError(`compressPatterns: ${weights.length} weights for ${n} rows`);
  const k = columns.length;
  const cols = columns.map((c) => (c instanceof Float64Array ? c : Float64Array.from(c)));
  const bits = cols.map((c) => new Uint32Array(c.buffer, c.byteOffset, 2 * n));
  let size = 16;
  while (size < 2 * n) size *= 2;
  const slots = new Int32Array(size).fill(-1); // pattern index per slot
  const firstRow = new Int32Array(n);
  const total = new Float64Array(n);
  const rowPattern = new Uint32Array(n);
  let patterns = 0;
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new ArgumentError(`compressPatterns: weight ${w} of row ${i} is not a finite number >= 0`);
    let h = 0x811c9dc5;
    for (let j = 0; j < k; j++) {
      const v = cols[j]![i]!;
      const b = bits[j]!;
      const lo = v === 0 ? 0 : b[2 * i]!; // +0 and -0 hash alike
      const hi = v === 0 ? 0 : b[2 * i + 1]!;
      h = Math.imul(h ^ lo, 0x01000193);
      h = Math.imul(h ^ hi, 0x01000193);
    }
    let slot = (h ^ (h >>> 15)) & (size - 1);
    for (;;) {
      const p = slots[slot]!;
      if (p < 0) {
        slots[slot] = patterns;
        firstRow[patterns] = i;
        total[patterns] = w;
        rowPattern[i] = patterns;
        patterns++;
        break;
      }
      if (sameRow(cols, firstRow[p]!, i)) {
        total[p] = total[p]! + w;
        rowPattern[i] = p;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
  }
  const out = cols.map((c) => {
    const u = new Float64Array(patterns);
    for (let p = 0; p < patterns; p++) u[p] = c[firstRow[p]!]!;
    return u;
  });
  return { columns: out, weights: total.slice(0, patterns), rowPattern };
}

function sameRow(cols: readonly Float64Array[], a: number, b: number): boolean {
  for (const c of cols) if (c[a] !== c[b]) return false;
  return true;
}
