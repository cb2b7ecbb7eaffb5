import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error.js";
import { EARLIEST_DAY, latestDay } from "../data/parse/day-range.js";
import { formatDay } from "../data/parse/format-day.js";
import { parseDay } from "../data/parse/parse-day.js";

/** The flag definitions of a command, as `node:util` parseArgs takes them. */
export type FlagSpec = NonNullable<ParseArgsConfig["options"]>;

/** Parsed flag values: strings for value flags, booleans for switches. */
export type FlagValues = Readonly<Record<string, string | boolean | undefined>>;

/**
 * Parses a command's flags strictly, turning every parse problem into a one-line
 * {@link UsageError} that names the command and points at `--help`.
 *
 * @param command - the command name, for messages (e.g. `"summary"`)
 * @param argv - the arguments after the command name
 * @param spec - the flags the command takes (`--help` is added)
 * @returns the values by flag name
 * @throws UsageError for an unknown flag, a missing value, a stray argument, or a flag given
 *   twice (`--input a --input b`, also as `-i a --input b`: never silently the last one)
 * @example
 * parseFlags("summary", ["--input", "tx.csv"], { input: { type: "string" } }).input; // "tx.csv"
 */
export function parseFlags(command: string, argv: readonly string[], spec: FlagSpec): FlagValues {
  try {
    const { values, positionals, tokens } = parseArgs({
      args: [...argv],
      options: { ...spec, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: true,
      tokens: true,
    });
    const given = new Set<string>();
    for (const token of tokens) {
      if (token.kind !== "option") continue;
      if (given.has(token.name)) throw new UsageError(`crm ${command}: --${token.name} given twice; give it once`);
      given.add(token.name);
    }
    if (positionals.length > 0) {
      throw new UsageError(`crm ${command}: unexpected argument "${positionals[0]}"; see crm ${command} --help`);
    }
    checkDateFlags(command, values as FlagValues);
    return values as FlagValues;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    const text = error instanceof Error ? error.message : String(error);
    const dash = /To specify an option argument starting with a dash use '(--[\w-]+)=-XYZ'/.exec(text);
    const why = text.split("\n")[0]!.replace(/\. To specify.*$/, "").replace(/\.$/, "") + (dash ? ` (write ${dash[1]}=-VALUE for a value that starts with a dash)` : "");
    throw new UsageError(`crm ${command}: ${why}; see crm ${command} --help`);
  }
}

/**
 * A string flag's value, or the fallback.
 *
 * @example
 * stringFlag({ out: "a.csv" }, "out", "b.csv"); // "a.csv"
 */
export function stringFlag(values: FlagValues, name: string, fallback?: string): string | undefined {
  const v = values[name];
  return typeof v === "string" ? v : fallback;
}

/**
 * A string flag that must be one of a set of choices.
 *
 * @throws UsageError naming the flag, the choices and the value given
 * @example
 * choiceFlag("summary", { "time-unit": "week" }, "time-unit", ["day", "week", "month"], "week"); // "week"
 */
export function choiceFlag<T extends string>(
  command: string,
  values: FlagValues,
  name: string,
  choices: readonly T[],
  fallback: T,
): T {
  const v = stringFlag(values, name);
  if (v === undefined) return fallback;
  if (!(choices as readonly string[]).includes(v)) {
    throw new UsageError(`crm ${command}: --${name} must be one of ${choices.join(", ")} (got "${v}")`);
  }
  return v as T;
}

/**
 * A whole-number flag within bounds.
 *
 * @throws UsageError when the value is not a whole number in [min, max]
 * @example
 * intFlag("generate", { customers: "5000" }, "customers", 1, 1e8, 100); // 5000
 */
export function intFlag(command: string, values: FlagValues, name: string, min: number, max: number, fallback: number): number {
  const v = stringFlag(values, name);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^-?\d+$/.test(v.trim()) || n < min || n > max) {
    throw new UsageError(`crm ${command}: --${name} must be a whole number from ${min} to ${max} (got "${v}")`);
  }
  return n;
}

/**
 * A number flag that must pass a check, or undefined when the flag is absent.
 *
 * @param command - the command name, for messages
 * @param values - the parsed flags
 * @param name - the flag name without dashes
 * @param ok - the check the number must pass
 * @param what - what a valid value is, in words, for the message (e.g. "a number >= 0")
 * @throws UsageError `crm COMMAND: --NAME must be WHAT (got "TEXT")` when the value is blank, not a number or fails the check
 * @example
 * numberFlag("fit", { penalizer: "0.01" }, "penalizer", (x) => x >= 0, "a number >= 0"); // 0.01
 */
export function numberFlag(command: string, values: FlagValues, name: string, ok: (x: number) => boolean, what: string): number | undefined {
  const text = stringFlag(values, name);
  if (text === undefined) return undefined;
  const x = Number(text);
  if (text.trim() === "" || !Number.isFinite(x) || !ok(x)) throw new UsageError(`crm ${command}: --${name} must be ${what} (got "${text}")`);
  return x;
}

/** The flags that name a day; each must be an ISO date from 1900-01-01 to a year after the run date. */
const DATE_FLAGS = ["observation-end", "calibration-end", "migration-from", "migration-to", "cut", "from", "to"] as const;

/**
 * Checks every date flag that was given before any work: the form `YYYY-MM-DD`, a real calendar
 * day, and the range the data rows are held to (1900-01-01 to the run date + 366 days), so that
 * `--observation-end 9999-12-31` is one line at once, not a failure after the analyses.
 *
 * @param command - the command name, for messages
 * @param values - the parsed flags
 * @throws UsageError naming the flag and the value
 * @example
 * checkDateFlags("report", { "observation-end": "9999-12-31" });
 * // throws: crm report: --observation-end 9999-12-31 is more than a year after today (...); give a date from 1900-01-01 to ...
 */
export function checkDateFlags(command: string, values: FlagValues): void {
  const latest = latestDay();
  for (const name of DATE_FLAGS) {
    const text = values[name];
    if (typeof text !== "string") continue;
    const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? parseDay(text, "iso") : null;
    if (day === null) throw new UsageError(`crm ${command}: --${name} must be a date YYYY-MM-DD (got "${text}")`);
    if (day < EARLIEST_DAY || day > latest) {
      throw new UsageError(`crm ${command}: --${name} ${text} is outside ${formatDay(EARLIEST_DAY)} to ${formatDay(latest)} (a year after today); give a date in that range`);
    }
  }
}
