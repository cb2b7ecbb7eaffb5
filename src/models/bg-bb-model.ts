import { lnBeta, lnGamma } from "../math/special-functions.js";
import { bgBbHistory, type BgBbHistory } from "./bg-bb-history.js";
import { bgBbLogLikelihood } from "./bg-bb-log-likelihood.js";
import { simulateBgBb, type SimulatedBgBbHistory } from "./bg-bb-simulate.js";
import { fittedModelBase, knownParamsStatistics, type FitStatistics } from "./fitted-model-base.js";
import type { FittedModel } from "./model-types.js";
import { ArgumentError } from "../math/argument-error.js";

/** BG/BB parameters (Fader, Hardie & Shang 2010): transaction probability p ~ Beta(α, β), dropout θ ~ Beta(γ, δ). */
export interface BgBbParams extends Record<string, number> {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
  readonly delta: number;
}

/** A fitted (or given) BG/BB model; time is counted in transaction opportunities (periods). */
export interface BgBbModel extends FittedModel<BgBbParams> {
  /** P(alive at opportunity n + future | x, t_x, n) for each customer (FHS 2010 eq. 11 for future = 1). */
  probabilityAlive(customers: BgBbHistory, future?: number): Float64Array;
  /** E[X(n, n + n*) | x, t_x, n]: expected transactions in the next n* opportunities (FHS 2010 eq. 13). */
  conditionalExpectedPurchases(customers: BgBbHistory, nStar: number): Float64Array;
  /** E[X(n)]: expected transactions of a new customer in the first n opportunities (FHS 2010 eq. 8). */
  expectedPurchases(n: number): number;
  /** P(X(n) = x): probability of x transactions in the first n opportunities (FHS 2010 eq. 7). */
  probabilityOfPurchases(x: number, n: number): number;
  /** Draws `nCustomers` histories over `periods` opportunities, seeded. */
  simulate(nCustomers: number, periods: number | ArrayLike<number>, seed: number): SimulatedBgBbHistory;
  /** The same model with other parameter values (no fit statistics). */
  withParams(params: BgBbParams): BgBbModel;
}

/** The BG/BB parameter names in the order of FHS 2010 (and of the optimiser and the JSON). */
export const BG_BB_NAMES = ["alpha", "beta", "gamma", "delta"] as const;

/**
 * Builds the frozen BG/BB model object (predictions of Fader, Hardie & Shang 2010, Marketing
 * Science 29(6), eqs. 7, 8, 11 and 13) from parameters and fit statistics. Used by `fitBgBb`,
 * `bgBbFromParams` and `bgBbFromJson`; it does not check the parameters.
 *
 * The sums Σ_{t=n+1}^{n+n*} B(γ, δ+t)/B(γ, δ) (expected opportunities alive) use the closed form
 * δ/(γ−1)·Γ(γ+δ)/Γ(1+δ)·[Γ(1+δ+n)/Γ(γ+δ+n) − Γ(1+δ+n+n*)/Γ(γ+δ+n+n*)] of eqs. 8 and 13, and
 * the terms themselves when γ is within 1e-4 of 1 (where the closed form is 0/0).
 *
 * @param params - alpha, beta, gamma, delta (all > 0)
 * @param stats - fit statistics (`knownParamsStatistics()` for given values)
 * @returns the frozen model
 * @throws nothing itself; its methods throw RangeError for invalid histories or horizons
 * @example
 * bgBbModel({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, knownParamsStatistics()).expectedPurchases(6); // 2.22 donations in 6 years
 */
