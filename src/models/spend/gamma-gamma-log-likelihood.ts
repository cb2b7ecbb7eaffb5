import { digamma, lnGamma } from "../../math/special/special-functions.js";

/**
 * The Gamma-Gamma log-likelihood of repeat customers' average spend, summed over rows with
 * weights, and its gradient with respect to (ln p, ln q, ln γ) when `g` is given.
 *
 * Each row is a customer (or a pattern of identical customers) with x > 0 repeat transactions
 * whose mean value is zbar (money per transaction). The density is Fader & Hardie (2013), "The
 * Gamma-Gamma Model of Monetary Value" (note 025), eq. 4, with the Jacobian of zbar included (the
 * full likelihood, as CLVTools reports it):
 *
 *   f(zbar | x) = Γ(px+q) / (Γ(px) Γ(q)) · γ^q · zbar^(px−1) · x^(px) / (γ + x·zbar)^(px+q)
 *
 * Rows with weight 0 are skipped; x must be > 0 and zbar > 0 (not checked here: this is the
 * kernel that {@link fitGammaGamma} calls after its checks).
 *
 * @param p - shape of each transaction's value (Gamma(p, ν))
 * @param q - shape of the customers' ν (Gamma(q, γ))
 * @param gamma - rate of the customers' ν, in money units
 * @param x - repeat transactions per row (> 0)
 * @param zbar - mean repeat transaction value per row, money (> 0)
 * @param w - weight (customers) per row
 * @param g - optional output: ∂LL/∂(ln p, ln q, ln γ)
 * @returns the total log-likelihood (natural log)
 * @example
 * gammaGammaLogLikelihood(6.25, 3.74, 15.44, x, zbar, ones); // -4055.9247 on the 946 CDNOW repeat customers
 */
export function gammaGammaLogLikelihood(
  p: number, q: number, gamma: number,
  x: ArrayLike<number>, zbar: ArrayLike<number>, w: ArrayLike<number>,
  g?: Float64Array,
): number {
  const lnGq = lnGamma(q), lnGamma_ = Math.log(gamma);
  const psiQ = g ? digamma(q) : 0;
  let ll = 0, gp = 0, gq = 0, gg = 0;
  for (let i = 0; i < x.length; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    const xi = x[i]!, zi = zbar[i]!;
    const px = p * xi;
    const lnZ = Math.log(zi), lnX = Math.log(xi);
    const denom = gamma + xi * zi, lnDen = Math.log(denom);
    ll += wi * (lnGamma(px + q) - lnGamma(px) - lnGq + q * lnGamma_ + (px - 1) * lnZ + px * lnX - (px + q) * lnDen);
    if (g) {
      const psiPxq = digamma(px + q);
      gp += wi * xi * (psiPxq - digamma(px) + lnZ + lnX - lnDen);
      gq += wi * (psiPxq - psiQ + lnGamma_ - lnDen);
      gg += wi * (q / gamma - (px + q) / denom);
    }
  }
  if (g) {
    g[0] = gp * p;
    g[1] = gq * q;
    g[2] = gg * gamma;
  }
  return ll;
}
