import { ArgumentError } from "../math/argument-error.js";
import type { Transactions } from "../data/types.js";
import type { TimeUnit } from "../summary/types.js";
import type { CustomerHistory, FitOptions, FittedModel, ModelParams, PurchaseModel } from "./fitting/model-types.js";

/**
 * What a model describes: purchase counts (non-contractual), spend per purchase, or retention.
 * @example
 * MODELS.filter((m) => m.kind === "retention").map((m) => m.id); // ["bg-bb", "sbg"]
 */
export type ModelKind = "purchase" | "spend" | "retention";

/**
 * What a model is fitted on: the table, its columns (named as lifetimes users know them) and what it takes to build it.
 * @example
 * findModel("sbg")?.data; // { table: "survival table", required: ["survivors"], optional: [], fromTransactions: false, ... }
 */
export interface ModelData {
  /**
   * What one row is: `"customer summary"` (one customer: x, t_x, T, spend; `crm summary`),
   * `"discrete summary"` (one customer, in whole periods) or `"survival table"` (one period of a cohort).
   */
  readonly table: "customer summary" | "discrete summary" | "survival table";
  /** Columns the table must have, and may have. */
  readonly required: readonly string[];
  readonly optional: readonly string[];
  /** What the columns mean when their names do not say it, for help texts and messages ("" when they do). */
  readonly note: string;
  /** True when the table can be built from transactions; false when it must be given (e.g. a survival table). */
  readonly fromTransactions: boolean;
  /** The time unit the table is built in from transactions unless another is asked for. */
  readonly timeUnit: TimeUnit;
}

/**
 * A table of numbers by column name, as a summary file is read (`loadNumericTable`).
 * @example
 * const columns: ModelColumns = { frequency: [2, 0], recency: [30.4, 0], T: [38.9, 20] };
 */
export type ModelColumns = Readonly<Record<string, ArrayLike<number> | undefined>>;

/**
 * The period a model's table is built for from transactions.
 * @example
 * await findModel("bg-bb")!.fitTransactions(tx, { calibrationEnd: "2025-06-30", timeUnit: "month" });
 */
export interface TransactionPeriod {
  /** Last day of the calibration period, ISO (default: the last transaction date). */
  readonly calibrationEnd?: string;
  readonly timeUnit: TimeUnit;
}

/**
 * One model as the registry lists it: what it is, what it needs and predicts, and how to fit it
 * (on a table of named columns or on transactions), build it from known parameters, or read it
 * back from JSON. `M` is the fitted model's type. This view is the same for every model; the
 * typed data of a model's own fit is in {@link ModelSpecOf}.
 *
 * @example
 * const spec = findModel("gamma-gamma")!;
 * spec.data.required; // ["frequency", "monetary_value"]
 * spec.fitColumns({ frequency: s.columns.frequency, monetary_value: s.columns.monetary_value }).params; // { p, q, gamma }
 */
export interface ModelSpec<Id extends string = string, M extends FittedModel<ModelParams> = FittedModel<ModelParams>> {
  /** The one name of the model everywhere: `crm fit ID`, `--model ID`, the JSON's `model`. */
  readonly id: Id;
  /** Other names the command line accepts for it (none today). */
  readonly aliases: readonly string[];
  readonly kind: ModelKind;
  /** The name in the papers, e.g. `"BG/NBD"`. */
  readonly name: string;
  /** One line for help texts: the model, its source and its parameters. */
  readonly description: string;
  readonly data: ModelData;
  /** What the fitted model predicts, in plain words (e.g. `"P(alive)"`). */
  readonly predicts: readonly string[];
  /**
   * Fits on a table of named columns (a summary file's), after checking that the data can
   * identify the model.
   * @throws ArgumentError for a missing column or bad values; AnalysisNotPossibleError when the
   *   data cannot identify the model; ConvergenceError when the fit does not converge
   */
  fitColumns(columns: ModelColumns, options?: FitOptions): M;
  /**
   * Builds the model's table from transactions (for `period`) and fits on it; `period.timeUnit` is stored with the model.
   * @throws ArgumentError when the table cannot be built from transactions (`data.fromTransactions` false), as `fitColumns` otherwise
   */
  fitTransactions(transactions: Transactions, period: TransactionPeriod, options?: FitOptions): Promise<M>;
  /** The model from known parameter values (no fit statistics). @throws ArgumentError naming a missing or non-positive parameter */
  fromParams(params: ModelParams, timeUnit?: TimeUnit | null): M;
  /** The model back from its `toJSON()` form. @throws TypeError when the JSON is not this model's */
  fromJson(json: unknown): M;
}

