// Exact values on a hand-made table (every expected figure worked out by hand in the comments).
import { describe, expect, it } from "vitest";
import { customerValue, valueByGroup, whaleCurve, abcClasses, rankOrder, serviceCostTable, DEFAULT_SERVICE_COSTS } from "../../src/value/index.js";
import { HAND_COSTS, HAND_CUSTOMERS, HAND_EVENTS, HAND_TRANSACTIONS } from "./hand-table.js";

const v = customerValue(HAND_TRANSACTIONS, { serviceEvents: HAND_EVENTS, costs: HAND_COSTS });
const row = (id: string): number => v.columns.customer_id.indexOf(id);

describe("customerValue on a hand-made table", () => {
  // Known-cost purchase lines: sales 90 + 50 + 100 + 10 = 250, cost 60 + 30 + 70 + 6 = 166, all "home":
  // margin rate 1 - 166/250 = 0.336; "books" has no known cost, so the overall rate 0.336 is used:
  // A's books line costs 20 x 0.664 = 13.28.
  it("customer A: sales, returns, cost of goods, margin, cost to serve, net contribution", () => {
    const i = row("A");
    const c = v.columns;
    expect(c.orders[i]).toBe(2); // O1, O2
    expect(c.lines[i]).toBe(3);
    expect(c.units[i]).toBe(4); // 2 + 1 + 1
    expect(c.gross_sales[i]).toBeCloseTo(160, 10); // 90 + 20 + 50
    expect(c.discounts[i]).toBeCloseTo(10, 10);
    expect(c.returns_value[i]).toBeCloseTo(50, 10); // the O2 line was returned in full
    expect(c.return_rate[i]).toBeCloseTo(50 / 160, 12);
    expect(c.net_sales[i]).toBeCloseTo(110, 10);
    expect(c.cost_of_goods[i]).toBeCloseTo(60 + 13.28 + 0, 10); // the returned unit goes back to stock
    expect(c.cost_estimated_sales[i]).toBeCloseTo(20, 10);
    expect(c.gross_margin[i]).toBeCloseTo(36.72, 10);
    expect(c.freight[i]).toBeCloseTo(5, 10);
    expect(c.average_selling_price[i]).toBeCloseTo(40, 10); // 160 / 4
    expect(c.returned_lines[i]).toBe(1);
    expect(c.call_centre_contacts[i]).toBe(1);
    // 2 orders x 1 + 1 return x 2 + 1 contact x 3 = 7
    expect(c.cost_to_serve[i]).toBeCloseTo(7, 10);
    expect(c.net_contribution[i]).toBeCloseTo(36.72 - 5 - 7, 10); // 24.72
  });

  it("customers B and C, totals, ranks", () => {
    const c = v.columns;
    expect(c.net_contribution[row("B")]).toBeCloseTo(100 - 70 - 0 - 1, 10); // 29
    expect(c.average_selling_price[row("B")]).toBeCloseTo(25, 10);
    expect(c.cost_to_serve[row("C")]).toBeCloseTo(1 + 4, 10); // one order, one complaint
    expect(c.net_contribution[row("C")]).toBeCloseTo(10 - 6 - 8 - 5, 10); // -9
    expect(Array.from(c.rank)).toEqual([2, 1, 3]); // A, B, C in id order
    expect(v.totals.gross_sales).toBeCloseTo(270, 10); // 160 + 100 + 10
    expect(v.totals.net_sales).toBeCloseTo(220, 10);
    expect(v.totals.gross_margin).toBeCloseTo(70.72, 10);
    expect(v.totals.freight).toBeCloseTo(13, 10);
    expect(v.totals.cost_to_serve).toBeCloseTo(13, 10);
    expect(v.totals.net_contribution).toBeCloseTo(44.72, 10);
    expect(v.totals.list_margin_rate).toBeCloseTo(1 - (60 + 13.28 + 30 + 70 + 6) / (270 + 10), 12);
    expect(v.returnsFrom).toBe("transactions");
    expect(v.notes.join(" ")).toContain("1 service events belong to customers without a transaction");
    expect(Object.isFrozen(v) && Object.isFrozen(v.columns) && Object.isFrozen(v.whale.points)).toBe(true);
  });

  it("whale curve and ABC classes", () => {
    // ranked B 29, A 24.72, C -9; total 44.72: cumulative 29, 53.72, 44.72
    expect(v.whale.peakProfitShare).toBeCloseTo(53.72 / 44.72, 12);
    expect(v.whale.peakCustomerShare).toBeCloseTo(2 / 3, 12);
    expect(v.whale.unprofitableCustomers).toBe(1);
    expect(v.whale.unprofitableCost).toBeCloseTo(9, 10);
    expect(v.whale.points.at(-1)).toEqual({ customerShare: 1, profitShare: 1 });
    expect(v.columns.cumulative_profit_share[row("A")]).toBeCloseTo(53.72 / 44.72, 12);
    // positive total 53.72: B starts at 0 (A), A starts at 29/53.72 = 54 % (A), C <= 0 (C)
    expect(v.columns.abc_class).toEqual(["A", "A", "C"]);
    expect(v.abc.classes.map((k) => k.customers)).toEqual([2, 0, 1]);
  });

  it("value by channel: lines split, customer events follow their sales", () => {
    const g = valueByGroup(HAND_TRANSACTIONS, "channel", { serviceEvents: HAND_EVENTS, costs: HAND_COSTS });
    expect(g.level).toBe("line");
    expect(g.columns.group).toEqual(["store", "web"]);
    // store: A's returned line (margin 0; order 1 + return 2 + 50/160 of the contact 3) and B (30 - 1)
    expect(g.columns.cost_to_serve[0]).toBeCloseTo(1 + 2 + (3 * 50) / 160 + 1, 10);
    expect(g.columns.net_contribution[0]).toBeCloseTo(30 - 4.9375, 10);
    // web: 120 - 79.28 - 13 freight - (0.5 + 90/160 x 3 + 0.5 + 20/160 x 3 + 1 + 4)
    expect(g.columns.net_contribution[1]).toBeCloseTo(120 - 79.28 - 13 - 8.0625, 10);
    expect(Array.from(g.columns.customers)).toEqual([2, 2]);
    expect(Array.from(g.columns.orders)).toEqual([2, 2]);
    expect(g.columns.share_of_net_contribution[0]! + g.columns.share_of_net_contribution[1]!).toBeCloseTo(1, 12);
    expect(v.byChannel?.columns.group).toEqual(["store", "web"]);
  });

  it("value by region from the customers table; unknown customers grouped", () => {
    const g = valueByGroup(HAND_TRANSACTIONS, "region", { serviceEvents: HAND_EVENTS, costs: HAND_COSTS, customers: HAND_CUSTOMERS });
    expect(g.level).toBe("customer");
    expect(g.columns.group).toEqual(["south", "north", "(unknown)"]);
    expect(Array.from(g.columns.net_contribution).map((x) => Number(x.toFixed(6)))).toEqual([29, 24.72, -9]);
    expect(() => valueByGroup(HAND_TRANSACTIONS, "colour", { customers: HAND_CUSTOMERS })).toThrow(
      'valueByGroup: cannot group by "colour": it is not a column of the transactions nor of the customers table; possible: channel, category, region, acquisition_channel',
    );
    expect(() => valueByGroup(HAND_TRANSACTIONS, "region")).toThrow(/no customers table was given \(--customers FILE\)/);
  });

  it("returns priced from events when the transactions record none", () => {
    const t = { ...HAND_TRANSACTIONS, returnedQuantity: undefined, returnedAmount: undefined };
    const r = customerValue(t, { serviceEvents: HAND_EVENTS, costs: HAND_COSTS });
    expect(r.returnsFrom).toBe("service-events");
    expect(r.totals.returns_value).toBe(0);
  });
});

