import type { ServiceEvents } from "../../data/load/build-service-events.js";
import { formatDay } from "../../data/parse/format-day.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import { selectTransactions } from "../../data/load/select-transactions.js";
import type { Transactions } from "../../data/types.js";
import { DAYS_PER_UNIT } from "../../summary/types.js";
import { ratio, sumValueByKey } from "../../value/sum-value-by-key.js";
import { cutTables, propensityBase, spendsToCuts, type CutTable, type PropensityBase } from "./propensity-base.js";
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
  checkCut(base, cut, fn);
  const spend = await spendsToCuts(base, [cut]);
  const [table] = cutTables(base, [{ cut, end: window === undefined ? cut : cut + window }]);
  const f = cutFeatures(base, table!, spend ? spend[0]! : null, window);
  const customerIds = idsOf(base, f.code);
  const netContribution = netContributionAt(base, f.code, cut, options.serviceEvents, fn);
  return Object.freeze({ cutDate: f.cutDate, windowEnd: f.windowEnd, customerIds, features: f.features, bought: f.bought, history: f.history, netContribution });
}

/**
 * Throws unless some line is on or before the cut.
 *
 * @param base - the coded transactions
 * @param cut - the cut day (days since 1970-01-01)
 * @param fn - the caller, for the message
 * @throws AnalysisNotPossibleError when no line is on or before the cut
 * @example
 * checkCut(base, 20000, "propensityFeatures");
 */
export function checkCut(base: PropensityBase, cut: number, fn: string): void {
  if (!(base.firstDay <= cut)) throw new AnalysisNotPossibleError(`${fn}: no transaction on or before the cut date ${formatDay(cut)}`);
}

/** {@link PropensityFeatureSet} by customer code, without the ids and the net contribution (for the model's own cuts). */
export interface CutFeatures {
  readonly cutDate: string;
  readonly windowEnd: string | null;
  /** Customer code of each row (ascending). */
  readonly code: Int32Array;
  readonly features: Readonly<Record<string, Float64Array>>;
  readonly bought: Float64Array | null;
  readonly history: PropensityFeatureSet["history"];
}

/**
 * The feature columns of one cut from its {@link CutTable}: one loop over the rows per column,
 * with the same arithmetic as the customer summary and customer value (equal to the last bit).
 *
 * @param base - the coded transactions
 * @param at - the cut's table (from {@link cutTables}, with `end` = cut + window)
 * @param spend - spend to the cut by customer code (from {@link spendsToCuts}), or null for a purchase log
 * @param window - the label window in days, or undefined for no label
 * @returns the frozen features by row (rows = customers with a purchase on or before the cut, by code)
 * @throws never
 * @example
 * const [at] = cutTables(base, [{ cut: 20000, end: 20090 }]);
 * cutFeatures(base, at, (await spendsToCuts(base, [20000]))![0], 90).bought;
 */
export function cutFeatures(base: PropensityBase, at: CutTable, spend: Float64Array | null, window: number | undefined): CutFeatures {
  const cut = at.cut, code = at.code, n = code.length;
  const week = DAYS_PER_UNIT.week;
  const first = at.firstDay, last = at.lastDay;
  // Plain loops over the rows (codes ascending: the per-customer arrays are read in order).
  const T = new Float64Array(n), tenure = new Float64Array(n), since = new Float64Array(n), frequency = new Float64Array(n), recency = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const c = code[r]!;
    T[r] = (cut - first[c]!) / week;
    tenure[r] = T[r]! * 7;
    since[r] = cut - last[c]!;
    frequency[r] = at.purchaseDays[c]! - 1;
    recency[r] = (last[c]! - first[c]!) / week;
  }
  const orders = new Float64Array(n);
  { const { values, stride, offset } = at.orders; for (let r = 0; r < n; r++) orders[r] = values[code[r]! * stride + offset]!; }
  const features: Record<string, Float64Array> = { days_since_last_purchase: since, tenure_days: tenure, orders };
  const history = Object.freeze({ frequency, recency, T });
  let bought: Float64Array | null = null;
  if (window !== undefined) {
    bought = new Float64Array(n);
    for (let r = 0; r < n; r++) bought[r] = at.holdoutDays[code[r]!]! > 0 ? 1 : 0;
  }
  if (spend && at.value) {
    const { values, stride, offset } = at.value;
    const total = new Float64Array(n), mean = new Float64Array(n), share = new Float64Array(n), returnRate = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const c = code[r]!, at0 = c * stride + offset;
      const g = values[at0]!, d = values[at0 + 1]!, ret = values[at0 + 2]!;
      total[r] = spend[c]!;
      mean[r] = orders[r]! > 0 ? g / orders[r]! : 0;
      share[r] = d + g > 0 ? d / (d + g) : 0;
      const rate = ratio(ret, g);
      returnRate[r] = Number.isFinite(rate) ? rate : 0;
    }
    Object.assign(features, { total_spend: total, mean_order_value: mean, discount_share: share, return_rate: returnRate });
    const counts = [new Float64Array(n), new Float64Array(n), new Float64Array(n)] as const;
    if (at.events) {
      const { values: ev, stride: es, offset: eo, step } = at.events;
      for (let r = 0; r < n; r++) {
        const base0 = code[r]! * es + eo;
        counts[0][r] = ev[base0]!;
        counts[1][r] = ev[base0 + step]!;
        counts[2][r] = ev[base0 + 2 * step]!;
      }
    }
    Object.assign(features, { call_centre_contacts: counts[0], complaints: counts[1], late_deliveries: counts[2] });
  }
  if (at.mainChannel) Object.assign(features, channelIndicators(base.channels, at.mainChannel, code));
  return Object.freeze({ cutDate: formatDay(cut), windowEnd: window === undefined ? null : formatDay(cut + window), code, features: Object.freeze(features), bought, history });
}

