import { ArgumentError } from "../math/argument-error.js";
/**
 * Rounds a raw bin width up to a "nice" one a reader can add in their head: 1, 2, 2.5 or 5
 * times a power of ten (e.g. 37 -> 50, 0.13 -> 0.2).
 *
 * @param raw - the raw width, > 0 (any unit; the result is in the same unit)
 * @returns the smallest nice width >= raw
 * @throws ArgumentError when raw is not a finite number > 0
 * @example
 * niceStep(37);   // 50
 * niceStep(120);  // 200
 * @see dayStep for widths in days
 */
export function niceStep(raw: number): number {
  if (!Number.isFinite(raw) || raw <= 0) throw new ArgumentError(`niceStep: width ${raw} is not a finite number > 0`);
  const power = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) {
    const step = m * power;
    if (step >= raw * (1 - 1e-12)) return Number(step.toPrecision(12));
  }
  return 10 * power;
}

const DAY_STEPS = [1, 7, 14, 30, 60, 90, 180, 365, 730, 1461];

/**
 * Rounds a raw bin width in days up to a calendar-friendly one: 1 day, a week, two weeks,
 * about a month (30), two, three or six months, a year, two years, four years.
 *
 * @param rawDays - the raw width in days, > 0
 * @returns the smallest calendar-friendly width >= rawDays (days); multiples of 1461 beyond
 * @throws ArgumentError when rawDays is not a finite number > 0
 * @example
 * dayStep(20); // 30
 */
export function dayStep(rawDays: number): number {
  if (!Number.isFinite(rawDays) || rawDays <= 0) throw new ArgumentError(`dayStep: width ${rawDays} is not a finite number > 0`);
  for (const s of DAY_STEPS) if (s >= rawDays) return s;
  return Math.ceil(rawDays / 1461) * 1461;
}
