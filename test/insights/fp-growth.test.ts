// FP-growth against brute force: on random small data, the itemsets and counts equal those of
// enumerating every subset of the item universe and counting the baskets that hold it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { associationRules, basketsFromLists, fpGrowth } from "../../src/insights/baskets/index.js";

const ITEMS = ["a", "b", "c", "d", "e", "f", "g"];
const basketsArb = fc.array(fc.subarray(ITEMS, { minLength: 1 }), { minLength: 1, maxLength: 40 });
const supportArb = fc.integer({ min: 1, max: 20 }).map((k) => k / 20);

function bruteForce(lists: readonly (readonly string[])[], minSupport: number, maxSize: number): Map<string, number> {
  const out = new Map<string, number>();
  const minCount = Math.max(1, Math.ceil(minSupport * lists.length - 1e-9));
  for (let mask = 1; mask < 1 << ITEMS.length; mask++) {
    const set = ITEMS.filter((_, i) => (mask >> i) & 1);
    if (set.length > maxSize) continue;
    const count = lists.filter((l) => set.every((x) => l.includes(x))).length;
    if (count >= minCount) out.set(set.join(","), count);
  }
  return out;
}

describe("fpGrowth", () => {
  it("equals a brute-force enumeration of itemsets (fast-check)", () => {
    fc.assert(
      fc.property(basketsArb, supportArb, fc.integer({ min: 1, max: 7 }), (lists, minSupport, maxSize) => {
        const found = fpGrowth(basketsFromLists(lists), { minSupport, maxSize });
        const got = new Map(found.map((s) => [s.items.join(","), s.count]));
        expect(got).toEqual(bruteForce(lists, minSupport, maxSize));
        expect(got.size).toBe(found.length); // no itemset twice
      }),
      { numRuns: 300 },
    );
  });

  it("is downward closed: every subset of a frequent itemset is frequent, with a count at least as large", () => {
    fc.assert(
      fc.property(basketsArb, supportArb, (lists, minSupport) => {
        const found = fpGrowth(basketsFromLists(lists), { minSupport, maxSize: 7 });
        const count = new Map(found.map((s) => [s.ids.join(","), s.count]));
        for (const s of found) {
          for (let drop = 0; drop < s.ids.length && s.ids.length > 1; drop++) {
            const sub = s.ids.filter((_, i) => i !== drop).join(",");
            expect(count.get(sub)).toBeGreaterThanOrEqual(s.count);
          }
        }
      }),
    );
  });

  it("rules: confidence in [0, 1], support <= each side's support, lift symmetric for pairs", () => {
    fc.assert(
      fc.property(basketsArb, supportArb, (lists, minSupport) => {
        const rules = associationRules(fpGrowth(basketsFromLists(lists), { minSupport, maxSize: 4 }), { basketCount: lists.length });
        const lift = new Map<string, number>();
        for (const r of rules) {
          expect(r.confidence).toBeGreaterThanOrEqual(0);
          expect(r.confidence).toBeLessThanOrEqual(1);
          expect(r.support).toBeLessThanOrEqual(Math.min(r.antecedentSupport, r.consequentSupport) + 1e-15);
          expect(r.lift).toBeCloseTo(r.confidence / r.consequentSupport, 12);
          expect(r.conviction >= 0).toBe(true);
          if (r.antecedent.length === 1 && r.consequent.length === 1) lift.set(`${r.antecedent[0]}>${r.consequent[0]}`, r.lift);
        }
        for (const [k, v] of lift) {
          const [x, y] = k.split(">");
          expect(lift.get(`${y}>${x}`)).toBeCloseTo(v, 12);
        }
      }),
    );
  });

  it("handles no baskets and no frequent item", () => {
    expect(fpGrowth(basketsFromLists([]), { minSupport: 0.5 })).toEqual([]);
    expect(fpGrowth(basketsFromLists([["a"], ["b"], ["c"]]), { minSupport: 0.5 })).toEqual([]);
  });

  it("mines 200,000 random baskets of 200 items (a size check; timings belong in bench/)", () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const names = Array.from({ length: 200 }, (_, i) => `P${String(i).padStart(3, "0")}`);
    const lists = Array.from({ length: 200_000 }, () => Array.from({ length: 1 + Math.floor(rand() * 4) }, () => names[Math.floor(rand() ** 2 * 200)]!));
    const sets = fpGrowth(basketsFromLists(lists), { minSupport: 0.0005, maxSize: 4 });
    expect(sets.length).toBeGreaterThan(200);
  });
});