/**
 * `channel_X` = 1 when X is the customer's main channel, for every channel but the most common
 * main channel (ties by name), in that ranking's order; no column for a blank channel name.
 */
function channelIndicators(names: readonly string[], mainOf: Int32Array, code: Int32Array): Record<string, Float64Array> {
  const n = code.length;
  // Main channels of the rows counted in order of first appearance (-1: no channel line), as a Map would keep them.
  const counts = new Float64Array(names.length + 1);
  const order: number[] = [];
  for (let r = 0; r < n; r++) {
    const ch = mainOf[code[r]!]!;
    if (counts[ch + 1] === 0) order.push(ch);
    counts[ch + 1]! += 1;
  }
  const name = (ch: number): string => (ch < 0 ? "" : names[ch]!);
  const ranked = order.map((ch) => [ch, counts[ch + 1]!] as const).sort((a, b) => b[1] - a[1] || (name(a[0]) < name(b[0]) ? -1 : 1)).map(([ch]) => ch);
  return Object.fromEntries(ranked.slice(1).filter((ch) => name(ch) !== "").map((ch) => {
    const col = new Float64Array(n);
    for (let r = 0; r < n; r++) if (mainOf[code[r]!] === ch) col[r] = 1;
    return [`channel_${name(ch)}`, col];
  }));
}

/**
 * The customer ids of rows by code.
 *
 * @param base - the coded transactions
 * @param code - customer codes
 * @returns the ids (frozen)
 * @throws never
 * @example
 * idsOf(base, Int32Array.of(0)); // [the first customer's id]
 */
export function idsOf(base: PropensityBase, code: Int32Array): readonly string[] {
  const ids = new Array<string>(code.length);
  for (let r = 0; r < code.length; r++) ids[r] = base.ids[code[r]!]!;
  return Object.freeze(ids);
}

/**
 * Net contribution to the cut (gross margin − freight − cost to serve, currency) of the given
 * customers: customer value's column on the lines up to the cut (no copy when every line is on
 * or before it), with the service events up to the cut. NaN (unknown) for a purchase log.
 *
 * @param base - the coded transactions
 * @param code - the customers (codes), in row order
 * @param cut - the cut day (inclusive)
 * @param serviceEvents - service events, or undefined
 * @param fn - the caller, for messages
 * @returns one number per row
 * @throws ArgumentError as customer value for bad values
 * @example
 * netContributionAt(base, table.code, 20000, events, "propensityAnalysis")[0];
 */
export function netContributionAt(base: PropensityBase, code: Int32Array, cut: number, serviceEvents: ServiceEvents | undefined, fn: string): Float64Array {
  const transactions = base.transactions;
  if (!transactions.amount) return new Float64Array(code.length).fill(NaN);
  let before = 0;
  for (let i = 0; i < transactions.length; i++) if (transactions.day[i]! <= cut) before++;
  const keep = before === transactions.length ? null : Uint8Array.from(transactions.day, (d) => (d <= cut ? 1 : 0));
  const past = keep ? selectTransactions(transactions, keep) : transactions;
  // customerValue's net contribution column without its ranks, whale curve, classes and channels: the same sums.
  const { lines, service } = prepareValue(past, { serviceEvents: serviceEvents ? eventsUpTo(serviceEvents, cut) : undefined, assumedMarginRate: 0 }, fn);
  const net = sumValueByKey(lines, service.costToServe, lines.customerOf, lines.customerIds.length).net_contribution;
  // Customer value numbers customers its own way: its number of each of our codes, read off the lines (no text key).
  const valueCode = new Int32Array(base.ids.length).fill(-1);
  for (let i = 0, j = 0; i < transactions.length; i++) {
    if (keep && keep[i] === 0) continue;
    valueCode[base.customerOf[i]!] = lines.customerOf[j++]!;
  }
  const out = new Float64Array(code.length);
  for (let r = 0; r < code.length; r++) { const j = valueCode[code[r]!]!; out[r] = j < 0 ? 0 : net[j]!; }
  return out;
}

function eventsUpTo(ev: ServiceEvents, cut: number): ServiceEvents {
  const idx: number[] = [];
  for (let i = 0; i < ev.length; i++) if (ev.day[i]! <= cut) idx.push(i);
  if (idx.length === ev.length) return ev;
  return {
    length: idx.length,
    customerId: idx.map((i) => ev.customerId[i]!),
    day: Int32Array.from(idx, (i) => ev.day[i]!),
    type: idx.map((i) => ev.type[i]!),
    sourceLine: Int32Array.from(idx, (i) => ev.sourceLine[i]!),
  };
}
