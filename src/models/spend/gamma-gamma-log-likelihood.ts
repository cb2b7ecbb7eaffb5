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
  return gammaGammaLikelihood(x, zbar, w)(p, q, gamma, g);
}

/** Most distinct whole x that get a table of their terms (others are computed row by row). */
const MAX_TABLE_X = 1 << 16;

/**
 * {@link gammaGammaLogLikelihood} of fixed rows as a function of (p, q, γ), for a fit that
 * evaluates it many times: ln zbar and ln x are taken once per row, and the terms that depend on
 * x and the parameters only (ln Γ(px+q), ln Γ(px) and their digammas) once per distinct x an
 * evaluation, so a row costs one logarithm. The values are those of the row-by-row formula, bit
 * for bit (the same terms, added in the same order). The rows must not change afterwards.
 *
 * @param x - repeat transactions per row (> 0)
 * @param zbar - mean repeat transaction value per row, money (> 0)
 * @param w - weight (customers) per row
 * @returns (p, q, γ, g?) => the total log-likelihood (and its gradient on the log-parameters into g)
 * @example
 * const ll = gammaGammaLikelihood(x, zbar, ones);
 * ll(6.25, 3.74, 15.44); // -4055.9247 on the 946 CDNOW repeat customers
 */
export function gammaGammaLikelihood(
  x: ArrayLike<number>, zbar: ArrayLike<number>, w: ArrayLike<number>,
): (p: number, q: number, gamma: number, g?: Float64Array) => number {
  const n = x.length;
  const lnZ = new Float64Array(n), lnX = new Float64Array(n);
  let maxX = 0, whole = true;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    lnZ[i] = Math.log(zbar[i]!);
    lnX[i] = Math.log(xi);
    if (!(Number.isInteger(xi) && xi >= 0 && xi < MAX_TABLE_X)) whole = false;
    else if (xi > maxX) maxX = xi;
  }
  // per distinct x: ln Γ(px+q), ln Γ(px), ψ(px+q), ψ(px) (NaN: not yet computed this evaluation)
  const size = whole ? maxX + 1 : 0;
  const lnGpxq = new Float64Array(size), lnGpx = new Float64Array(size), psiPxq = new Float64Array(size), psiPx = new Float64Array(size);
  return (p, q, gamma, g) => {
    const lnGq = lnGamma(q), lnGamma_ = Math.log(gamma);
    const psiQ = g ? digamma(q) : 0;
    lnGpxq.fill(NaN);
    if (g) psiPxq.fill(NaN);
    let ll = 0, gp = 0, gq = 0, gg = 0;
    for (let i = 0; i < n; i++) {
      const wi = w[i]!;
      if (wi === 0) continue;
      const xi = x[i]!, zi = zbar[i]!;
      const px = p * xi;
      const lz = lnZ[i]!, lx = lnX[i]!;
      const denom = gamma + xi * zi, lnDen = Math.log(denom);
      let A: number, B: number;
      if (whole) {
        A = lnGpxq[xi]!;
        if (A !== A) {
          A = lnGpxq[xi] = lnGamma(px + q);
          lnGpx[xi] = lnGamma(px);
        }
        B = lnGpx[xi]!;
      } else {
        A = lnGamma(px + q);
        B = lnGamma(px);
      }
      ll += wi * (A - B - lnGq + q * lnGamma_ + (px - 1) * lz + px * lx - (px + q) * lnDen);
      if (g) {
        let dA: number, dB: number;
        if (whole) {
          dA = psiPxq[xi]!;
          if (dA !== dA) {
            dA = psiPxq[xi] = digamma(px + q);
            psiPx[xi] = digamma(px);
          }
          dB = psiPx[xi]!;
        } else {
          dA = digamma(px + q);
          dB = digamma(px);
        }
        gp += wi * xi * (dA - dB + lz + lx - lnDen);
        gq += wi * (dA - psiQ + lnGamma_ - lnDen);
        gg += wi * (q / gamma - (px + q) / denom);
      }
    }
    if (g) {
      g[0] = gp * p;
      g[1] = gq * q;
      g[2] = gg * gamma;
    }
    return ll;
  };
}
