import { describe, expect, it } from "vitest";
import type { Transactions } from "../../../src/data/types.js";
import { basketAnalysis } from "../../../src/insights/baskets/index.js";
import { basketRuleSentence, crossSellSection } from "../../../src/reports/sections/cross-sell.js";

// Six orders of six customers: bread and butter go together (lift 1.125), milk goes alone.
const ORDERS = [["bread", "butter"], ["bread", "butter"], ["bread", "butter"], ["bread", "milk"], ["milk"], ["butter"]];
const rows = ORDERS.flatMap((o, k) => o.map((p) => ({ c: `C${k + 1}`, o: `O${k + 1}`, p })));
const TX: Transactions = {
  length: rows.length,
  customerId: rows.map((r) => r.c),
  day: new Int32Array(rows.length).fill(19724),
  amount: new Float64Array(rows.length).fill(10),
  sourceLine: Int32Array.from(rows.map((_, i) => i + 2)),
  orderId: rows.map((r) => r.o),
  productId: rows.map((r) => r.p),
};

describe("crossSellSection", () => {
  // bread 4/6, butter 4/6, both 3/6: bread -> butter conf 3/4, lift (3/4)/(4/6) = 1.125.
  const a = basketAnalysis(TX, { minSupport: 0.3, minConfidence: 0.1 });
  const s = crossSellSection(a);

  it("has the id, key figures and rules in plain words", () => {
    expect(s.id).toBe("cross-sell");
    expect(s.kpis.map((k) => [k.label, k.value])).toEqual([["Baskets", 6], ["Rules", 2], ["Best lift", 1.125], ["Rule coverage", 1 / 3]]);
    expect(s.tables[0]!.rows[0]!.words).toBe("Customers who buy bread also buy butter 1.13 times more often than average (75 % of their baskets)");
    expect(s.narrative.join("\n")).toContain("2 of 2 rules have a lift above 1");
    expect(s.narrative.join("\n")).toContain("2 of 6 customers (33.3 %) get at least one suggestion from a rule");
    expect(s.charts.map((c) => c.title)).toEqual(["Top rules by lift", "Lift and support"]);
    expect(Object.isFrozen(s) && Object.isFrozen(s.tables)).toBe(true);
    expect(JSON.parse(JSON.stringify(s)).id).toBe("cross-sell");
  });

  it("says so when nothing sells together, and draws no chart without rules", () => {
    const none = crossSellSection(basketAnalysis(TX, { minSupport: 0.9 }));
    expect(none.charts).toEqual([]);
    expect(none.narrative.join("\n")).toContain("there is no cross-sell pattern to act on");
    expect(basketRuleSentence({ antecedent: ["a"], consequent: ["b"], lift: 0.7, confidence: 0.2 })).toBe("Customers who buy a buy b only 0.7 times as often as average (20 % of their baskets)");
    expect(() => crossSellSection(a, { topN: 0 })).toThrow("crossSellSection: topN 0 must be a whole number >= 1");
  });
});
