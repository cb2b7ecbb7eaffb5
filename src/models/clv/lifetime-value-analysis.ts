import { isoDayOption } from "../../data/parse/iso-day-option.js";
import { formatDay } from "../../data/parse/format-day.js";
import type { Transactions } from "../../data/types.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { DAYS_PER_UNIT, type CustomerSummary, type TimeUnit } from "../../summary/types.js";
import { customerValueForecast, withMethod } from "./customer-value-forecast.js";
import type { ClvBounds } from "./clv-bootstrap.js";
import { calibrationHoldoutTable } from "../diagnostics/calibration-holdout-table.js";
import { holdoutTracking } from "../diagnostics/purchase-tracking.js";
import { holdoutCohort } from "../diagnostics/holdout-cohort.js";
import type { CalibrationHoldoutTable, PurchaseTracking } from "../diagnostics/index.js";
import { spendFrequencyCorrelation, type SpendFrequencyCorrelation } from "../spend/gamma-gamma-diagnostics.js";
import type { FitOptions, ModelJson, ParameterEstimate, PurchaseModel } from "../fitting/model-types.js";
import { ArgumentError } from "../../math/argument-error.js";
import { progressStages, type ProgressCallback } from "../../math/progress.js";
import { ConvergenceError } from "../fitting/convergence-error.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";
import type { PurchaseModelSpec, PurchaseParams } from "../model-spec.js";
import { isPurchaseModelId, PURCHASE_MODEL_IDS, PURCHASE_MODELS, type PurchaseModelId } from "../registry.js";

/** The order in which purchase models are tried when none is forced and one cannot be fitted. */
const FALLBACK_MODELS: readonly PurchaseModelId[] = ["bg-nbd", "mbg-nbd", "pareto-nbd"];

/** Options of {@link lifetimeValueAnalysis}. */
export interface LifetimeValueAnalysisOptions {
  /** Purchase model, one of {@link PURCHASE_MODEL_IDS} (default `"bg-nbd"`, falling back to the next model that identifies the data). */
  readonly model?: PurchaseModelId;
  /** Last day observed, ISO (default: the last transaction date). */
  readonly observationEnd?: string;
  /**
   * End of the calibration period for the holdout check, ISO. Default: the observation end minus
   * 26 weeks, or minus a quarter of the data's span when that is shorter. Set it equal to the
   * observation end to skip the check.
   */
  readonly calibrationEnd?: string;
  /** Time unit of the models (default `"week"`). */
  readonly timeUnit?: TimeUnit;
  /** Discounting periods in the CLV horizon (default 12). */
  readonly horizonPeriods?: number;
  /** Length of one discounting period in time units (default one month: 365.25/12 days in the time unit). */
  readonly periodLength?: number;
  /** Discount rate per period (default 0.008: about 10 % a year with monthly periods). */
  readonly discountRatePerPeriod?: number;
  /** Share of spend that is profit (default 1). */
  readonly margin?: number;
  /** Bootstrap draws for the CLV interval (default 100; 0 for none) and its seed (default 1). */
  readonly draws?: number;
  readonly seed?: number;
  readonly penalizer?: number;
  /**
   * The customer summary of these transactions to the observation end in `timeUnit` (as
   * `customerSummary(transactions, { observationEnd, timeUnit })` makes it), when the caller has it
   * already (a report): used instead of making it again. Ignored when its time unit, observation
   * end or calibration end do not match.
   */
  readonly summary?: CustomerSummary;
  /**
   * Told how far the analysis is, in stages (4): the purchase model fitted on all the data, the
   * holdout check, the spend model fitted, the predictions and the CLV of every customer; the
   * last call is `(4, 4)` at the end. The result is the same with or without it.
   */
  readonly onProgress?: ProgressCallback;
}

