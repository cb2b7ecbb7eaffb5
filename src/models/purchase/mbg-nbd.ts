import { createRng } from "../../math/random/rng.js";
import { hyp2f1 } from "../../math/special/hyp2f1.js";
import { lnBeta, lnGamma } from "../../math/special/special-functions.js";
import { checkHistory, checkHistoryLengths } from "../fitting/check-history.js";
import { isTrustedHistory } from "../fitting/trusted-history.js";
import { mbgNbdHead, predictOnGrid } from "./predict-on-grid.js";
import { dayGrid } from "../fitting/day-grid.js";
import { fitPurchaseModel } from "./fit-purchase-model.js";
import { fitStatistics, fittedModelBase, knownParams, knownParamsStatistics, readModelJson, type FitStatistics } from "../fitting/fitted-model-base.js";
import { mbgNbdLogLikelihood } from "./mbg-nbd-log-likelihood.js";
import type { CustomerHistory, DiscountedPurchases, DiscountedPurchasesOptions, FitOptions, PurchaseModel, PurchasePredictions, SimulatedHistory } from "../fitting/model-types.js";
import { checkPeriods, dayMemo, discountedByHead, type ByDay, type DayMemo } from "./predict-by-day.js";
import { ArgumentError } from "../../math/argument-error.js";

export { mbgNbdLogLikelihood } from "./mbg-nbd-log-likelihood.js";

/**
 * MBG/NBD parameters (Batislam, Denizel & Filiztekin 2007): λ ~ Gamma(r, α) purchases per time
 * unit, dropout probability p ~ Beta(a, b) at the first purchase and after each repeat purchase.
 */
