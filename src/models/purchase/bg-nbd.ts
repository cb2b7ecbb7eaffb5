import { createRng } from "../../math/random/rng.js";
import { hyp2f1 } from "../../math/special/hyp2f1.js";
import { digamma, lnBeta, lnGamma } from "../../math/special/special-functions.js";
import { checkHistory, checkHistoryLengths } from "../fitting/check-history.js";
import { bgNbdHead, predictOnGrid } from "./predict-on-grid.js";
import { isTrustedHistory } from "../fitting/trusted-history.js";
import { dayGrid } from "../fitting/day-grid.js";
import { fitPurchaseModel } from "./fit-purchase-model.js";
import { fitStatistics, fittedModelBase, knownParams, knownParamsStatistics, readModelJson, type FitStatistics } from "../fitting/fitted-model-base.js";
import type { CustomerHistory, DiscountedPurchases, DiscountedPurchasesOptions, FitOptions, PurchaseModel, PurchasePredictions, SimulatedHistory } from "../fitting/model-types.js";
import { checkPeriods, dayMemo, discountedByHead, type ByDay, type DayMemo } from "./predict-by-day.js";
import { ArgumentError } from "../../math/argument-error.js";

/** BG/NBD parameters (Fader, Hardie & Lee 2005): λ ~ Gamma(r, α) purchases per time unit, p ~ Beta(a, b). */
export interface BgNbdParams extends Record<string, number> {
  readonly r: number;
  readonly alpha: number;
  readonly a: number;
  readonly b: number;
}

/** A fitted (or given) BG/NBD model. */
export type BgNbdModel = PurchaseModel<BgNbdParams>;

const NAMES = ["r", "alpha", "a", "b"] as const;

/**
 * Fits the BG/NBD model of Fader, Hardie & Lee (2005), "Counting Your Customers the Easy Way",
 * Marketing Science 24(2), by maximum likelihood (their equation 6) on the unique
 * (x, t_x, T) patterns, with an analytic gradient on log-parameters; on more than 40,000 patterns
 * the fit is warm-started from an evenly spaced subsample of 20,000.
 *
 * @param customers - frequency x, recency t_x, T in one time unit (and optional weights)
 * @param options - weights, penalizer, initial parameters, iteration limit, time unit
 * @returns the frozen fitted model
 * @throws ArgumentError for invalid histories; ConvergenceError when the fit does not converge
 * @example
 * const m = fitBgNbd(cdnowSummary, { timeUnit: "week" });
 * m.params; // { r: 0.2426, alpha: 4.4136, a: 0.7929, b: 2.4259 } (FHL 2005: 0.243, 4.414, 0.793, 2.426)
 * m.logLikelihood; // -9582.43
 */
export function fitBgNbd(customers: CustomerHistory, options: FitOptions = {}): BgNbdModel {
  const { fit, nCustomers } = fitPurchaseModel(
    "fitBgNbd", "bg-nbd", NAMES,
    ([r, alpha, a, b], x, tx, T, w, g) => bgNbdLogLikelihood(r!, alpha!, a!, b!, x, tx, T, w, g),
    (meanT) => [[1, meanT, 1, 1], [0.1, 1, 0.5, 0.5], [1, 10, 2, 5]],
    customers, options,
  );
  return makeBgNbd(fit.params as BgNbdParams, fitStatistics(fit, nCustomers, options.timeUnit ?? null));
}

/**
 * A BG/NBD model from known parameters (no fit statistics), e.g. the published CDNOW values.
 *
 * @throws ArgumentError when a parameter is missing or not positive
 * @example
 * bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }).expectedPurchases(39); // ≈ 1.26
 */
export function bgNbdFromParams(params: BgNbdParams, timeUnit: FitStatistics["timeUnit"] = null): BgNbdModel {
  return makeBgNbd(knownParams("bgNbdFromParams", NAMES, params), knownParamsStatistics(timeUnit));
}

/**
 * A BG/NBD model back from its `toJSON()` form.
 *
 * @throws TypeError when the JSON is not a BG/NBD model of schema version 1
 * @example
 * bgNbdFromJson(JSON.parse(JSON.stringify(model))).params.r === model.params.r; // true
 */
export function bgNbdFromJson(json: unknown): BgNbdModel {
  const { params, stats } = readModelJson(json, "bg-nbd", NAMES);
  return makeBgNbd(params as BgNbdParams, stats);
}

