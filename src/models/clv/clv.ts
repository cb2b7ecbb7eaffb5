import type { TimeUnit } from "../../summary/types.js";
import { checkHistory } from "../fitting/check-history.js";
import { combineClv, discountedPurchases, historyPatterns } from "./clv-kernel.js";
import { clvBootstrap, type ClvBounds } from "./clv-bootstrap.js";
import type { GammaGammaModel } from "../spend/gamma-gamma.js";
import type { ModelParams, PurchaseModel } from "../fitting/model-types.js";
import { drawParameters } from "../fitting/parameter-draws.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Options of {@link customerLifetimeValue}. All durations are in the purchase model's time unit. */
export interface CustomerLifetimeValueOptions<P extends ModelParams> {
  /** BG/NBD, Pareto/NBD or MBG/NBD: expected purchases. */
  readonly purchaseModel: PurchaseModel<P>;
  /** Gamma-Gamma: expected value per purchase. */
  readonly spendModel: GammaGammaModel;
  /** x, t_x, T (the purchase model's time unit) and zbar (money per repeat purchase). */
  readonly customers: {
    readonly frequency: ArrayLike<number>;
    readonly recency: ArrayLike<number>;
    readonly T: ArrayLike<number>;
    readonly monetaryValue: ArrayLike<number>;
  };
  /** H: discounting periods in the horizon (a whole number >= 1). */
  readonly horizonPeriods: number;
  /** L: length of one period in the purchase model's time unit (e.g. 52/12 for months on a weekly model). */
  readonly periodLength: number;
  /** d: discount rate per period (0.01 = 1 % a period), > -1. */
  readonly discountRatePerPeriod: number;
  /** Share of spend that is profit (default 1: CLV in revenue). */
  readonly margin?: number;
  /** Ask for a parametric-bootstrap interval: draws (default 200), seed, level (default 0.9). */
  readonly interval?: { readonly draws?: number; readonly seed: number; readonly level?: number };
}

/** Per-customer lifetime values, frozen; money in the data's currency, at period-0 value. */
export interface CustomerLifetimeValue {
  readonly clv: Float64Array;
  /** Undiscounted expected purchases over the horizon, E[Y(H·L) | x, t_x, T]. */
  readonly expectedPurchases: Float64Array;
  /** E[M | x, zbar] from the spend model. */
  readonly expectedAverageSpend: Float64Array;
  readonly horizonPeriods: number;
  readonly periodLength: number;
  /** H·L in the purchase model's time unit. */
  readonly horizon: number;
  readonly timeUnit: TimeUnit | null;
  readonly discountRatePerPeriod: number;
  readonly margin: number;
  /**
   * Percentile interval over parameter draws, or null when not asked: `lower`/`upper` per customer
   * (computed when first read), `ofRows(rows)` the bounds of the given customers only, in that
   * order (the same values, for draws × their patterns of work).
   */
  readonly interval: {
    readonly lower: Float64Array;
    readonly upper: Float64Array;
    readonly level: number;
    readonly draws: number;
    readonly seed: number;
    ofRows(rows: ArrayLike<number>): ClvBounds;
  } | null;
}

/**
 * Discounted customer lifetime value over a finite horizon (Fader, Hardie & Lee 2005, "RFM and
 * CLV", JMR 42(4), with the purchase model's conditional expectation in place of their DERT):
 *
 *   CLV = margin · E[M | x, zbar] · Σ_{i=1..H} (E[Y(i·L)] − E[Y((i−1)·L)]) / (1 + d)^i
 *
 * where E[Y(t)] is the purchase model's expected purchases in the next t and E[M] the
 * Gamma-Gamma expected spend: each period's purchases are discounted to the end of that period.
 * This is lifetimes' `customer_lifetime_value`: its `time`=H and `freq` set L (30 time units for
 * "D", 4.345 for "W", 1 for "M"). State L in the model's unit: a year by months is H 12 with
 * L = 52/12 on a weekly model or L = 365.25/12 on a daily one, and then d is a monthly rate.
 *
 * With `interval`, parameter uncertainty is carried by a parametric bootstrap: `draws` parameter
 * vectors of each model ({@link drawParameters}; seeds `seed` and `seed + 1`), CLV recomputed
 * per draw with `withParams`, and the (1−level)/2 and (1+level)/2 percentiles per customer.
 * A draw evaluates the purchase model once per unique (x, t_x, T) pattern (and its terms once per
 * distinct x and day), not per customer and period; the spend model is a closed form per
 * customer; the percentiles are found by selection. So the interval costs about draws × patterns
 * model evaluations (plus draws × customers multiplications), with the values of the plain
 * per-customer recomputation (to about 1e-13 relative). The bounds of all customers are computed
 * when `interval.lower` or `interval.upper` is first read; `interval.ofRows(rows)` gives those of a
 * few customers (draws × their patterns), with the same values ({@link clvBootstrap}).
 *
 * @returns per-customer CLV with its inputs and, when asked, the interval
 * @throws ArgumentError for bad histories, lengths, H, L, d or margin; Error when an interval is
 *   asked but a model has no covariance (built from params)
 * @example
 * customerLifetimeValue({ purchaseModel: bgnbd, spendModel: gg, customers, horizonPeriods: 12,
 *   periodLength: 30, discountRatePerPeriod: 0.01 }).clv[0]; // 140.096 (CDNOW customer 1, lifetimes' docs)
 */