export interface MbgNbdParams extends Record<string, number> {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** A fitted (or given) MBG/NBD model. */
export type MbgNbdModel = PurchaseModel<MbgNbdParams>;

const NAMES = ["r", "alpha", "a", "b"] as const;

/**
 * Fits the MBG/NBD model of Batislam, Denizel & Filiztekin (2007), "Empirical validation and
 * comparison of models for customer base analysis", IJRM 24(3) (the "central variant" of Hoppe &
 * Wagner 2007), by maximum likelihood (their Appendix A likelihood, as in BTYDplus and lifetimes) on the unique (x, t_x, T) patterns,
 * with an analytic gradient on log-parameters.
 *
 * @param customers - frequency x, recency t_x, T in one time unit (and optional weights)
 * @param options - weights, penalizer, initial parameters, iteration limit, time unit
 * @returns the frozen fitted model
 * @throws ArgumentError for invalid histories; ConvergenceError when the fit does not converge
 * @example
 * const m = fitMbgNbd(cdnowSummary, { timeUnit: "week" });
 * m.params; // { r: 0.5248, alpha: 6.1830, a: 0.8914, b: 1.6140 } (BTYDplus: 0.525, 6.183, 0.891, 1.614)
 * m.logLikelihood; // -9582.13
 */
export function fitMbgNbd(customers: CustomerHistory, options: FitOptions = {}): MbgNbdModel {
  const { fit, nCustomers } = fitPurchaseModel(
    "fitMbgNbd", "mbg-nbd", NAMES,
    ([r, alpha, a, b], x, tx, T, w, g) => mbgNbdLogLikelihood(r!, alpha!, a!, b!, x, tx, T, w, g),
    (meanT) => [[1, meanT, 1, 1], [0.1, 1, 0.5, 0.5], [1, 10, 2, 5]],
    customers, options,
  );
  return makeMbgNbd(fit.params as MbgNbdParams, fitStatistics(fit, nCustomers, options.timeUnit ?? null));
}

/**
 * An MBG/NBD model from known parameters (no fit statistics), e.g. the BTYDplus CDNOW values.
 *
 * @param params - r, alpha (per time unit of the data), a, b
 * @param timeUnit - the time unit the rates refer to (default null: unknown)
 * @throws ArgumentError when a parameter is missing or not positive
 * @example
 * mbgNbdFromParams({ r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }).probabilityAlive({ frequency: [0], recency: [0], T: [39] })[0]; // ≈ 0.389 (BG/NBD: 1)
 */
export function mbgNbdFromParams(params: MbgNbdParams, timeUnit: FitStatistics["timeUnit"] = null): MbgNbdModel {
  return makeMbgNbd(knownParams("mbgNbdFromParams", NAMES, params), knownParamsStatistics(timeUnit));
}

/**
 * An MBG/NBD model back from its `toJSON()` form.
 *
 * @param json - the parsed JSON of a model
 * @throws TypeError when the JSON is not an MBG/NBD model of schema version 1
 * @example
 * mbgNbdFromJson(JSON.parse(JSON.stringify(model))).params.r === model.params.r; // true
 */
export function mbgNbdFromJson(json: unknown): MbgNbdModel {
  const { params, stats } = readModelJson(json, "mbg-nbd", NAMES);
  return makeMbgNbd(params as MbgNbdParams, stats);
}


function makeMbgNbd(params: MbgNbdParams, stats: FitStatistics): MbgNbdModel {
  const { r, alpha, a, b } = params;
  // BDF 2007 App. A eq. (5): P(alive) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)), < 1 also at x = 0.
  // The power as exp(log): Math.pow is twice as slow.
  const aliveOdds = (x: number, tx: number, T: number): number => (a / (b + x)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx)));
  // BDF 2007 Appendix A as corrected by Wagner & Hoppe (2008, IJRM 25(3) erratum): alive customers have
  // p ~ Beta(a, b+x+1), λ ~ Gamma(r+x, α+T). The head is smooth in T: one Chebyshev interpolant per x,
  // each distinct (x, whole days of T) evaluated once.
  const headByDay = (memo: DayMemo, t: number): ByDay => memo.smoothInT((x, Ti) => mbgNbdHead(r, alpha, a, b, x, Ti, t));
  // E[Y(t) | x, t_x, T] = head_x(T) / (1 + odds) and P(alive) = 1 / (1 + odds) in one pass; t null: P(alive) only.
  // Unless trusted, the rows are checked as they are read (predictOnGrid), or all first off the grid.
  const predict = (fn: string, customers: CustomerHistory, t: number | null, withAlive: boolean) => {
    const n = checkHistoryLengths(fn, customers);
    const { frequency, recency, T } = customers;
    const probabilityAlive = new Float64Array(withAlive ? n : 0);
    const expectedPurchases = new Float64Array(t === null ? 0 : n);
    const withHead = t !== null && t !== 0;
    const grid = dayGrid(customers, stats.timeUnit);
    if (grid === null) {
      checkHistory(fn, customers); // before the interpolants are sized by the columns
      const head = withHead ? headByDay(dayMemo(customers, stats.timeUnit), t) : null;
      for (let i = 0; i < n; i++) {
        const x = frequency[i]!;
        const odds = aliveOdds(x, recency[i]!, T[i]!);
        if (withAlive) probabilityAlive[i] = 1 / (1 + odds);
        if (head !== null) expectedPurchases[i] = head(x, T[i]!) / (1 + odds);
      }
      return { probabilityAlive, expectedPurchases };
    }
    predictOnGrid({ r, alpha, a, b, shift: 0 }, grid, customers, t ?? 0, isTrustedHistory(customers) ? null : fn, probabilityAlive, withHead ? expectedPurchases : null);
    return { probabilityAlive, expectedPurchases };
  };
  const model: MbgNbdModel = {
    ...fittedModelBase<MbgNbdParams>("mbg-nbd", NAMES, params, stats),
    expectedPurchases(t: number): number {
      if (!(t >= 0) || !Number.isFinite(t)) throw new ArgumentError(`mbg-nbd expectedPurchases: t ${t} must be >= 0`);
      if (t === 0) return 0;
      // BDF 2007 Appendix A: E[X(t)] = b/(a−1) · [1 − (α/(α+t))^r ₂F₁(r, b+1; a+b; t/(α+t))]
      return (b / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b + 1, a + b, t / (alpha + t)));
    },
    conditionalExpectedPurchases(customers: CustomerHistory, t: number): Float64Array {
      if (!(t >= 0) || !Number.isFinite(t)) throw new ArgumentError(`mbg-nbd conditionalExpectedPurchases: t ${t} must be >= 0`);
      return predict("mbg-nbd conditionalExpectedPurchases", customers, t, false).expectedPurchases;
    },
    probabilityAlive(customers: CustomerHistory): Float64Array {
      return predict("mbg-nbd probabilityAlive", customers, null, true).probabilityAlive;
    },
    predict(customers: CustomerHistory, t: number): PurchasePredictions {
      if (!(t >= 0) || !Number.isFinite(t)) throw new ArgumentError(`mbg-nbd predict: t ${t} must be >= 0`);
      const { probabilityAlive, expectedPurchases } = predict("mbg-nbd predict", customers, t, true);
      return { probabilityAlive, expectedPurchases };
    },
    discountedExpectedPurchases(customers: CustomerHistory, horizonPeriods: number, periodLength: number, discountRatePerPeriod: number, options?: DiscountedPurchasesOptions): DiscountedPurchases {
      const fn = "mbg-nbd discountedExpectedPurchases";
      checkHistory(fn, customers);
      const H = checkPeriods(fn, horizonPeriods, periodLength, discountRatePerPeriod);
      const { frequency, recency, T } = customers;
      return discountedByHead(dayMemo(customers, stats.timeUnit), customers, H, periodLength, discountRatePerPeriod,
        (x, Ti, t) => mbgNbdHead(r, alpha, a, b, x, Ti, t),
        (i) => 1 + aliveOdds(frequency[i]!, recency[i]!, T[i]!),
        options);
    },
    probabilityOfPurchases(n: number, t: number): number {
      if (!(Number.isInteger(n) && n >= 0)) throw new ArgumentError(`mbg-nbd probabilityOfPurchases: n ${n} must be a whole number >= 0`);
      if (!(t > 0) || !Number.isFinite(t)) throw new ArgumentError(`mbg-nbd probabilityOfPurchases: t ${t} must be > 0`);
      // Alive through n+1 coin flips with NBD count n, or dropped out at the (n+1)-th flip with count >= n.
      const lnBab = lnBeta(a, b);
      const lnQ = Math.log(alpha / (alpha + t)), lnP = Math.log(t / (alpha + t));
      const lnTerm = (j: number): number => lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnQ + j * lnP;
      let cum = 0;
      for (let j = 0; j < n; j++) cum += Math.exp(lnTerm(j));
      return Math.exp(lnBeta(a, b + n + 1) - lnBab + lnTerm(n)) + Math.exp(lnBeta(a + 1, b + n) - lnBab) * Math.max(0, 1 - cum);
    },
    simulate(n: number, T: number | ArrayLike<number>, seed: number): SimulatedHistory {
      return simulateMbgNbd(params, n, T, seed);
    },
    withParams(p: MbgNbdParams): MbgNbdModel {
      return makeMbgNbd(p, knownParamsStatistics(stats.timeUnit));
    },
  };
  return Object.freeze(model);
}

