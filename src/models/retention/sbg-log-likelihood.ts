import { digamma, lnBeta } from "../../math/special/special-functions.js";

/**
 * The sBG log-likelihood of one cohort's survival table (Fader & Hardie 2007, "How to Project
 * Customer Retention", Journal of Interactive Marketing 21(1): the likelihood of their appendix,
 * with P(T = t) of eqs. 5 and 7 and S(t) of eq. 6):
 *
 * LL(α, β) = Σ_{t=1}^{k} (n_{t−1} − n_t) ln P(T = t) + n_k ln S(k),
 * P(T = t) = B(α+1, β+t−1)/B(α, β),  S(t) = B(α, β+t)/B(α, β),
 *
 * where n_t is the number still active at the start of period t (the customers lost in period t
 * churned at its end) and the n_k still active are censored. When `g` is given it also writes
 * the analytic gradient with respect to (ln α, ln β).
 *
 * @param alpha - α > 0 of the churn probability θ ~ Beta(α, β)
 * @param beta - β > 0
 * @param survivors - n_0, n_1, ..., n_k (checked by the public steps, see `sbgSurvivors`)
 * @param g - optional output for the gradient on log-parameters (length 2)
 * @returns the natural-log likelihood (a sum over the cohort's customers)
 * @throws nothing: inputs are checked by the public steps
 * @example
 * sbgLogLikelihood(1, 1, [1000, 869, 743, 653, 593, 551, 517, 491]); // -2115.55 (the high-end cohort, years 0-7, at α = β = 1)
 */
export function sbgLogLikelihood(alpha: number, beta: number, survivors: ArrayLike<number>, g?: Float64Array): number {
  const k = survivors.length - 1;
  const lnBab = lnBeta(alpha, beta);
  const grad = g !== undefined;
  const psiAB = grad ? digamma(alpha + beta) : 0, psiA = grad ? digamma(alpha) : 0, psiB = grad ? digamma(beta) : 0;
  const psiA1 = grad ? digamma(alpha + 1) : 0;
  let ll = 0, ga = 0, gb = 0;
  for (let t = 1; t <= k; t++) {
    const lost = survivors[t - 1]! - survivors[t]!;
    if (lost === 0) continue;
    ll += lost * (lnBeta(alpha + 1, beta + t - 1) - lnBab);
    if (grad) {
      const psiABt = digamma(alpha + beta + t);
      ga += lost * (psiA1 - psiABt - psiA + psiAB);
      gb += lost * (digamma(beta + t - 1) - psiABt - psiB + psiAB);
    }
  }
  const left = survivors[k]!;
  if (left > 0) {
    ll += left * (lnBeta(alpha, beta + k) - lnBab);
    if (grad) {
      const psiABk = digamma(alpha + beta + k);
      ga += left * (psiA - psiABk - psiA + psiAB);
      gb += left * (digamma(beta + k) - psiABk - psiB + psiAB);
    }
  }
  if (g) {
    g[0] = ga * alpha;
    g[1] = gb * beta;
  }
  return ll;
}
