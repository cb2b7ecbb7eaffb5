import type { TimeUnit } from "../../summary/types.js";
import type { MlFit } from "./fit-maximum-likelihood.js";
import type { FittedModel, ModelJson, ModelParams, ParameterEstimate } from "./model-types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** The fit statistics a model carries: from a fit, or empty for `fromParams`. */
export interface FitStatistics {
  readonly logLikelihood: number;
  readonly nCustomers: number;
  readonly converged: boolean;
  readonly iterations: number;
  readonly covarianceLog: readonly number[] | null;
  readonly timeUnit: TimeUnit | null;
}

/**
 * The fit statistics of a model built from known parameters: no likelihood, no uncertainty.
 *
 * @example
 * knownParamsStatistics("week").converged; // true
 */
export function knownParamsStatistics(timeUnit: TimeUnit | null = null): FitStatistics {
  return { logLikelihood: NaN, nCustomers: 0, converged: true, iterations: 0, covarianceLog: null, timeUnit };
}

/**
 * Checks known parameter values (each named one present, finite and positive) and copies just
 * those, for a model's `...FromParams`.
 *
 * @param fn - the public function, named in errors
 * @param names - the model's parameter names
 * @param params - the values
 * @returns a new record with exactly `names`
 * @throws ArgumentError naming the first missing or invalid parameter
 * @example
 * knownParams("bgNbdFromParams", ["r", "alpha"], { r: 0.2, alpha: 4, extra: 1 }); // { r: 0.2, alpha: 4 }
 */
export function knownParams<P extends ModelParams>(fn: string, names: readonly (keyof P & string)[], params: P): P {
  const out: Record<string, number> = {};
  for (const k of names) {
    const v = params[k];
    if (typeof v !== "number" || !(v > 0) || !Number.isFinite(v)) throw new ArgumentError(`${fn}: ${k} ${String(v)} must be a positive number`);
    out[k] = v;
  }
  return out as P;
}

/**
 * The fit statistics of a maximum-likelihood fit.
 *
 * @example
 * fitStatistics(fit, 2357, "week").nCustomers; // 2357
 */
export function fitStatistics(fit: MlFit, nCustomers: number, timeUnit: TimeUnit | null = null): FitStatistics {
  return {
    logLikelihood: fit.logLikelihood,
    nCustomers,
    converged: fit.converged,
    iterations: fit.iterations,
    covarianceLog: fit.covarianceLog,
    timeUnit,
  };
}

/**
 * The parts every fitted model shares (params, statistics, `summary()`, `toJSON()`), for a model
 * file to spread into its frozen object.
 *
 * @param model - the model id
 * @param names - parameter names in order
 * @param params - the parameter values
 * @param stats - the fit statistics
 * @returns the shared part of a {@link FittedModel}
 * @example
 * const base = fittedModelBase("bg-nbd", ["r", "alpha", "a", "b"], params, knownParamsStatistics());
 * base.summary()[0].parameter; // "r"
 */
export function fittedModelBase<P extends ModelParams>(
  model: string,
  names: readonly (keyof P & string)[],
  params: P,
  stats: FitStatistics,
): FittedModel<P> {
  const k = names.length;
  const cov = stats.covarianceLog;
  // A zero variance marks a parameter fixed at the edge of the parameter space: no interval (NaN).
  const seLog = names.map((_, i) => (cov && cov[i * k + i]! > 0 ? Math.sqrt(cov[i * k + i]!) : NaN));
  const standardErrors = cov ? (Object.freeze(Object.fromEntries(names.map((nm, i) => [nm, params[nm]! * seLog[i]!]))) as P) : null;
  const frozenParams = Object.freeze({ ...params }) as P;
  const rows: ParameterEstimate[] = names.map((name, i) => {
    const est = params[name]!;
    return Object.freeze({
      parameter: name,
      estimate: est,
      standardError: est * seLog[i]!,
      lower95: est * Math.exp(-1.959963984540054 * seLog[i]!),
      upper95: est * Math.exp(1.959963984540054 * seLog[i]!),
    });
  });
  return {
    model,
    params: frozenParams,
    logLikelihood: stats.logLikelihood,
    nCustomers: stats.nCustomers,
    converged: stats.converged,
    iterations: stats.iterations,
    standardErrors,
    covarianceLog: cov,
    timeUnit: stats.timeUnit,
    parameterNames: Object.freeze([...names]),
    summary: () => Object.freeze(rows),
    toJSON: (): ModelJson => ({
      model,
      schemaVersion: 1,
      params: { ...frozenParams },
      logLikelihood: stats.logLikelihood,
      nCustomers: stats.nCustomers,
      converged: stats.converged,
      iterations: stats.iterations,
      standardErrors: standardErrors ? { ...standardErrors } : null,
      covarianceLog: cov ? [...cov] : null,
      timeUnit: stats.timeUnit,
    }),
  };
}

/**
 * Reads the statistics and parameters back from a model's JSON, checking its id and version.
 *
 * @param json - the parsed JSON
 * @param model - the expected model id
 * @param names - the expected parameter names
 * @returns the parameters and statistics
 * @throws TypeError when the JSON is of another model, another schema version, or lacks a parameter
 * @example
 * const { params, stats } = readModelJson(JSON.parse(text), "bg-nbd", ["r", "alpha", "a", "b"]);
 */
export function readModelJson(json: unknown, model: string, names: readonly string[]): { params: Record<string, number>; stats: FitStatistics } {
  const j = json as Partial<ModelJson> | null;
  if (!j || typeof j !== "object" || j.model !== model) {
    throw new TypeError(`${model} fromJSON: expected a "${model}" model, got ${JSON.stringify(j && typeof j === "object" ? j.model : j)}`);
  }
  if (j.schemaVersion !== 1) throw new TypeError(`${model} fromJSON: schemaVersion ${String(j.schemaVersion)} is not supported (expected 1)`);
  const params: Record<string, number> = {};
  for (const name of names) {
    const v = j.params?.[name];
    if (typeof v !== "number" || !(v > 0)) throw new TypeError(`${model} fromJSON: parameter ${name} is missing or not positive`);
    params[name] = v;
  }
  return {
    params,
    stats: {
      logLikelihood: typeof j.logLikelihood === "number" ? j.logLikelihood : NaN,
      nCustomers: j.nCustomers ?? 0,
      converged: j.converged ?? true,
      iterations: j.iterations ?? 0,
      covarianceLog: Array.isArray(j.covarianceLog) ? Object.freeze([...j.covarianceLog]) : null,
      timeUnit: j.timeUnit ?? null,
    },
  };
}
