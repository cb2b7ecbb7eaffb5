import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";
import { ArgumentError } from "../../math/argument-error.js";
import type { CustomerSummary } from "../../summary/types.js";
import type { FitOptions, PurchaseModel } from "../fitting/model-types.js";
import type { PurchaseParams } from "../model-spec.js";
import { PURCHASE_MODELS, type PurchaseModelId } from "../registry.js";
import { fitSpendModel, type FittedSpendModel } from "../spend/fit-spend-model.js";
import { customerLifetimeValue } from "./clv.js";
import type { ClvBounds } from "./clv-bootstrap.js";

/**
 * How {@link customerValueForecast} reports its steps (e.g. on stderr); by default it reports nothing.
 * @example
 * const progress: ForecastProgress = { step: async (label, work) => { console.error(label); return work(); }, note: console.error };
 */
export interface ForecastProgress {
  /** Runs one step of the work, labelled in plain words (e.g. `"fitting bg-nbd"`), and returns its result. */
  step<T>(label: string, work: () => T): Promise<T>;
  /** One sentence worth telling the user when it happens (customers left out of the spend model, no amounts). */
  note(message: string): void;
}

/**
 * Options of {@link customerValueForecast}. Durations are in the summary's time unit.
 * @example
 * const options: CustomerValueForecastOptions = { purchaseModel: "bg-nbd", horizon: 52, periodLength: 1, discountRatePerPeriod: 0, margin: 1 };
 */
export interface CustomerValueForecastOptions {
  /** The purchase model: an id to fit on the summary, or a model already fitted on it. */
  readonly purchaseModel: PurchaseModelId | PurchaseModel<PurchaseParams>;
  /** L2 penalty of the fits (default 0). */
  readonly penalizer?: number;
  /** How far ahead, in time units: a whole number of `periodLength`s. */
  readonly horizon: number;
  /** Length of one discounting period, in time units. */
  readonly periodLength: number;
  readonly discountRatePerPeriod: number;
  /** Share of spend that is profit. */
  readonly margin: number;
  /** The parametric-bootstrap interval of the CLV (draws, seed, level 0.9 by default), or none. */
  readonly interval?: { readonly draws: number; readonly seed: number; readonly level?: number };
  /**
   * True: data with amounts on which no spend model can be fitted throw (as `crm predict` does).
   * False (default): spend and CLV are left out, with the reason in `noSpendModel`.
   */
  readonly requireSpendModel?: boolean;
  readonly progress?: ForecastProgress;
}

/**
 * The per-customer forecast, frozen; columns in summary order, money in the data's currency.
 * @example
 * const f: CustomerValueForecast = await customerValueForecast(summary, options);
 * f.clv === null ? f.noSpendModel : f.clv[0];
 */
export interface CustomerValueForecast {
  readonly purchaseModel: PurchaseModel<PurchaseParams>;
  /** The Gamma-Gamma spend model with who was left out of it, or null (see `noSpendModel`). */
  readonly spend: FittedSpendModel | null;
  /** Why there is no spend model (and no CLV): the data have no amounts, or the reason it could not be fitted; null when there is one. */
  readonly noSpendModel: { readonly reason: "no-amounts" } | { readonly reason: "not-possible"; readonly message: string } | null;
  readonly horizon: number;
  readonly horizonPeriods: number;
  readonly periodLength: number;
  readonly discountRatePerPeriod: number;
  readonly margin: number;
  readonly probabilityAlive: Float64Array;
  /** Expected purchases over the horizon. */
  readonly expectedPurchases: Float64Array;
  /** E[M | x, zbar] per customer; null without a spend model. */
  readonly expectedAverageSpend: Float64Array | null;
  /**
   * Discounted CLV and its interval; null without a spend model (or, for the bounds, without an
   * interval). The bounds of all customers are computed when first read.
   */
  readonly clv: Float64Array | null;
  readonly clvLower: Float64Array | null;
  readonly clvUpper: Float64Array | null;
  /** The interval's bounds of the given customers only (indices, in that order; the same values as clvLower/clvUpper), or null without an interval. */
  readonly clvIntervalOf: ((rows: ArrayLike<number>) => ClvBounds) | null;
  readonly interval: { readonly level: number; readonly draws: number; readonly seed: number } | null;
}

const NO_PROGRESS: ForecastProgress = { step: async (_label, work) => work(), note: () => undefined };

/**
 * The forecast that `crm predict` prints and the report's lifetime-value section shows: fits the
 * purchase model (unless given) and the Gamma-Gamma spend model on a customer summary, then
 * predicts for every customer P(alive), expected purchases and expected spend over the horizon,
 * and the discounted CLV with its parametric-bootstrap interval ({@link customerLifetimeValue};
 * Fader, Hardie & Lee 2005, "RFM and CLV"). A purchase log (no amounts) gets purchases and
 * P(alive) only: no spend model and no CLV.
 *
 * @param summary - the customer summary the models are fitted on (its time unit is the models')
 * @param options - purchase model, horizon and periods, discounting, margin, interval, progress
 * @returns the models and the per-customer columns, frozen
 * @throws ArgumentError for a horizon that is not a whole number of periods or other bad options;
 *   AnalysisNotPossibleError for too few repeat customers (or no spend model, with `requireSpendModel`);
 *   ConvergenceError when a model cannot be fitted
 * @example
 * const f = await customerValueForecast(summary, { purchaseModel: "bg-nbd", horizon: 52, periodLength: 4,
 *   discountRatePerPeriod: 0.01, margin: 1, interval: { draws: 100, seed: 1 } });
 * f.clv?.[0]; // the first customer's CLV over the next year, discounted every 4 weeks
 */
