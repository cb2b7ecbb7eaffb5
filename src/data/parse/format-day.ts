import { ArgumentError } from "../../math/argument-error.js";
/**
 * Formats whole days since 1970-01-01 (UTC) as an ISO date `YYYY-MM-DD`; the inverse of
 * `parseDay(text, "iso")`.
 *
 * @param day - days since 1970-01-01 (an integer; negative before 1970)
 * @returns the ISO date
 * @throws ArgumentError when `day` is not a finite integer
 * @example
 * formatDay(19724); // "2024-01-02"
 * formatDay(0);     // "1970-01-01"
 */
export function formatDay(day: number): string {
  if (!Number.isInteger(day)) throw new ArgumentError(`formatDay: day ${day} is not a whole number of days`);
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Formats many day numbers as ISO dates, each distinct day once (a column of a million customers
 * holds a few thousand distinct days).
 *
 * @param days - whole days since 1970-01-01 (UTC)
 * @returns the ISO dates, one per day given
 * @throws ArgumentError when a day is not a finite integer
 * @example
 * formatDays(Float64Array.of(19724, 0, 19724)); // ["2024-01-02", "1970-01-01", "2024-01-02"]
 */
export function formatDays(days: ArrayLike<number>): string[] {
  const seen = new Map<number, string>();
  return Array.from(days, (day) => {
    let text = seen.get(day);
    if (text === undefined) seen.set(day, (text = formatDay(day)));
    return text;
  });
}