/**
 * Draws customer histories from the MBG/NBD process (Batislam, Denizel & Filiztekin 2007, §2):
 * λ ~ Gamma(r, rate α), p ~ Beta(a, b); the customer drops out with probability p right at the
 * first purchase (time 0) and after each repeat purchase; purchases arrive at rate λ while alive.
 * Seeded: the same seed gives the same histories.
 *
 * @param params - r, alpha, a, b
 * @param n - customers
 * @param T - observation length, one value or one per customer (time units of alpha)
 * @param seed - seed of the random stream
 * @returns frequency, recency and T per customer
 * @throws ArgumentError when n is not a whole number >= 0 or T has fewer than n values
 * @example
 * simulateMbgNbd({ r: 0.5, alpha: 6, a: 0.9, b: 1.6 }, 1000, 39, 1).frequency.length; // 1000
 */
export function simulateMbgNbd(params: MbgNbdParams, n: number, T: number | ArrayLike<number>, seed: number): SimulatedHistory {
  if (!(Number.isInteger(n) && n >= 0)) throw new ArgumentError(`simulateMbgNbd: n ${n} must be a whole number >= 0`);
  if (typeof T !== "number" && T.length < n) throw new ArgumentError(`simulateMbgNbd: ${T.length} values of T for ${n} customers`);
  const rng = createRng(seed);
  const frequency = new Float64Array(n), recency = new Float64Array(n), ages = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const Ti = typeof T === "number" ? T : T[i]!;
    const lambda = rng.gamma(params.r, 1 / params.alpha);
    const p = rng.beta(params.a, params.b);
    let t = 0, x = 0, last = 0;
    while (rng.uniform() >= p) {
      t += rng.exponential(lambda);
      if (t > Ti) break;
      x++;
      last = t;
    }
    frequency[i] = x;
    recency[i] = last;
    ages[i] = Ti;
  }
  return Object.freeze({ frequency, recency, T: ages });
}
