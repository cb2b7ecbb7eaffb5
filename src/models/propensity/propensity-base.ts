import type { ServiceEvents } from "../../data/load/build-service-events.js";
import type { Transactions } from "../../data/types.js";
import { loadTransactionsTable } from "../../engine/load-transactions-table.js";
import { readNumericColumns } from "../../engine/read-numeric-columns.js";
import { engineTableOf, useSharedEngine } from "../../engine/shared-engine.js";
import { withEngine } from "../../engine/open-engine.js";
import { columnCodes, customerCodes, dictionaryIndex, textCodes } from "../../data/columns/text-codes.js";
import { orderCodes } from "../../value/lines/order-codes.js";

/** Service-event types counted as propensity features, by their code in {@link PropensityBase}. */
const EVENT_CODES: Readonly<Record<string, number>> = { call_centre_contact: 0, complaint: 1, late_delivery: 2 };

/**
 * The transactions coded once for every cut of a propensity analysis: integer codes instead of
 * text ids (customers in order of first appearance, orders as distinct (customer, order) pairs,
 * channels, service events), so that the features at the cuts come from a few passes over typed
 * arrays with no per-line string key and no copy of the table.
 */
export interface PropensityBase {
  readonly transactions: Transactions;
  /** Customer ids by code, in order of first appearance. */
  readonly ids: readonly string[];
  /** Customer code of each line. */
  readonly customerOf: Int32Array;
  /** Customer of each distinct order (customer and order id, else customer and day) of the purchase lines (amount >= 0). */
  readonly orderCustomer: Int32Array;
  /** Earliest day of each order's purchase lines (days since 1970-01-01). */
  readonly orderFirstDay: Int32Array;
  /** Channel code of each line (null without a channel column) and the channel names by code. */
  readonly channelOf: Int32Array | null;
  readonly channels: readonly string[];
  /** Service events of known customers with a counted type: customer code, day, type code (0 contact, 1 complaint, 2 late delivery). */
  readonly events: { readonly customer: Int32Array; readonly day: Int32Array; readonly type: Uint8Array } | null;
  /** First and last day of the lines (days since 1970-01-01; +Infinity and −Infinity without lines). */
  readonly firstDay: number;
  readonly lastDay: number;
}

/**
 * Codes the transactions (and service events) for the cuts of a propensity analysis: one pass a
 * column. Customer ids come from the cached `textCodes`; the service events' customers are coded
 * once and matched to the transactions' customers through their (smaller) dictionary.
 *
 * @param t - the transactions
 * @param serviceEvents - service events, or undefined
 * @returns the coded base (typed arrays; not frozen, never changed)
 * @throws never
 * @example
 * const base = propensityBase(tx, events);
 * base.ids.length; // distinct customers
 */
export function propensityBase(t: Transactions, serviceEvents?: ServiceEvents): PropensityBase {
  const n = t.length;
  const { codes: customerOf, dictionary: ids } = customerCodes(t);
  // Orders of the purchase lines as integer codes (no text key per line), with each order's first day.
  const { orderOf, linesPerOrder } = orderCodes(t, customerOf, t.amount);
  const orderCustomer = new Int32Array(linesPerOrder.length);
  const orderFirstDay = new Int32Array(linesPerOrder.length).fill(2147483647);
  const day = t.day;
  let firstDay = Infinity, lastDay = -Infinity;
  for (let i = 0; i < n; i++) {
    const d = day[i]!;
    if (d < firstDay) firstDay = d;
    if (d > lastDay) lastDay = d;
    const o = orderOf[i]!;
    if (o < 0) continue;
    orderCustomer[o] = customerOf[i]!;
    if (d < orderFirstDay[o]!) orderFirstDay[o] = d;
  }
  const channel = columnCodes(t, "channel") ?? null;
  let events: PropensityBase["events"] = null;
  if (serviceEvents) {
    // The events' customers by code, then each code's customer in the transactions (-1: none).
    const ev = textCodes(serviceEvents.customerId);
    const toBase = dictionaryIndex(ev, ids);
    const type = textCodes(serviceEvents.type);
    const typeCode = Int32Array.from(type.dictionary, (name) => EVENT_CODES[name] ?? -1);
    let kept = 0;
    for (let e = 0; e < serviceEvents.length; e++) if (toBase[ev.codes[e]!]! >= 0 && typeCode[type.codes[e]!]! >= 0) kept++;
    const customer = new Int32Array(kept), eventDay = new Int32Array(kept), eventType = new Uint8Array(kept);
    for (let e = 0, j = 0; e < serviceEvents.length; e++) {
      const c = toBase[ev.codes[e]!]!, code = typeCode[type.codes[e]!]!;
      if (c < 0 || code < 0) continue;
      customer[j] = c;
      eventDay[j] = serviceEvents.day[e]!;
      eventType[j] = code;
      j++;
    }
    events = { customer, day: eventDay, type: eventType };
  }
  return {
    transactions: t, ids, customerOf,
    orderCustomer, orderFirstDay,
    channelOf: channel ? channel.codes : null, channels: channel ? channel.dictionary : [],
    events, firstDay, lastDay,
  };
}

