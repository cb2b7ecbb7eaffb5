import { hyp2f1 } from "../../math/special/hyp2f1.js";
import type { TimeUnit } from "../../summary/types.js";
import { checkHistory } from "../fitting/check-history.js";
import type { CustomerHistory, ModelParams, PurchaseModel } from "../fitting/model-types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Per-customer next-purchase facts, frozen; durations in the purchase model's time unit. */
export interface NextPurchase {
  /** E[1/λ | alive, history] = (α + T)/(r + x − 1): mean wait from the calibration end to the next purchase if the customer stays active (Infinity when r + x <= 1). */
  readonly expectedWait: Float64Array;
  /** P(alive | x, t_x, T) from the model. */
  readonly probabilityAlive: Float64Array;
  /** P(Y(within) >= 1 | x, t_x, T): at least one purchase in the next `within`. */
  readonly probabilityPurchaseWithin: Float64Array;
  readonly within: number;
  readonly timeUnit: TimeUnit | null;
}

/**
 * When will each customer buy next? For the BG/NBD, MBG/NBD and Pareto/NBD models (Fader, Hardie
 * & Lee 2005, Marketing Science 24(2); Batislam et al. 2007; Schmittlein, Morrison & Colombo 1987),
 * which share λ ~ Gamma(r, α): given the customer is alive at T, the history's likelihood in λ is
 * λ^x e^(−λT), so λ | alive, history ~ Gamma(r + x, α + T) (FHL 2005 §4). By memorylessness the
 * wait from the calibration end to the next purchase is exponential with rate λ, hence
 *
 *   expected wait E[1/λ] = (α + T)/(r + x − 1)   (infinite when r + x <= 1).
 *
 * It ignores dropout before that purchase: read it as "if still active". The probability of at
 * least one purchase in the next t is P(alive) · P(Y(t) >= 1 | alive), where
 * - BG/NBD and MBG/NBD (dropout only right after a purchase): P(Y(t) >= 1 | alive) =
 *   1 − E[e^(−λt)] = 1 − ((α+T)/(α+T+t))^(r+x);
 * - Pareto/NBD (μ | alive ~ Gamma(s, β+T), independent of λ): a purchase comes before death with
 *   probability λ/(λ+μ), so P(Y(t) >= 1 | alive) = E[λ/(λ+μ)·(1 − e^(−(λ+μ)t))] = g(A, B) −
 *   (A/(A+t))^R (B/(B+t))^s g(A+t, B+t), with R = r+x, A = α+T, B = β+T and
 *   g(A, B) = E[λ/(λ+μ)] = (B/A) · R/(R+s) · ₂F₁(1, R+1; R+s+1; 1 − B/A) (with W = Aλ/(Aλ+Bμ) ~ Beta(R, s),
 *   λ/(λ+μ) = WB/(A + W(B−A)); Euler's integral for ₂F₁, Abramowitz & Stegun 15.3.1).
 *
 * @param model - a fitted or given BG/NBD, MBG/NBD or Pareto/NBD model
 * @param customers - x, t_x, T in the model's time unit
 * @param within - the window t for the purchase probability, in the model's time unit (> 0)
 * @returns expected wait, P(alive) and P(at least one purchase within t) per customer
 * @throws ArgumentError for bad histories or window; TypeError for another model
 * @example
 * nextPurchase(bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }),
 *   { frequency: [2], recency: [30.43], T: [38.86] }, 4);
 * // expectedWait [34.81], probabilityAlive [0.7266], probabilityPurchaseWithin [0.1307]
 */
export function nextPurchase<P extends ModelParams & { readonly r: number; readonly alpha: number }>(
  model: PurchaseModel<P>,
  customers: CustomerHistory,
  within: number,
): NextPurchase {
  const fn = "nextPurchase";
  const n = checkHistory(fn, customers);
  if (!(within > 0 && Number.isFinite(within))) throw new ArgumentError(`${fn}: within ${within} must be a positive number of ${model.timeUnit ?? "model time unit"}s`);
  const { r, alpha } = model.params;
  const buyIfAlive = buyProbabilityIfAlive(model, within);
  const probabilityAlive = model.probabilityAlive(customers);
  const expectedWait = new Float64Array(n), probabilityPurchaseWithin = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = customers.frequency[i]!, T = customers.T[i]!;
    expectedWait[i] = r + x > 1 ? (alpha + T) / (r + x - 1) : Infinity;
    probabilityPurchaseWithin[i] = probabilityAlive[i]! * buyIfAlive(r + x, alpha + T);
  }
  return Object.freeze({ expectedWait, probabilityAlive, probabilityPurchaseWithin, within, timeUnit: model.timeUnit });
}

function buyProbabilityIfAlive(model: PurchaseModel<ModelParams>, t: number): (R: number, A: number) => number {
  if (model.model === "bg-nbd" || model.model === "mbg-nbd") {
    return (R, A) => -Math.expm1(R * Math.log(A / (A + t)));
  }
  if (model.model === "pareto-nbd") {
    const s = model.params.s!, beta = model.params.beta!;
    const g = (R: number, A: number, B: number): number => (B / A) * (R / (R + s)) * hyp2f1(1, R + 1, R + s + 1, 1 - B / A);
    return (R, A) => {
      const B = A - model.params.alpha! + beta; // β + T
      const tilt = Math.exp(R * Math.log(A / (A + t)) + s * Math.log(B / (B + t)));
      return Math.max(0, g(R, A, B) - tilt * g(R, A + t, B + t));
    };
  }
  throw new TypeError(`nextPurchase: the ${model.model} model is not supported (use bg-nbd, mbg-nbd or pareto-nbd)`);
}
