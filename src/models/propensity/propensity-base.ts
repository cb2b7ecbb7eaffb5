import type { ServiceEvents } from "../../data/load/build-service-events.js";
import type { Transactions } from "../../data/types.js";
import { loadTransactionsTable } from "../../engine/load-transactions-table.js";
import { engineTableOf, useSharedEngine } from "../../engine/shared-engine.js";
import type { Engine } from "../../engine/open-engine.js";
import { textCodes } from "../../data/columns/text-codes.js";
import { orderCodes } from "../../value/lines/order-codes.js";

/** Service-event types counted as propensity features, by their code in {@link PropensityBase}. */
const EVENT_CODES: Readonly<Record<string, number>> = { call_centre_contact: 0, complaint: 1, late_delivery: 2 };

/**
 * The transactions coded once for every cut of a propensity analysis: integer codes instead of
 * text ids (customers in order of first appearance, orders as distinct (customer, order) pairs,
 * channels, service events), so that the features at a cut are one pass over typed arrays with no
 * per-line string key and no copy of the table.
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
}

/**
 * Codes the transactions (and service events) for {@link propensityBase}'s cuts: one pass a column.
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
  const { codes: customerOf, dictionary: ids } = textCodes(t.customerId);
  // Orders of the purchase lines as integer codes (no text key per line), with each order's first day.
  const { orderOf, linesPerOrder } = orderCodes(t, customerOf, t.amount);
  const orderCustomer = new Int32Array(linesPerOrder.length);
  const orderFirstDay = new Int32Array(linesPerOrder.length).fill(2147483647);
  for (let i = 0; i < n; i++) {
    const o = orderOf[i]!;
    if (o < 0) continue;
    orderCustomer[o] = customerOf[i]!;
    if (t.day[i]! < orderFirstDay[o]!) orderFirstDay[o] = t.day[i]!;
  }
  const channel = t.channel ? textCodes(t.channel) : null;
  let events: PropensityBase["events"] = null;
  if (serviceEvents) {
    const index = new Map(ids.map((id, k) => [id, k]));
    const customer: number[] = [], day: number[] = [], type: number[] = [];
    for (let e = 0; e < serviceEvents.length; e++) {
      const c = index.get(serviceEvents.customerId[e]!);
      const code = EVENT_CODES[serviceEvents.type[e]!];
      if (c === undefined || code === undefined) continue;
      customer.push(c);
      day.push(serviceEvents.day[e]!);
      type.push(code);
    }
    events = { customer: Int32Array.from(customer), day: Int32Array.from(day), type: Uint8Array.from(type) };
  }
  return {
    transactions: t, ids, customerOf,
    orderCustomer, orderFirstDay,
    channelOf: channel ? channel.codes : null, channels: channel ? channel.dictionary : [],
    events,
  };
}

/** The customer-summary columns a propensity cut needs, one row per customer (in summary order). */
export interface CutSummary {
  /** Customer code (into {@link PropensityBase.ids}) of each row. */
  readonly code: Int32Array;
  readonly firstDay: Float64Array;
  readonly lastDay: Float64Array;
  readonly frequency: Float64Array;
  readonly orders: Float64Array;
  readonly totalSpend: Float64Array;
  readonly frequencyHoldout: Float64Array;
}

/**
 * The customer-summary columns at cuts, equal to `customerSummary`'s ({@link summarySql}): the
 * purchase days (days with a line of amount >= 0), first and last purchase day, repeat purchase
 * days and holdout purchase days are counted in JavaScript from the coded purchase days (whole
 * numbers: exact), orders from the coded orders; the spend, summed exactly as DECIMAL as the
 * summary does, comes from DuckDB, for all the `cuts` in one query over one load of the table.
 *
 * @param engine - an open engine
 * @param base - the coded transactions
 * @param cuts - the calibration ends that will be asked for (days since 1970-01-01); others cost one more query
 * @returns `(cal, obs) => summary columns` (days since 1970-01-01), rows in the summary's order
 * @throws ArgumentError as loadTransactionsTable for a value out of range
 * @example
 * const at = await cutSummaries(engine, base, [20000]);
 * (await at(20000, 20090)).frequencyHoldout; // purchase days after day 20000 up to 20090
 */