/** The plain result of {@link lifetimeValueAnalysis}: numbers and tables only, for reports and notebooks. */
export interface LifetimeValueAnalysis {
  readonly model: PurchaseModelId;
  /** Why the model in use is not the one asked for (a fallback after a boundary maximum), or null. */
  readonly modelNote: string | null;
  readonly timeUnit: TimeUnit;
  readonly observationEnd: string;
  /** CLV horizon in time units (periods × period length). */
  readonly horizon: number;
  readonly horizonPeriods: number;
  readonly periodLength: number;
  readonly discountRatePerPeriod: number;
  readonly margin: number;
  /** The holdout check (model fitted up to calibrationEnd), or null when there is no holdout. */
  readonly validation: {
    readonly calibrationEnd: string;
    readonly durationHoldout: number;
    readonly purchaseModel: ModelJson;
    readonly calibrationHoldout: CalibrationHoldoutTable;
    readonly tracking: PurchaseTracking;
  } | null;
  /** The models refitted on all data up to the observation end, used for the predictions. */
  readonly purchaseModel: ModelJson;
  readonly purchaseEstimates: readonly ParameterEstimate[];
  /** The Gamma-Gamma spend model; null for a purchase log without amounts (then no spend and no CLV). */
  readonly spendModel: ModelJson | null;
  readonly spendEstimates: readonly ParameterEstimate[] | null;
  readonly spendCorrelation: SpendFrequencyCorrelation | null;
  /** Repeat customers left out of the spend model (mean repeat spend 0 or less) and how they were valued, or null. */
  readonly spendNote: string | null;
  /** Per customer, in summary order. Money in the data's currency; purchases over the horizon. */
  readonly customers: {
    readonly customerId: readonly string[];
    readonly frequency: Float64Array;
    readonly totalSpend: Float64Array;
    readonly daysSinceLastPurchase: Float64Array;
    readonly probabilityAlive: Float64Array;
    readonly expectedPurchases: Float64Array;
    /** Null for a purchase log (no amounts). */
    readonly expectedAverageSpend: Float64Array | null;
    /** Null for a purchase log (no amounts). */
    readonly clv: Float64Array | null;
    /** The CLV interval's bounds (null without an interval), computed when first read. */
    readonly clvLower: Float64Array | null;
    readonly clvUpper: Float64Array | null;
  };
  /**
   * The CLV interval's bounds of the given customers only (indices in summary order; the same
   * values as `customers.clvLower`/`clvUpper`, for the work of those customers' patterns), or null
   * without an interval: what a report listing a few customers needs.
   */
  readonly clvIntervalOf: ((rows: ArrayLike<number>) => ClvBounds) | null;
  readonly intervalLevel: number | null;
  /** The CLV interval's parametric bootstrap (level, parameter draws, seed), or null without one. */
  readonly interval: { readonly level: number; readonly draws: number; readonly seed: number } | null;
}

/**
 * The lifetime-value analysis a report shows, end to end: (1) when there is a holdout, fit the
 * purchase model on the calibration period and compare its predictions with what customers did
 * in the holdout (FHL 2005 §5: the calibration/holdout table and the weekly tracking); (2) refit
 * the purchase model and the Gamma-Gamma spend model on all the data; (3) predict for every
 * customer P(alive), purchases and spend over the horizon, and the discounted CLV with a
 * parametric-bootstrap interval. Steps 2 and 3 are {@link customerValueForecast}, as `crm predict`
 * runs them; the models come from the registry ({@link PURCHASE_MODELS}).
 *
 * @param transactions - validated transactions
 * @param options - model, periods, horizon, discounting, bootstrap
 * @returns plain numbers and tables, frozen
 * @throws ArgumentError for bad options or data; ConvergenceError when a model cannot be fitted
 * @example
 * const ltv = await lifetimeValueAnalysis(transactions, { horizonPeriods: 12 });
 * ltv.customers.clv[0]; // the first customer's CLV over the next 12 months, discounted monthly
 */