/**
 * The BG/NBD log-likelihood summed over patterns with weights (FHL 2005 eq. 6), and its gradient
 * with respect to (ln r, ln α, ln a, ln b) when `g` is given. Terms that depend only on x are
 * tabulated once per distinct x, so each customer costs two logarithms and one exponential.
 *
 * @param x - repeat purchases (whole numbers)
 * @param w - weight of each row (customers with that pattern)
 * @returns the log-likelihood (natural log, summed)
 * @example
 * bgNbdLogLikelihood(0.243, 4.414, 0.793, 2.426, x, tx, T, w); // -9582.43 on CDNOW
 */
export function bgNbdLogLikelihood(
  r: number, alpha: number, a: number, b: number,
  x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, w: ArrayLike<number>,
  g?: Float64Array,
): number {
  const t = perXTables(r, a, b, x, g !== undefined);
  const lnAlpha = Math.log(alpha);
  const lnA = dayLogs(T, alpha);
  let ll = 0, gr = 0, gal = 0, ga = 0, gb = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!, wi = w[i]!;
    if (wi === 0) continue;
    const rx = r + xi;
    const lnAT = lnA(T[i]!);
    const base = t.lnG[xi]! + r * lnAlpha + t.lnB[xi]!;
    if (xi === 0) {
      ll += wi * (base - rx * lnAT);
      if (g) {
        gr += wi * (lnAlpha - lnAT);
        gal += wi * (r / alpha - rx / (alpha + T[i]!));
      }
      continue;
    }
    const lnAtx = lnA(tx[i]!);
    // L = ln(e^A3 + e^A4) with A3 = -(r+x) ln(α+T), A4 = ln a - ln(b+x-1) - (r+x) ln(α+t_x)
    const A3 = -rx * lnAT, A4 = t.lnOdds[xi]! - rx * lnAtx;
    const m = A3 > A4 ? A3 : A4;
    const e = Math.exp(-Math.abs(A3 - A4));
    ll += wi * (base + m + Math.log1p(e));
    if (g) {
      const w4 = A4 > A3 ? 1 / (1 + e) : e / (1 + e), w3 = 1 - w4;
      gr += wi * (t.dG[xi]! + lnAlpha - w3 * lnAT - w4 * lnAtx);
      gal += wi * (r / alpha - w3 * rx / (alpha + T[i]!) - w4 * rx / (alpha + tx[i]!));
      ga += wi * (t.dBa[xi]! + w4 / a);
      gb += wi * (t.dBb[xi]! - w4 / (b + xi - 1));
    }
  }
  if (g) {
    g[0] = gr * r;
    g[1] = gal * alpha;
    g[2] = ga * a;
    g[3] = gb * b;
  }
  return ll;
}

/**
 * v -> ln(α + v), each distinct whole-day v (a summary's durations are whole days over the days of
 * the unit) computed once: the same values as Math.log(α + v) row by row, for the cost of a table
 * lookup (the day grid is guessed from T once per column; a v not exactly on it is computed).
 */
function dayLogs(T: ArrayLike<number>, alpha: number): (v: number) => number {
  const grid = likelihoodGrid(T);
  if (grid === null) return (v) => Math.log(alpha + v);
  const { scale, dayValue } = grid, days = dayValue.length;
  const table = new Float64Array(days).fill(NaN);
  return (v) => {
    const d = Math.round(v * scale);
    if (!(d >= 0 && d < days && dayValue[d] === v)) return Math.log(alpha + v);
    let y = table[d]!;
    if (y !== y) y = table[d] = Math.log(alpha + v);
    return y;
  };
}

// The day grid of a T column (only its scale and days are used, and every row is checked against
// it, so a column changed later only costs speed).
const grids = new WeakMap<object, { readonly scale: number; readonly dayValue: Float64Array } | null>();

function likelihoodGrid(T: ArrayLike<number>): { readonly scale: number; readonly dayValue: Float64Array } | null {
  if (typeof T !== "object" || T === null) return null;
  let grid = grids.get(T);
  if (grid === undefined) {
    const g = T.length >= 1024 ? dayGrid({ frequency: new Uint8Array(T.length), recency: T, T }, null) : null;
    // a table no longer than the rows, so that small data never fill a long one
    grid = g !== null && g.days <= T.length ? { scale: g.scale, dayValue: g.dayValue } : null;
    grids.set(T, grid);
  }
  return grid;
}

interface XTables { lnG: Float64Array; lnB: Float64Array; lnOdds: Float64Array; dG: Float64Array; dBa: Float64Array; dBb: Float64Array }