export function bgBbModel(params: BgBbParams, stats: FitStatistics): BgBbModel {
  const { alpha, beta, gamma, delta } = params;
  const base = fittedModelBase<BgBbParams>("bg-bb", BG_BB_NAMES, params, stats);
  const lnBab = lnBeta(alpha, beta), lnBgd = lnBeta(gamma, delta);
  /** Σ_{t=n+1}^{n+m} P(alive at t) for a new customer: E[(1−θ)^t] = B(γ, δ+t)/B(γ, δ). */
  const aliveOpportunities = (n: number, m: number): number => {
    if (m === 0) return 0;
    if (Math.abs(gamma - 1) > 1e-4) {
      const head = Math.exp(lnGamma(1 + delta + n) - lnGamma(gamma + delta + n));
      const tail = Math.exp(lnGamma(1 + delta + n + m) - lnGamma(gamma + delta + n + m));
      return (delta / (gamma - 1)) * Math.exp(lnGamma(gamma + delta) - lnGamma(1 + delta)) * (head - tail);
    }
    let s = Math.exp(lnBeta(gamma, delta + n) - lnBgd), sum = 0;
    for (let t = n + 1; t <= n + m; t++) sum += (s *= (delta + t - 1) / (gamma + delta + t - 1));
    return sum;
  };
  const perCustomer = (fn: string, customers: BgBbHistory, f: (x: number, tx: number, n: number, lnL: number) => number): Float64Array => {
    const h = bgBbHistory(`bg-bb ${fn}`, customers);
    const one = Float64Array.of(1);
    return Float64Array.from(h.frequency, (x, i) => {
      const tx = h.recency[i]!, n = h.periods[i]!;
      const lnL = bgBbLogLikelihood(alpha, beta, gamma, delta, [x], [tx], [n], one);
      return f(x, tx, n, lnL);
    });
  };
  const checkWhole = (fn: string, name: string, v: number, min: number): void => {
    if (!(Number.isInteger(v) && v >= min)) throw new ArgumentError(`bg-bb ${fn}: ${name} ${v} must be a whole number >= ${min}`);
  };
  const model: BgBbModel = {
    ...base,
    probabilityAlive(customers: BgBbHistory, future = 1): Float64Array {
      checkWhole("probabilityAlive", "future", future, 0);
      return perCustomer("probabilityAlive", customers, (x, _tx, n, lnL) =>
        Math.exp(lnBeta(alpha + x, beta + n - x) - lnBab + lnBeta(gamma, delta + n + future) - lnBgd - lnL));
    },
    conditionalExpectedPurchases(customers: BgBbHistory, nStar: number): Float64Array {
      checkWhole("conditionalExpectedPurchases", "nStar", nStar, 0);
      return perCustomer("conditionalExpectedPurchases", customers, (x, _tx, n, lnL) =>
        Math.exp(lnBeta(alpha + x + 1, beta + n - x) - lnBab - lnL) * aliveOpportunities(n, nStar));
    },
    expectedPurchases(n: number): number {
      checkWhole("expectedPurchases", "n", n, 0);
      return (alpha / (alpha + beta)) * aliveOpportunities(0, n);
    },
    probabilityOfPurchases(x: number, n: number): number {
      checkWhole("probabilityOfPurchases", "x", x, 0);
      checkWhole("probabilityOfPurchases", "n", n, 0);
      if (x > n) return 0;
      const lnChoose = (a: number, b: number): number => lnGamma(a + 1) - lnGamma(b + 1) - lnGamma(a - b + 1);
      let p = Math.exp(lnChoose(n, x) + lnBeta(alpha + x, beta + n - x) - lnBab + lnBeta(gamma, delta + n) - lnBgd);
      for (let i = x; i < n; i++) {
        p += Math.exp(lnChoose(i, x) + lnBeta(alpha + x, beta + i - x) - lnBab + lnBeta(gamma + 1, delta + i) - lnBgd);
      }
      return p;
    },
    simulate(nCustomers: number, periods: number | ArrayLike<number>, seed: number): SimulatedBgBbHistory {
      return simulateBgBb(params, nCustomers, periods, seed);
    },
    withParams(p: BgBbParams): BgBbModel {
      return bgBbModel(p, knownParamsStatistics(stats.timeUnit));
    },
  };
  return Object.freeze(model);
}
