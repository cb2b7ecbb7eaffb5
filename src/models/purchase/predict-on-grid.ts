import { checkHistory, isPlainRow } from "../fitting/check-history.js";
import type { DayGrid } from "../fitting/day-grid.js";
import type { CustomerHistory } from "../fitting/model-types.js";
import { hyp2f1 } from "../../math/special/hyp2f1.js";

/**
 * The numerator of FHL 2005 eq. 10: E[Y(t)] of a customer still alive after x repeat purchases in
 * T time units, ((a+b+x−1)/(a−1)) · (1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))).
 *
 * @example
 * bgNbdHead(0.243, 4.414, 0.793, 2.426, 2, 38.86, 52); // E[Y(52)] of an alive customer with x = 2, T = 38.86
 */
export function bgNbdHead(r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  const pow = Math.pow((alpha + T) / (alpha + T + t), r + x);
  return ((a + b + x - 1) / (a - 1)) * (1 - pow * hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + T + t)));
}

/**
 * E[Y(t)] of a customer still alive after x repeat purchases in T time units (BDF 2007 App. A with
 * the Wagner & Hoppe 2008 erratum): ((a+b+x)/(a−1)) · (1 − ((α+T)/(α+T+t))^(r+x) · ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))).
 *
 * @example
 * mbgNbdHead(0.525, 6.183, 0.891, 1.614, 2, 38.86, 52); // E[Y(52)] of an alive customer with x = 2, T = 38.86
 */
export function mbgNbdHead(r: number, alpha: number, a: number, b: number, x: number, T: number, t: number): number {
  const pow = Math.pow((alpha + T) / (alpha + T + t), r + x);
  return ((a + b + x) / (a - 1)) * (1 - pow * hyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + T + t)));
}

/** The parameters of a BG/NBD-family model (r, α of the purchase rates; a, b of the dropout probability). */
export interface GridModel {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
  /**
   * 1 for BG/NBD, whose odds of having dropped out are a/(b+x−1) · ((α+T)/(α+t_x))^(r+x) for x > 0
   * and 0 at x = 0 (FHL 2005 eq. 13), with head {@link bgNbdHead}; 0 for MBG/NBD, a/(b+x) ·
   * ((α+T)/(α+t_x))^(r+x) for every x (BDF 2007 App. A eq. 5), with head {@link mbgNbdHead}.
   */
  readonly shift: 0 | 1;
}

/**
 * P(alive) = 1 / (1 + odds) and E[Y(t) | x, t_x, T] = head_x(T) / (1 + odds) of every customer,
 * on the day grid: the head once per (x, day of T), ln(α + v) once per day, so the odds cost one
 * exponential (the exponent differs from ln of the ratio by about (r+x)·1e-15, so only up to
 * x = 100 for 1e-13 relative); off the grid or beyond the tables, the direct formula. The loop has
 * no closures inside, so the optimised code is kept from one call, model and horizon to the next.
 *
 * @param model - parameters and model (BG/NBD or MBG/NBD)
 * @param grid - the day grid of the histories
 * @param customers - the histories (lengths checked)
 * @param t - the horizon (time units), used when `expected` is given
 * @param check - the caller's name when the rows are still to be checked (each as it is read,
 *   {@link checkHistory} at the first that is not plain), or null
 * @param alive - P(alive) out, one per customer, or an empty array for none
 * @param expected - E[Y(t)] out, one per customer, or null for none
 * @example
 * predictOnGrid({ r, alpha, a, b, shift: 1 }, grid, history, 52, "predict", alive, expected);
 */
export function predictOnGrid(model: GridModel, grid: DayGrid, customers: CustomerHistory, t: number, check: string | null, alive: Float64Array, expected: Float64Array | null): void {
  const { r, alpha, a, b, shift } = model;
  const { frequency, recency, T } = customers;
  const { scale, days, xCells, dayValue } = grid;
  const withAlive = alive.length > 0, minX = shift;
  const heads = expected !== null ? grid.table() : new Float64Array(0), lnA = grid.dayTable();
  for (let i = 0, n = frequency.length; i < n; i++) {
    const x = frequency[i]!, Ti = T[i]!, tx = recency[i]!;
    if (check !== null && !isPlainRow(x, tx, Ti)) {
      checkHistory(check, customers);
      check = null;
    }
    const dT = Math.round(Ti * scale);
    const onGrid = dT < days && dayValue[dT] === Ti;
    let odds = 0;
    if (x >= minX) {
      const dt = Math.round(tx * scale);
      if (x <= 100 && onGrid && dayValue[dt] === tx) {
        let LT = lnA[dT]!, Lt = lnA[dt]!;
        if (LT !== LT) LT = lnA[dT] = Math.log(alpha + Ti);
        if (Lt !== Lt) Lt = lnA[dt] = Math.log(alpha + tx);
        odds = (a / (b + x - shift)) * Math.exp((r + x) * (LT - Lt));
      } else odds = (a / (b + x - shift)) * Math.exp((r + x) * Math.log((alpha + Ti) / (alpha + tx)));
    }
    if (withAlive) alive[i] = 1 / (1 + odds);
    if (expected !== null) {
      let h: number;
      if (onGrid && x < xCells) {
        const k = x * days + dT;
        h = heads[k]!;
        if (h !== h) h = heads[k] = shift === 1 ? bgNbdHead(r, alpha, a, b, x, Ti, t) : mbgNbdHead(r, alpha, a, b, x, Ti, t);
      } else h = shift === 1 ? bgNbdHead(r, alpha, a, b, x, Ti, t) : mbgNbdHead(r, alpha, a, b, x, Ti, t);
      expected[i] = h / (1 + odds);
    }
  }
}
