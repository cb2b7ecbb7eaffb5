import { createRng } from "../../math/random/rng.js";
import { logAddExp } from "../../math/special/special-functions.js";
import { checkHistory } from "../fitting/check-history.js";
import { fitPurchaseModel } from "./fit-purchase-model.js";
import { fitStatistics, fittedModelBase, knownParams, knownParamsStatistics, readModelJson, type FitStatistics } from "../fitting/fitted-model-base.js";
import type { CustomerHistory, DiscountedPurchases, DiscountedPurchasesOptions, FitOptions, PurchaseModel, PurchasePredictions, SimulatedHistory } from "../fitting/model-types.js";
import { checkPeriods, dayMemo, discountRows, type DayMemo } from "./predict-by-day.js";
import { paretoNbdLogA0FromTerms, paretoNbdLogA0Term, paretoNbdLogLikelihood } from "./pareto-nbd-log-likelihood.js";
import { paretoNbdProbabilityOfPurchases } from "./pareto-nbd-probability-of-purchases.js";
import { ArgumentError } from "../../math/argument-error.js";

export { paretoNbdLogLikelihood } from "./pareto-nbd-log-likelihood.js";

/**
 * Pareto/NBD parameters (Schmittlein, Morrison & Colombo 1987): purchase rate λ ~ Gamma(r, rate α)
 * and dropout rate μ ~ Gamma(s, rate β), both per time unit (α and β in time units).
 */
export interface ParetoNbdParams extends Record<string, number> {
  readonly r: number;
  readonly alpha: number;
  readonly s: number;
  readonly beta: number;
}

/** A fitted (or given) Pareto/NBD model. */
export type ParetoNbdModel = PurchaseModel<ParetoNbdParams>;

const NAMES = ["r", "alpha", "s", "beta"] as const;

/**
 * Fits the Pareto/NBD model by maximum likelihood (Fader & Hardie 2005, note 009, eq. 22) on the
 * unique (x, t_x, T) patterns, with an analytic gradient on log-parameters (₂F₁ by
 * hyp2f1LnShifted, accurate as its argument nears 1).
 *
 * @param customers - frequency x, recency t_x, T in one time unit (and optional weights)
 * @param options - weights, penalizer, initial parameters, iteration limit, time unit
 * @returns the frozen fitted model
 * @throws ArgumentError for invalid histories; ConvergenceError when the fit does not converge
 * @example
 * const m = fitParetoNbd(cdnowSummary, { timeUnit: "week" });
 * m.params; // { r: 0.5534, alpha: 10.580, s: 0.6061, beta: 11.66 } (FHL 2005: 0.553, 10.578, 0.606, 11.669)
 * m.logLikelihood; // -9594.98
 */
export function fitParetoNbd(customers: CustomerHistory, options: FitOptions = {}): ParetoNbdModel {
  const { fit, nCustomers } = fitPurchaseModel(
    "fitParetoNbd", "pareto-nbd", NAMES,
    ([r, alpha, s, beta], x, tx, T, w, g) => paretoNbdLogLikelihood(r!, alpha!, s!, beta!, x, tx, T, w, g),
    (meanT) => [[1, meanT, 1, meanT], [0.5, 1, 0.5, 1], [1, 10, 2, 50]],
    customers, options,
  );
  return makeParetoNbd(fit.params as ParetoNbdParams, fitStatistics(fit, nCustomers, options.timeUnit ?? null));
}

/**
 * A Pareto/NBD model from known parameters (no fit statistics), e.g. the published CDNOW values.
 *
 * @throws ArgumentError when a parameter is missing or not positive
 * @example
 * paretoNbdFromParams({ r: 0.5534, alpha: 10.5802, s: 0.6061, beta: 11.6562 }).expectedPurchases(52); // 1.4734
 */
export function paretoNbdFromParams(params: ParetoNbdParams, timeUnit: FitStatistics["timeUnit"] = null): ParetoNbdModel {
  return makeParetoNbd(knownParams("paretoNbdFromParams", NAMES, params), knownParamsStatistics(timeUnit));
}

