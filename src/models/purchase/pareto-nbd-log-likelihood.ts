import { hyp2f1LnShifted } from "../../math/special/hyp2f1-ln-shifted.js";
import { digamma, lnGamma, logAddExp, logSubExp } from "../../math/special/special-functions.js";
import { dayGrid } from "../fitting/day-grid.js";

/**
 * The Pareto/NBD log-likelihood summed over patterns with weights (Schmittlein, Morrison &
 * Colombo 1987; in the form of Fader & Hardie 2005, "A Note on Deriving the Pareto/NBD Model and
 * Related Expressions", brucehardie.com note 009, eq. 22), and its gradient with respect to
 * (ln r, ln α, ln s, ln β) when `g` is given:
 *
 * L = Γ(r+x) α^r β^s / Γ(r) · [ (α+T)^−(r+x) (β+T)^−s + s/(r+s+x) · A₀ ],
 *
 * with A₀ from {@link paretoNbdLogA0}. Each customer's two terms are added in log space; terms
 * that depend only on x are computed once per distinct x. Time in the unit of T; rates per unit.
 *
 * @param r - shape of the purchase-rate gamma (λ ~ Gamma(r, rate α))
 * @param alpha - rate of the purchase-rate gamma, in time units
 * @param s - shape of the dropout-rate gamma (μ ~ Gamma(s, rate β))
 * @param beta - rate of the dropout-rate gamma, in time units
 * @param x - repeat purchases; @param tx - recency t_x; @param T - age; @param w - weights
 * @param g - optional output of length 4: ∂LL/∂ln r, ∂LL/∂ln α, ∂LL/∂ln s, ∂LL/∂ln β
 * @returns the weighted log-likelihood (natural log)
 * @throws ArgumentError when ₂F₁ cannot be evaluated (never for positive parameters in practice)
 * @example
 * paretoNbdLogLikelihood(0.5534, 10.5802, 0.6061, 11.6562, x, tx, T, w); // -9594.98 on CDNOW
 */
export function paretoNbdLogLikelihood(
  r: number, alpha: number, s: number, beta: number,
  x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, w: ArrayLike<number>,
  g?: Float64Array,
): number {
  const byX = new Map<number, { lnG: number; dG: number }>();
  const lnGr = lnGamma(r), psiR = g ? digamma(r) : 0;
  const head = r * Math.log(alpha) + s * Math.log(beta), lnS = Math.log(s);
  const dA0 = g ? new Float64Array(4) : undefined;
  const terms = a0ByDay(r, alpha, s, beta, x, tx, T, g !== undefined);
  let ll = 0, gr = 0, ga = 0, gs = 0, gb = 0;
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]!, wi = w[i]!, Ti = T[i]!;
    if (wi === 0) continue;
    let t = byX.get(xi);
    if (!t) byX.set(xi, (t = { lnG: lnGamma(r + xi) - lnGr, dG: g ? digamma(r + xi) - psiR : 0 }));
    const lnAT = Math.log(alpha + Ti), lnBT = Math.log(beta + Ti);
    const l1 = -(r + xi) * lnAT - s * lnBT;
    const lnA0 = terms === null ? paretoNbdLogA0(r, alpha, s, beta, xi, tx[i]!, Ti, dA0) : terms(xi, tx[i]!, Ti, dA0);
    const l2 = lnS - Math.log(r + s + xi) + lnA0;
    const L = logAddExp(l1, l2);
    ll += wi * (t.lnG + head + L);
    if (g && dA0) {
      const w1 = Math.exp(l1 - L), w2 = 1 - w1;
      const dm = -1 / (r + s + xi);
      gr += wi * (t.dG + Math.log(alpha) - w1 * lnAT + (w2 > 0 ? w2 * (dm + dA0[0]!) : 0));
      ga += wi * (r / alpha - w1 * (r + xi) / (alpha + Ti) + (w2 > 0 ? w2 * dA0[1]! : 0));
      gs += wi * (Math.log(beta) - w1 * lnBT + (w2 > 0 ? w2 * (1 / s + dm + dA0[2]!) : 0));
      gb += wi * (s / beta - w1 * s / (beta + Ti) + (w2 > 0 ? w2 * dA0[3]! : 0));
    }
  }
  if (g) {
    g[0] = gr * r;
    g[1] = ga * alpha;
    g[2] = gs * s;
    g[3] = gb * beta;
  }
  return ll;
}

