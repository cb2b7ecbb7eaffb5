import { describe, expect, it } from "vitest";
import type { Transactions } from "../../src/data/types.js";
import { basketAnalysis, basketsFromTransactions } from "../../src/insights/baskets/index.js";

function tx(rows: [customer: string, order: string, product: string, category: string, amount: number, day: number][], withOrder = true): Transactions {
  return {
    length: rows.length,
    customerId: rows.map((r) => r[0]),
    day: Int32Array.from(rows.map((r) => r[5])),
    amount: Float64Array.from(rows.map((r) => r[4])),
    sourceLine: Int32Array.from(rows.map((_, i) => i + 2)),
    ...(withOrder ? { orderId: rows.map((r) => r[1]) } : {}),
    productId: rows.map((r) => r[2]),
    category: rows.map((r) => r[3]),
  };
}

const ROWS: Parameters<typeof tx>[0] = [
  ["C1", "O1", "P2", "home", 10, 100],
  ["C1", "O1", "P1", "home", 5, 100],
  ["C1", "O1", "P2", "home", 3, 100], // the same product twice: counted once
  ["C2", "O2", "P3", "books", 8, 100],
  ["C2", "O2", "P1", "home", -5, 100], // a return: left out
  ["C2", "O3", "P1", "home", 7, 101],
  ["C1", "O4", "", "garden", 2, 102], // no product id: left out at product level
];

describe("basketsFromTransactions", () => {
  it("groups purchase lines by order, one item once, returns left out", () => {
    const b = basketsFromTransactions(tx(ROWS));
    expect(b.keyedBy).toBe("order");
    expect(b.items).toEqual(["P1", "P2", "P3"]);
    expect(b.length).toBe(3);
    const basket = (k: number) => [...b.itemIds.subarray(b.offsets[k]!, b.offsets[k + 1]!)].map((id) => b.items[id]);
    expect([basket(0), basket(1), basket(2)]).toEqual([["P1", "P2"], ["P3"], ["P1"]]);
    expect([...b.customer].map((c) => b.customers[c])).toEqual(["C1", "C2", "C2"]);
    expect([b.linesUsed, b.linesSkipped]).toEqual([5, 2]);
    expect(Object.isFrozen(b)).toBe(true);
  });

  it("works at category level and by customer and day without order ids", () => {
    const c = basketsFromTransactions(tx(ROWS), { level: "category" });
    expect(c.items).toEqual(["books", "garden", "home"]);
    expect(c.length).toBe(4);
    const d = basketsFromTransactions(tx(ROWS, false), { level: "category" });
    expect(d.keyedBy).toBe("customer-day");
    // C1 day 100, C2 day 100, C2 day 101, C1 day 102
    expect(d.length).toBe(4);
    expect([...d.offsets]).toEqual([0, 1, 2, 3, 4]);
  });

  it("names the missing column and the bad level", () => {
    const { productId: _p, ...noProduct } = tx(ROWS);
    expect(() => basketsFromTransactions(noProduct as Transactions)).toThrow(
      'basketsFromTransactions: the transactions have no product_id column, needed for level "product"; add it or use the other level',
    );
    expect(() => basketsFromTransactions(tx(ROWS), { level: "brand" as "product" })).toThrow('basketsFromTransactions: level "brand" must be "product" or "category"');
  });

  it("basketAnalysis: counts, itemsets by size, rules and next best in one frozen record", () => {
    const a = basketAnalysis(tx(ROWS), { minSupport: 0.3, minConfidence: 0 });
    expect(a).toMatchObject({ level: "product", baskets: 3, items: 3, linesUsed: 5, linesSkipped: 2, itemsetsBySize: [3, 1], minSupport: 0.3 });
    expect(a.meanBasketSize).toBeCloseTo(4 / 3, 15);
    expect(a.multiItemShare).toBeCloseTo(1 / 3, 15);
    // 0.3 of 3 baskets: 1 basket is enough. P1 in 2 baskets, P2 in 1, both in 1: P2 -> P1 conf 1,
    // P1 -> P2 conf 1/2, lift 1 * 3 / (2 * 1) = 1.5 both ways.
    expect(a.rules.map((r) => [r.antecedent[0], r.consequent[0], r.confidence, r.lift])).toEqual([["P2", "P1", 1, 1.5], ["P1", "P2", 0.5, 1.5]]);
    expect(a.nextBest.customers).toBe(2);
    expect(Object.isFrozen(a)).toBe(true);
  });
});