/**
 * A Pareto/NBD model back from its `toJSON()` form.
 *
 * @throws TypeError when the JSON is not a Pareto/NBD model of schema version 1
 * @example
 * paretoNbdFromJson(JSON.parse(JSON.stringify(model))).params.r === model.params.r; // true
 */
export function paretoNbdFromJson(json: unknown): ParetoNbdModel {
  const { params, stats } = readModelJson(json, "pareto-nbd", NAMES);
  return makeParetoNbd(params as ParetoNbdParams, stats);
}

/** (1 − (b/(b+t))^(s−1)) / (s − 1), stable at s = 1 (where it is ln(1 + t/b)). */
function growth(s: number, b: number, t: number): number {
  const L = Math.log1p(t / b), d = s - 1;
  return d === 0 ? L : -Math.expm1(-d * L) / d;
}

function makeParetoNbd(params: ParetoNbdParams, stats: FitStatistics): ParetoNbdModel {
  const { r, alpha, s, beta } = params;
  const base = fittedModelBase<ParetoNbdParams>("pareto-nbd", NAMES, params, stats);
  // P(alive | x, t_x, T) = 1 / (1 + s/(r+s+x) (α+T)^(r+x) (β+T)^s A₀)  (note 009, eq. 24).
  // Terms that depend on x and one duration are computed once per distinct (x, whole days) and
  // shared (dayMemo): the two terms of A₀, ln(α+T), ln(β+T); the same values as term by term.
  const aliveByDay = (memo: DayMemo) => {
    const term = memo.exact((x, u) => paretoNbdLogA0Term(r, alpha, s, beta, x, u));
    const lnAT = memo.exactInT((T) => Math.log(alpha + T)), lnBT = memo.exactInT((T) => Math.log(beta + T));
    return (x: number, tx: number, T: number): number => {
      const l1 = -(r + x) * lnAT(T) - s * lnBT(T);
      const l2 = Math.log(s / (r + s + x)) + paretoNbdLogA0FromTerms(r, s, x, term(x, tx), term(x, T));
      return Math.exp(l1 - logAddExp(l1, l2));
    };
  };
  // E[Y(t) | x, t_x, T] = (r+x)(β+T)/((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)  (note 009, eq. 26).
  const predict = (fn: string, customers: CustomerHistory, t: number | null, withAlive: boolean) => {
    const n = checkHistory(fn, customers);
    const { frequency, recency, T } = customers;
    const probabilityAlive = new Float64Array(withAlive ? n : 0);
    const expectedPurchases = new Float64Array(t === null ? 0 : n);
    const memo = dayMemo(customers, stats.timeUnit);
    const alive = aliveByDay(memo);
    const grow = t === null || t === 0 ? null : memo.exactInT((Ti) => growth(s, beta + Ti, t));
    for (let i = 0; i < n; i++) {
      const x = frequency[i]!, Ti = T[i]!;
      const p = alive(x, recency[i]!, Ti);
      if (withAlive) probabilityAlive[i] = p;
      if (grow !== null) expectedPurchases[i] = (((r + x) * (beta + Ti)) / (alpha + Ti)) * grow(Ti) * p;
    }
    return { probabilityAlive, expectedPurchases };
  };
  const model: ParetoNbdModel = {
    ...base,
    // E[X(t)] = rβ/(α(s−1)) · [1 − (β/(β+t))^(s−1)]  (SMC 1987; note 009, eq. 18).
    expectedPurchases(t: number): number {
      if (!(t >= 0) || !Number.isFinite(t)) throw new ArgumentError(`pareto-nbd expectedPurchases: t ${t} must be >= 0`);
      return t === 0 ? 0 : ((r * beta) / alpha) * growth(s, beta, t);
    },
    conditionalExpectedPurchases(customers: CustomerHistory, t: number): Float64Array {
      if (!(t >= 0) || !Number.isFinite(t)) throw new ArgumentError(`pareto-nbd conditionalExpectedPurchases: t ${t} must be >= 0`);
      return predict("pareto-nbd conditionalExpectedPurchases", customers, t, false).expectedPurchases;
    },
    probabilityAlive(customers: CustomerHistory): Float64Array {
      return predict("pareto-nbd probabilityAlive", customers, null, true).probabilityAlive;
    },
    predict(customers: CustomerHistory, t: number): PurchasePredictions {
      if (!(t >= 0) || !Number.isFinite(t)) throw new ArgumentError(`pareto-nbd predict: t ${t} must be >= 0`);
      const { probabilityAlive, expectedPurchases } = predict("pareto-nbd predict", customers, t, true);
      return { probabilityAlive, expectedPurchases };
    },
    discountedExpectedPurchases(customers: CustomerHistory, horizonPeriods: number, periodLength: number, discountRatePerPeriod: number, options?: DiscountedPurchasesOptions): DiscountedPurchases {
      const fn = "pareto-nbd discountedExpectedPurchases";
      checkHistory(fn, customers);
      const { frequency, recency, T } = customers;
      const H = checkPeriods(fn, horizonPeriods, periodLength, discountRatePerPeriod);
      const memo = dayMemo(customers, stats.timeUnit);
      const alive = aliveByDay(memo);
      const grow = Array.from({ length: H }, (_, i) => memo.exactInT((Ti) => growth(s, beta + Ti, (i + 1) * periodLength)));
      return discountRows(frequency.length, H, discountRatePerPeriod, (row, cumulative) => {
        const x = frequency[row]!, Ti = T[row]!;
        const p = alive(x, recency[row]!, Ti), head = ((r + x) * (beta + Ti)) / (alpha + Ti);
        for (let i = 0; i < H; i++) cumulative[i] = head * grow[i]!(Ti) * p;
      }, options);
    },
    probabilityOfPurchases(n: number, t: number): number {
      if (!(Number.isInteger(n) && n >= 0)) throw new ArgumentError(`pareto-nbd probabilityOfPurchases: n ${n} must be a whole number >= 0`);
      if (!(t > 0) || !Number.isFinite(t)) throw new ArgumentError(`pareto-nbd probabilityOfPurchases: t ${t} must be > 0`);
      return paretoNbdProbabilityOfPurchases(params, n, t);
    },
    simulate(n: number, T: number | ArrayLike<number>, seed: number): SimulatedHistory {
      return simulateParetoNbd(params, n, T, seed);
    },
    withParams(p: ParetoNbdParams): ParetoNbdModel {
      return makeParetoNbd(p, knownParamsStatistics(stats.timeUnit));
    },
  };
  return Object.freeze(model);
}

