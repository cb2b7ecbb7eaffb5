// Order codes without text keys, against the text-key definition (customer + "\0" + order id or day,
// numbered in order of first appearance among the purchase lines).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Transactions } from "../../src/data/types.js";
import { orderCodes } from "../../src/value/lines/order-codes.js";
import { rankOrder } from "../../src/value/rank-order.js";

function byTextKey(t: Transactions): number[] {
  const index = new Map<string, number>();
  return Array.from({ length: t.length }, (_, i) => {
    if (t.amount && !(t.amount[i]! >= 0)) return -1;
    const key = `${t.customerId[i]}\u0000${t.orderId ? t.orderId[i] : t.day[i]}`;
    if (!index.has(key)) index.set(key, index.size);
    return index.get(key)!;
  });
}

const line = fc.record({ c: fc.integer({ min: 0, max: 4 }), o: fc.integer({ min: 0, max: 5 }), d: fc.integer({ min: 0, max: 9 }), a: fc.integer({ min: -5, max: 20 }) });

describe("orderCodes", () => {
  it("equals the text-key numbering, with order ids (shared between customers or not) and without", () => {
    fc.assert(fc.property(fc.array(line, { maxLength: 60 }), fc.boolean(), fc.boolean(), (rows, withIds, nestedIds) => {
      const ids = rows.map((r) => `C${r.c}`);
      const t: Transactions = {
        length: rows.length, customerId: ids, day: Int32Array.from(rows, (r) => 19000 + r.d), amount: Float64Array.from(rows, (r) => r.a),
        sourceLine: Int32Array.from(rows, (_, i) => i + 2),
        ...(withIds ? { orderId: rows.map((r) => (nestedIds ? `C${r.c}-O${r.o}` : `O${r.o}`)) } : {}),
      };
      const codes = Int32Array.from(ids, (id) => Number(id.slice(1)) * 7 + 3); // any customer numbering
      const got = orderCodes(t, codes, t.amount);
      const want = byTextKey(t);
      expect(Array.from(got.orderOf)).toEqual(want);
      const perOrder = new Array<number>(got.linesPerOrder.length).fill(0);
      for (const o of want) if (o >= 0) perOrder[o]! += 1;
      expect(Array.from(got.linesPerOrder)).toEqual(perOrder);
    }), { numRuns: 300, seed: 5 });
  });
});

describe("rankOrder", () => {
  it("ranks the same with ascending ids (ties by position) as with the text comparison", () => {
    fc.assert(fc.property(fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN), fc.constant(-0), fc.constant(Infinity), fc.constant(-Infinity), fc.double({ noNaN: true, min: -1e6, max: 1e6 })), { maxLength: 40 }), fc.boolean(), (values, shuffled) => {
      const ids = values.map((_, i) => `C${String(i).padStart(3, "0")}`);
      if (shuffled) ids.reverse(); // not ascending: the text comparison path
      const got = Array.from(rankOrder(ids, values));
      const key = (i: number) => (Number.isNaN(values[i]!) ? -Infinity : values[i]!);
      const want = values.map((_, i) => i).sort((i, j) => key(j) - key(i) || (ids[i]! < ids[j]! ? -1 : ids[i]! > ids[j]! ? 1 : 0));
      expect(got).toEqual(want);
    }), { numRuns: 300, seed: 9 });
  });
});
