import { parseDay } from "./parse-day.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Parses a date given as an option (a period end, a generator date) in strict ISO form
 * `YYYY-MM-DD` into whole days since 1970-01-01 UTC. Unlike row dates, a bad option is not
 * ledgered: it is an error that names the function and the option.
 *
 * @param text - the option value
 * @param fn - the public function named in the error
 * @param name - the option named in the error
 * @returns days since 1970-01-01
 * @throws ArgumentError when the text is not a real calendar date in ISO form
 * @example
 * isoDayOption("1997-09-30", "customerSummary", "calibrationEnd"); // 10134
 */
export function isoDayOption(text: string, fn: string, name: string): number {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDay(text, "iso") : null;
  if (day === null) throw new ArgumentError(`${fn}: ${name} "${text}" is not a date in the form YYYY-MM-DD`);
  return day;
}
