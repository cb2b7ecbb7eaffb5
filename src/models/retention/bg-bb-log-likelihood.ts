import { digamma, lnBeta } from "../../math/special/special-functions.js";

/**
 * The BG/BB log-likelihood summed over patterns with weights (Fader, Hardie & Shang 2010,
 * "Customer-Base Analysis in a Discrete-Time Noncontractual Setting", Marketing Science 29(6),
 * eq. 5):
 *
 * L(α, β, γ, δ | x, t_x, n) = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
 *   + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α, β) · B(γ+1, δ+t_x+i)/B(γ, δ),
 *
 * evaluated in logs (log-sum-exp over the terms). When `g` is given it also writes the analytic
 * gradient with respect to (ln α, ln β, ln γ, ln δ) (digamma differences of each term, weighted
 * by the term's share of L).
 *
 * @param alpha - α > 0 of the transaction probability p ~ Beta(α, β)
 * @param beta - β > 0
 * @param gamma - γ > 0 of the dropout probability θ ~ Beta(γ, δ)
 * @param delta - δ > 0
 * @param x - repeat transactions per pattern (whole numbers)
 * @param tx - recency t_x per pattern (opportunity of the last transaction, 0 when x = 0)
 * @param n - transaction opportunities per pattern
 * @param w - customers per pattern
 * @param g - optional output for the gradient on log-parameters (length 4)
 * @returns the natural-log likelihood (a sum over customers, not a mean)
 * @throws nothing: inputs are checked by the public steps (see `bgBbHistory`)
 * @example
 * bgBbLogLikelihood(1.204, 0.750, 0.657, 2.783, x, tx, n, w); // -33225.58 on the donations table
 */
export function bgBbLogLikelihood(
  alpha: number, beta: number, gamma: number, delta: number,
  x: ArrayLike<number>, tx: ArrayLike<number>, n: ArrayLike<number>, w: ArrayLike<number>,
  g?: Float64Array,
): number {
  const lnBab = lnBeta(alpha, beta), lnBgd = lnBeta(gamma, delta);
  const grad = g !== undefined;
  const psiA = grad ? digamma(alpha) : 0, psiB = grad ? digamma(beta) : 0, psiAB = grad ? digamma(alpha + beta) : 0;
  const psiG = grad ? digamma(gamma) : 0, psiD = grad ? digamma(delta) : 0, psiGD = grad ? digamma(gamma + delta) : 0;
  const psiG1 = grad ? digamma(gamma + 1) : 0;
  let ll = 0, ga = 0, gb = 0, gg = 0, gd = 0;
  const lnTerms: number[] = [];
  for (let k = 0; k < x.length; k++) {
    const wk = w[k]!;
    if (wk === 0) continue;
    const xk = x[k]!, tk = tx[k]!, nk = n[k]!;
    // term 0: alive through n; terms 1..: dropped out just after opportunity t_x + i
    lnTerms.length = 0;
    lnTerms.push(lnBeta(alpha + xk, beta + nk - xk) - lnBab + lnBeta(gamma, delta + nk) - lnBgd);
    for (let i = 0; i < nk - tk; i++) {
      lnTerms.push(lnBeta(alpha + xk, beta + tk - xk + i) - lnBab + lnBeta(gamma + 1, delta + tk + i) - lnBgd);
    }
    let max = -Infinity;
    for (const v of lnTerms) if (v > max) max = v;
    let sum = 0;
    for (const v of lnTerms) sum += Math.exp(v - max);
    const lnL = max + Math.log(sum);
    ll += wk * lnL;
    if (!grad) continue;
    const psiAx = digamma(alpha + xk);
    for (let j = 0; j < lnTerms.length; j++) {
      const share = wk * Math.exp(lnTerms[j]! - lnL);
      const m = j === 0 ? nk - xk : tk - xk + (j - 1); // β offset of the purchase part
      const c = j === 0 ? 0 : 1; // γ offset of the dropout part
      const k2 = j === 0 ? nk : tk + (j - 1); // δ offset of the dropout part
      const psiABxm = digamma(alpha + beta + xk + m);
      const psiGDck = digamma(gamma + delta + c + k2);
      ga += share * (psiAx - psiABxm - psiA + psiAB);
      gb += share * (digamma(beta + m) - psiABxm - psiB + psiAB);
      gg += share * ((c === 0 ? psiG : psiG1) - psiGDck - psiG + psiGD);
      gd += share * (digamma(delta + k2) - psiGDck - psiD + psiGD);
    }
  }
  if (g) {
    g[0] = ga * alpha;
    g[1] = gb * beta;
    g[2] = gg * gamma;
    g[3] = gd * delta;
  }
  return ll;
}