const scratch = new Float64Array(3), g1Scratch = new Float64Array(4);

/**
 * ln A₀ with its two terms (and their gradients) memoized by (x, whole days of t_x or T): on a
 * million customers the ₂F₁ terms are a few ten thousand instead of two a pattern. The values
 * are those of paretoNbdLogA0 bit for bit. Null when the durations are not on a day grid.
 */
function a0ByDay(
  r: number, alpha: number, s: number, beta: number, x: ArrayLike<number>, tx: ArrayLike<number>, T: ArrayLike<number>, withGradient: boolean,
): ((x: number, tx: number, T: number, grad: Float64Array | undefined) => number) | null {
  const grid = x.length > 1000 ? dayGrid({ frequency: x, recency: tx, T }, null) : null;
  if (grid === null) return null;
  const big = alpha >= beta;
  const base = big ? alpha : beta, other = big ? beta : alpha;
  const value = grid.table(), gradient = new Float64Array(withGradient ? 4 * grid.cells : 0);
  const gt = new Float64Array(4), gT = new Float64Array(4), tmp = new Float64Array(4);
  // the term at u into `into` (its gradient), from the memo or computed once
  const term = (xi: number, u: number, into: Float64Array): number => {
    const k = grid.key(xi, u);
    const m = r + s + xi, bb = big ? s + 1 : r + xi;
    if (k < 0) return lnF(m, bb, base, other, u, big, withGradient ? into : undefined);
    let v = value[k]!;
    if (v !== v) {
      v = value[k] = lnF(m, bb, base, other, u, big, withGradient ? tmp : undefined);
      if (withGradient) gradient.set(tmp, 4 * k);
    }
    if (withGradient) for (let j = 0; j < 4; j++) into[j] = gradient[4 * k + j]!;
    return v;
  };
  return (xi, txi, Ti, grad) => {
    const lnFt = term(xi, txi, gt), lnFT = term(xi, Ti, gT);
    return combineA0(r + s + xi, lnFt, grad ? gt : undefined, lnFT, grad ? gT : undefined, grad);
  };
}


/**
 * ln A₀ of Fader & Hardie (2005, note 009, eq. 23): A₀ = (r+s+x) ∫_{t_x}^T (α+τ)^−(r+x)
 * (β+τ)^−(s+1) dτ, i.e. for α >= β
 * A₀ = ₂F₁(r+s+x, s+1; r+s+x+1; (α−β)/(α+t_x)) / (α+t_x)^(r+s+x) − (same at T),
 * and for α < β the same with (β, r+x) in place of (α, s+1). The difference is taken with
 * logSubExp, and ₂F₁ by {@link hyp2f1LnShifted} (accurate as z → 1). −∞ when t_x = T.
 *
 * @param grad - optional output of length 4: ∂ ln A₀ / ∂(r, α, s, β) (natural scale)
 * @returns ln A₀
 * @example
 * Math.exp(paretoNbdLogA0(0.55, 10.58, 0.61, 11.67, 26, 30.86, 31)); // 9.88e-46
 */
export function paretoNbdLogA0(
  r: number, alpha: number, s: number, beta: number, x: number, tx: number, T: number, grad?: Float64Array,
): number {
  const m = r + s + x;
  const big = alpha >= beta;
  const base = big ? alpha : beta, other = big ? beta : alpha, bb = big ? s + 1 : r + x;
  const lnFt = lnF(m, bb, base, other, tx, big, grad);
  const g1 = grad ? g1Scratch : undefined;
  if (grad && g1) for (let k = 0; k < 4; k++) g1[k] = grad[k]!;
  const lnFT = lnF(m, bb, base, other, T, big, grad);
  return combineA0(m, lnFt, g1, lnFT, grad, grad);
}

