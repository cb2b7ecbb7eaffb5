import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";
import { fitGammaGamma, type GammaGammaModel } from "./gamma-gamma.js";
import type { SpendHistory } from "./gamma-gamma-check.js";
import type { FitOptions } from "../fitting/model-types.js";

/** Fewest repeat customers with a positive mean spend that the spend model is fitted on. */
export const MIN_SPEND_CUSTOMERS = 10;

/** What {@link fitSpendModel} returns: the model, who was left out of the fit and why, and the spend to predict with. */
export interface FittedSpendModel {
  readonly model: GammaGammaModel;
  /** Repeat customers (frequency > 0) left out of the fit: mean repeat spend 0, negative or unknown. */
  readonly excluded: number;
  /** Mean repeat spend per customer to predict with: as given, or the population mean for the excluded ones (currency). */
  readonly monetaryValue: Float64Array;
  /** One plain sentence on the exclusions, or null when there were none. */
  readonly note: string | null;
}

/**
 * Fits the Gamma-Gamma spend model on real data. The model is defined for a positive mean
 * repeat spend only, and real exports have zero-value orders and refunds: repeat customers whose
 * mean repeat spend is 0, negative or not a number are left out of the fit (counted, with the
 * reason in `note`) and valued at the population mean spend E[M] = p gamma / (q - 1). (Their
 * purchase-model predictions are unaffected: only their spend is replaced.)
 *
 * @param customers - frequency x (repeat purchases) and monetaryValue zbar (currency per repeat purchase), optional weights
 * @param options - as {@link fitGammaGamma}
 * @returns the model, the number excluded, the spend to predict with and the note
 * @throws AnalysisNotPossibleError when fewer than {@link MIN_SPEND_CUSTOMERS} repeat customers have a positive mean spend; ConvergenceError from the fit
 * @example
 * const s = fitSpendModel({ frequency: c.frequency, monetaryValue: c.monetary_value });
 * s.excluded; // e.g. 12 (CDNOW master: zero-value orders)
 * s.model.expectedAverageSpend(); // the population mean spend
 */
export function fitSpendModel(customers: SpendHistory, options: FitOptions = {}): FittedSpendModel {
  const fn = "fitSpendModel";
  const { frequency: x, monetaryValue: m } = customers;
  const n = x.length;
  const fitX = new Float64Array(n);
  let excluded = 0, usable = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!, mi = m[i]!;
    if (!(xi > 0)) continue;
    if (mi > 0 && Number.isFinite(mi)) {
      fitX[i] = xi;
      usable += 1;
    } else excluded += 1;
  }
  if (usable < MIN_SPEND_CUSTOMERS) {
    throw new AnalysisNotPossibleError(
      `${fn}: only ${usable} customers bought more than once with a positive mean spend (at least ${MIN_SPEND_CUSTOMERS} are needed for the Gamma-Gamma spend model); use a longer history or more customers`,
    );
  }
  // (plain loops: TypedArray.from with a mapping function walks an iterator, slow on millions)
  const fitM = new Float64Array(n);
  for (let i = 0; i < n; i++) fitM[i] = fitX[i]! > 0 ? m[i]! : 0;
  const model = fitGammaGamma({ frequency: fitX, monetaryValue: fitM, weights: customers.weights }, options);
  if (!(model.params.q > 1)) {
    throw new AnalysisNotPossibleError(`${fn}: the fitted spend model has q = ${model.params.q.toPrecision(3)} <= 1, so its mean spend does not exist (a few very large spends dominate); value spend another way or trim the outliers`);
  }
  const mean = model.expectedAverageSpend();
  const monetaryValue = new Float64Array(n);
  for (let i = 0; i < n; i++) monetaryValue[i] = x[i]! > 0 && fitX[i] === 0 ? mean : m[i]!;
  const note = excluded === 0
    ? null
    : `${excluded} repeat ${excluded === 1 ? "customer" : "customers"} with a mean repeat spend of 0 or less (zero-value orders, refunds) ${excluded === 1 ? "was" : "were"} left out of the spend model and valued at the population mean spend (${mean.toFixed(2)}).`;
  return Object.freeze({ model, excluded, monetaryValue, note });
}