describe("building blocks", () => {
  it("whaleCurve, abcClasses and rankOrder on their doc examples", () => {
    const w = whaleCurve(["a", "b", "c"], [80, 40, -20]);
    expect([w.peakProfitShare, w.peakCustomerShare, w.unprofitableCost]).toEqual([1.2, 2 / 3, 20]);
    expect(abcClasses(["a", "b", "c", "d"], [70, 20, 6, 4])).toEqual(["A", "A", "B", "C"]);
    expect(Array.from(rankOrder(["a", "b", "c"], [5, 9, 5]))).toEqual([1, 0, 2]);
    expect(() => abcClasses(["a"], [1], { a: 0.9, b: 0.8 })).toThrow("abcClasses: thresholds a 0.9 and b 0.8 must satisfy 0 < a <= b <= 1");
  });

  it("a loss-making business: shares are of the profitable customers' profit", () => {
    const w = whaleCurve(["a", "b"], [10, -30]);
    expect(w.base).toBe("profitable");
    expect(w.peakProfitShare).toBe(1);
    expect(w.points.at(-1)?.profitShare).toBe(-2);
  });

  it("cost table: defaults, overrides and one-line errors", () => {
    expect(serviceCostTable({ complaint: 20 })).toEqual({ ...DEFAULT_SERVICE_COSTS, complaint: 20 });
    expect(() => serviceCostTable({ refund: 3 })).toThrow('serviceCostTable: unknown key "refund" in cost table; keys: call_centre_contact, complaint, late_delivery, return, perOrder');
    expect(() => serviceCostTable({ complaint: -1 })).toThrow('serviceCostTable: "complaint" in cost table must be a number >= 0 in currency units (got -1)');
    expect(() => serviceCostTable([1])).toThrow(/must be a JSON object/);
  });

  it("unknown costs everywhere: margin unknown (NaN, never 0 or sales), ranks and whale curve on revenue; an assumed margin rate gives profit", () => {
    const t = { ...HAND_TRANSACTIONS, cost: undefined };
    const u = customerValue(t);
    expect(u.totals.gross_margin).toBeNaN();
    expect(u.totals.net_contribution).toBeNaN();
    expect([...u.columns.gross_margin].every(Number.isNaN)).toBe(true);
    expect(u.totals.net_sales).toBeGreaterThan(0);
    expect(u.whale.measure).toBe("net_sales");
    expect(u.abc.measure).toBe("net_sales");
    // the best customer by rank is the one with the most lifetime sales
    const best = u.columns.rank.indexOf(1);
    expect(u.columns.net_sales[best]).toBe(Math.max(...u.columns.net_sales));
    expect(u.notes.some((n) => n.includes("no cost column and no margin rate"))).toBe(true);
    const r = customerValue(t, { assumedMarginRate: 0.4 });
    expect(r.whale.measure).toBe("net_contribution");
    expect(r.totals.cost_estimated_sales).toBeCloseTo(220, 10);
    expect(r.totals.list_margin_rate).toBeCloseTo(1 - (0.6 * 270) / 280, 12);
  });
});