export async function cutSummaries(engine: Engine, base: PropensityBase, cuts: readonly number[] = []): Promise<(cal: number, obs: number) => Promise<CutSummary>> {
  const t = base.transactions;
  const m = base.ids.length;
  const spends = new Map<number, Float64Array>();
  let addSpends = async (_: readonly number[]): Promise<void> => {};
  if (t.amount) {
    // Transactions a loader read through DuckDB are already in the shared engine: no copy.
    const attached = engineTableOf(t);
    const { table, customerIds } = attached ?? (await loadTransactionsTable(engine, t, "propensity_tx"));
    const query = (sql: string) => (attached ? useSharedEngine((e) => e.connection.runAndReadAll(sql)) : engine.connection.runAndReadAll(sql));
    // The engine's codes follow first appearance, as ours do; map through the ids if they ever differ.
    let same = customerIds.length === m;
    for (let k = 0; same && k < m; k++) same = customerIds[k] === base.ids[k];
    const index = same ? null : new Map(base.ids.map((id, k) => [id, k]));
    addSpends = async (days) => {
      const sums = days.map((d, j) => `CAST(SUM(CASE WHEN day <= ${d} THEN CAST(amount AS DECIMAL(38, 10)) - CAST(refund AS DECIMAL(38, 10)) ELSE 0 END) AS DOUBLE) AS s${j}`);
      const cols = (await query(`SELECT customer_id, ${sums.join(", ")} FROM ${table} GROUP BY customer_id`)).getColumnsObjectJS();
      const codes = (cols.customer_id ?? []).map((v) => (index ? index.get(customerIds[Number(v)]!)! : Number(v)));
      days.forEach((d, j) => {
        const spend = new Float64Array(m);
        const col = cols[`s${j}`] ?? [];
        codes.forEach((c, r) => (spend[c] = Number(col[r])));
        spends.set(d, spend);
      });
    };
    await addSpends([...new Set(cuts)]);
  }
  const { pdCustomer, pdDay } = purchaseDays(base);
  return async (cal, obs) => {
    if (t.amount && !spends.has(cal)) await addSpends([cal]);
    const spend = spends.get(cal);
    const orders = ordersUpTo(base, cal);
    const code: number[] = [], firstDay: number[] = [], lastDay: number[] = [], frequency: number[] = [], holdout: number[] = [];
    for (let j = 0; j < pdCustomer.length;) {
      const c = pdCustomer[j]!;
      const first = pdDay[j]!;
      let count = 0, last = first, later = 0;
      for (; j < pdCustomer.length && pdCustomer[j] === c; j++) {
        const d = pdDay[j]!;
        if (d <= cal) { count++; last = d; } else if (d <= obs) later++;
      }
      if (count === 0) continue; // first purchase after the cut: not in the summary
      code.push(c); firstDay.push(first); lastDay.push(last); frequency.push(count - 1); holdout.push(later);
    }
    return {
      code: Int32Array.from(code), firstDay: Float64Array.from(firstDay), lastDay: Float64Array.from(lastDay),
      frequency: Float64Array.from(frequency), orders: Float64Array.from(code, (c) => orders[c]!),
      totalSpend: spend ? Float64Array.from(code, (c) => spend[c]!) : new Float64Array(code.length).fill(NaN),
      frequencyHoldout: Float64Array.from(holdout),
    };
  };
}

/** The distinct purchase days (a line with amount >= 0, as in SQL: NaN counts; every line of a purchase log), sorted by customer code and day. */
function purchaseDays(base: PropensityBase): { pdCustomer: Int32Array; pdDay: Int32Array } {
  const t = base.transactions;
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < t.length; i++) { lo = Math.min(lo, t.day[i]!); hi = Math.max(hi, t.day[i]!); }
  const span = t.length > 0 ? hi - lo + 1 : 1;
  const keys = new Float64Array(t.length);
  let n = 0;
  for (let i = 0; i < t.length; i++) if (!(t.amount && t.amount[i]! < 0)) keys[n++] = base.customerOf[i]! * span + (t.day[i]! - lo);
  const sorted = keys.subarray(0, n).sort();
  const pdCustomer: number[] = [], pdDay: number[] = [];
  for (let j = 0; j < n; j++) {
    if (j > 0 && sorted[j] === sorted[j - 1]) continue;
    const c = Math.floor(sorted[j]! / span);
    pdCustomer.push(c);
    pdDay.push(sorted[j]! - c * span + lo);
  }
  return { pdCustomer: Int32Array.from(pdCustomer), pdDay: Int32Array.from(pdDay) };
}