/** Terms of the likelihood that depend on x only, indexed by x (0..max x). */
function perXTables(r: number, a: number, b: number, x: ArrayLike<number>, withGradient: boolean): XTables {
  let maxX = 0;
  for (let i = 0; i < x.length; i++) if (x[i]! > maxX) maxX = x[i]!;
  const seen = new Uint8Array(maxX + 1);
  for (let i = 0; i < x.length; i++) seen[x[i]!] = 1;
  const size = maxX + 1;
  const t: XTables = {
    lnG: new Float64Array(size), lnB: new Float64Array(size), lnOdds: new Float64Array(size),
    dG: new Float64Array(size), dBa: new Float64Array(size), dBb: new Float64Array(size),
  };
  const lnGr = lnGamma(r), lnBab = lnBeta(a, b), lnA = Math.log(a);
  const psiR = withGradient ? digamma(r) : 0, psiAB = withGradient ? digamma(a + b) : 0, psiB = withGradient ? digamma(b) : 0;
  for (let k = 0; k < size; k++) {
    if (!seen[k]) continue;
    t.lnG[k] = lnGamma(r + k) - lnGr;
    t.lnB[k] = lnBeta(a, b + k) - lnBab;
    t.lnOdds[k] = k > 0 ? lnA - Math.log(b + k - 1) : -Infinity;
    if (withGradient) {
      t.dG[k] = digamma(r + k) - psiR;
      t.dBa[k] = psiAB - digamma(a + b + k);
      t.dBb[k] = psiAB + digamma(b + k) - psiB - digamma(a + b + k);
    }
  }
  return t;
}


