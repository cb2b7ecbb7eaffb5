// Textbook example: Han, Kamber & Pei, "Data Mining: Concepts and Techniques" (3rd ed., 2012),
// Table 6.1 (the AllElectronics transactions) and Example 6.4 (rules from {I1, I2, I5}).
import { describe, expect, it } from "vitest";
import { associationRules, basketsFromLists, fpGrowth } from "../../src/insights/baskets/index.js";

const HAN = [
  ["I1", "I2", "I5"], // T100
  ["I2", "I4"], // T200
  ["I2", "I3"], // T300
  ["I1", "I2", "I4"], // T400
  ["I1", "I3"], // T500
  ["I2", "I3"], // T600
  ["I1", "I3"], // T700
  ["I1", "I2", "I3", "I5"], // T800
  ["I1", "I2", "I3"], // T900
];
const b = basketsFromLists(HAN);
// Minimum support count 2 of 9 baskets (22.2 %), as in the book.
const sets = fpGrowth(b, { minSupport: 2 / 9 });
const rules = associationRules(sets, { basketCount: 9 });
const find = (x: string, y: string) => rules.find((r) => r.antecedent.join(",") === x && r.consequent.join(",") === y)!;

describe("fpGrowth on Han, Kamber & Pei Table 6.1", () => {
  it("finds the book's 13 frequent itemsets with their support counts (Figure 6.2 / 6.7)", () => {
    expect(sets.map((s) => `${s.items.join(",")}:${s.count}`)).toEqual([
      "I2:7", "I1:6", "I3:6", "I4:2", "I5:2",
      "I1,I2:4", "I1,I3:4", "I2,I3:4", "I1,I5:2", "I2,I4:2", "I2,I5:2",
      "I1,I2,I3:2", "I1,I2,I5:2",
    ]);
    expect(sets[0]!.support).toBe(7 / 9);
    expect(Object.isFrozen(sets) && Object.isFrozen(sets[0])).toBe(true);
  });

  it("respects maxSize and an exact support threshold", () => {
    expect(fpGrowth(b, { minSupport: 2 / 9, maxSize: 2 }).map((s) => s.ids.length)).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]);
    // 4/9 baskets: only I1, I2, I3 and the pairs with count 4 stay.
    expect(fpGrowth(b, { minSupport: 4 / 9 }).map((s) => s.items.join(","))).toEqual(["I2", "I1", "I3", "I1,I2", "I1,I3", "I2,I3"]);
  });

  it("rejects a support outside (0, 1] naming the function and the value", () => {
    expect(() => fpGrowth(b, { minSupport: 0 })).toThrow("fpGrowth: minSupport 0 must be a share of baskets in (0, 1]");
    expect(() => fpGrowth(b, { minSupport: 1.5 })).toThrow("fpGrowth: minSupport 1.5");
    expect(() => fpGrowth(b, { minSupport: 0.1, maxSize: 0 })).toThrow("fpGrowth: maxSize 0 must be a whole number >= 1");
    expect(() => fpGrowth(b, { minSupport: 0.01, maxItemsets: 5 })).toThrow("fpGrowth: more than 5 frequent itemsets");
  });
});

describe("associationRules on Han, Kamber & Pei Example 6.4", () => {
  it("gives the book's six rules from {I1, I2, I5} with their confidences", () => {
    // conf = count(I1,I2,I5) / count(X) = 2 / count(X): I1,I2 -> 2/4; I1,I5 -> 2/2; I2,I5 -> 2/2; I1 -> 2/6; I2 -> 2/7; I5 -> 2/2.
    expect(find("I1,I2", "I5").confidence).toBe(0.5);
    expect(find("I1,I5", "I2").confidence).toBe(1);
    expect(find("I2,I5", "I1").confidence).toBe(1);
    expect(find("I1", "I2,I5").confidence).toBe(2 / 6);
    expect(find("I2", "I1,I5").confidence).toBe(2 / 7);
    expect(find("I5", "I1,I2").confidence).toBe(1);
  });

  it("computes support, lift, leverage and conviction exactly", () => {
    // I5 -> I1,I2: supp = 2/9; conf = 1; supp(I1,I2) = 4/9, so lift = 1 / (4/9) = 2.25;
    // leverage = 2/9 - (2/9)(4/9) = 10/81; conviction = (1 - 4/9) / (1 - 1) = Infinity.
    const r = find("I5", "I1,I2");
    expect(r.support).toBe(2 / 9);
    expect(r.lift).toBe(2.25);
    expect(r.leverage).toBeCloseTo(10 / 81, 15);
    expect(r.conviction).toBe(Infinity);
    // I1 -> I2: conf = 4/6, supp(I2) = 7/9, lift = (4/6) / (7/9) = 6/7 (< 1: bought together less
    // often than by chance); leverage = 4/9 - (6/9)(7/9) = -6/81; conviction = (2/9) / (1/3) = 2/3.
    const p = find("I1", "I2");
    expect(p.confidence).toBe(4 / 6);
    expect(p.lift).toBeCloseTo(6 / 7, 15);
    expect(p.leverage).toBeCloseTo(-6 / 81, 15);
    expect(p.conviction).toBeCloseTo(2 / 3, 15);
    // Lift is symmetric for a pair: I2 -> I1 = (4/7) / (6/9) = 6/7.
    expect(find("I2", "I1").lift).toBeCloseTo(6 / 7, 15);
  });

  it("makes every split of every frequent itemset of 2+ items, sorted by lift", () => {
    // 6 pairs x 2 splits + 2 triples x 6 splits = 24 rules.
    expect(rules).toHaveLength(24);
    expect(rules[0]!.lift).toBe(2.25);
    for (let i = 1; i < rules.length; i++) expect(rules[i - 1]!.lift).toBeGreaterThanOrEqual(rules[i]!.lift);
    expect(associationRules(sets, { basketCount: 9, minConfidence: 0.7 }).map((r) => `${r.antecedent}->${r.consequent}`).sort()).toEqual(["I1,I5->I2", "I2,I5->I1", "I4->I2", "I5->I1", "I5->I1,I2", "I5->I2"]);
    expect(associationRules(sets, { basketCount: 9, maxConsequentSize: 1 })).toHaveLength(18);
    expect(associationRules(sets, { basketCount: 9, sortBy: "support" })[0]!.support).toBe(4 / 9);
  });

  it("rejects bad options and missing subsets", () => {
    expect(() => associationRules(sets, { basketCount: 0 })).toThrow("associationRules: basketCount 0 must be a whole number >= 1");
    expect(() => associationRules(sets, { basketCount: 9, minConfidence: 2 })).toThrow("associationRules: minConfidence 2 must be a share in [0, 1]");
    expect(() => associationRules(sets.slice(1), { basketCount: 9 })).toThrow("associationRules: subset {I2} of itemset {I1, I2} is missing; pass every frequent itemset");
  });
});
