import { digamma, lnBeta, lnGamma, logAddExp } from "../../math/special/special-functions.js";

/**
 * The MBG/NBD log-likelihood summed over (x, t_x, T) patterns with weights: Batislam, Denizel &
 * Filiztekin (2007), "Empirical validation and comparison of models for customer base analysis",
 * IJRM 24(3), Appendix A (Wagner & Hoppe 2008, "Erratum on the MBG/NBD model", IJRM 25(3)), per customer
 *
 *   L = Γ(r+x) α^r / (Γ(r) (α+T)^(r+x)) · B(a, b+x+1)/B(a, b) · [1 + a/(b+x) · ((α+T)/(α+t_x))^(r+x)]
 *
 * which, unlike BG/NBD, keeps the dropout term for x = 0 (a customer may leave right after the
 * first purchase). With `g` it also writes the gradient with respect to (ln r, ln α, ln a, ln b).
 * Terms that depend only on x (gamma, beta and digamma functions) are computed once per distinct x.
 *
 * @param r - shape of the Gamma distribution of the purchase rate λ
 * @param alpha - rate of that Gamma distribution (in time units of t_x and T)
 * @param a - first shape of the Beta distribution of the dropout probability p
 * @param b - second shape of that Beta distribution
 * @param x - repeat purchases per pattern
 * @param tx - recency t_x per pattern (time of last purchase since the first)
 * @param T - age T per pattern (time since the first purchase)
 * @param w - customers per pattern (rows with weight 0 are skipped)
 * @param g - optional output: ∂LL/∂(ln r, ln α, ln a, ln b)
 * @returns the weighted sum of log-likelihoods (natural log)
 * @throws never: non-positive parameters give NaN, which the optimiser rejects
 * @example
 * mbgNbdLogLikelihood(0.524838, 6.182988, 0.891356, 1.614, x, tx, T, w); // -9582.13 on CDNOW (weeks)
 */
export function mbgNbdLogLikelihood(
  r: number, alpha: number, a: number, b: number,
  x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, w: ArrayLike<number>,
  g?: Float64Array,
): number {
  const byX = perXTerms(r, a, b, x, g !== undefined);
  const lnAlpha = Math.log(alpha), lnA = Math.log(a);
  let ll = 0, gr = 0, gal = 0, ga = 0, gb = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!, wi = w[i]!;
    if (wi === 0) continue;
    const t = byX.get(xi)!;
    const rx = r + xi;
    const lnAT = Math.log(alpha + T[i]!), lnAtx = Math.log(alpha + tx[i]!);
    const A3 = -rx * lnAT;
    const A4 = lnA - Math.log(b + xi) - rx * lnAtx;
    const L = logAddExp(A3, A4);
    ll += wi * (t.lnG + r * lnAlpha + t.lnB + L);
    if (g) {
      const w4 = Math.exp(A4 - L), w3 = 1 - w4;
      gr += wi * (t.dG + lnAlpha - w3 * lnAT - w4 * lnAtx);
      gal += wi * (r / alpha - w3 * rx / (alpha + T[i]!) - w4 * rx / (alpha + tx[i]!));
      ga += wi * (t.dBa + w4 / a);
      gb += wi * (t.dBb - w4 / (b + xi));
    }
  }
  if (g) {
    g[0] = gr * r;
    g[1] = gal * alpha;
    g[2] = ga * a;
    g[3] = gb * b;
  }
  return ll;
}

interface XTerms { lnG: number; lnB: number; dG: number; dBa: number; dBb: number }

/** ln Γ(r+x)/Γ(r), ln B(a, b+x+1)/B(a, b) and their derivatives in r, a, b, once per distinct x. */
function perXTerms(r: number, a: number, b: number, x: ArrayLike<number>, withGradient: boolean): Map<number, XTerms> {
  const out = new Map<number, XTerms>();
  const lnGr = lnGamma(r), lnBab = lnBeta(a, b);
  const psiR = withGradient ? digamma(r) : 0, psiAB = withGradient ? digamma(a + b) : 0, psiB = withGradient ? digamma(b) : 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!;
    if (out.has(xi)) continue;
    const psiABX = withGradient ? digamma(a + b + xi + 1) : 0;
    out.set(xi, {
      lnG: lnGamma(r + xi) - lnGr,
      lnB: lnBeta(a, b + xi + 1) - lnBab,
      dG: withGradient ? digamma(r + xi) - psiR : 0,
      dBa: withGradient ? psiAB - psiABX : 0,
      dBb: withGradient ? psiAB + digamma(b + xi + 1) - psiB - psiABX : 0,
    });
  }
  return out;
}
