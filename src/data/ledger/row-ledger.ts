/** One input row that was not used, with the reason. */
export interface RejectedRow {
  /** 1-based line number in the source file (the header, when there is one, is line 1). */
  readonly line: number;
  /** Short machine-readable reason code, e.g. `bad-date`. */
  readonly code: string;
  /** Plain-language reason that says what to fix, e.g. `date "2024-13-01" is not a valid YYYY-MM-DD date`. */
  readonly reason: string;
}

/**
 * The account of every input row: each one is either used or rejected with its reason,
 * so `used + rejected.length === read` always holds.
 *
 * @example
 * const l = ledgerOf("tx.csv", 3, [{ line: 3, code: "bad-date", reason: 'date "x" is not a date' }]);
 * l.used;          // 2
 * l.byReason;      // { "bad-date": 1 }
 */
export interface RowLedger {
  /** Where the rows came from (a file path or a description). */
  readonly source: string;
  /** Data rows read (header and trailing empty line not counted). */
  readonly read: number;
  /** Rows that made it into the result. */
  readonly used: number;
  /** Rows left out, in line order, with their reasons. */
  readonly rejected: readonly RejectedRow[];
  /** Count of rejected rows by reason code. */
  readonly byReason: Readonly<Record<string, number>>;
  /**
   * Lines without a customer id (guest checkouts, rejected as `missing-customer`) and their
   * revenue: `amount` (currency units, lines with a readable amount) and `shareOfAmount`, their
   * share of the revenue of every line with a readable amount (null without amounts).
   */
  readonly guests?: { readonly lines: number; readonly amount: number; readonly shareOfAmount: number | null };
}

/**
 * Builds a frozen {@link RowLedger} from the number of rows read and the rejected rows.
 *
 * @param source - where the rows came from
 * @param read - number of data rows read
 * @param rejected - the rows not used (any order; stored sorted by line)
 * @returns the ledger, with `used = read - rejected.length`
 * @throws Error when more rows are rejected than were read
 * @example
 * ledgerOf("a.csv", 10, []).used; // 10
 */
export function ledgerOf(source: string, read: number, rejected: readonly RejectedRow[]): RowLedger {
  if (rejected.length > read) {
    throw new Error(`ledgerOf: ${rejected.length} rejected rows but only ${read} read from ${source}`);
  }
  const sorted = [...rejected].sort((x, y) => x.line - y.line).map((r) => Object.freeze({ ...r }));
  const byReason: Record<string, number> = {};
  for (const r of sorted) byReason[r.code] = (byReason[r.code] ?? 0) + 1;
  return Object.freeze({
    source,
    read,
    used: read - sorted.length,
    rejected: Object.freeze(sorted),
    byReason: Object.freeze(byReason),
  });
}

/**
 * Adds rows rejected by a later step (cleaning, a date window) to a ledger; the sum still holds.
 *
 * @param ledger - the ledger so far
 * @param more - rows newly rejected; each must have been counted as used before
 * @returns a new ledger
 * @throws Error when a line is rejected twice
 * @example
 * rejectMore(ledgerOf("a.csv", 2, []), [{ line: 2, code: "duplicate", reason: "duplicate of line 1" }]).used; // 1
 */
export function rejectMore(ledger: RowLedger, more: readonly RejectedRow[]): RowLedger {
  const seen = new Set(ledger.rejected.map((r) => r.line));
  for (const r of more) {
    if (seen.has(r.line)) throw new Error(`rejectMore: line ${r.line} of ${ledger.source} is already rejected`);
    seen.add(r.line);
  }
  const next = ledgerOf(ledger.source, ledger.read, [...ledger.rejected, ...more]);
  return ledger.guests ? Object.freeze({ ...next, guests: ledger.guests }) : next;
}

/**
 * The ledger with its guest orders (lines without a customer id) and their share of revenue:
 * `amount / (amount + the net amount of the used lines)`, null without amounts or when that
 * total is 0. The cleaning policy calls it again when it changes the amounts (cancellations,
 * excluded returns), so that the share is of what the analyses see.
 *
 * @param ledger - the ledger
 * @param lines - guest lines (rejected as `missing-customer`)
 * @param amount - their net amount (currency units)
 * @param used - the amounts of the used lines, or undefined for a purchase log
 * @returns a frozen ledger with `guests`
 * @example
 * withGuests(ledgerOf("t.csv", 4, [{ line: 3, code: "missing-customer", reason: "..." }]), 1, 30, Float64Array.of(10, 10, 50)).guests;
 * // { lines: 1, amount: 30, shareOfAmount: 0.3 }
 */
export function withGuests(ledger: RowLedger, lines: number, amount: number, used: Float64Array | undefined): RowLedger {
  let total = amount;
  if (used) for (const a of used) total += a;
  const shareOfAmount = used !== undefined && total !== 0 ? amount / total : null;
  return Object.freeze({ ...ledger, guests: Object.freeze({ lines, amount, shareOfAmount }) });
}
