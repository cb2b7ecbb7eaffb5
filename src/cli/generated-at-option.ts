import { UsageError } from "./usage-error.js";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The time stamp a report carries: `--generated-at` (an ISO 8601 date-time with zone, or a day
 * meaning its midnight UTC), else the environment's `SOURCE_DATE_EPOCH` (whole seconds since
 * 1970-01-01 UTC, as reproducible-builds.org defines it), else the current time. The first two
 * make two runs on the same input byte-identical.
 *
 * @param command - the command, for messages (e.g. "crm report")
 * @param flag - the `--generated-at` value, if given
 * @param epoch - the `SOURCE_DATE_EPOCH` value, if set
 * @param now - the current time (default: the clock), used when neither is given
 * @returns an ISO 8601 date-time in UTC, e.g. "2026-12-03T14:05:00.000Z"
 * @throws UsageError when the flag or the variable is malformed or out of range (years 1 to 9999)
 * @example
 * generatedAtOption("crm report", "2026-12-03T14:05:00Z", undefined); // "2026-12-03T14:05:00.000Z"
 * generatedAtOption("crm report", undefined, "1764770700");          // "2025-12-03T14:05:00.000Z"
 */
export function generatedAtOption(command: string, flag: string | undefined, epoch: string | undefined, now: () => Date = () => new Date()): string {
  if (flag !== undefined) {
    const ms = ISO_DAY.test(flag) ? Date.parse(`${flag}T00:00:00Z`) : ISO_DATE_TIME.test(flag) ? Date.parse(flag) : Number.NaN;
    const year = Number.isNaN(ms) ? 0 : new Date(ms).getUTCFullYear();
    if (year < 1 || year > 9999 || (ISO_DAY.test(flag) && new Date(ms).toISOString().slice(0, 10) !== flag)) {
      throw new UsageError(`${command}: --generated-at must be an ISO 8601 date-time with a zone such as 2026-12-03T14:05:00Z, or a day such as 2026-12-03 (got "${flag}")`);
    }
    return new Date(ms).toISOString();
  }
  if (epoch !== undefined && epoch !== "") {
    const seconds = /^\d{1,12}$/.test(epoch) ? Number(epoch) : Number.NaN;
    if (!(seconds <= 253402300799)) {
      throw new UsageError(`${command}: SOURCE_DATE_EPOCH must be whole seconds since 1970-01-01 UTC, up to 253402300799 (got "${epoch}")`);
    }
    return new Date(seconds * 1000).toISOString();
  }
  return now().toISOString();
}
