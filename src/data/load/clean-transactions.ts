import { DataError } from "../data-error.js";
import { type RejectedRow, rejectMore, withGuests } from "../ledger/row-ledger.js";
import { selectTransactions } from "./select-transactions.js";
import type { LoadedTransactions } from "../columns/transaction-options.js";

/** The cleaning policy of {@link cleanTransactions}. */
export interface CleanPolicy {
  /** `"net"` (default): keep negative lines as returns; `"exclude"`: reject them (`return-excluded`). */
  readonly returns?: "net" | "exclude";
  /** `"keep"` (default): keep identical lines; `"drop"`: reject repeats (`duplicate`). */
  readonly duplicates?: "keep" | "drop";
  /**
   * The order-id prefix that marks a cancellation (e.g. `"C"`, as in many retail exports:
   * `C536379`). A line whose order id starts with it is a return: its amount is taken as
   * -|amount| (deducted from spend, never a purchase). Default: none (only negative amounts are returns).
   */
  readonly cancelPrefix?: string;
}

/**
 * Applies the cleaning policy to validated transactions and records what it removed in the
 * ledger (`used + rejected = read` still holds).
 *
 * **Returns** (`returns`): a line with a negative amount is a return or cancellation.
 * - `"net"` (default): it is kept. It does not create a purchase day (the customer summary
 *   counts only lines with amount >= 0 as purchases) and its value is deducted from spend.
 * - `"exclude"`: it is rejected with code `return-excluded`.
 *
 * Lines with amount 0 are purchases (CDNOW has 80 of them) under both settings.
 *
 * **Duplicates** (`duplicates`):
 * - `"keep"` (default): several identical lines on one day are normal when there is no order id
 *   (two CDs bought the same day), so nothing is removed.
 * - `"drop"`: a line identical in every column (after parsing: same customer, day, amount and
 *   every optional column) to an earlier line is rejected with code `duplicate` and reason
 *   `duplicate of line N`, N being the first such line.
 *
 * **Cancellations** (`cancelPrefix`): lines whose order id starts with the prefix become returns
 * (amount -|amount|) before the returns policy applies; they are used, not rejected. In a
 * purchase log (no amounts) they are rejected with code `cancelled`.
 *
 * Returns are handled before duplicates. See src/data/POLICY.md.
 *
 * @param loaded - transactions and their ledger from a builder or loader
 * @param policy - the cleaning policy (defaults: net, keep)
 * @returns new transactions and ledger; the input is unchanged (returned as is when nothing is removed)
 * @throws DataError when a policy value is not one of the allowed words
 * @example
 * const c = cleanTransactions(loaded, { returns: "exclude", duplicates: "drop" });
 * c.ledger.byReason; // e.g. { "return-excluded": 3, duplicate: 1 }
 */
export function cleanTransactions(loaded: LoadedTransactions, policy: CleanPolicy = {}): LoadedTransactions {
  const returns = policy.returns ?? "net";
  const duplicates = policy.duplicates ?? "keep";
  if (returns !== "net" && returns !== "exclude") throw new DataError(`cleanTransactions: returns "${String(returns)}" must be "net" or "exclude"; use --returns net|exclude`);
  if (duplicates !== "keep" && duplicates !== "drop") throw new DataError(`cleanTransactions: duplicates "${String(duplicates)}" must be "keep" or "drop"; use --duplicates keep|drop`);
  const cancelled = markCancellations(loaded, policy.cancelPrefix);
  if (returns === "net" && duplicates === "keep") return cancelled === loaded ? loaded : guestShareOf(cancelled);
  const t = cancelled.transactions;
  const keep = new Uint8Array(t.length).fill(1);
  const more: RejectedRow[] = [];
  const amount = t.amount;
  if (returns === "exclude" && amount) {
    for (let i = 0; i < t.length; i++) {
      if (amount[i]! < 0) {
        keep[i] = 0;
        more.push({ line: t.sourceLine[i]!, code: "return-excluded", reason: `amount ${amount[i]} is a return or cancellation (returns: exclude)` });
      }
    }
  }
  if (duplicates === "drop") {
    const cols = Object.entries(t).filter(([k, v]) => k !== "length" && k !== "sourceLine" && v !== undefined) as [string, ArrayLike<unknown>][];
    const first = new Map<string, number>();
    for (let i = 0; i < t.length; i++) {
      if (!keep[i]) continue;
      const key = cols.map(([, c]) => String(c[i])).join("\u0000");
      const prev = first.get(key);
      if (prev === undefined) first.set(key, t.sourceLine[i]!);
      else {
        keep[i] = 0;
        more.push({ line: t.sourceLine[i]!, code: "duplicate", reason: `duplicate of line ${prev}` });
      }
    }
  }
  if (more.length === 0) return cancelled === loaded ? loaded : guestShareOf(cancelled);
  return guestShareOf(Object.freeze({ transactions: selectTransactions(t, keep), ledger: rejectMore(cancelled.ledger, more) }));
}

/** The guest orders' share of revenue again, of the amounts after cleaning (as the analyses see them). */
function guestShareOf(loaded: LoadedTransactions): LoadedTransactions {
  const g = loaded.ledger.guests;
  if (g === undefined) return loaded;
  return Object.freeze({ transactions: loaded.transactions, ledger: withGuests(loaded.ledger, g.lines, g.amount, loaded.transactions.amount) });
}

/** Lines whose order id starts with `prefix` turned into returns (amount -|amount|). */
function markCancellations(loaded: LoadedTransactions, prefix: string | undefined): LoadedTransactions {
  if (prefix === undefined) return loaded;
  const t = loaded.transactions;
  if (prefix === "") throw new DataError("cleanTransactions: the cancellation prefix must not be empty; use e.g. --cancel-prefix C");
  if (!t.orderId) throw new DataError(`cleanTransactions: cancellations by order-id prefix "${prefix}" need an order id column; map it with --order-id COL`);
  const orderId = t.orderId;
  if (!t.amount) {
    // A purchase log has no amount to make negative: a cancelled order is not a purchase, so its lines are ledgered.
    const keep = Uint8Array.from(orderId, (o) => (o.startsWith(prefix) ? 0 : 1));
    const more: RejectedRow[] = [];
    keep.forEach((k, i) => { if (!k) more.push({ line: t.sourceLine[i]!, code: "cancelled", reason: `order ${orderId[i]} starts with the cancellation prefix "${prefix}" (a purchase log: no amount to count as a return)` }); });
    return more.length === 0 ? loaded : Object.freeze({ transactions: selectTransactions(t, keep), ledger: rejectMore(loaded.ledger, more) });
  }
  const amount = Float64Array.from(t.amount, (a, i) => (orderId[i]!.startsWith(prefix) ? -Math.abs(a) : a));
  return Object.freeze({ transactions: Object.freeze({ ...t, amount }), ledger: loaded.ledger });
}