/**
 * Spend to each cut per customer code, summed exactly as DECIMAL in DuckDB as the customer
 * summary does (amount − refund of the lines on or before the cut), for all the cuts in one
 * query: on the shared engine's table when a loader put the transactions there (no copy), else
 * on a copy in a private engine. Null for a purchase log (no amounts).
 *
 * @param base - the coded transactions
 * @param cuts - cut days (days since 1970-01-01)
 * @returns one Float64Array per cut (by customer code; 0 for a customer without a line to the cut), or null
 * @throws ArgumentError as loadTransactionsTable for a value out of range
 * @example
 * (await spendsToCuts(base, [20000]))?.[0][3]; // spend of customer 3 up to day 20000
 */
export async function spendsToCuts(base: PropensityBase, cuts: readonly number[]): Promise<Float64Array[] | null> {
  const t = base.transactions;
  if (!t.amount || cuts.length === 0) return null;
  const sql = (table: string): string => {
    const sums = cuts.map((d, j) => `CAST(SUM(CASE WHEN day <= ${d} THEN CAST(amount AS DECIMAL(38, 10)) - CAST(refund AS DECIMAL(38, 10)) ELSE 0 END) AS DOUBLE) AS s${j}`);
    return `SELECT CAST(customer_id AS DOUBLE) AS customer_id, ${sums.join(", ")} FROM ${table} GROUP BY customer_id ORDER BY customer_id`; // in code order: the spends are written in order
  };
  // Transactions a loader read through DuckDB are already in the shared engine: no copy.
  const attached = engineTableOf(t);
  const { cols, customerIds } = attached
    ? { cols: await useSharedEngine((e) => readNumericColumns(e.connection, sql(attached.table))), customerIds: attached.customerIds }
    : await withEngine(async (engine) => {
      const { table, customerIds } = await loadTransactionsTable(engine, t, "propensity_tx");
      return { cols: await readNumericColumns(engine.connection, sql(table)), customerIds };
    });
  const m = base.ids.length;
  // The engine's codes follow first appearance, as ours do; map through the ids if they ever differ.
  let same = customerIds.length === m;
  for (let k = 0; same && k < m; k++) same = customerIds[k] === base.ids[k];
  const index = same ? null : new Map(base.ids.map((id, k) => [id, k]));
  const code = cols.customer_id!;
  return cuts.map((_, j) => {
    const spend = new Float64Array(m);
    const col = cols[`s${j}`]!;
    for (let r = 0; r < code.length; r++) spend[index ? index.get(customerIds[code[r]!]!)! : code[r]!] = col[r]!;
    return spend;
  });
}

/** One cut asked of {@link cutTables}: the cut day and the end of its label window (the cut itself for none). */
export interface CutSpec {
  readonly cut: number;
  readonly end: number;
}

/**
 * Per-customer numbers of every cut side by side, so that one line touches one or two cache lines
 * whatever the number of cuts: customer c's j-th number at this cut is `values[c * stride + offset + j * step]`.
 */
export interface Interleaved<T extends Float64Array | Int32Array> {
  readonly values: T;
  readonly stride: number;
  readonly offset: number;
  readonly step: number;
}

/**
 * The customer facts at one cut, by customer code (m = number of customers): what the customer
 * summary and customer value would give on the lines up to the cut, equal to the last bit.
 */