/** Distinct orders with a purchase line on or before the cut, per customer code. */
function ordersUpTo(base: PropensityBase, cut: number): Float64Array {
  const orders = new Float64Array(base.ids.length);
  for (let o = 0; o < base.orderCustomer.length; o++) if (base.orderFirstDay[o]! <= cut) orders[base.orderCustomer[o]!]! += 1;
  return orders;
}

/**
 * Per-customer value sums of the lines up to a cut, in one pass over the lines (line order, so
 * each sum is the same floating-point number as `customerValue`'s): gross sales, discounts,
 * returns value, distinct orders, and the counted service events up to the cut.
 *
 * @param base - the coded transactions
 * @param cut - the cut day (inclusive)
 * @returns typed columns indexed by customer code
 * @throws never
 * @example
 * valueUpTo(base, 20000).grossSales[0]; // gross sales of the first customer up to day 20000
 */
export function valueUpTo(base: PropensityBase, cut: number) {
  const t = base.transactions;
  const m = base.ids.length;
  const grossSales = new Float64Array(m), discounts = new Float64Array(m), returnsValue = new Float64Array(m);
  const amount = t.amount!, day = t.day, refund = t.returnedAmount, discount = t.discount;
  for (let i = 0; i < t.length; i++) {
    if (day[i]! > cut) continue;
    const c = base.customerOf[i]!;
    const a = amount[i]!;
    const r = refund ? refund[i]! : 0;
    if (a >= 0) {
      grossSales[c]! += a;
      discounts[c]! += discount ? discount[i]! : 0;
      returnsValue[c]! += r;
    } else returnsValue[c]! += -a + r;
  }
  const orders = ordersUpTo(base, cut);
  const counts = [new Float64Array(m), new Float64Array(m), new Float64Array(m)] as const;
  const ev = base.events;
  if (ev) for (let e = 0; e < ev.customer.length; e++) if (ev.day[e]! <= cut) counts[ev.type[e] as 0 | 1 | 2][ev.customer[e]!]! += 1;
  return { grossSales, discounts, returnsValue, orders, callCentreContacts: counts[0], complaints: counts[1], lateDeliveries: counts[2] };
}

/**
 * `channel_X` = 1 when X is the customer's main channel (most lines up to the cut, ties by name),
 * for every channel but the most common main channel (ties by name), in that ranking's order.
 *
 * @param base - the coded transactions (with a channel column)
 * @param cut - the cut day (inclusive)
 * @param codes - the customers (codes), in the feature set's row order
 * @returns the indicator columns by name
 * @throws never
 * @example
 * Object.keys(channelIndicatorsUpTo(base, 20000, rows.code)); // e.g. ["channel_store", "channel_phone"]
 */
export function channelIndicatorsUpTo(base: PropensityBase, cut: number, codes: Int32Array): Record<string, Float64Array> {
  const t = base.transactions;
  const k = base.channels.length;
  const lines = new Int32Array(base.ids.length * k);
  for (let i = 0; i < t.length; i++) if (t.day[i]! <= cut) lines[base.customerOf[i]! * k + base.channelOf![i]!]! += 1;
  const names = base.channels;
  const main = new Int32Array(codes.length).fill(-1);
  for (let r = 0; r < codes.length; r++) {
    const row = codes[r]! * k;
    let best = -1;
    for (let ch = 0; ch < k; ch++) {
      const x = lines[row + ch]!;
      if (x > 0 && (best < 0 || x > lines[row + best]! || (x === lines[row + best]! && names[ch]! < names[best]!))) best = ch;
    }
    main[r] = best;
  }
  const counts = new Map<number, number>();
  for (const ch of main) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const name = (ch: number): string => (ch < 0 ? "" : names[ch]!);
  const ranked = [...counts].sort((a, b) => b[1] - a[1] || (name(a[0]) < name(b[0]) ? -1 : 1)).map(([ch]) => ch);
  return Object.fromEntries(ranked.slice(1).filter((ch) => name(ch) !== "").map((ch) => [`channel_${name(ch)}`, Float64Array.from(main, (x) => (x === ch ? 1 : 0))]));
}

