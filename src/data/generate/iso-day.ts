const MS_PER_DAY = 86_400_000;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Parses an ISO `YYYY-MM-DD` date to whole days since 1970-01-01 UTC.
 *
 * @example
 * isoToDay("2024-01-02"); // 19724
 * @throws RangeError naming `fn` and the text when it is not a valid calendar date.
 */
export function isoToDay(text: string, fn = "isoToDay", name = "date"): number {
  const m = ISO.exec(text);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) {
      return ms / MS_PER_DAY;
    }
  }
  throw new RangeError(`${fn}: ${name} "${text}" is not a valid YYYY-MM-DD date`);
}

/**
 * Formats whole days since 1970-01-01 UTC as ISO `YYYY-MM-DD`.
 *
 * @example
 * dayToIso(19724); // "2024-01-02"
 */
export function dayToIso(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
