import { normalQuantile } from "../../math/special/normal-distribution.js";
import { ArgumentError } from "../../math/argument-error.js";

/** A point estimate with its two-sided confidence interval (same units as the estimate). */
export interface UpliftEstimate {
  readonly estimate: number;
  readonly lower: number;
  readonly upper: number;
  /** Confidence level, e.g. 0.95. */
  readonly confidence: number;
  /** How the interval was computed: `wilson`, `newcombe`, `wald` or `welch-normal`. */
  readonly method: string;
}

/** How to compute an interval for a difference of proportions. */
export type UpliftIntervalMethod = "newcombe" | "wald";

function checkCount(fn: string, name: string, x: number, n: number): void {
  if (!Number.isInteger(n) || n < 1) throw new ArgumentError(`${fn}: ${name} group size ${n} is not a whole number of at least 1`);
  if (!Number.isInteger(x) || x < 0 || x > n) throw new ArgumentError(`${fn}: ${name} successes ${x} is not a whole number from 0 to ${n}`);
}

function zOf(fn: string, confidence: number): number {
  if (!(confidence > 0 && confidence < 1)) throw new ArgumentError(`${fn}: confidence ${confidence} is not in (0, 1)`);
  return normalQuantile(1 - (1 - confidence) / 2);
}

/**
 * Wilson score interval of a proportion x / n (Wilson 1927; Newcombe 1998 method 3 for one
 * proportion): centre (x + z²/2) / (n + z²), half-width z / (n + z²) · √(x(n − x)/n + z²/4).
 * Stays inside [0, 1] and behaves at x = 0 and x = n, unlike the Wald interval.
 *
 * @param x - successes (responders, customers who bought again)
 * @param n - trials (customers in the group)
 * @param confidence - two-sided level (default 0.95)
 * @returns the proportion x / n (a fraction) with its interval, frozen
 * @throws ArgumentError when n < 1, x is not in 0..n, or confidence is not in (0, 1)
 * @example
 * wilsonInterval(56, 70); // { estimate: 0.8, lower: 0.6918, upper: 0.8770, confidence: 0.95, method: "wilson" }
 */
export function wilsonInterval(x: number, n: number, confidence = 0.95): UpliftEstimate {
  const fn = "wilsonInterval";
  checkCount(fn, "the", x, n);
  const z = zOf(fn, confidence), z2 = z * z;
  const centre = (x + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((x * (n - x)) / n + z2 / 4);
  return Object.freeze({ estimate: x / n, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half), confidence, method: "wilson" });
}

/**
 * Interval for the uplift, the difference of two independent proportions x1/n1 − x0/n0
 * (treatment minus control, a fraction: 0.03 = 3 percentage points).
 *
 * `newcombe` (default): Newcombe's hybrid score interval (Newcombe 1998, Stat Med 17:873-890,
 * method 10), built from the two Wilson intervals (l1, u1) and (l0, u0):
 * [d − √((p1 − l1)² + (u0 − p0)²), d + √((u1 − p1)² + (p0 − l0)²)]; good coverage even with few
 * responders. `wald`: d ± z √(p1(1 − p1)/n1 + p0(1 − p0)/n0), the textbook interval (too
 * narrow when a rate is near 0 or 1).
 *
 * @param x1 - responders in the treatment group
 * @param n1 - customers in the treatment group
 * @param x0 - responders in the control group
 * @param n0 - customers in the control group
 * @param options - `method` (default "newcombe"), `confidence` (default 0.95)
 * @returns the difference with its interval, frozen
 * @throws ArgumentError for counts that are not whole numbers with 0 ≤ x ≤ n, n ≥ 1, or a confidence outside (0, 1)
 * @example
 * upliftInterval(56, 70, 48, 80); // { estimate: 0.2, lower: 0.0524, upper: 0.3339 } (Newcombe 1998, Table II, example (a), method 10)
 */
export function upliftInterval(
  x1: number, n1: number, x0: number, n0: number,
  options: { readonly method?: UpliftIntervalMethod; readonly confidence?: number } = {},
): UpliftEstimate {
  const fn = "upliftInterval";
  checkCount(fn, "treatment", x1, n1);
  checkCount(fn, "control", x0, n0);
  const confidence = options.confidence ?? 0.95;
  const method = options.method ?? "newcombe";
  const z = zOf(fn, confidence);
  const p1 = x1 / n1, p0 = x0 / n0, d = p1 - p0;
  if (method === "wald") {
    const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
    return Object.freeze({ estimate: d, lower: Math.max(-1, d - z * se), upper: Math.min(1, d + z * se), confidence, method });
  }
  if (method !== "newcombe") throw new ArgumentError(`${fn}: method "${String(method)}" is not newcombe or wald`);
  const w1 = wilsonInterval(x1, n1, confidence), w0 = wilsonInterval(x0, n0, confidence);
  const lower = d - Math.hypot(p1 - w1.lower, w0.upper - p0);
  const upper = d + Math.hypot(w1.upper - p1, p0 - w0.lower);
  return Object.freeze({ estimate: d, lower, upper, confidence, method });
}
