import { lnBeta, lnGamma } from "../../math/special/special-functions.js";
import { bgBbHistory, type BgBbHistory } from "./bg-bb-history.js";
import { bgBbLogLikelihood } from "./bg-bb-log-likelihood.js";
import { fittedModelBase, knownParamsStatistics, type FitStatistics, fitStatistics, knownParams, readModelJson } from "../fitting/fitted-model-base.js";
import type { FittedModel, FitOptions } from "../fitting/model-types.js";
import { ArgumentError } from "../../math/argument-error.js";
import { createRng } from "../../math/random/rng.js";
import { compressPatterns } from "../fitting/compress-patterns.js";
import { fitMaximumLikelihood } from "../fitting/fit-maximum-likelihood.js";

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
  // Customers share few (x, t_x, n) patterns (whole numbers up to n): each pattern is evaluated
  // once and its value copied to its customers (the same value as customer by customer).
  const perCustomer = (fn: string, customers: BgBbHistory, f: (x: number, tx: number, n: number, lnL: number) => number): Float64Array => {
    const h = bgBbHistory(`bg-bb ${fn}`, customers);
    const { columns, rowPattern } = compressPatterns([h.frequency, h.recency, h.periods]);
    const [px, ptx, pn] = columns as [Float64Array, Float64Array, Float64Array];
    const one = Float64Array.of(1);
    const byPattern = Float64Array.from(px, (x, k) => {
      const tx = ptx[k]!, n = pn[k]!;
      const lnL = bgBbLogLikelihood(alpha, beta, gamma, delta, [x], [tx], [n], one);
      return f(x, tx, n, lnL);
    });
    return Float64Array.from(rowPattern, (k) => byPattern[k]!);
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

/** Simulated BG/BB customers: x, t_x and n per customer (whole numbers). */
export interface SimulatedBgBbHistory {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly periods: Float64Array;
}

/**
 * Draws customer histories from the BG/BB process (Fader, Hardie & Shang 2010, §2): each customer
 * has p ~ Beta(α, β) and θ ~ Beta(γ, δ); at each opportunity t = 1..n a customer still alive
 * first drops out with probability θ and, if still alive, transacts with probability p. Seeded:
 * the same seed gives the same histories.
 *
 * @param params - alpha, beta, gamma, delta
 * @param nCustomers - customers to draw (a whole number >= 0)
 * @param periods - opportunities n, one value or one per customer (whole numbers >= 1)
 * @param seed - seed of the random stream (a safe integer)
 * @returns frequency x, recency t_x (0 when x = 0) and periods n per customer, frozen
 * @throws ArgumentError when nCustomers or periods are not whole numbers, or a parameter is not positive
 * @example
 * simulateBgBb({ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 }, 1000, 6, 1).frequency.length; // 1000
 */
export function simulateBgBb(params: BgBbParams, nCustomers: number, periods: number | ArrayLike<number>, seed: number): SimulatedBgBbHistory {
  for (const k of ["alpha", "beta", "gamma", "delta"] as const) {
    if (!(params[k] > 0)) throw new ArgumentError(`simulateBgBb: ${k} ${params[k]} must be a positive number`);
  }
  if (!(Number.isInteger(nCustomers) && nCustomers >= 0)) throw new ArgumentError(`simulateBgBb: nCustomers ${nCustomers} must be a whole number >= 0`);
  if (typeof periods !== "number" && periods.length !== nCustomers) {
    throw new ArgumentError(`simulateBgBb: ${periods.length} periods for ${nCustomers} customers`);
  }
  const rng = createRng(seed);
  const frequency = new Float64Array(nCustomers), recency = new Float64Array(nCustomers), opportunities = new Float64Array(nCustomers);
  for (let i = 0; i < nCustomers; i++) {
    const n = typeof periods === "number" ? periods : periods[i]!;
    if (!(Number.isInteger(n) && n >= 1)) throw new ArgumentError(`simulateBgBb: periods ${n} of customer ${i} must be a whole number >= 1`);
    const p = rng.beta(params.alpha, params.beta);
    const theta = rng.beta(params.gamma, params.delta);
    let x = 0, last = 0;
    for (let t = 1; t <= n; t++) {
      if (rng.uniform() < theta) break;
      if (rng.uniform() < p) {
        x++;
        last = t;
      }
    }
    frequency[i] = x;
    recency[i] = last;
    opportunities[i] = n;
  }
  return Object.freeze({ frequency, recency, periods: opportunities });
}

/**
 * Fits the BG/BB model of Fader, Hardie & Shang (2010), "Customer-Base Analysis in a
 * Discrete-Time Noncontractual Setting", Marketing Science 29(6), by maximum likelihood (their
 * eq. 5) on the unique (x, t_x, n) patterns, with an analytic gradient on log-parameters.
 * Time is counted in transaction opportunities (e.g. years for annual donations).
 *
 * @param customers - frequency x, recency t_x, periods n (whole numbers) and optional weights
 * @param options - weights, penalizer, initial parameters, iteration limit, time unit
 * @returns the frozen fitted model
 * @throws ArgumentError for invalid histories (e.g. recency > periods); ConvergenceError when the
 *   fit does not converge or the likelihood is flat (e.g. nobody ever transacts)
 * @example
 * const m = fitBgBb({ frequency, recency, periods, weights }); // the 11,104 donors, n = 6
 * m.params; // { alpha: 1.2035, beta: 0.7497, gamma: 0.6567, delta: 2.7834 } (FHS 2010: 1.204, 0.750, 0.657, 2.783)
 * m.logLikelihood; // -33225.58
 */
export function fitBgBb(customers: BgBbHistory, options: FitOptions = {}): BgBbModel {
  const h = bgBbHistory("fitBgBb", customers, options.weights);
  const p = compressPatterns([h.frequency, h.recency, h.periods], h.weights);
  const [x, tx, n] = p.columns as [Float64Array, Float64Array, Float64Array];
  const w = p.weights;
  const nCustomers = w.reduce((s, v) => s + v, 0);
  const init = options.initialParams;
  const starts = [
    init ? BG_BB_NAMES.map((k) => init[k] ?? 1) : [1, 1, 1, 1],
    [0.5, 0.5, 0.5, 2],
    [2, 2, 1, 5],
  ];
  const fit = fitMaximumLikelihood(
    {
      model: "bg-bb",
      names: BG_BB_NAMES,
      hasGradient: true,
      starts,
      nCustomers,
      logLikelihood: (lp, g) => bgBbLogLikelihood(Math.exp(lp[0]!), Math.exp(lp[1]!), Math.exp(lp[2]!), Math.exp(lp[3]!), x, tx, n, w, g),
    },
    { penalizer: options.penalizer, maxIterations: options.maxIterations },
  );
  return bgBbModel(fit.params as BgBbParams, fitStatistics(fit, nCustomers, options.timeUnit ?? null));
}

/**
 * A BG/BB model from known parameters (no fit statistics), e.g. the published donation values.
 *
 * @param params - alpha, beta, gamma, delta (all > 0)
 * @param timeUnit - the length of one transaction opportunity, if known (default null)
 * @returns the frozen model
 * @throws ArgumentError when a parameter is missing or not positive
 * @example
 * bgBbFromParams({ alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 })
 *   .probabilityAlive({ frequency: [6], recency: [6], periods: 6 })[0]; // 0.93 (FHS 2010 Table 6)
 */
export function bgBbFromParams(params: BgBbParams, timeUnit: FitStatistics["timeUnit"] = null): BgBbModel {
  return bgBbModel(knownParams("bgBbFromParams", BG_BB_NAMES, params), knownParamsStatistics(timeUnit));
}

/**
 * A BG/BB model back from its `toJSON()` form.
 *
 * @param json - the parsed JSON
 * @returns the frozen model, with the fit statistics it was saved with
 * @throws TypeError when the JSON is not a BG/BB model of schema version 1
 * @example
 * bgBbFromJson(JSON.parse(JSON.stringify(model))).params.alpha === model.params.alpha; // true
 */
export function bgBbFromJson(json: unknown): BgBbModel {
  const { params, stats } = readModelJson(json, "bg-bb", BG_BB_NAMES);
  return bgBbModel(params as BgBbParams, stats);
}
