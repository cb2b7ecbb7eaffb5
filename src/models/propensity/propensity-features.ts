import type { ServiceEvents } from "../../data/load/build-service-events.js";
import { formatDay } from "../../data/parse/format-day.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import { selectTransactions } from "../../data/load/select-transactions.js";
import type { Transactions } from "../../data/types.js";
import { withEngine } from "../../engine/open-engine.js";
import { DAYS_PER_UNIT } from "../../summary/types.js";
import { ratio, sumValueByKey } from "../../value/sum-value-by-key.js";
import { channelIndicatorsUpTo, cutSummaries, propensityBase, valueUpTo, type CutSummary, type PropensityBase } from "./propensity-base.js";
import { prepareValue } from "../../value/value-options.js";
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
  const base = propensityBase(transactions, options.serviceEvents);
  return withEngine(async (engine) => propensityFeaturesAt(base, await cutSummaries(engine, base, [cut]), cut, { windowDays: window, serviceEvents: options.serviceEvents, netContribution: true }));
}

/**
 * {@link propensityFeatures} on transactions coded once ({@link propensityBase}) and loaded into
 * the engine once ({@link cutSummaries}): the features at a cut in one pass over typed arrays.
 * The net contribution (a full customer value at the cut) is computed only when asked for;
 * otherwise it is NaN.
 *
 * @param base - the coded transactions
 * @param summaryAt - the summary SQL at a cut, from {@link cutSummaries}
 * @param cut - the cut day (days since 1970-01-01)
 * @param options - `windowDays` (checked by the caller), `serviceEvents`, `netContribution`
 * @returns the frozen feature set
 * @throws AnalysisNotPossibleError when no line is on or before the cut
 * @example
 * const at = await cutSummaries(engine, base, [20000]);
 * (await propensityFeaturesAt(base, at, 20000, { windowDays: 90 })).bought;
 */
export async function propensityFeaturesAt(
  base: PropensityBase,
  summaryAt: (cal: number, obs: number) => Promise<CutSummary>,
  cut: number,
  options: { readonly windowDays?: number; readonly serviceEvents?: ServiceEvents; readonly netContribution?: boolean },
): Promise<PropensityFeatureSet> {
  const fn = "propensityFeatures";
  const transactions = base.transactions;
  const window = options.windowDays;
  let before = 0;
  for (let i = 0; i < transactions.length; i++) if (transactions.day[i]! <= cut) before++;
  if (before === 0) throw new AnalysisNotPossibleError(`${fn}: no transaction on or before the cut date ${formatDay(cut)}`);
  const windowEnd = window === undefined ? null : formatDay(cut + window);
  const s = await summaryAt(cut, window === undefined ? cut : cut + window);
  const n = s.code.length;
  const week = DAYS_PER_UNIT.week;
  const T = Float64Array.from(s.firstDay, (f) => (cut - f) / week);
  const baseFeatures: Record<string, Float64Array> = {
    days_since_last_purchase: Float64Array.from(s.lastDay, (l) => cut - l),
    tenure_days: Float64Array.from(T, (t) => t * 7),
    orders: s.orders,
  };
  const label = {
    cutDate: formatDay(cut),
    windowEnd,
    customerIds: Object.freeze(Array.from(s.code, (c) => base.ids[c]!)),
    bought: window === undefined ? null : Float64Array.from(s.frequencyHoldout, (f) => (f > 0 ? 1 : 0)),
    history: Object.freeze({ frequency: s.frequency, recency: Float64Array.from(s.firstDay, (f, i) => (s.lastDay[i]! - f) / week), T }),
  };
  if (!transactions.amount) {
    // A purchase log: no spend, discount, return or value features (and no value-based service costs).
    if (base.channelOf) Object.assign(baseFeatures, channelIndicatorsUpTo(base, cut, s.code));
    return Object.freeze({ ...label, features: Object.freeze(baseFeatures), netContribution: new Float64Array(n).fill(NaN) });
  }
  const v = valueUpTo(base, cut);
  const pick = (f: (c: number) => number): Float64Array => Float64Array.from(s.code, f);
  const features: Record<string, Float64Array> = {
    ...baseFeatures,
    total_spend: s.totalSpend,
    mean_order_value: pick((c) => (v.orders[c]! > 0 ? v.grossSales[c]! / v.orders[c]! : 0)),
    discount_share: pick((c) => { const d = v.discounts[c]!, g = v.grossSales[c]!; return d + g > 0 ? d / (d + g) : 0; }),
    return_rate: pick((c) => { const r = ratio(v.returnsValue[c]!, v.grossSales[c]!); return Number.isFinite(r) ? r : 0; }),
    call_centre_contacts: pick((c) => v.callCentreContacts[c]!),
    complaints: pick((c) => v.complaints[c]!),
    late_deliveries: pick((c) => v.lateDeliveries[c]!),
  };
  if (base.channelOf) Object.assign(features, channelIndicatorsUpTo(base, cut, s.code));
  let netContribution: Float64Array;
  if (options.netContribution) {
    // The one full customer value: the cut's lines only (no copy when every line is on or before it).
    const past = before === transactions.length ? transactions : selectTransactions(transactions, Uint8Array.from(transactions.day, (d) => (d <= cut ? 1 : 0)));
    const ev = options.serviceEvents;
    // customerValue's net contribution column without its ranks, whale curve, classes and channels: the same sums.
    const { lines, service } = prepareValue(past, { serviceEvents: ev ? eventsUpTo(ev, cut) : undefined, assumedMarginRate: 0 }, fn);
    const net = sumValueByKey(lines, service.costToServe, lines.customerOf, lines.customerIds.length).net_contribution;
    const row = new Map(lines.customerIds.map((id, i) => [id, i]));
    netContribution = Float64Array.from(label.customerIds, (id) => { const j = row.get(id); return j === undefined ? 0 : net[j]!; });
  } else netContribution = new Float64Array(n).fill(NaN);
  return Object.freeze({ ...label, features: Object.freeze(features), netContribution });
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
