import type { ServiceEvents } from "../../data/load/build-service-events.js";
import { formatDay } from "../../data/parse/format-day.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import { selectTransactions } from "../../data/load/select-transactions.js";
import type { Transactions } from "../../data/types.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { customerValue } from "../../value/customer-value.js";
import { ArgumentError } from "../../math/argument-error.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** The numeric features of {@link propensityFeatures}, before the channel indicators. */
export const PROPENSITY_FEATURES = Object.freeze([
  "days_since_last_purchase", "tenure_days", "orders", "total_spend", "mean_order_value",
  "discount_share", "return_rate", "call_centre_contacts", "complaints", "late_deliveries",
] as const);

/** Customers as known at a cut date, with what they did in the window after it. */
export interface PropensityFeatureSet {
  /** The cut date: features use data up to and including it (ISO). */
  readonly cutDate: string;
  /** Last day of the label window (ISO), or null when no label was asked for. */
  readonly windowEnd: string | null;
  readonly customerIds: readonly string[];
  /** Feature columns by name (units: days, counts, currency, fractions; `channel_X` is 1 when X is the customer's main channel). */
  readonly features: Readonly<Record<string, Float64Array>>;
  /** 1 when the customer bought (a purchase day) in the window after the cut, else 0; null without a window. */
  readonly bought: Float64Array | null;
  /** BG/NBD inputs at the cut, in weeks: repeat purchase days, recency, T. */
  readonly history: { readonly frequency: Float64Array; readonly recency: Float64Array; readonly T: Float64Array };
  /** Net contribution to the cut (gross margin − freight − cost to serve, currency); NaN (unknown) for a purchase log. */
  readonly netContribution: Float64Array;
}

/**
 * The customer facts known at a cut date, for a propensity or churn model: from the customer
 * summary (days since last purchase, tenure = days since the first purchase, orders, total spend),
 * customer value (mean order value = gross sales / orders, discount share = discounts / list value,
 * return rate = returns value / gross sales, 0 without sales) and service events (call-centre
 * contacts, complaints, late deliveries), all counted up to the cut; plus one indicator per sales
 * channel but the most common (the customer's main channel: most lines, ties by name). With
 * `windowDays` the label is whether the customer made a purchase in the `windowDays` days after
 * the cut. Only customers whose first purchase is on or before the cut are included.
 *
 * @param transactions - all transactions (lines after the cut are used only for the label)
 * @param options - `cutDate` (ISO), `windowDays` (> 0, optional), `serviceEvents` (optional)
 * @returns the frozen feature set
 * @throws ArgumentError for a bad date or window, or when no customer bought by the cut
 * @example
 * const f = await propensityFeatures(tx, { cutDate: "2025-07-03", windowDays: 90, serviceEvents });
 * f.features.complaints[0]; // complaints of the first customer up to 2025-07-03
 */