export interface CutTable {
  readonly cut: number;
  /** Codes of the customers with a purchase day on or before the cut, ascending (the summary's rows). */
  readonly code: Int32Array;
  /** First purchase day (of all the lines: the same array for every cut; 2147483647 for a customer without a purchase line). */
  readonly firstDay: Int32Array;
  /** Distinct purchase days to the cut, last purchase day to the cut, purchase days in (cut, end]. */
  readonly purchaseDays: Int32Array;
  readonly lastDay: Int32Array;
  readonly holdoutDays: Int32Array;
  /** Distinct orders with a purchase line on or before the cut (one number a customer). */
  readonly orders: Interleaved<Int32Array>;
  /** Sums of the lines to the cut in line order (customerValue's numbers): gross sales, discounts, returns value; null for a purchase log. */
  readonly value: Interleaved<Float64Array> | null;
  /** Counted service events to the cut: contacts, complaints, late deliveries; null without events. */
  readonly events: Interleaved<Int32Array> | null;
  /** Main channel code to the cut (most lines, ties by name; -1 without a line), or null without a channel column. */
  readonly mainChannel: Int32Array | null;
}

/**
 * The customer facts at several cuts at once (see {@link CutTable}), in a fixed number of passes
 * whatever the number of cuts: one over the lines for the value sums and channel counts (line
 * order, so each sum is the same floating-point number as `customerValue`'s; every cut's sums of
 * a customer side by side), one over the purchase days grouped by customer (a counting sort:
 * distinct days, last day, days in the label window), one over the orders and one over the
 * service events. Counts are kept per interval between cuts and added up after (whole numbers:
 * exact). Only typed arrays: no object or string per customer or per line.
 *
 * @param base - the coded transactions
 * @param specs - the cuts and their label-window ends
 * @returns one table per spec, in the specs' order
 * @throws never
 * @example
 * const [at] = cutTables(base, [{ cut: 20000, end: 20090 }]);
 * at.holdoutDays[at.code[0]]; // purchase days of the first customer after day 20000 up to 20090
 */
