import type { TimeUnit } from "../../summary/types.js";

/** A model's parameters by their names in the papers (`r`, `alpha`, `a`, `b`, ...). */
export type ModelParams = Readonly<Record<string, number>>;

/** One row of a model's `summary()`: an estimate with its standard error and 95 % interval. */
export interface ParameterEstimate {
  readonly parameter: string;
  readonly estimate: number;
  /** Standard error by the delta method from the log-scale Hessian (NaN when the Hessian is singular). */
  readonly standardError: number;
  /** 95 % interval exp(ln θ ± 1.96 SE(ln θ)): always positive, asymmetric. */
  readonly lower95: number;
  readonly upper95: number;
}

/** The JSON form of a fitted model (`toJSON()` / `modelFromJson()`). */
export interface ModelJson {
  /** The model's id, as the registry lists it (`ModelId` for the models crm-analytics ships). */
  readonly model: string;
  readonly schemaVersion: 1;
  readonly params: Record<string, number>;
  readonly logLikelihood: number;
  readonly nCustomers: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly standardErrors: Record<string, number> | null;
  /** Covariance of the log-parameters, row-major in `params` key order (null when unknown). */
  readonly covarianceLog: number[] | null;
  readonly timeUnit: TimeUnit | null;
}

/**
 * What every fitted model has: the frozen result of a maximum-likelihood fit (or of `fromParams`).
 * `P` is the model's parameter record.
 */
export interface FittedModel<P extends ModelParams> {
  /** The model's id, as the registry lists it (`ModelId` for the models crm-analytics ships), e.g. `"bg-nbd"`. */
  readonly model: string;
  readonly params: P;
  /** The papers' full log-likelihood: the (weighted) sum over customers, natural log; NaN from `fromParams`. */
  readonly logLikelihood: number;
  /** Customers the model was fitted on (sum of weights); 0 from `fromParams`. */
  readonly nCustomers: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly standardErrors: P | null;
  /** Covariance of the log-parameters, row-major in `parameterNames` order, or null. */
  readonly covarianceLog: readonly number[] | null;
  /** The time unit of the data the model was fitted on (rates are per unit), or null when unknown. */
  readonly timeUnit: TimeUnit | null;
  readonly parameterNames: readonly string[];
  /** Rows of estimate, standard error and 95 % interval. */
  summary(): readonly ParameterEstimate[];
  toJSON(): ModelJson;
}

/** Customers as the purchase models take them: repeat purchases, recency and age, in one time unit. */
export interface CustomerHistory {
  /** Repeat purchases x. */
  readonly frequency: ArrayLike<number>;
  /** Time of the last purchase since the first, t_x (0 when x = 0). */
  readonly recency: ArrayLike<number>;
  /** Time since the first purchase to the end of calibration, T. */
  readonly T: ArrayLike<number>;
  /** Optional count of identical customers per row (a fit on unique patterns). */
  readonly weights?: ArrayLike<number>;
}

/** Options of a maximum-likelihood fit. */
export interface FitOptions {
  /** Customers per row (default 1 each). */
  readonly weights?: ArrayLike<number>;
  /** L2 penalty on the parameters, added to the mean negative log-likelihood (lifetimes' penalizer_coef; default 0). */
  readonly penalizer?: number;
  /** Starting values on the natural scale (default: the model's own). */
  readonly initialParams?: Readonly<Record<string, number>>;
  /** Optimiser iteration limit (default 500). */
  readonly maxIterations?: number;
  /** Time unit of the data, stored with the model (default null). */
  readonly timeUnit?: TimeUnit;
}

/** Simulated customers: histories drawn from a model with known parameters. */
export interface SimulatedHistory {
  readonly frequency: Float64Array;
  readonly recency: Float64Array;
  readonly T: Float64Array;
}

/**
 * A purchase-count model for non-contractual settings (BG/NBD, Pareto/NBD, MBG/NBD): time in the
 * unit of the data it was fitted on.
 */
export interface PurchaseModel<P extends ModelParams> extends FittedModel<P> {
  /** E[X(t)]: expected repeat purchases of a new customer in a period of length t. */
  expectedPurchases(t: number): number;
  /** E[Y(t) | x, t_x, T]: expected purchases in the next t of each customer. */
  conditionalExpectedPurchases(customers: CustomerHistory, t: number): Float64Array;
  /** P(alive | x, t_x, T) for each customer. */
  probabilityAlive(customers: CustomerHistory): Float64Array;
  /**
   * P(alive) and E[Y(t) | x, t_x, T] of each customer in one pass: the same values as
   * `probabilityAlive` and `conditionalExpectedPurchases`, for about the cost of one of them.
   */
  predict(customers: CustomerHistory, t: number): PurchasePredictions;
  /**
   * Σ_{i=1..H} (E[Y(iL)] − E[Y((i−1)L)]) / (1 + d)^i and E[Y(HL)] per customer: the purchase part of a
   * discounted CLV, the same as H calls of `conditionalExpectedPurchases`, each customer's terms
   * that do not change with t computed once. With `options.rows`, only those rows (one value each,
   * in that order, equal bit for bit to the row's value in the call on all rows: the terms shared
   * by rows are still built on all the customers); with `options.total` false, no totals.
   */
  discountedExpectedPurchases(customers: CustomerHistory, horizonPeriods: number, periodLength: number, discountRatePerPeriod: number, options?: DiscountedPurchasesOptions): DiscountedPurchases;
  /** P(X(t) = n) for a new customer. */
  probabilityOfPurchases(n: number, t: number): number;
  /** Draws `n` customer histories observed for `T` (one value, or one per customer), seeded. */
  simulate(n: number, T: number | ArrayLike<number>, seed: number): SimulatedHistory;
  /** The same model with other parameter values (no fit statistics): used by the bootstrap. */
  withParams(params: P): PurchaseModel<P>;
}

/**
 * P(alive) and expected purchases of each customer, from one pass ({@link PurchaseModel.predict}).
 * @example
 * const { probabilityAlive, expectedPurchases } = model.predict(summary.columns, 52);
 */
export interface PurchasePredictions {
  readonly probabilityAlive: Float64Array;
  /** E[Y(t) | x, t_x, T]. */
  readonly expectedPurchases: Float64Array;
}

/**
 * Which rows {@link PurchaseModel.discountedExpectedPurchases} evaluates, and whether with totals.
 * @example
 * model.discountedExpectedPurchases(patterns, 12, 52 / 12, 0.01, { rows: [3, 17], total: false }).discounted; // 2 values
 */
export interface DiscountedPurchasesOptions {
  /** Indices of the rows to evaluate (default all): the result has one value per index, in this order. */
  readonly rows?: ArrayLike<number>;
  /** False: leave `total` empty (default true). */
  readonly total?: boolean;
}

/**
 * Discounted and total expected purchases over a horizon of whole periods ({@link PurchaseModel.discountedExpectedPurchases}).
 * @example
 * const { discounted, total } = model.discountedExpectedPurchases(summary.columns, 12, 52 / 12, 0.01);
 */
export interface DiscountedPurchases {
  /** Σ_{i=1..H} (E[Y(iL)] − E[Y((i−1)L)]) / (1 + d)^i per customer. */
  readonly discounted: Float64Array;
  /** E[Y(HL)] per customer, undiscounted. */
  readonly total: Float64Array;
}
