import { dayParser } from "../parse/parse-day.js";

/** What {@link guessDateFormat} found in a column of dates. */
export interface DateGuess {
  /** The `--date-format` value: `iso`, `yyyymmdd`, or a pattern such as `M/D/YYYY`, `DD.MM.YYYY`, `YYYY/MM/DD`. */
  readonly format: string;
  /** Whether some values carry a time of day after the date (ignored when reading: the day counts). */
  readonly withTime: boolean;
  /** True when no value tells day from month (every part is 12 or less): the order was guessed. */
  readonly ambiguous: boolean;
  /** Share of the non-blank values that parse in this format, 0..1. */
  readonly share: number;
}

const SPLIT = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/;

/**
 * Guesses the date format of a column from sample values: ISO (`2024-01-02`, with or without a
 * time), `yyyymmdd` (8 digits, years 1900-2100), year-first patterns (`2024/01/02`), and day and
 * month orders (`DD/MM/YYYY`, `M/D/YYYY`, with `/`, `.` or `-`). A part above 12 tells the day
 * from the month; when none does, the part that takes more distinct values is taken as the day
 * (exports are usually sorted by date, so days change faster than months), else day first, and
 * the guess is flagged `ambiguous`. Two-digit years are not recognised.
 *
 * @param values - cell texts of one column (blanks are skipped)
 * @returns the format that fits at least 90 % of the non-blank values, or undefined
 * @example
 * guessDateFormat(["12/1/2010 8:26", "12/2/2010 9:01"]); // { format: "M/D/YYYY", withTime: true, ambiguous: true, share: 1 }
 * guessDateFormat(["2024-01-02", "2024-01-03"])?.format; // "iso"
 */
export function guessDateFormat(values: readonly string[]): DateGuess | undefined {
  const parts = values.map((v) => v.trim()).filter((v) => v !== "").map(splitTime);
  if (parts.length === 0) return undefined;
  const withTime = parts.some((p) => p.time);
  const days = parts.map((p) => p.day);
  for (const format of ["iso", "yyyymmdd"]) {
    const parse = dayParser(format);
    const share = days.filter((d) => parse(d) !== null && (format === "iso" || plausibleYear(d.slice(0, 4)))).length / days.length;
    if (share >= 0.9) return Object.freeze({ format, withTime, ambiguous: false, share });
  }
  const split = days.map((d) => SPLIT.exec(d));
  const fit = split.filter((m) => m !== null);
  if (fit.length / days.length < 0.9) return undefined;
  const sep = fit[0]![2]!;
  const padded = fit.every((m) => m[3]!.length === 2 && (m[1]!.length === 4 || m[1]!.length === 2));
  let format: string;
  let ambiguous = false;
  if (fit.every((m) => m[1]!.length === 4)) format = padded ? `YYYY${sep}MM${sep}DD` : `YYYY${sep}M${sep}D`;
  else if (fit.every((m) => m[4]!.length === 4 && m[1]!.length <= 2)) {
    const firstMax = Math.max(...fit.map((m) => +m[1]!)), secondMax = Math.max(...fit.map((m) => +m[3]!));
    let dayFirst: boolean;
    if (firstMax > 12 && secondMax <= 12) dayFirst = true;
    else if (secondMax > 12 && firstMax <= 12) dayFirst = false;
    else if (firstMax > 12) return undefined;
    else {
      ambiguous = true;
      dayFirst = new Set(fit.map((m) => m[1])).size >= new Set(fit.map((m) => m[3])).size;
    }
    const [a, b] = dayFirst ? ["D", "M"] : ["M", "D"];
    format = padded ? `${a}${a}${sep}${b}${b}${sep}YYYY` : `${a}${sep}${b}${sep}YYYY`;
  } else return undefined;
  const parse = dayParser(format);
  const share = days.filter((d) => parse(d) !== null).length / days.length;
  return share >= 0.9 ? Object.freeze({ format, withTime, ambiguous, share }) : undefined;
}

/**
 * Words for a guessed format, e.g. `M/D/YYYY with a time of day (month first; guessed: no day above 12)`.
 *
 * @param g - the guess
 * @returns one phrase
 * @example
 * describeDateGuess({ format: "iso", withTime: true, ambiguous: false, share: 1 }); // "ISO date-time"
 */
export function describeDateGuess(g: DateGuess): string {
  const base = g.format === "iso" ? (g.withTime ? "ISO date-time" : "ISO date") : g.format === "yyyymmdd" ? "YYYYMMDD" : g.format;
  const time = g.withTime && g.format !== "iso" ? " with a time of day" : "";
  const order = g.ambiguous ? ` (${g.format.startsWith("M") ? "month" : "day"} first: a guess, no value has a part above 12)` : "";
  return base + time + order;
}

function splitTime(v: string): { day: string; time: boolean } {
  const iso = /^(\d{4}-\d{2}-\d{2})[T ]\S/.exec(v);
  if (iso !== null) return { day: iso[1]!, time: true };
  const k = v.indexOf(" ");
  return k < 0 ? { day: v, time: false } : { day: v.slice(0, k), time: /\d/.test(v.slice(k)) };
}

function plausibleYear(y: string): boolean {
  return +y >= 1900 && +y <= 2100;
}
