import { SERVICE_EVENT_TYPES, type ServiceEvents, type ServiceEventType } from "../../data/load/build-service-events.js";
import { formatDay } from "../../data/parse/format-day.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import { customerCodes, dictionaryIndex, textCodes } from "../../data/columns/text-codes.js";
import type { Transactions } from "../../data/types.js";
import { ArgumentError } from "../../math/argument-error.js";
import { requireAmounts } from "../../data/columns/require-amounts.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** Options of {@link serviceCustomerFacts}. */
export interface ServiceFactsOptions {
  /** Cut date, ISO: events and behaviour up to it (inclusive) explain what happens after it (default: last transaction day − windowDays). */
  readonly cut?: string;
  /** Days after the cut in which buying again and spend are measured (default 180). */
  readonly windowDays?: number;
  /** Days before the cut in which service events count and the customer must have bought (default 365). */
  readonly lookbackDays?: number;
}

/** Per customer active before the cut: prior behaviour, service events before it, outcome after it. */
export interface ServiceCustomerFacts {
  readonly length: number;
  readonly customerId: readonly string[];
  /** Purchase days (amount > 0) in the lookback before the cut (count). */
  readonly priorOrders: Float64Array;
  /** Net spend in the lookback before the cut, currency units. */
  readonly priorSpend: Float64Array;
  /** Days from the last purchase to the cut. */
  readonly daysSinceLastPurchase: Float64Array;
  /** Service events of each type in the lookback before the cut (count). */
  readonly events: Readonly<Record<ServiceEventType, Float64Array>>;
  /** 1 when the customer bought again (a line with amount > 0) within the window after the cut. */
  readonly boughtAgain: Uint8Array;
  /** Net spend in the window after the cut, currency units. */
  readonly spendAfter: Float64Array;
  readonly cutDate: string;
  readonly windowDays: number;
  readonly lookbackDays: number;
}

/**
 * Customer facts for the service-impact analysis: every customer who bought in the lookback
 * before the cut, with that period's purchase days, spend, days since the last purchase, and
 * counts of returns, late deliveries, complaints and call-centre contacts; and after the cut,
 * whether they bought again within the window and their net spend there.
 *
 * @param transactions - the transactions table
 * @param events - service events (customer_id, day, type)
 * @param options - cut (ISO), windowDays (default 180), lookbackDays (default 365)
 * @returns frozen columns, in order of first appearance in the transactions
 * @throws ArgumentError for a bad cut date, a window or lookback that is not a whole number ≥ 1, a window that runs past the data, or no active customers
 * @example
 * serviceCustomerFacts(tx, events, { cut: "2025-06-30", windowDays: 180 }).boughtAgain[0]; // 1
 */
export function serviceCustomerFacts(transactions: Transactions, events: ServiceEvents, options: ServiceFactsOptions = {}): ServiceCustomerFacts {
  const fn = "serviceCustomerFacts";
  const amount = requireAmounts(transactions, fn, "spend before and after the service events");
  const windowDays = options.windowDays ?? 180, lookbackDays = options.lookbackDays ?? 365;
  for (const [k, v] of [["windowDays", windowDays], ["lookbackDays", lookbackDays]] as const) {
    if (!Number.isInteger(v) || v < 1) throw new ArgumentError(`${fn}: ${k} ${v} is not a whole number of at least 1`);
  }
  let last = -Infinity;
  for (let i = 0; i < transactions.length; i++) last = Math.max(last, transactions.day[i]!);
  const cut = options.cut === undefined ? last - windowDays : isoDayOption(options.cut, fn, "cut");
  if (cut + windowDays > last) throw new AnalysisNotPossibleError(`${fn}: the window of ${windowDays} days after the cut ${formatDay(cut)} runs past the last transaction ${formatDay(last)}; choose an earlier cut or a shorter window`);
  const from = cut - lookbackDays;
  // Customers as the column's integer codes (customerCodes): a slot per code, numbered by first
  // appearance in the lookback; every per-customer number in a typed array, no object per customer.
  const { codes, dictionary } = customerCodes(transactions);
  const m = dictionary.length;
  const slot = new Int32Array(m).fill(-1), codeOf = new Int32Array(m);
  const orders = new Float64Array(m), spend = new Float64Array(m), lastDay = new Float64Array(m).fill(-Infinity);
  const after = new Float64Array(m), again = new Uint8Array(m);
  // Purchase days: each (slot, day in the lookback) of a line with amount > 0 as one number, sorted
  // after the pass, so that a customer's distinct days are counted without a set.
  let dayKeys = new Float64Array(1024), keys = 0, slots = 0;
  for (let i = 0; i < transactions.length; i++) {
    const d = transactions.day[i]!, a = amount[i]!;
    if (d <= from || d > cut) continue;
    const c = codes[i]!;
    let k = slot[c]!;
    if (k < 0) { k = slot[c] = slots++; codeOf[k] = c; }
    spend[k]! += a;
    if (a > 0) {
      lastDay[k] = Math.max(lastDay[k]!, d);
      if (keys === dayKeys.length) { const grown = new Float64Array(keys * 2); grown.set(dayKeys); dayKeys = grown; }
      dayKeys[keys++] = k * lookbackDays + (d - from - 1);
    }
  }
  const sortedKeys = dayKeys.subarray(0, keys).sort();
  for (let j = 0; j < keys; j++) if (j === 0 || sortedKeys[j] !== sortedKeys[j - 1]) orders[Math.floor(sortedKeys[j]! / lookbackDays)]! += 1;
  const keepIdx: number[] = [];
  for (let k = 0; k < slots; k++) if (orders[k]! > 0) keepIdx.push(k);
  if (keepIdx.length === 0) throw new AnalysisNotPossibleError(`${fn}: no customer bought in the ${lookbackDays} days up to the cut ${formatDay(cut)}`);
  for (let i = 0; i < transactions.length; i++) {
    const d = transactions.day[i]!;
    if (d <= cut || d > cut + windowDays) continue;
    const k = slot[codes[i]!]!;
    if (k < 0) continue;
    after[k]! += amount[i]!;
    if (amount[i]! > 0) again[k] = 1;
  }
  // The events' customers by their own codes, each mapped once to a slot (-1: not active in the lookback).
  const ev = textCodes(events.customerId);
  const evSlot = dictionaryIndex(ev, Array.from({ length: slots }, (_, k) => dictionary[codeOf[k]!]!));
  const counts = Object.fromEntries(SERVICE_EVENT_TYPES.map((t) => [t, new Float64Array(slots)])) as Record<ServiceEventType, Float64Array>;
  for (let e = 0; e < events.length; e++) {
    const d = events.day[e]!;
    if (d <= from || d > cut) continue;
    const k = evSlot[ev.codes[e]!]!;
    if (k >= 0) counts[events.type[e]!][k]! += 1;
  }
  const pick = (v: ArrayLike<number>): Float64Array => Float64Array.from(keepIdx, (k) => v[k]!);
  return Object.freeze({
    length: keepIdx.length, customerId: Object.freeze(keepIdx.map((k) => dictionary[codeOf[k]!]!)),
    priorOrders: pick(orders), priorSpend: pick(spend), daysSinceLastPurchase: Float64Array.from(keepIdx, (k) => cut - lastDay[k]!),
    events: Object.freeze(Object.fromEntries(SERVICE_EVENT_TYPES.map((t) => [t, pick(counts[t])])) as Record<ServiceEventType, Float64Array>),
    boughtAgain: Uint8Array.from(keepIdx, (k) => again[k]!), spendAfter: pick(after),
    cutDate: formatDay(cut), windowDays, lookbackDays,
  });
}
