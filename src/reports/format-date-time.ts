const cache = new Map<string, { readonly day: Intl.DateTimeFormat; readonly time: Intl.DateTimeFormat }>();

function formats(locale: string | undefined): { readonly day: Intl.DateTimeFormat; readonly time: Intl.DateTimeFormat } {
  const tag = locale ?? "en-GB";
  let f = cache.get(tag);
  if (f === undefined) {
    f = {
      day: new Intl.DateTimeFormat(tag, { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
      time: new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" }),
    };
    cache.set(tag, f);
  }
  return f;
}

/**
 * A time stamp or a day for reading, in a locale's words: "3 December 2026, 14:05 UTC" (English,
 * the default), "3. Dezember 2026, 14:05 UTC" (de-DE); a day alone (ISO `YYYY-MM-DD`, or
 * `time: false`) as "31 December 2025". Times are shown in UTC, as the report stores them.
 *
 * @param iso - an ISO 8601 date-time with zone, or an ISO day
 * @param locale - BCP 47 tag (default: English, day before month)
 * @param options - `time: false` shows the day only
 * @returns the text; a value that is not a date is returned as given
 * @throws RangeError (from Intl) when `locale` is not a well-formed language tag
 * @example
 * formatDateTime("2026-12-03T14:05:09Z");          // "3 December 2026, 14:05 UTC"
 * formatDateTime("2025-12-31", "de-DE");           // "31. Dezember 2025"
 */
export function formatDateTime(iso: string, locale?: string, options: { readonly time?: boolean } = {}): string {
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const ms = Date.parse(dayOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) return iso;
  const f = formats(locale);
  return dayOnly || options.time === false ? f.day.format(ms) : `${f.day.format(ms)}, ${f.time.format(ms)} UTC`;
}
