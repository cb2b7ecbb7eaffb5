/** The delimiters that {@link detectDelimiter} chooses among, in order of preference on ties. */
export const DELIMITER_CANDIDATES = [",", ";", "\t", "|"] as const;

/**
 * Guesses the field delimiter of delimited text: the candidate (`,` `;` tab `|`) that occurs
 * most often, outside quotes, on the first line, preferring one that occurs the same number of
 * times on the next few lines. Falls back to `,` when none occurs (a one-column file).
 *
 * @param text - the start of the file (a few kilobytes are enough), BOM already removed
 * @returns the delimiter character
 * @example
 * detectDelimiter("id;date;amount\nC1;2024-01-02;9,5\n"); // ";"
 * detectDelimiter("a\tb\n1\t2\n");                        // "\t"
 */
export function detectDelimiter(text: string): string {
  const lines = firstLines(text.slice(0, 65536), 6);
  if (lines.length === 0) return ",";
  let best = ",";
  let bestScore = 0;
  for (const d of DELIMITER_CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const first = counts[0]!;
    if (first === 0) continue;
    const consistent = counts.slice(1).every((c) => c === first);
    const score = first + (consistent ? 1000 : 0);
    if (score > bestScore) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

function firstLines(text: string, n: number): string[] {
  const out: string[] = [];
  for (const l of text.split(/\r\n|\n|\r/)) {
    if (l.trim() === "") continue;
    out.push(l);
    if (out.length === n) break;
  }
  // the last line of a slice may be cut short: drop it when there are others
  if (out.length > 1 && text.length === 65536) out.pop();
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let inQuotes = false;
  let n = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) n++;
  }
  return n;
}
