import { describe, expect, it } from "vitest";
import { customerValueSection } from "../../../src/reports/sections/customer-value.js";
import { customerValue } from "../../../src/value/index.js";
import { HAND_COSTS, HAND_EVENTS, HAND_TRANSACTIONS } from "../../value/hand-table.js";

describe("customerValueSection", () => {
  const v = customerValue(HAND_TRANSACTIONS, { serviceEvents: HAND_EVENTS, costs: HAND_COSTS });
  const s = customerValueSection(v, { currency: "USD" });

  it("has the id, the key figures and a narrative a manager can act on", () => {
    expect(s.id).toBe("customer-value");
    expect(s.kpis.map((k) => k.label)).toEqual(["Customers", "Lifetime sales", "Gross margin", "Net contribution", "Unprofitable customers", "Whale-curve peak", "Most valuable channel"]);
    expect(s.kpis.find((k) => k.label === "Most valuable channel")?.value).toBe("store");
    const text = s.narrative.join("\n");
    expect(text).toContain("3 customers bought 220.00 USD in lifetime sales");
    expect(text).toContain("1 customers (33.3 %) cost more than they bring: together they lose 9.00 USD");
    expect(text).toContain("By channel, store is worth most: 25.06 USD of net contribution");
    expect(Object.isFrozen(s) && Object.isFrozen(s.tables)).toBe(true);
  });

  it("has the whale curve and value-by-channel charts and three tables", () => {
    expect(s.charts.map((c) => c.title)).toEqual(["Profitability (whale) curve", "Value by channel"]);
    expect(s.tables.map((t) => t.title)).toEqual(["Value by channel", "Top 3 customers by net contribution", "ABC classes by net contribution (A: first 80 %, B: to 95 %, C: the rest)"]);
    expect(s.tables[1]!.rows.map((r) => r.customer_id)).toEqual(["B", "A", "C"]);
    expect(JSON.parse(JSON.stringify(s)).id).toBe("customer-value");
  });

  it("works without a channel column", () => {
    const t = { ...HAND_TRANSACTIONS, channel: undefined };
    const s2 = customerValueSection(customerValue(t));
    expect(s2.charts).toHaveLength(1);
    expect(s2.kpis.map((k) => k.label)).not.toContain("Most valuable channel");
  });

  it("lists the top customers by rank: ranks 1..n in one pass, other ranks (ties, NaN) in a stable sort", () => {
    const topOf = (rank: number[], topN: number) => {
      const result = { ...v, columns: { ...v.columns, rank: Float64Array.from(rank) } };
      return customerValueSection(result, { topN }).tables[1]!.rows.map((r) => r.customer_id);
    };
    const ids = v.columns.customer_id;
    // The order a plain stable sort by rank gives (ties by position): what both ways must give.
    const bySort = (rank: number[], topN: number) =>
      rank.map((r, i) => [r, i] as const).sort((x, y) => x[0] - y[0]).slice(0, topN).map(([, i]) => ids[i]);
    for (const rank of [[3, 1, 2], [1, 2, 3], [2, 3, 1], [2, 1, 1], [1, 1, 1], [3, 3, 2], [0, 1, 2], [1.5, 2, 3], [4, 1, 2]]) {
      for (const topN of [1, 2, 3, 5]) expect(topOf(rank, topN), `${rank} top ${topN}`).toEqual(bySort(rank, topN));
    }
    expect(topOf([3, 1, 2], 2)).toEqual([ids[1], ids[2]]);
  });
});
