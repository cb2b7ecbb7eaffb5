import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { associationRules, basketsFromLists, fpGrowth, nextBestProducts } from "../../src/insights/baskets/index.js";

describe("nextBestProducts", () => {
  // Baskets (customer): X {a,b}, X {a,b}, Y {a}, Z {c}. Counts: a 3, b 2, c 1 of 4 baskets.
  // Rules at support 1/4: a -> b conf 2/3, lift (2/3)/(2/4) = 4/3; b -> a conf 1, lift 4/3.
  const b = basketsFromLists([["a", "b"], ["a", "b"], ["a"], ["c"]], { customers: ["X", "X", "Y", "Z"] });
  const rules = associationRules(fpGrowth(b, { minSupport: 0.25 }), { basketCount: 4 });

  it("scores by the best matching rule's confidence, fills with popular items", () => {
    const nb = nextBestProducts(b, rules, { topN: 2 });
    const rows = Array.from({ length: nb.length }, (_, i) => [nb.customerId[i], nb.rank[i], nb.item[i], nb.score[i], nb.source[i], nb.basis[i]]);
    expect(rows).toEqual([
      ["X", 1, "c", 0.25, "popularity", ""], // X has a and b; only c is left
      ["Y", 1, "b", 2 / 3, "rule", "a"], // a -> b, confidence 2/3
      ["Y", 2, "c", 0.25, "popularity", ""],
      ["Z", 1, "a", 0.75, "popularity", ""], // no rule starts from c: most popular first
      ["Z", 2, "b", 0.5, "popularity", ""],
    ]);
    expect(nb.lift[1]).toBeCloseTo(4 / 3, 15);
    expect(Number.isNaN(nb.lift[0]!)).toBe(true);
    expect([nb.customers, nb.customersByRules, nb.ruleCoverage]).toEqual([3, 1, 1 / 3]);
  });

  it("uses only rules above minLift", () => {
    const nb = nextBestProducts(b, rules, { topN: 1, minLift: 2 });
    expect(nb.source).toEqual(["popularity", "popularity", "popularity"]);
    expect(() => nextBestProducts(b, rules, { topN: 0 })).toThrow("nextBestProducts: topN 0 must be a whole number >= 1");
  });

  it("never suggests an item the customer already bought, nor one twice (fast-check)", () => {
    const items = ["a", "b", "c", "d", "e", "f"];
    const arb = fc.array(fc.tuple(fc.constantFrom("U1", "U2", "U3", "U4", "U5"), fc.subarray(items, { minLength: 1, maxLength: 4 })), { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(arb, fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 10 }), (rows, topN, k) => {
        const bs = basketsFromLists(rows.map((r) => r[1]), { customers: rows.map((r) => r[0]) });
        const rs = associationRules(fpGrowth(bs, { minSupport: k / 20, maxSize: 3 }), { basketCount: bs.length });
        const nb = nextBestProducts(bs, rs, { topN });
        const bought = new Map<string, Set<string>>();
        for (const [c, l] of rows) for (const x of l) (bought.get(c) ?? bought.set(c, new Set()).get(c)!).add(x);
        const seen = new Set<string>();
        for (let i = 0; i < nb.length; i++) {
          expect(bought.get(nb.customerId[i]!)!.has(nb.item[i]!)).toBe(false);
          expect(seen.has(`${nb.customerId[i]}|${nb.item[i]}`)).toBe(false);
          seen.add(`${nb.customerId[i]}|${nb.item[i]}`);
          expect(nb.rank[i]).toBeLessThanOrEqual(topN);
        }
        // Every customer gets min(topN, items not bought) suggestions.
        for (const [c, s] of bought) expect(nb.customerId.filter((x) => x === c)).toHaveLength(Math.min(topN, items.filter((x) => !s.has(x) && rows.some((r) => r[1].includes(x))).length));
      }),
    );
  });
});