export async function lifetimeValueAnalysis(
  transactions: Transactions,
  options: LifetimeValueAnalysisOptions = {},
): Promise<LifetimeValueAnalysis> {
  const fn = "lifetimeValueAnalysis";
  const asked = options.model ?? "bg-nbd";
  if (!isPurchaseModelId(asked)) throw new ArgumentError(`${fn}: model "${String(asked)}" is not one of ${PURCHASE_MODEL_IDS.join(", ")}`);
  const timeUnit = options.timeUnit ?? "week";
  const fitOptions = { timeUnit, penalizer: options.penalizer };
  const stages = progressStages(options.onProgress, 4);
  const full = reusable(transactions, options.summary, options.observationEnd, timeUnit)
    ?? await customerSummary(transactions, { observationEnd: options.observationEnd, timeUnit });
  const calibrationEnd = options.calibrationEnd ?? defaultCalibrationEnd(full);
  const c = full.columns;
  PURCHASE_MODELS[asked].requireData(c);
  // A model whose likelihood has no interior maximum on these data (e.g. BG/NBD with no dropout
  // detectable: a -> 0) is not a failure of the analysis: unless a model was forced, the next
  // model that identifies the data is used, and the report says so.
  const candidates = options.model ? [asked] : [asked, ...FALLBACK_MODELS.filter((m) => m !== asked)];
  let chosen: { modelId: PurchaseModelId; purchaseModel: PurchaseModel<PurchaseParams>; validation: LifetimeValueAnalysis["validation"] } | undefined;
  const failures: string[] = [];
  let checkNote: string | null = null;
  for (const id of candidates) {
    const spec = PURCHASE_MODELS[id];
    try {
      const purchaseModel = spec.fit(c, fitOptions);
      stages.next();
      // The holdout check refits on less data: when that cannot be done, the model on all the
      // data still stands, without a check (and the report says why).
      let validation: LifetimeValueAnalysis["validation"] = null;
      try {
        validation = await validate(transactions, full, calibrationEnd, spec, fitOptions);
      } catch (error) {
        if (!(error instanceof AnalysisNotPossibleError)) throw error;
        checkNote = `The holdout check was left out: fitted on the data to ${calibrationEnd} alone, ${error.message.replace(/^[\w-]+: /, "").split(";")[0]}.`;
      }
      stages.next();
      chosen = { modelId: id, purchaseModel, validation };
      break;
    } catch (error) {
      if (!(error instanceof ConvergenceError) || candidates.length === 1) throw error;
      failures.push(`${id}: ${error.message.replace(/^[\w-]+: /, "").split(";")[0]}`);
      if (id === candidates.at(-1)) {
        throw new AnalysisNotPossibleError(
          `${fn}: no purchase model could be fitted on these data (${candidates.join(", ")}: the likelihood has no maximum with identified parameters, e.g. when every customer buys at the same rate and nobody drops out); ${error.advice}`,
        );
      }
    }
  }
  const { modelId, purchaseModel, validation } = chosen!;
  const edge = [boundaryNote(purchaseModel), checkNote].filter((n) => n !== null).join(" ") || null;
  const modelNote = failures.length === 0
    ? edge
    : `${failures.map((f) => f.split(":")[0]).join(" and ")} could not be fitted on these data (${failures.map((f) => f.slice(f.indexOf(":") + 2)).join("; ")}: its likelihood is highest at the edge of the parameter space, e.g. no dropout detectable in the period), so ${modelId} is used instead.`;
  const periodLength = options.periodLength ?? DAYS_PER_UNIT.month / DAYS_PER_UNIT[timeUnit];
  const horizonPeriods = options.horizonPeriods ?? 12;
  const draws = options.draws ?? 100;
  const forecast = await customerValueForecast(full, {
    purchaseModel,
    penalizer: options.penalizer,
    horizon: horizonPeriods * periodLength,
    periodLength,
    discountRatePerPeriod: options.discountRatePerPeriod ?? 0.008,
    margin: options.margin ?? 1,
    interval: draws > 0 ? { draws, seed: options.seed ?? 1 } : undefined,
    progress: { step: async (_label, work) => { const r = work(); stages.next(); return r; }, note: () => undefined },
  });
  const spend = forecast.spend;
  // No spend model (a purchase log, or too few repeat customers with a positive spend): who is
  // still active and how often they will buy, but no spend and no CLV, with the reason.
  const missing = forecast.noSpendModel;
  const spendNote = missing === null
    ? spend?.note ?? null
    : missing.reason === "no-amounts"
      ? "The data have no amounts (a purchase log), so there is no spend model and no lifetime value in money: the section shows who is still active and how many purchases to expect."
      : `There is no spend model (${missing.message.replace(/^\w+: /, "")}), so no lifetime value in money: the section shows who is still active and how many purchases to expect.`;
  stages.end();
  return Object.freeze(withMethod({
    model: modelId,
    modelNote,
    timeUnit,
    observationEnd: full.observationEnd,
    horizon: forecast.horizon,
    horizonPeriods,
    periodLength,
    validation,
    purchaseModel: purchaseModel.toJSON(),
    purchaseEstimates: purchaseModel.summary(),
    discountRatePerPeriod: forecast.discountRatePerPeriod,
    margin: forecast.margin,
    spendModel: spend === null ? null : spend.model.toJSON(),
    spendEstimates: spend === null ? null : spend.model.summary(),
    // on the customers the spend model was fitted on (not on the imputed mean of the excluded ones)
    spendCorrelation: spend === null
      ? null
      : spendFrequencyCorrelation({ frequency: positiveSpendFrequency(c.frequency, c.monetary_value), monetaryValue: c.monetary_value }),
    spendNote,
    customers: Object.freeze({
      customerId: c.customer_id,
      frequency: c.frequency,
      totalSpend: c.total_spend,
      daysSinceLastPurchase: c.days_since_last_purchase,
      probabilityAlive: forecast.probabilityAlive,
      expectedPurchases: forecast.expectedPurchases,
      expectedAverageSpend: forecast.expectedAverageSpend,
      clv: forecast.clv,
      get clvLower() {
        return forecast.clvLower;
      },
      get clvUpper() {
        return forecast.clvUpper;
      },
    }),
    intervalLevel: forecast.interval?.level ?? null,
    interval: forecast.interval,
  }, "clvIntervalOf", forecast.clvIntervalOf));
}

