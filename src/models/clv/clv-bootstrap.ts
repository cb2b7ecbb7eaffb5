import { ArgumentError } from "../../math/argument-error.js";
import type { CustomerHistory, ModelParams, PurchaseModel } from "../fitting/model-types.js";
import { gammaGammaConditionalSpend, type GammaGammaParams } from "../spend/gamma-gamma.js";
import { percentileInterval } from "./clv-kernel.js";

/** What {@link clvBootstrap} takes: the models' parameter draws and the customers by pattern. */
export interface ClvBootstrapInput<P extends ModelParams> {
  readonly purchaseModel: PurchaseModel<P>;
  /** Parameter vectors of the purchase model, one per draw. */
  readonly purchaseDraws: readonly P[];
  /** Parameter vectors of the Gamma-Gamma model, as many as `purchaseDraws`. */
  readonly spendDraws: readonly GammaGammaParams[];
  /** The customers' unique (x, t_x, T) patterns. */
  readonly patterns: CustomerHistory;
  /** Pattern of each customer. */
  readonly rowPattern: Uint32Array;
  /** x and zbar of each customer (zbar in money). */
  readonly frequency: ArrayLike<number>;
  readonly monetaryValue: ArrayLike<number>;
  /** H periods of length L (model time units), discount rate d per period, margin (share of spend). */
  readonly horizonPeriods: number;
  readonly periodLength: number;
  readonly discountRatePerPeriod: number;
  readonly margin: number;
  /** Interval level, in (0, 1). */
  readonly level: number;
}

/** Lower and upper CLV bounds of some customers, in the data's currency. */
export interface ClvBounds {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** The CLV bootstrap of {@link clvBootstrap}: the bounds of all customers, or of a few. */
export interface ClvBootstrap {
  /** Bounds of every customer (about draws × (patterns + customers) operations). */
  all(): ClvBounds;
  /** Bounds of the given customers (indices), in that order: the same values as `all()` gives them. */
  rows(rows: ArrayLike<number>): ClvBounds;
}

/**
 * The parametric-bootstrap CLV interval of every customer or of chosen ones: under draw k the
 * customer's CLV is margin · E_k[M | x, zbar] · D_k(pattern), with D_k the purchase model's
 * discounted purchases under the k-th parameter vector (evaluated once per unique (x, t_x, T)
 * pattern: for all patterns, or only for the patterns of the chosen customers, with the same
 * values, see {@link PurchaseModel.discountedExpectedPurchases}), and the bounds are the
 * (1−level)/2 and (1+level)/2 percentiles over the draws ({@link percentileInterval}). Asking for
 * the customers a report lists costs draws × their patterns instead of draws × all patterns.
 *
 * @param input - models, draws, customers by pattern, horizon and level
 * @returns the bootstrap
 * @example
 * const boot = clvBootstrap({ purchaseModel, purchaseDraws, spendDraws, patterns, rowPattern, frequency, monetaryValue,
 *   horizonPeriods: 12, periodLength: 4.35, discountRatePerPeriod: 0.008, margin: 1, level: 0.9 });
 * boot.rows([0, 5]).lower; // the 5 % bounds of customers 0 and 5
 */
export function clvBootstrap<P extends ModelParams>(input: ClvBootstrapInput<P>): ClvBootstrap {
  const { purchaseModel, purchaseDraws, spendDraws, patterns, rowPattern, frequency, monetaryValue, margin, level } = input;
  const H = input.horizonPeriods, L = input.periodLength, d = input.discountRatePerPeriod;
  const draws = purchaseDraws.length, n = rowPattern.length;
  const sp = Float64Array.from(spendDraws, (v) => v.p), sq = Float64Array.from(spendDraws, (v) => v.q), sg = Float64Array.from(spendDraws, (v) => v.gamma);
  const column = new Float64Array(draws), bounds = new Float64Array(2);
  // One customer's bounds from its pattern's discounted purchases under every draw (byPattern[base + k]).
  const bound = (i: number, byPattern: Float64Array, base: number): void => {
    const x = frequency[i]!, z = monetaryValue[i]!;
    for (let k = 0; k < draws; k++) column[k] = margin * gammaGammaConditionalSpend(sp[k]!, sq[k]!, sg[k]!, x, z) * byPattern[base + k]!;
    percentileInterval(column, level, bounds);
  };
  // D_k of the given patterns (all when null), pattern-major: one pattern's draws side by side.
  const discountedByDraw = (which: Uint32Array | null): Float64Array => {
    const m = which === null ? patterns.frequency.length : which.length;
    const out = new Float64Array(m * draws);
    const options = which === null ? { total: false } : { rows: which, total: false };
    for (let k = 0; k < draws; k++) {
      const discounted = purchaseModel.withParams(purchaseDraws[k]!).discountedExpectedPurchases(patterns, H, L, d, options).discounted;
      // (a model that evaluates all rows whatever `rows` says is read at the rows' indices)
      const direct = which === null || discounted.length === m;
      for (let j = 0; j < m; j++) out[j * draws + k] = discounted[direct ? j : which[j]!]!;
    }
    return out;
  };
  return {
    all() {
      const byPattern = discountedByDraw(null);
      const lower = new Float64Array(n), upper = new Float64Array(n);
      // Customers without repeat purchases have the same spend in every draw whatever their zbar:
      // their interval is one per pattern.
      const P = patterns.frequency.length;
      const zeroLower = new Float64Array(P).fill(NaN), zeroUpper = new Float64Array(P);
      for (let i = 0; i < n; i++) {
        const p = rowPattern[i]!, x = frequency[i]!;
        if (x === 0 && zeroLower[p] === zeroLower[p]) {
          lower[i] = zeroLower[p]!;
          upper[i] = zeroUpper[p]!;
          continue;
        }
        bound(i, byPattern, p * draws);
        lower[i] = bounds[0]!;
        upper[i] = bounds[1]!;
        if (x === 0) {
          zeroLower[p] = bounds[0]!;
          zeroUpper[p] = bounds[1]!;
        }
      }
      return { lower, upper };
    },
    rows(rows) {
      for (let j = 0; j < rows.length; j++) {
        const i = rows[j]!;
        if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new ArgumentError(`clvBootstrap: row ${i} is not a customer index from 0 to ${n - 1}`);
      }
      const which = Uint32Array.from(new Set(Array.from(rows, (i) => rowPattern[i]!))).sort();
      const slot = new Map<number, number>();
      which.forEach((p, j) => slot.set(p, j));
      const byPattern = discountedByDraw(which);
      const lower = new Float64Array(rows.length), upper = new Float64Array(rows.length);
      for (let j = 0; j < rows.length; j++) {
        const i = rows[j]!;
        bound(i, byPattern, slot.get(rowPattern[i]!)! * draws);
        lower[j] = bounds[0]!;
        upper[j] = bounds[1]!;
      }
      return { lower, upper };
    },
  };
}
