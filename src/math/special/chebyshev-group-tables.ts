import { chebyshevInterpolant, type ChebyshevOptions, type ChebyshevPiecewise } from "./chebyshev-interpolant.js";

/**
 * Flat tables of per-group piecewise Chebyshev interpolants, laid out for a tight evaluation loop.
 * `groups` holds 4 numbers a group: left end, cells per unit of the variable, first cell, cells
 * (0: evaluate f). `cells` holds 4 numbers a cell: center, inverse half-width, offset of c₀ in
 * `coefficients`, degree; a degree of −1 means evaluate f, −2 means the cell was split
 * adaptively: use `split[cell]`.
 */
export interface ChebyshevGroupTables {
  readonly groups: Float64Array;
  readonly cells: Float64Array;
  readonly coefficients: Float64Array;
  readonly split: ReadonlyMap<number, ChebyshevPiecewise>;
}

/** Options of {@link chebyshevGroupTables}. */
export interface ChebyshevGroupOptions extends ChebyshevOptions {
  /** Groups with fewer rows are evaluated exactly (default 64). */
  readonly minGroupSize?: number;
  /** Most equal cells a group's range is cut into (a power of two, default 16). */
  readonly maxCells?: number;
}

/**
 * Builds, for each group g with at least `minGroupSize` rows, an interpolant of f(g, ·) on
 * [lo[g], hi[g]] ({@link chebyshevInterpolant}): the range is cut into equal cells (a power of two,
 * up to `maxCells`, at least 68 rows a cell, so that a cell is found by one multiplication and its
 * polynomial stays short), each fitted adaptively with at most as many evaluations of f as the
 * cell has rows on average.
 *
 * @param count - rows of each group (index = group)
 * @param lo - smallest value of each group (units of the variable)
 * @param hi - largest value of each group
 * @param f - the function f(group, value), smooth in value and without zeros on each range
 * @param options - tolerance and limits
 * @returns the frozen tables
 * @throws ArgumentError when a range is not finite (from {@link chebyshevInterpolant})
 * @example
 * chebyshevGroupTables([100], [0], [1], (g, v) => Math.exp(v)).cells.length; // 4 (one cell)
 */
export function chebyshevGroupTables(
  count: ArrayLike<number>, lo: ArrayLike<number>, hi: ArrayLike<number>, f: (group: number, value: number) => number, options: ChebyshevGroupOptions = {},
): ChebyshevGroupTables {
  const minGroup = Math.max(1, options.minGroupSize ?? 64), maxCells = options.maxCells ?? 16;
  const groups = new Float64Array(4 * count.length), cells: number[] = [], coefficients: number[] = [];
  const split = new Map<number, ChebyshevPiecewise>();
  for (let g = 0; g < count.length; g++) {
    const rows = count[g]!, a0 = lo[g]!, b0 = hi[g]!;
    if (rows < minGroup) continue;
    const m = groupCells(rows, a0, b0, maxCells);
    groups.set([a0, b0 > a0 ? m / (b0 - a0) : 0, cells.length / 4, m], 4 * g);
    for (let c = 0; c < m; c++) {
      const p = groupCellInterpolant(f, g, rows, a0, b0, m, c, options);
      if (p.degrees.length > 1) {
        split.set(cells.length / 4, p);
        cells.push(0, 0, 0, -2);
      } else {
        cells.push(p.centers[0]!, p.inverseHalfWidths[0]!, coefficients.length, p.degrees[0]!);
        for (const v of p.coefficients) coefficients.push(v);
      }
    }
  }
  return Object.freeze({ groups, cells: Float64Array.from(cells), coefficients: Float64Array.from(coefficients), split });
}

/**
 * The number of equal cells a group's range is cut into by {@link chebyshevGroupTables}: a power
 * of two up to `maxCells`, with at least 68 rows a cell.
 *
 * @param rows - the group's rows
 * @param lo - smallest value
 * @param hi - largest value
 * @param maxCells - most cells (a power of two)
 * @returns the cells (1 when lo = hi)
 * @example
 * groupCells(1000, 0, 1, 16); // 4
 */
export function groupCells(rows: number, lo: number, hi: number, maxCells: number): number {
  let m = 1;
  while (2 * m <= maxCells && 2 * m * 68 <= rows && hi > lo) m *= 2;
  return m;
}

/**
 * The interpolant of cell c (of m) of group g, as {@link chebyshevGroupTables} builds it: on
 * [lo + (hi − lo)·c/m, lo + (hi − lo)·(c+1)/m] (the ends exactly lo and hi), with at most as many
 * evaluations of f as the cell has rows on average.
 *
 * @example
 * groupCellInterpolant((g, v) => Math.exp(v), 0, 1000, 0, 1, 4, 2, {}).degrees[0]; // a short series on [0.5, 0.75]
 */
export function groupCellInterpolant(
  f: (group: number, value: number) => number, g: number, rows: number, lo: number, hi: number, m: number, c: number, options: ChebyshevOptions,
): ChebyshevPiecewise {
  const a = c === 0 ? lo : lo + ((hi - lo) * c) / m, b = c === m - 1 ? hi : lo + ((hi - lo) * (c + 1)) / m;
  return chebyshevInterpolant((v) => f(g, v), a, b, { maxEvaluations: Math.ceil(rows / m), ...options });
}
