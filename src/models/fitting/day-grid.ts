import { DAYS_PER_UNIT, type TimeUnit } from "../../summary/types.js";
import type { CustomerHistory } from "./model-types.js";

/** Most cells of a memo table (x by day): 1M doubles, 8 MB. */
const MAX_CELLS = 1 << 20;

/**
 * A memo table of a per-customer quantity that depends on the repeat purchases x and on one
 * duration (T or t_x) only, indexed by x and the duration's whole number of days. Durations of a
 * customer summary are whole days divided by the days of the time unit (`DAYS_PER_UNIT`), so a
 * million customers have a few thousand distinct durations and each value is computed once.
 * `key(x, v)` gives the cell, or −1 when v is not exactly a whole number of days (then the
 * caller computes the value itself): a cell is only ever shared by identical (x, v), so results
 * are bit for bit those of the direct formula.
 *
 * @example
 * const grid = dayGrid(summary.columns, "week");
 * grid?.key(2, 30 / 7); // the cell of x = 2, T = 30 days
 */
export interface DayGrid {
  /** Time units to days: v · scale is a whole number of days. */
  readonly scale: number;
  /** Cell of (x, v), or −1 when v is off the grid or x beyond the table. */
  key(x: number, v: number): number;
  /** Cells of a table: (x, day) pairs covered. */
  readonly cells: number;
  /** Days covered (0 to days − 1) and x covered by `table()` (0 to xCells − 1): cell = x · days + day. */
  readonly days: number;
  readonly xCells: number;
  /** day / scale for each day: v is on the grid at day d = round(v · scale) when dayValue[d] === v. */
  readonly dayValue: Float64Array;
  /** A fresh table of NaN (NaN = not yet computed), one cell per (x, day). */
  table(): Float64Array;
  /** The day of v (a cell of `dayTable()`), or −1 when v is off the grid. */
  dayKey(v: number): number;
  /** A fresh table of NaN, one cell per day. */
  dayTable(): Float64Array;
}

/**
 * The day grid of customer histories, or null when their durations are mostly not whole days in
 * any unit (e.g. a summary given in rounded weeks) or the table would be too large: then every
 * customer is computed directly.
 *
 * @param customers - x, t_x, T (checked)
 * @param unit - the model's time unit (tried first), or null
 * @returns the grid, or null
 * @example
 * dayGrid({ frequency: [0, 1], recency: [0, 1 / 7], T: [2 / 7, 3 / 7] }, "week")?.key(1, 3 / 7); // 1 * 4 + 3
 */
export function dayGrid(customers: CustomerHistory, unit: TimeUnit | null): DayGrid | null {
  const { frequency, T } = customers;
  const n = T.length;
  if (n === 0) return null;
  // the largest T, and rows by x (x >= 1024 together) in an evenly spaced sample of about 16,384 rows
  let maxT = 0;
  for (let i = 0; i < n; i++) if (T[i]! > maxT) maxT = T[i]!;
  const byX = new Uint32Array(1025), step = Math.max(1, Math.floor(n / 16384));
  let sampled = 0;
  for (let i = 0; i < n; i += step, sampled++) byX[Math.min(frequency[i]!, 1024)]!++;
  const candidates = [...new Set([...(unit ? [DAYS_PER_UNIT[unit]] : []), DAYS_PER_UNIT.week, DAYS_PER_UNIT.day, DAYS_PER_UNIT.month])];
  const probe = Math.min(n, 64);
  // the unit whose days fit most of a sample of T (customers off the grid are computed directly)
  const scale = candidates.find((s) => {
    let on = 0;
    for (let i = 0; i < probe; i++) {
      const v = T[(i * 7919) % n]!;
      if (Math.round(v * s) / s === v) on++;
    }
    return on >= probe / 2;
  });
  if (scale === undefined) return null;
  const days = Math.round(maxT * scale) + 1;
  if (!(days <= MAX_CELLS)) return null;
  // The table covers x up to where all but 1 in 1,000 customers are; the rare heavy buyers
  // beyond it are computed directly (so that many small tables stay cheap to allocate).
  let xCells = 1, above = sampled - byX[0]!;
  while (xCells < 1024 && above > sampled / 1000) above -= byX[xCells++]!;
  xCells = Math.min(xCells, Math.floor(MAX_CELLS / days));
  const dayValue = Float64Array.from({ length: days }, (_, d) => d / scale);
  return {
    scale,
    cells: xCells * days,
    days,
    xCells,
    dayValue,
    key(x: number, v: number): number {
      const d = Math.round(v * scale);
      return x < xCells && d >= 0 && d < days && dayValue[d] === v ? x * days + d : -1;
    },
    table: () => new Float64Array(xCells * days).fill(NaN),
    dayKey(v: number): number {
      const d = Math.round(v * scale);
      return d >= 0 && d < days && dayValue[d] === v ? d : -1;
    },
    dayTable: () => new Float64Array(days).fill(NaN),
  };
}