export async function customerValueForecast(summary: CustomerSummary, options: CustomerValueForecastOptions): Promise<CustomerValueForecast> {
  const fn = "customerValueForecast";
  const { horizon, periodLength, discountRatePerPeriod, margin, interval } = options;
  const progress = options.progress ?? NO_PROGRESS;
  const horizonPeriods = Math.round(horizon / periodLength);
  if (!(horizon > 0 && periodLength > 0) || Math.abs(horizonPeriods * periodLength - horizon) > 1e-9 * horizon) {
    throw new ArgumentError(`${fn}: horizon ${horizon} must be a positive whole number of periods of length ${periodLength}`);
  }
  const c = summary.columns;
  const fitOptions: FitOptions = { penalizer: options.penalizer, timeUnit: summary.timeUnit };
  const given = options.purchaseModel;
  const purchaseModel = typeof given !== "string" ? given : await progress.step(`fitting ${given}`, () => {
    const spec = PURCHASE_MODELS[given];
    spec.requireData(c, fitOptions);
    return spec.fit(c, fitOptions);
  });
  let spend: FittedSpendModel | null = null;
  let noSpendModel: CustomerValueForecast["noSpendModel"] = null;
  if (summary.hasSpend === false) {
    noSpendModel = { reason: "no-amounts" };
    progress.note("no amounts in the data (a purchase log): expected purchases and P(alive) only; no spend model and no CLV");
  } else {
    try {
      spend = await progress.step("fitting gamma-gamma", () => fitSpendModel({ frequency: c.frequency, monetaryValue: c.monetary_value }, fitOptions));
      if (spend.note) progress.note(spend.note);
    } catch (error) {
      if (!(error instanceof AnalysisNotPossibleError) || options.requireSpendModel === true) throw error;
      noSpendModel = { reason: "not-possible", message: error.message };
    }
  }
  if (spend === null) {
    // P(alive) and expected purchases in one pass (the same values as the two calls)
    const { probabilityAlive, expectedPurchases } = purchaseModel.predict(c, horizon);
    return Object.freeze(withMethod({
      purchaseModel, spend, noSpendModel, horizonPeriods, periodLength, discountRatePerPeriod, margin, probabilityAlive,
      horizon, expectedPurchases, expectedAverageSpend: null, clv: null, clvLower: null, clvUpper: null, interval: null,
    }, "clvIntervalOf", null));
  }
  const probabilityAlive = purchaseModel.probabilityAlive(c);
  const base = { purchaseModel, spend, noSpendModel, horizonPeriods, periodLength, discountRatePerPeriod, margin, probabilityAlive };
  const draws = interval?.draws ?? 0;
  const spendModel = spend.model;
  const monetaryValue = spend.monetaryValue;
  const value = await progress.step(`CLV for ${summary.length.toLocaleString("en-US")} customers${draws > 0 ? ` with ${draws} bootstrap draws` : ""}`, () =>
    customerLifetimeValue({
      purchaseModel,
      spendModel,
      customers: { frequency: c.frequency, recency: c.recency, T: c.T, monetaryValue },
      horizonPeriods,
      periodLength,
      discountRatePerPeriod,
      margin,
      interval: draws > 0 ? interval : undefined,
    }),
  );
  return Object.freeze(withMethod({
    ...base,
    horizon: value.horizon,
    discountRatePerPeriod: value.discountRatePerPeriod,
    margin: value.margin,
    expectedPurchases: value.expectedPurchases,
    expectedAverageSpend: value.expectedAverageSpend,
    clv: value.clv,
    // read when first asked for (see customerLifetimeValue): a report needs only its listed customers'
    get clvLower() {
      return value.interval?.lower ?? null;
    },
    get clvUpper() {
      return value.interval?.upper ?? null;
    },
    interval: value.interval ? Object.freeze({ level: value.interval.level, draws: value.interval.draws, seed: value.interval.seed }) : null,
  }, "clvIntervalOf", value.interval ? value.interval.ofRows : null));
}

/**
 * `object` with a method (or null) added as a property that is not enumerable, as a class's
 * methods are: results then compare, spread and print by their values.
 *
 * @example
 * Object.keys(withMethod({ a: 1 }, "f", () => 2)); // ["a"]
 */
export function withMethod<O extends object, K extends string, F>(object: O, name: K, method: F): O & { readonly [k in K]: F } {
  return Object.defineProperty(object, name, { value: method, enumerable: false }) as O & { readonly [k in K]: F };
}