/** ln A₀ from its terms at t_x and T (and their gradients gt, gT), the gradient into `grad` (which may be gT). */
function combineA0(m: number, lnFt: number, gt: Float64Array | undefined, lnFT: number, gT: Float64Array | undefined, grad: Float64Array | undefined): number {
  if (!(lnFt > lnFT)) {
    if (grad) grad.fill(0);
    return -Infinity;
  }
  const v = logSubExp(lnFt, lnFT);
  if (grad && gt && gT) {
    const q = Math.exp(lnFT - lnFt), den = -Math.expm1(lnFT - lnFt);
    for (let k = 0; k < 4; k++) grad[k] = (gt[k]! - q * gT[k]!) / den;
    grad[0] = grad[0]! + 1 / m;
    grad[2] = grad[2]! + 1 / m;
  }
  return v + Math.log(m);
}

/**
 * ln of one of the two terms of A₀ ({@link paretoNbdLogA0}) at u = t_x or u = T: the term depends
 * on x and u only, so predictions for many customers compute it once per distinct (x, u).
 * `paretoNbdLogA0FromTerms(r, s, x, term(t_x), term(T))` equals `paretoNbdLogA0(…, x, t_x, T)` bit for bit.
 *
 * @returns ln[₂F₁(m, b; m+1; z) / (m (base+u)^m)] with m = r+s+x, as in paretoNbdLogA0
 * @example
 * paretoNbdLogA0FromTerms(0.55, 0.61, 2, paretoNbdLogA0Term(0.55, 10.6, 0.61, 11.7, 2, 5), paretoNbdLogA0Term(0.55, 10.6, 0.61, 11.7, 2, 30));
 */
export function paretoNbdLogA0Term(r: number, alpha: number, s: number, beta: number, x: number, u: number): number {
  const big = alpha >= beta;
  return lnF(r + s + x, big ? s + 1 : r + x, big ? alpha : beta, big ? beta : alpha, u, big);
}

/**
 * ln A₀ from its two terms ({@link paretoNbdLogA0Term} at t_x and at T): −∞ when t_x = T.
 *
 * @example
 * paretoNbdLogA0FromTerms(0.55, 0.61, 0, -3, -3); // -Infinity
 */
export function paretoNbdLogA0FromTerms(r: number, s: number, x: number, lnFt: number, lnFT: number): number {
  if (!(lnFt > lnFT)) return -Infinity;
  return logSubExp(lnFt, lnFT) + Math.log(r + s + x);
}

/** ln ∫_u^∞ (α+τ)^−(r+x) (β+τ)^−(s+1) dτ = ln[₂F₁(m, b; m+1; z)/(m (base+u)^m)], z = (base−other)/(base+u). */
function lnF(m: number, b: number, base: number, other: number, u: number, big: boolean, grad?: Float64Array): number {
  const bu = base + u, lnBu = Math.log(bu);
  const z = (base - other) / bu;
  const h = hyp2f1LnShifted(m, b, z, grad ? scratch : undefined);
  if (grad) {
    const ga = scratch[0]!, gb = scratch[1]!, gz = scratch[2]!;
    const dShape = -lnBu - 1 / m + ga; // ∂/∂m
    const dBase = -m / bu + (gz * (other + u)) / (bu * bu);
    const dOther = -gz / bu;
    // big: b = s + 1, base α, other β; else b = r + x, base β, other α.
    grad[0] = dShape + (big ? 0 : gb);
    grad[2] = dShape + (big ? gb : 0);
    grad[1] = big ? dBase : dOther;
    grad[3] = big ? dOther : dBase;
  }
  return h - m * lnBu - Math.log(m);
}