function makeBgNbd(params: BgNbdParams, stats: FitStatistics): BgNbdModel {
  const { r, alpha, a, b } = params;
  const base = fittedModelBase<BgNbdParams>("bg-nbd", NAMES, params, stats);
  // Odds that a customer with x > 0 repeat purchases has dropped out (FHL 2005 eq. 13):
  // a/(b+x−1) · ((α+T)/(α+t_x))^(r+x), the power as exp(log) (Math.pow is twice as slow).
  const aliveOdds = (x: number, tx: number, T: number): number =>
    (a / (b + x - 1)) * Math.exp((r + x) * Math.log((alpha + T) / (alpha + tx)));
  // head_x(T) at horizon t for every customer, once per distinct (x, whole days of T) (dayMemo).
  const headByDay = (memo: DayMemo, t: number): ByDay => memo.smoothInT((x, Ti) => bgNbdHead(r, alpha, a, b, x, Ti, t));
  // FHL 2005 eq. 10 and 13 in one pass: E[Y(t) | x, t_x, T] = head_x(T) / (1 + odds) and
  // P(alive) = 1 / (1 + odds), the odds computed once; t null: P(alive) only.
  // Unless trusted, the rows are checked as they are read (predictOnGrid), or all first off the grid.
  const predict = (fn: string, customers: CustomerHistory, t: number | null, withAlive: boolean) => {
    const n = checkHistoryLengths(fn, customers);
    const { frequency, recency, T } = customers;
    const probabilityAlive = new Float64Array(withAlive ? n : 0);
    const expectedPurchases = new Float64Array(t === null ? 0 : n);
    const withHead = t !== null && t !== 0;
    const grid = dayGrid(customers, stats.timeUnit);
    if (grid === null) {
      // no day grid: customer by customer, head_x(T) on the interpolants of chebyshevByGroup
      checkHistory(fn, customers); // before the interpolants are sized by the columns
      const head = withHead ? headByDay(dayMemo(customers, stats.timeUnit), t) : null;
      for (let i = 0; i < n; i++) {
        const x = frequency[i]!;
        const odds = x > 0 ? aliveOdds(x, recency[i]!, T[i]!) : 0;
        if (withAlive) probabilityAlive[i] = x === 0 ? 1 : 1 / (1 + odds);
        if (head !== null) expectedPurchases[i] = x > 0 ? head(x, T[i]!) / (1 + odds) : head(x, T[i]!);
      }
      return { probabilityAlive, expectedPurchases };
    }
    predictOnGrid({ r, alpha, a, b, shift: 1 }, grid, customers, t ?? 0, isTrustedHistory(customers) ? null : fn, probabilityAlive, withHead ? expectedPurchases : null);
    return { probabilityAlive, expectedPurchases };
  };
  const model: BgNbdModel = {
    ...base,
    expectedPurchases(t: number): number {
      if (!(t >= 0)) throw new ArgumentError(`bg-nbd expectedPurchases: t ${t} must be >= 0`);
      if (t === 0) return 0;
      return ((a + b - 1) / (a - 1)) * (1 - Math.pow(alpha / (alpha + t), r) * hyp2f1(r, b, a + b - 1, t / (alpha + t)));
    },
    conditionalExpectedPurchases(customers: CustomerHistory, t: number): Float64Array {
      if (!(t >= 0)) throw new ArgumentError(`bg-nbd conditionalExpectedPurchases: t ${t} must be >= 0`);
      return predict("bg-nbd conditionalExpectedPurchases", customers, t, false).expectedPurchases;
    },
    probabilityAlive(customers: CustomerHistory): Float64Array {
      return predict("bg-nbd probabilityAlive", customers, null, true).probabilityAlive;
    },
    predict(customers: CustomerHistory, t: number): PurchasePredictions {
      if (!(t >= 0)) throw new ArgumentError(`bg-nbd predict: t ${t} must be >= 0`);
      const { probabilityAlive, expectedPurchases } = predict("bg-nbd predict", customers, t, true);
      return { probabilityAlive, expectedPurchases };
    },
    discountedExpectedPurchases(customers: CustomerHistory, horizonPeriods: number, periodLength: number, discountRatePerPeriod: number, options?: DiscountedPurchasesOptions): DiscountedPurchases {
      const fn = "bg-nbd discountedExpectedPurchases";
      checkHistory(fn, customers);
      const H = checkPeriods(fn, horizonPeriods, periodLength, discountRatePerPeriod);
      const { frequency, recency, T } = customers;
      return discountedByHead(dayMemo(customers, stats.timeUnit), customers, H, periodLength, discountRatePerPeriod,
        (x, Ti, t) => bgNbdHead(r, alpha, a, b, x, Ti, t),
        (i) => (frequency[i]! > 0 ? 1 + aliveOdds(frequency[i]!, recency[i]!, T[i]!) : 1),
        options);
    },
    probabilityOfPurchases(n: number, t: number): number {
      if (!(Number.isInteger(n) && n >= 0)) throw new ArgumentError(`bg-nbd probabilityOfPurchases: n ${n} must be a whole number >= 0`);
      if (!(t > 0)) throw new ArgumentError(`bg-nbd probabilityOfPurchases: t ${t} must be > 0`);
      const lnBab = lnBeta(a, b);
      const lnQ = Math.log(alpha / (alpha + t)), lnP = Math.log(t / (alpha + t));
      const lnTerm = (j: number): number => lnGamma(r + j) - lnGamma(r) - lnGamma(j + 1) + r * lnQ + j * lnP;
      let p = Math.exp(lnBeta(a, b + n) - lnBab + lnTerm(n));
      if (n > 0) {
        let cum = 0;
        for (let j = 0; j < n; j++) cum += Math.exp(lnTerm(j));
        p += Math.exp(lnBeta(a + 1, b + n - 1) - lnBab) * (1 - cum);
      }
      return p;
    },
    simulate(n: number, T: number | ArrayLike<number>, seed: number): SimulatedHistory {
      return simulateBgNbd(params, n, T, seed);
    },
    withParams(p: BgNbdParams): BgNbdModel {
      return makeBgNbd(p, knownParamsStatistics(stats.timeUnit));
    },
  };
  return Object.freeze(model);
}

/**
 * Draws customer histories from the BG/NBD process: λ ~ Gamma(r, rate α), p ~ Beta(a, b);
 * purchases arrive at rate λ after the first one at time 0; after each repeat purchase the
 * customer drops out with probability p. Seeded: the same seed gives the same histories.
 *
 * @param params - r, alpha, a, b
 * @param n - customers
 * @param T - observation length, one value or one per customer
 * @param seed - seed of the random stream
 * @returns frequency, recency and T per customer
 * @example
 * simulateBgNbd({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, 1000, 39, 1).frequency.length; // 1000
 */
export function simulateBgNbd(params: BgNbdParams, n: number, T: number | ArrayLike<number>, seed: number): SimulatedHistory {
  const rng = createRng(seed);
  const frequency = new Float64Array(n), recency = new Float64Array(n), ages = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const Ti = typeof T === "number" ? T : T[i]!;
    const lambda = rng.gamma(params.r, 1 / params.alpha);
    const p = rng.beta(params.a, params.b);
    let t = 0, x = 0, last = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (t > Ti) break;
      x++;
      last = t;
      if (rng.uniform() < p) break;
    }
    frequency[i] = x;
    recency[i] = last;
    ages[i] = Ti;
  }
  return Object.freeze({ frequency, recency, T: ages });
}
