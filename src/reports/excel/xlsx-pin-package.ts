import { createHash } from "node:crypto";
import type JSZip from "jszip";

const GUID = /\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}/gi;
/** The first and last time a zip entry can carry (MS-DOS dates: 1980 to 2107). */
const DOS_FIRST = Date.UTC(1980, 0, 1);
const DOS_LAST = Date.UTC(2107, 11, 31, 23, 59, 58);

/** A GUID made from a hash: the same part and number give the same GUID (version-4 layout). */
function guidOf(part: string, n: number): string {
  const h = createHash("sha256").update(`${part}#${n}`).digest("hex").toUpperCase();
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16).toUpperCase();
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}}`;
}

/**
 * Makes an .xlsx package reproducible in place: every random GUID that exceljs writes in a
 * worksheet (the `x14:id` of data bars and its `x14:cfRule id`) is replaced by one derived from
 * a hash of the part name and the GUID's order in it (the same GUID keeps the same
 * replacement), and every zip entry gets `date` (clamped to the MS-DOS range 1980-2107, which
 * JSZip writes in UTC). With the same report and date, the package has the same bytes.
 *
 * @param zip - the loaded package (changed in place)
 * @param date - the time stamp for every entry, e.g. the report's generated time
 * @returns nothing
 * @throws never (JSZip errors propagate)
 * @example
 * await pinPackage(zip, new Date("2026-12-03T14:05:00Z"));
 */
export async function pinPackage(zip: JSZip, date: Date): Promise<void> {
  for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/[^/]+\.xml$/.test(f)).sort()) {
    const xml = await zip.file(name)!.async("string");
    const seen = new Map<string, string>();
    const pinned = xml.replace(GUID, (g) => {
      const key = g.toUpperCase();
      let out = seen.get(key);
      if (out === undefined) {
        out = guidOf(name, seen.size);
        seen.set(key, out);
      }
      return out;
    });
    if (pinned !== xml) zip.file(name, pinned);
  }
  const when = new Date(Math.min(DOS_LAST, Math.max(DOS_FIRST, date.getTime())));
  for (const entry of Object.values(zip.files)) entry.date = when;
}