export function cutTables(base: PropensityBase, specs: readonly CutSpec[]): CutTable[] {
  const t = base.transactions;
  const n = t.length, m = base.ids.length, K = specs.length;
  const day = t.day, customerOf = base.customerOf, amount = t.amount;
  // Cut slots in ascending order of the cut: the counts of slot s hold lines in (cut of slot s−1, cut of slot s].
  const bySlot = Array.from(specs.keys()).sort((a, b) => specs[a]!.cut - specs[b]!.cut);
  const slotOf = new Int32Array(K);
  bySlot.forEach((k, s) => (slotOf[k] = s));
  const slotCut = Int32Array.from(bySlot, (k) => specs[k]!.cut);
  const lastCut = K > 0 ? slotCut[K - 1]! : -Infinity;
  /** The first slot whose cut is on or after day d (K when none). */
  const slotFor = (d: number): number => {
    let s = 0;
    while (s < K && d > slotCut[s]!) s++;
    return s;
  };
  const cumulate = (counts: Int32Array, groups: number): void => {
    for (let g = 0; g < groups; g++) for (let s = 1; s < K; s++) counts[g * K + s]! += counts[g * K + s - 1]!;
  };

  // Purchase days grouped by customer (a counting sort of the purchase lines, stable: no comparison sort).
  const start = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) if (!(amount && amount[i]! < 0)) start[customerOf[i]! + 1]! += 1;
  for (let c = 0; c < m; c++) start[c + 1]! += start[c]!;
  const days = new Int32Array(start[m]!);
  const fill = start.slice(0, m);
  for (let i = 0; i < n; i++) if (!(amount && amount[i]! < 0)) days[fill[customerOf[i]!]!++] = day[i]!;
  const lo = n > 0 ? base.firstDay : 0;
  const seen = new Int32Array(n > 0 ? base.lastDay - base.firstDay + 1 : 1); // customer code + 1 that last saw each day
  const cuts = Int32Array.from(specs, (x) => x.cut), ends = Int32Array.from(specs, (x) => x.end);
  const purchaseDays = specs.map(() => new Int32Array(m)), lastDay = specs.map(() => new Int32Array(m)), holdoutDays = specs.map(() => new Int32Array(m));
  const firstDay = new Int32Array(m).fill(2147483647);
  for (let c = 0; c < m; c++) {
    for (let j = start[c]!; j < start[c + 1]!; j++) {
      const d = days[j]!;
      if (seen[d - lo] === c + 1) continue;
      seen[d - lo] = c + 1;
      if (d < firstDay[c]!) firstDay[c] = d;
      for (let k = 0; k < K; k++) {
        if (d <= cuts[k]!) {
          purchaseDays[k]![c]! += 1;
          if (d > lastDay[k]![c]! || purchaseDays[k]![c] === 1) lastDay[k]![c] = d;
        } else if (d <= ends[k]!) holdoutDays[k]![c]! += 1;
      }
    }
  }

  // Orders by first day: counted per slot, then added up.
  const orders = new Int32Array(m * K);
  for (let o = 0; o < base.orderCustomer.length; o++) {
    const d = base.orderFirstDay[o]!;
    if (d <= lastCut) orders[base.orderCustomer[o]! * K + slotFor(d)]! += 1;
  }
  cumulate(orders, m);

  // Value sums (every slot from the line's on, in line order) and channel line counts (per slot) in one pass over the lines.
  const S = 3 * K;
  const sums = amount ? new Float64Array(m * S) : null;
  const refund = t.returnedAmount, discount = t.discount;
  const channelOf = base.channelOf, nch = base.channels.length;
  const channelLines = channelOf ? new Int32Array(m * nch * K) : null;
  if (sums || channelLines) {
    for (let i = 0; i < n; i++) {
      const d = day[i]!;
      if (d > lastCut) continue;
      const c = customerOf[i]!;
      const first = slotFor(d);
      if (sums) {
        const a = amount![i]!;
        const r = refund ? refund[i]! : 0;
        const row = c * S;
        if (a >= 0) {
          const disc = discount ? discount[i]! : 0;
          for (let s = first; s < K; s++) {
            sums[row + 3 * s]! += a;
            sums[row + 3 * s + 1]! += disc;
            sums[row + 3 * s + 2]! += r;
          }
        } else {
          for (let s = first; s < K; s++) sums[row + 3 * s + 2]! += -a + r;
        }
      }
      if (channelLines) channelLines[(c * nch + channelOf![i]!) * K + first]! += 1;
    }
  }
  if (channelLines) cumulate(channelLines, m * nch);

  // Service events per type and slot, then added up.
  const ev = base.events;
  const eventCounts = ev ? new Int32Array(m * 3 * K) : null;
  if (ev && eventCounts) {
    for (let e = 0; e < ev.customer.length; e++) {
      const d = ev.day[e]!;
      if (d <= lastCut) eventCounts[(ev.customer[e]! * 3 + ev.type[e]!) * K + slotFor(d)]! += 1;
    }
    cumulate(eventCounts, m * 3);
  }

  // Channel ranks by name (ties of the main channel go to the first name).
  const names = base.channels;
  const nameRank = new Int32Array(nch);
  Array.from(names.keys()).sort((a, b) => (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0)).forEach((ch, r) => (nameRank[ch] = r));
  return specs.map((spec, k) => {
    const slot = slotOf[k]!;
    const count = purchaseDays[k]!;
    let rows = 0;
    for (let c = 0; c < m; c++) if (count[c]! > 0) rows++;
    const code = new Int32Array(rows);
    for (let c = 0, r = 0; c < m; c++) if (count[c]! > 0) code[r++] = c;
    let mainChannel: Int32Array | null = null;
    if (channelLines) {
      mainChannel = new Int32Array(m).fill(-1);
      for (let c = 0; c < m; c++) {
        let best = -1, most = 0;
        for (let ch = 0; ch < nch; ch++) {
          const x = channelLines[(c * nch + ch) * K + slot]!;
          if (x > 0 && (best < 0 || x > most || (x === most && nameRank[ch]! < nameRank[best]!))) { best = ch; most = x; }
        }
        mainChannel[c] = best;
      }
    }
    return {
      cut: spec.cut, code, firstDay, purchaseDays: count, lastDay: lastDay[k]!, holdoutDays: holdoutDays[k]!,
      orders: { values: orders, stride: K, offset: slot, step: 1 },
      value: sums ? { values: sums, stride: S, offset: 3 * slot, step: 1 } : null,
      events: eventCounts ? { values: eventCounts, stride: 3 * K, offset: slot, step: K } : null,
      mainChannel,
    };
  });
}