export async function propensityFeatures(
  transactions: Transactions,
  options: { readonly cutDate: string; readonly windowDays?: number; readonly serviceEvents?: ServiceEvents },
): Promise<PropensityFeatureSet> {
  const fn = "propensityFeatures";
  const cut = isoDayOption(options.cutDate, fn, "cutDate");
  const window = options.windowDays;
  if (window !== undefined && !(Number.isInteger(window) && window > 0)) throw new ArgumentError(`${fn}: windowDays ${window} must be a whole number of days > 0`);
  const keep = Uint8Array.from(transactions.day, (d) => (d <= cut ? 1 : 0));
  if (!keep.includes(1)) throw new AnalysisNotPossibleError(`${fn}: no transaction on or before the cut date ${options.cutDate}`);
  const windowEnd = window === undefined ? null : formatDay(cut + window);
  const summary = await customerSummary(transactions, { calibrationEnd: formatDay(cut), observationEnd: windowEnd ?? formatDay(cut), timeUnit: "week" });
  const past = selectTransactions(transactions, keep);
  const ev = options.serviceEvents;
  const events = ev ? eventsUpTo(ev, cut) : undefined;
  const s = summary.columns, n = summary.length;
  const base: Record<string, Float64Array> = {
    days_since_last_purchase: Float64Array.from(s.days_since_last_purchase),
    tenure_days: Float64Array.from(s.T, (t) => t * 7),
    orders: Float64Array.from(s.orders),
  };
  const label = {
    cutDate: formatDay(cut),
    windowEnd,
    customerIds: s.customer_id,
    bought: window === undefined ? null : Float64Array.from(s.frequency_holdout, (f) => (f > 0 ? 1 : 0)),
    history: Object.freeze({ frequency: s.frequency, recency: s.recency, T: s.T }),
  };
  if (!past.amount) {
    // A purchase log: no spend, discount, return or value features (and no value-based service costs).
    if (past.channel) Object.assign(base, channelIndicators(past, s.customer_id));
    return Object.freeze({ ...label, features: Object.freeze(base), netContribution: new Float64Array(n).fill(NaN) });
  }
  const value = customerValue(past, { serviceEvents: events, assumedMarginRate: 0 });
  const row = new Map(value.columns.customer_id.map((id, i) => [id, i]));
  const v = value.columns;
  const at = (i: number): number => row.get(s.customer_id[i]!) ?? -1;
  const pick = (col: Float64Array, f: (x: number, j: number) => number = (x) => x): Float64Array =>
    Float64Array.from({ length: n }, (_, i) => { const j = at(i); return j < 0 ? 0 : f(col[j]!, j); });
  const features: Record<string, Float64Array> = {
    ...base,
    total_spend: Float64Array.from(s.total_spend),
    mean_order_value: pick(v.gross_sales, (g, j) => (v.orders[j]! > 0 ? g / v.orders[j]! : 0)),
    discount_share: pick(v.discounts, (d, j) => (d + v.gross_sales[j]! > 0 ? d / (d + v.gross_sales[j]!) : 0)),
    return_rate: pick(v.return_rate, (r) => (Number.isFinite(r) ? r : 0)),
    call_centre_contacts: pick(v.call_centre_contacts),
    complaints: pick(v.complaints),
    late_deliveries: pick(v.late_deliveries),
  };
  if (past.channel) Object.assign(features, channelIndicators(past, s.customer_id));
  return Object.freeze({ ...label, features: Object.freeze(features), netContribution: pick(v.net_contribution) });
}

function eventsUpTo(ev: ServiceEvents, cut: number): ServiceEvents {
  const idx: number[] = [];
  for (let i = 0; i < ev.length; i++) if (ev.day[i]! <= cut) idx.push(i);
  return {
    length: idx.length,
    customerId: idx.map((i) => ev.customerId[i]!),
    day: Int32Array.from(idx, (i) => ev.day[i]!),
    type: idx.map((i) => ev.type[i]!),
    sourceLine: Int32Array.from(idx, (i) => ev.sourceLine[i]!),
  };
}

/** `channel_X` = 1 when X is the customer's main channel, for every channel but the most common main channel. */
function channelIndicators(t: Transactions, ids: readonly string[]): Record<string, Float64Array> {
  const lines = new Map<string, Map<string, number>>();
  for (let i = 0; i < t.length; i++) {
    const byChannel = lines.get(t.customerId[i]!) ?? new Map<string, number>();
    const ch = t.channel![i]!;
    byChannel.set(ch, (byChannel.get(ch) ?? 0) + 1);
    lines.set(t.customerId[i]!, byChannel);
  }
  const main = ids.map((id) => [...(lines.get(id) ?? new Map<string, number>())].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? "");
  const counts = new Map<string, number>();
  for (const m of main) counts.set(m, (counts.get(m) ?? 0) + 1);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
  return Object.fromEntries(ranked.slice(1).filter((c) => c !== "").map((c) => [`channel_${c}`, Float64Array.from(main, (m) => (m === c ? 1 : 0))]));
}