export function customerLifetimeValue<P extends ModelParams>(options: CustomerLifetimeValueOptions<P>): CustomerLifetimeValue {
  const fn = "customerLifetimeValue";
  const { purchaseModel, spendModel, customers, horizonPeriods: H, periodLength: L, discountRatePerPeriod: d } = options;
  const margin = options.margin ?? 1;
  const n = checkHistory(fn, customers);
  if (customers.monetaryValue.length !== n) throw new ArgumentError(`${fn}: ${customers.monetaryValue.length} monetary values for ${n} customers`);
  if (!(Number.isInteger(H) && H >= 1)) throw new ArgumentError(`${fn}: horizonPeriods ${H} must be a whole number >= 1`);
  if (!(L > 0 && Number.isFinite(L))) throw new ArgumentError(`${fn}: periodLength ${L} must be a positive number of ${purchaseModel.timeUnit ?? "model time unit"}s`);
  if (!(d > -1 && Number.isFinite(d))) throw new ArgumentError(`${fn}: discountRatePerPeriod ${d} must be a number > -1`);
  if (!(margin >= 0 && Number.isFinite(margin))) throw new ArgumentError(`${fn}: margin ${margin} must be a finite number >= 0`);
  const spend = { frequency: customers.frequency, monetaryValue: customers.monetaryValue };
  const { patterns, rowPattern } = historyPatterns(customers);
  const point = (pm: PurchaseModel<P>, sm: GammaGammaModel) => {
    const averageSpend = sm.conditionalExpectedAverageSpend(spend);
    const purchases = discountedPurchases(pm, patterns, H, L, d);
    return { clv: combineClv(purchases.discounted, rowPattern, averageSpend, margin), averageSpend, total: purchases.total };
  };
  const est = point(purchaseModel, spendModel);
  let interval: CustomerLifetimeValue["interval"] = null;
  if (options.interval) {
    const draws = options.interval.draws ?? 200, level = options.interval.level ?? 0.9, seed = options.interval.seed;
    if (!(level > 0 && level < 1)) throw new ArgumentError(`${fn}: interval level ${level} must be between 0 and 1`);
    if (!Number.isSafeInteger(seed)) throw new ArgumentError(`${fn}: interval seed ${seed} must be a safe integer`);
    for (const m of [purchaseModel, spendModel]) {
      if (m.covarianceLog === null) {
        throw new Error(`${fn}: an interval needs fitted models, but the ${m.model} model has no parameter covariance (built from known parameters); fit it to data, or drop \`interval\``);
      }
    }
    const boot = clvBootstrap({
      purchaseModel,
      purchaseDraws: drawParameters(purchaseModel, draws, seed),
      spendDraws: drawParameters(spendModel, draws, seed + 1),
      patterns,
      rowPattern,
      // copies: the bounds are computed later, from the values given now
      frequency: Float64Array.from(customers.frequency),
      monetaryValue: Float64Array.from(customers.monetaryValue),
      horizonPeriods: H,
      periodLength: L,
      discountRatePerPeriod: d,
      margin,
      level,
    });
    // The bounds of every customer are computed when first read; `ofRows` gives a few customers'
    // (e.g. the ones a report lists) for draws × their patterns.
    let all: ClvBounds | null = null;
    const full = (): ClvBounds => (all ??= boot.all());
    // ofRows is a method, not data: not enumerable (as a class's methods), so that intervals compare by their values
    interval = Object.freeze(Object.defineProperty({
      get lower() {
        return full().lower;
      },
      get upper() {
        return full().upper;
      },
      level,
      draws,
      seed,
    }, "ofRows", { value: (rows: ArrayLike<number>): ClvBounds => boot.rows(rows), enumerable: false }) as NonNullable<CustomerLifetimeValue["interval"]>);
  }
  return Object.freeze({
    clv: est.clv,
    expectedPurchases: scatter(est.total, rowPattern),
    expectedAverageSpend: est.averageSpend,
    horizonPeriods: H,
    periodLength: L,
    horizon: H * L,
    timeUnit: purchaseModel.timeUnit,
    discountRatePerPeriod: d,
    margin,
    interval,
  });
}


/** The value of each customer's pattern, per customer. */
function scatter(byPattern: Float64Array, rowPattern: Uint32Array): Float64Array {
  const out = new Float64Array(rowPattern.length);
  for (let i = 0; i < out.length; i++) out[i] = byPattern[rowPattern[i]!]!;
  return out;
}