/**
 * A model's spec with its typed data `D`: the model's own fit and the steps that make its data.
 * @example
 * const m = PURCHASE_MODELS["bg-nbd"]; // ModelSpecOf<"bg-nbd", CustomerHistory, PurchaseModel<PurchaseParams>>
 * m.requireData(summary.columns); // throws AnalysisNotPossibleError below 20 repeat customers
 * m.fit(summary.columns, { timeUnit: "week" });
 */
export interface ModelSpecOf<Id extends string, D, M extends FittedModel<ModelParams>> extends ModelSpec<Id, M> {
  /** The model's data from a table of named columns. @throws ArgumentError naming a missing required column */
  dataFromColumns(columns: ModelColumns): D;
  /** The model's data from transactions, or null when it must be given (see `data.fromTransactions`). */
  readonly dataFromTransactions: ((transactions: Transactions, period: TransactionPeriod) => Promise<D>) | null;
  /** Throws AnalysisNotPossibleError, before any fit, when the data cannot identify the model (e.g. too few repeat customers). */
  requireData(data: D, options?: FitOptions): void;
  /** The model's maximum-likelihood fit on its data, as is (no `requireData`). */
  fit(data: D, options?: FitOptions): M;
}

/**
 * The parameters every purchase model shares: the purchase rate λ ~ Gamma(r, alpha).
 * @example
 * const { r, alpha } = PURCHASE_MODELS["pareto-nbd"].fit(summary.columns).params; // mean rate r / alpha
 */
export type PurchaseParams = ModelParams & { readonly r: number; readonly alpha: number };

/**
 * A purchase model's spec (BG/NBD, Pareto/NBD, MBG/NBD): fitted on customer histories (x, t_x, T).
 * @example
 * const spec: PurchaseModelSpec = PURCHASE_MODELS["mbg-nbd"];
 * spec.fit(summary.columns).probabilityAlive(summary.columns);
 */
export interface PurchaseModelSpec<Id extends string = string> extends ModelSpecOf<Id, CustomerHistory, PurchaseModel<PurchaseParams>> {
  readonly kind: "purchase";
}

/**
 * The parts of a spec that {@link defineModel} is given; it adds `fitColumns` and `fitTransactions`.
 * @example
 * const parts: ModelSpecParts<"sbg", SbgSurvivalTable, SbgModel> = { id: "sbg", fit: fitSbg, ... };
 */
export type ModelSpecParts<Id extends string, D, M extends FittedModel<ModelParams>> = Omit<ModelSpecOf<Id, D, M>, "fitColumns" | "fitTransactions">;

/**
 * A model's spec from its parts: adds the fits on named columns and on transactions (data,
 * then `requireData`, then `fit`), and freezes it. Used by the registry, one call per model.
 *
 * @param parts - id, description, data, predictions, the data steps and the model's functions
 * @returns the frozen spec
 * @example
 * const spec = defineModel({ id: "sbg", kind: "retention", fit: fitSbg, ... });
 * spec.fitColumns({ survivors: [1000, 631, 468, 382] }).params; // { alpha: ..., beta: ... }
 */
export function defineModel<const Id extends string, D, M extends FittedModel<ModelParams>>(parts: ModelSpecParts<Id, D, M>): ModelSpecOf<Id, D, M> {
  const fitData = (data: D, options: FitOptions = {}): M => {
    parts.requireData(data, options);
    return parts.fit(data, options);
  };
  return Object.freeze({
    ...parts,
    aliases: Object.freeze([...parts.aliases]),
    predicts: Object.freeze([...parts.predicts]),
    data: Object.freeze({ ...parts.data }),
    fitColumns: (columns: ModelColumns, options?: FitOptions): M => fitData(parts.dataFromColumns(columns), options),
    fitTransactions: async (transactions: Transactions, period: TransactionPeriod, options: FitOptions = {}): Promise<M> => {
      if (parts.dataFromTransactions === null) {
        throw new ArgumentError(`${parts.id}: the ${parts.name} model needs a ${parts.data.table}, not transactions (columns ${parts.data.required.join(", ")})`);
      }
      return fitData(await parts.dataFromTransactions(transactions, period), { ...options, timeUnit: period.timeUnit });
    },
  });
}

/**
 * The named columns of a table, checked: each required one present.
 *
 * @param id - the model, named in the error
 * @param columns - the table
 * @param required - the columns it must have
 * @returns the required columns, in order
 * @throws ArgumentError naming the first missing column
 * @example
 * requiredColumns("sbg", { survivors: [1000, 631] }, ["survivors"]); // [[1000, 631]]
 */
export function requiredColumns(id: string, columns: ModelColumns, required: readonly string[]): ArrayLike<number>[] {
  return required.map((name) => {
    const column = Object.hasOwn(columns, name) ? columns[name] : undefined;
    if (column === undefined) throw new ArgumentError(`${id}: no ${name} column; the model needs ${required.join(", ")}`);
    return column;
  });
}