/** The given summary when it is the one customerSummary would make for these options, else undefined. */
function reusable(transactions: Transactions, summary: CustomerSummary | undefined, observationEnd: string | undefined, timeUnit: TimeUnit): CustomerSummary | undefined {
  if (summary === undefined || summary.timeUnit !== timeUnit || summary.calibrationEnd !== summary.observationEnd) return undefined;
  if (observationEnd !== undefined) return summary.observationEnd === observationEnd ? summary : undefined;
  let last = -Infinity;
  for (let i = 0; i < transactions.length; i++) if (transactions.day[i]! > last) last = transactions.day[i]!;
  return last > -Infinity && summary.observationEnd === formatDay(last) ? summary : undefined;
}

/** The observation end minus 26 weeks, or minus a quarter of the span when that is shorter. */
function defaultCalibrationEnd(full: CustomerSummary): string {
  const obs = isoDayOption(full.observationEnd, "lifetimeValueAnalysis", "observationEnd");
  let first = obs;
  for (const d of full.columns.first_purchase) first = Math.min(first, isoDayOption(d, "lifetimeValueAnalysis", "first purchase"));
  return formatDay(obs - Math.min(182, Math.floor((obs - first) / 4)));
}

async function validate(
  transactions: Transactions,
  full: CustomerSummary,
  calibrationEnd: string,
  spec: PurchaseModelSpec,
  fitOptions: FitOptions,
): Promise<LifetimeValueAnalysis["validation"]> {
  if (calibrationEnd >= full.observationEnd) return null;
  const fn = "lifetimeValueAnalysis";
  // The columns customerSummary would give with this calibration end, from the typed columns.
  const s = holdoutCohort(transactions, isoDayOption(calibrationEnd, fn, "calibrationEnd"), isoDayOption(full.observationEnd, fn, "observationEnd"), full.timeUnit);
  const model = spec.fit(s.columns, fitOptions);
  return Object.freeze({
    calibrationEnd: s.calibrationEnd,
    durationHoldout: s.durationHoldout,
    purchaseModel: model.toJSON(),
    calibrationHoldout: calibrationHoldoutTable(model, s),
    tracking: holdoutTracking(model, s),
  });
}

/**
 * One sentence on parameters whose maximum lies at the edge of the parameter space (standard
 * error NaN), read as the model's limit; null when there are none.
 */
function boundaryNote(model: PurchaseModel<PurchaseParams>): string | null {
  const edge = Object.entries(model.standardErrors ?? {}).filter(([, se]) => Number.isNaN(se)).map(([name]) => name);
  if (edge.length === 0) return null;
  const values = edge.map((k) => `${k} ${Number((model.params as Record<string, number>)[k]!.toPrecision(3))}`).join(", ");
  // Only the dropout parameters at their edge mean "no dropout" (BG/NBD, MBG/NBD: a, b; Pareto/NBD: s, beta).
  const dropout = edge.every((k) => ["a", "b", "s", "beta"].includes(k));
  return dropout
    ? `The likelihood is highest at the edge of the parameter space (${values}): no dropout is detectable in this period, so ${model.model} reduces to its limit, the NBD model in which customers keep buying at their own rate; P(alive) is close to 1 for everyone and these parameters have no interval.`
    : `The likelihood is highest at the edge of the parameter space (${values}): the data do not identify these parameters, so the model is at its limit there and they have no interval; read the predictions with care.`;
}

/** x where the mean repeat spend is positive, else 0 (the customers the spend model is fitted on). */
function positiveSpendFrequency(frequency: Float64Array, monetaryValue: Float64Array): Float64Array {
  const out = new Float64Array(frequency.length);
  for (let i = 0; i < out.length; i++) out[i] = monetaryValue[i]! > 0 ? frequency[i]! : 0;
  return out;
}