/**
 * Draws customer histories from the Pareto/NBD process (SMC 1987): λ ~ Gamma(r, rate α),
 * μ ~ Gamma(s, rate β), lifetime τ ~ Exp(μ); after the first purchase at time 0, purchases
 * arrive as a Poisson process of rate λ while the customer is alive (up to min(τ, T)).
 * Seeded: the same seed gives the same histories.
 *
 * @param params - r, alpha, s, beta
 * @param n - customers
 * @param T - observation length, one value or one per customer
 * @param seed - seed of the random stream
 * @returns frequency, recency and T per customer
 * @throws ArgumentError when n is not a whole number >= 0 or the seed is not a safe integer
 * @example
 * simulateParetoNbd({ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }, 1000, 39, 1).frequency.length; // 1000
 */
export function simulateParetoNbd(params: ParetoNbdParams, n: number, T: number | ArrayLike<number>, seed: number): SimulatedHistory {
  if (!(Number.isInteger(n) && n >= 0)) throw new ArgumentError(`simulateParetoNbd: n ${n} must be a whole number >= 0`);
  const rng = createRng(seed);
  const frequency = new Float64Array(n), recency = new Float64Array(n), ages = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const Ti = typeof T === "number" ? T : T[i]!;
    const lambda = rng.gamma(params.r, 1 / params.alpha);
    const mu = rng.gamma(params.s, 1 / params.beta);
    const end = Math.min(Ti, rng.exponential(mu));
    let t = 0, x = 0, last = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (t > end) break;
      x++;
      last = t;
    }
    frequency[i] = x;
    recency[i] = last;
    ages[i] = Ti;
  }
  return Object.freeze({ frequency, recency, T: ages });
}
