import type { RowLedger } from "../data/ledger/row-ledger.js";
import { emitHtml, type DisplaySink, type SinkOption } from "./display-sink.js";
import { escapeHtml } from "../reports/html/escape-html.js";
import { tableHtml } from "./table-html.js";
import { ArgumentError } from "../math/argument-error.js";

/** Options of {@link showLedger}. */
export interface ShowLedgerOptions extends SinkOption {
  /** How many rejected lines to list (default 10). */
  readonly maxRejected?: number;
}

/**
 * Shows a row ledger compactly: rows read, used and rejected; rejected rows by reason code;
 * the first rejected lines with their reasons (line numbers as in the source file).
 *
 * @param ledger - a {@link RowLedger} from a loader or cleaning step
 * @param options - maxRejected (lines listed, default 10), sink
 * @returns nothing when shown in the kernel (so tslab echoes nothing); with a `sink`, or
 *   `sink: null`, the HTML sent (or that would be sent)
 * @throws TypeError `showLedger: expected a RowLedger ...` naming what was passed
 * @throws Error outside a tslab kernel when no sink is given
 * @example
 * showLedger(ledgerOf("tx.csv", 3, [{ line: 3, code: "bad-date", reason: 'date "x" is not a date' }]));
 * // "tx.csv: 3 rows read, 2 used, 1 rejected" + a table by reason + the rejected line
 */
export function showLedger(ledger: RowLedger, options?: ShowLedgerOptions & { readonly sink?: undefined }): void;
/** showLedger with a sink: shows through it (nothing for `null`) and returns the HTML. */
export function showLedger(ledger: RowLedger, options: ShowLedgerOptions & { readonly sink: DisplaySink | null }): string;
/** showLedger with options whose sink is not known statically. */
export function showLedger(ledger: RowLedger, options?: ShowLedgerOptions): string | undefined;
export function showLedger(ledger: RowLedger, options: ShowLedgerOptions = {}): string | undefined {
  const l = ledger as Partial<RowLedger> | null;
  if (l === null || typeof l !== "object" || typeof l.read !== "number" || typeof l.used !== "number" || !Array.isArray(l.rejected)) {
    throw new TypeError(`showLedger: expected a RowLedger { source, read, used, rejected, byReason }, got ${l === null ? "null" : typeof l}`);
  }
  const max = options.maxRejected ?? 10;
  if (!(Number.isInteger(max) && max >= 0)) {
    throw new ArgumentError(`showLedger: maxRejected must be a whole number >= 0, got ${max}`);
  }
  const n = new Intl.NumberFormat("en-US");
  const rejected = ledger.rejected;
  const parts = [
    `<p style="margin:4px 0"><strong>${escapeHtml(String(ledger.source))}</strong>: ` +
      `${n.format(ledger.read)} rows read, ${n.format(ledger.used)} used, ${n.format(rejected.length)} rejected</p>`,
  ];
  if (rejected.length > 0) {
    const byReason = Object.entries(ledger.byReason ?? {})
      .sort((a, b) => b[1] - a[1])
      .map(([code, rows]) => ({ reason: code, rows }));
    parts.push(tableHtml(byReason, { title: "Rejected by reason", pageSize: Infinity }));
    if (max > 0) {
      const first = rejected.slice(0, max).map((r) => ({ line: r.line, code: r.code, reason: r.reason }));
      const title = rejected.length > max ? `First ${n.format(max)} rejected lines` : "Rejected lines";
      parts.push(tableHtml(first, { title, pageSize: Infinity, format: { columns: { line: (v) => String(v) } } }));
    }
  }
  const html = `<div class="crm-ledger">${parts.join("\n")}</div>`;
  emitHtml(html, options.sink, "showLedger");
  return options.sink === undefined ? undefined : html;
}
