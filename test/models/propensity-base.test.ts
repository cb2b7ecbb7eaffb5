// The coded propensity features (one load, one typed pass per cut) against the definition they
// replace: the customer summary, and customer value on a copy of the lines up to the cut, joined
// by customer id. Equal to the last bit on the bundled sample, at several cuts, with and without
// order ids and channels; and on random small tables (shared order ids, returns, several channels).
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { loadServiceEventsFile } from "../../src/data/load/load-service-events.js";
import { loadTransactionsFile } from "../../src/data/load/load-transactions.js";
import { selectTransactions } from "../../src/data/load/select-transactions.js";
import type { ServiceEvents } from "../../src/data/load/build-service-events.js";
import type { Transactions } from "../../src/data/types.js";
import { formatDay } from "../../src/data/parse/format-day.js";
import { propensityFeatures } from "../../src/models/propensity/propensity-features.js";
import { customerSummary } from "../../src/summary/customer-summary.js";
import { customerValue } from "../../src/value/customer-value.js";

/** The features as they were defined before the coded path: summary + customer value of the lines to the cut. */
async function reference(t: Transactions, cut: string, windowDays: number | undefined, ev?: ServiceEvents) {
  const day = Date.parse(`${cut}T00:00:00Z`) / 864e5;
  const end = windowDays === undefined ? cut : formatDay(day + windowDays);
  const s = await customerSummary(t, { calibrationEnd: cut, observationEnd: end, timeUnit: "week" });
  const keep = Uint8Array.from(t.day, (d) => (d <= day ? 1 : 0));
  const past = selectTransactions(t, keep);
  const events = ev && (() => {
    const idx = Array.from({ length: ev.length }, (_, i) => i).filter((i) => ev.day[i]! <= day);
    return { length: idx.length, customerId: idx.map((i) => ev.customerId[i]!), day: Int32Array.from(idx, (i) => ev.day[i]!), type: idx.map((i) => ev.type[i]!), sourceLine: Int32Array.from(idx, (i) => ev.sourceLine[i]!) };
  })();
  const v = customerValue(past, { serviceEvents: events, assumedMarginRate: 0 });
  const row = new Map(v.columns.customer_id.map((id, i) => [id, i]));
  const c = s.columns;
  const at = (i: number) => row.get(c.customer_id[i]!)!;
  const features: Record<string, number[]> = {
    days_since_last_purchase: Array.from(c.days_since_last_purchase),
    tenure_days: Array.from(c.T, (x) => x * 7),
    orders: Array.from(c.orders),
    total_spend: Array.from(c.total_spend),
    mean_order_value: c.customer_id.map((_, i) => { const j = at(i); return v.columns.orders[j]! > 0 ? v.columns.gross_sales[j]! / v.columns.orders[j]! : 0; }),
    discount_share: c.customer_id.map((_, i) => { const j = at(i), d = v.columns.discounts[j]!, g = v.columns.gross_sales[j]!; return d + g > 0 ? d / (d + g) : 0; }),
    return_rate: c.customer_id.map((_, i) => { const r = v.columns.return_rate[at(i)]!; return Number.isFinite(r) ? r : 0; }),
    call_centre_contacts: c.customer_id.map((_, i) => v.columns.call_centre_contacts[at(i)]!),
    complaints: c.customer_id.map((_, i) => v.columns.complaints[at(i)]!),
    late_deliveries: c.customer_id.map((_, i) => v.columns.late_deliveries[at(i)]!),
  };
  return { ids: c.customer_id, features, bought: windowDays === undefined ? null : Array.from(c.frequency_holdout, (f) => (f > 0 ? 1 : 0)), net: c.customer_id.map((_, i) => v.columns.net_contribution[at(i)]!), recency: Array.from(c.recency) };
}

async function expectSame(t: Transactions, cut: string, windowDays: number | undefined, ev?: ServiceEvents): Promise<void> {
  const ref = await reference(t, cut, windowDays, ev);
  const got = await propensityFeatures(t, { cutDate: cut, windowDays, serviceEvents: ev });
  expect(got.customerIds).toEqual(ref.ids);
  for (const [name, col] of Object.entries(ref.features)) expect(Array.from(got.features[name]!), name).toEqual(col);
  expect(got.bought === null ? null : Array.from(got.bought)).toEqual(ref.bought);
  expect(Array.from(got.netContribution)).toEqual(ref.net);
  expect(Array.from(got.history.recency)).toEqual(ref.recency);
}

let tx: Transactions, events: ServiceEvents;
beforeAll(async () => {
  tx = (await loadTransactionsFile("data/sample/transactions.csv")).transactions;
  events = (await loadServiceEventsFile("data/sample/service_events.csv")).events;
}, 60_000);

describe("propensityFeatures (coded path)", () => {
  it("equals the summary + customer value definition on the sample, at three cuts", async () => {
    for (const [cut, w] of [["2024-06-30", 90], ["2025-03-31", 90], ["2025-12-31", undefined]] as const) await expectSame(tx, cut, w, events);
  }, 60_000);

  it("equals it without order ids (orders are purchase days) and without channels", async () => {
    const { orderId: _o, channel: _c, ...rest } = tx;
    await expectSame(rest as Transactions, "2025-03-31", 60, events);
  }, 60_000);

  it("equals it on random tables: an order id shared by two customers, returns, ties of main channel", async () => {
    const line = fc.record({ c: fc.integer({ min: 0, max: 5 }), o: fc.integer({ min: 0, max: 6 }), d: fc.integer({ min: 0, max: 40 }), a: fc.integer({ min: -30, max: 90 }), ch: fc.constantFrom("web", "store", "phone") });
    await fc.assert(fc.asyncProperty(fc.array(line, { minLength: 3, maxLength: 40 }), async (rows) => {
      const t: Transactions = {
        length: rows.length, customerId: rows.map((r) => `C${r.c}`), day: Int32Array.from(rows, (r) => 19700 + r.d), amount: Float64Array.from(rows, (r) => r.a / 4),
        sourceLine: Int32Array.from(rows, (_, i) => i + 2), orderId: rows.map((r) => `O${r.o}`), channel: rows.map((r) => r.ch),
        discount: Float64Array.from(rows, (r) => (r.a > 0 ? (r.a % 3) / 10 : 0)),
      };
      if (!rows.some((r) => r.a >= 0 && r.d <= 20)) return; // no customer by the cut: an error either way
      await expectSame(t, formatDay(19720), 10);
    }), { numRuns: 40, seed: 11 });
  }, 120_000);

  it("equals the summary on a purchase log (no amounts): recency, tenure, orders, label", async () => {
    const { amount: _a, ...log } = tx;
    const t = log as Transactions;
    const s = await customerSummary(t, { calibrationEnd: "2025-03-31", observationEnd: "2025-05-30", timeUnit: "week" });
    const f = await propensityFeatures(t, { cutDate: "2025-03-31", windowDays: 60, serviceEvents: events });
    expect(f.customerIds).toEqual(s.columns.customer_id);
    expect(Array.from(f.features.days_since_last_purchase!)).toEqual(Array.from(s.columns.days_since_last_purchase));
    expect(Array.from(f.features.tenure_days!)).toEqual(Array.from(s.columns.T, (x) => x * 7));
    expect(Array.from(f.features.orders!)).toEqual(Array.from(s.columns.orders));
    expect(Array.from(f.bought!)).toEqual(Array.from(s.columns.frequency_holdout, (x) => (x > 0 ? 1 : 0)));
    expect(Array.from(f.history.frequency)).toEqual(Array.from(s.columns.frequency));
    expect(f.features.total_spend).toBeUndefined();
  }, 60_000);
});

