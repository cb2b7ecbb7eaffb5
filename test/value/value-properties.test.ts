// Properties (fast-check) on random transaction tables with returns, unknown costs and events.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Transactions } from "../../src/data/types.js";
import type { ServiceEvents } from "../../src/data/load/build-service-events.js";
import { customerValue, valueByGroup, type ValueSums } from "../../src/value/index.js";

const line = fc.record({
  customer: fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c6"),
  order: fc.integer({ min: 1, max: 8 }),
  channel: fc.constantFrom("web", "store", "call-centre"),
  category: fc.constantFrom("home", "books", ""),
  quantity: fc.integer({ min: 1, max: 4 }),
  amount: fc.oneof(fc.integer({ min: 0, max: 20000 }).map((c) => c / 100), fc.integer({ min: -3000, max: -1 }).map((c) => c / 100)),
  costShare: fc.option(fc.double({ min: 0.1, max: 1.3, noNaN: true }), { nil: undefined }),
  freight: fc.integer({ min: 0, max: 900 }).map((c) => c / 100),
  returned: fc.integer({ min: 0, max: 4 }),
});
const event = fc.record({
  customer: fc.constantFrom("c1", "c2", "c3", "c9"),
  type: fc.constantFrom("call_centre_contact" as const, "complaint" as const, "late_delivery" as const, "return" as const),
});

type Line = typeof line extends fc.Arbitrary<infer T> ? T : never;
type Event = typeof event extends fc.Arbitrary<infer T> ? T : never;

function table(rows: Line[]): Transactions {
  return {
    length: rows.length,
    customerId: rows.map((r) => r.customer),
    day: Int32Array.from(rows, (r) => 19000 + r.order),
    amount: Float64Array.from(rows, (r) => r.amount),
    sourceLine: Int32Array.from(rows, (_, i) => i + 2),
    orderId: rows.map((r) => `${r.customer}-${r.order}`),
    channel: rows.map((r) => r.channel),
    category: rows.map((r) => r.category),
    quantity: Float64Array.from(rows, (r) => r.quantity),
    cost: Float64Array.from(rows, (r, i) => (r.costShare === undefined && i > 0 ? NaN : Math.abs(r.amount) * (r.costShare ?? 0.5))),
    freight: Float64Array.from(rows, (r) => r.freight),
    returnedQuantity: Float64Array.from(rows, (r) => (r.amount > 0 ? Math.min(r.returned, r.quantity) : 0)),
    returnedAmount: Float64Array.from(rows, (r) => (r.amount > 0 ? (r.amount * Math.min(r.returned, r.quantity)) / r.quantity : 0)),
  };
}

function events(rows: Event[]): ServiceEvents {
  return { length: rows.length, customerId: rows.map((r) => r.customer), day: new Int32Array(rows.length), type: rows.map((r) => r.type), sourceLine: new Int32Array(rows.length) };
}

const ADDITIVE: (keyof ValueSums)[] = ["lines", "units", "gross_sales", "discounts", "returns_value", "net_sales", "cost_of_goods", "gross_margin", "freight", "returned_lines", "cost_to_serve", "net_contribution"];
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-7 * (1 + Math.abs(a) + Math.abs(b));

describe("customer value properties", () => {
  it("ranks are a permutation, ABC covers every customer once, customers add up to the totals", () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), fc.array(event, { maxLength: 10 }), (rows, ev) => {
      const v = customerValue(table(rows), { serviceEvents: events(ev), assumedMarginRate: 0.3 });
      expect([...v.columns.rank].sort((a, b) => a - b)).toEqual(Array.from({ length: v.length }, (_, k) => k + 1));
      expect(v.columns.abc_class.length).toBe(v.length);
      expect(v.abc.classes.reduce((s, k) => s + k.customers, 0)).toBe(v.length);
      for (const key of ADDITIVE) {
        const sum = (v.columns[key as keyof typeof v.columns] as Float64Array).reduce((s, x) => s + x, 0);
        expect(close(sum, v.totals[key]), key).toBe(true);
      }
    }), { numRuns: 200 });
  });

  it("the whale curve ends at 100 % of profit when total profit > 0, and peaks at or above it", () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), (rows) => {
      const v = customerValue(table(rows), { assumedMarginRate: 0.3 });
      fc.pre(v.totals.net_contribution > 0);
      expect(v.whale.points.at(-1)).toEqual({ customerShare: 1, profitShare: 1 });
      expect(v.whale.points[0]).toEqual({ customerShare: 0, profitShare: 0 });
      expect(v.whale.peakProfitShare).toBeGreaterThanOrEqual(1 - 1e-12);
      const best = v.columns.rank.indexOf(v.length);
      expect(v.columns.cumulative_profit_share[best]).toBeCloseTo(1, 9);
    }), { numRuns: 200 });
  });

  it("per-group totals add up to the overall totals (channel, category, region)", () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 40 }), fc.array(event, { maxLength: 10 }), (rows, ev) => {
      const t = table(rows);
      const ids = ["c1", "c2", "c3", "c4"];
      const customers = { length: 4, customerId: ids, acquisitionDay: new Float64Array(4), acquisitionChannel: ["web", "web", "store", "store"], region: ["n", "s", "n", ""], attributes: {}, sourceLine: new Int32Array(4) };
      for (const by of ["channel", "category", "region"]) {
        const g = valueByGroup(t, by, { serviceEvents: events(ev), customers, assumedMarginRate: 0.3 });
        for (const key of ADDITIVE) {
          const sum = (g.columns[key as keyof typeof g.columns] as Float64Array).reduce((s, x) => s + x, 0);
          expect(close(sum, g.totals[key]), `${by} ${key}`).toBe(true);
        }
        if (g.level === "customer") expect(g.columns.customers.reduce((s, x) => s + x, 0)).toBe(g.totals.customers);
      }
    }), { numRuns: 150 });
  });

  it("customers and orders per group are the distinct customers and orders of the group's lines", () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 60 }), (rows) => {
      const t = table(rows);
      for (const by of ["channel", "category"] as const) {
        const g = valueByGroup(t, by, { assumedMarginRate: 0.3 });
        const groupOf = (r: Line): string => (by === "channel" ? r.channel : r.category).trim() || "(blank)";
        g.columns.group.forEach((name, k) => {
          const inGroup = rows.filter((r) => groupOf(r) === name);
          expect(g.columns.customers[k], `${by} ${name} customers`).toBe(new Set(inGroup.map((r) => r.customer)).size);
          // An order is a customer's order id on a line that is not a pure return (amount >= 0).
          expect(g.columns.orders[k], `${by} ${name} orders`).toBe(new Set(inGroup.filter((r) => r.amount >= 0).map((r) => `${r.customer}-${r.order}`)).size);
        });
      }
    }), { numRuns: 150 });
  });
});
