import betalnImpl from "@stdlib/math-base-special-betaln";
import digammaImpl from "@stdlib/math-base-special-digamma";
import gammalnImpl from "@stdlib/math-base-special-gammaln";
import { ArgumentError } from "../argument-error.js";

/**
 * ln Γ(x), the natural log of the gamma function (stdlib's implementation, full double precision).
 *
 * @param x - a positive number (for x <= 0 the log of |Γ(x)|)
 * @returns ln Γ(x)
 * @example
 * lnGamma(0.5); // 0.5723649429247001 (= ln √π)
 */
export function lnGamma(x: number): number {
  return gammalnImpl(x);
}

/**
 * ln B(a, b), the natural log of the beta function Γ(a)Γ(b)/Γ(a+b).
 *
 * @param a - a positive number
 * @param b - a positive number
 * @returns ln B(a, b)
 * @example
 * lnBeta(2, 3); // -2.4849066497880004 (= ln 1/12)
 */
export function lnBeta(a: number, b: number): number {
  return betalnImpl(a, b);
}

/**
 * ψ(x), the digamma function (the derivative of ln Γ), used in analytic gradients.
 *
 * @param x - a positive number
 * @returns ψ(x)
 * @example
 * digamma(1); // -0.5772156649015329 (minus the Euler-Mascheroni constant)
 */
export function digamma(x: number): number {
  return digammaImpl(x);
}

/**
 * ln(e^a + e^b) without overflow or underflow.
 *
 * @example
 * logAddExp(1000, 1000); // 1000.6931471805599
 */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/**
 * ln(e^a − e^b) for a >= b, without overflow; −∞ when a equals b.
 *
 * @throws ArgumentError when b > a (the difference would be negative)
 * @example
 * logSubExp(Math.log(3), Math.log(1)); // 0.6931471805599453 (= ln 2)
 */
export function logSubExp(a: number, b: number): number {
  if (b > a) throw new ArgumentError(`logSubExp: b ${b} > a ${a}, the difference of exponentials is negative`);
  if (b === -Infinity) return a;
  return a + Math.log(-Math.expm1(b - a));
}
