import { describe, expect, it } from "vitest";
import { USAGE_TREATMENTS, usageTiers } from "../../src/segments/rfm/index.js";

const summary = {
  calibrationEnd: "2025-12-31",
  columns: {
    customer_id: ["a", "b", "c", "d", "e", "f"],
    orders: Float64Array.from([1, 1, 2, 4, 5, 9]),
    total_spend: Float64Array.from([10, 20, 30, 40, 100, 200]),
    first_purchase: ["2025-06-01", "2023-01-01", "2024-01-01", "2023-01-01", "2025-01-01", "2023-01-01"],
  },
};

describe("usageTiers", () => {
  it("by orders with the default cut-offs 1 | 2-4 | 5+", () => {
    const t = usageTiers(summary);
    expect(t.tier).toEqual(["infrequent", "infrequent", "moderate", "moderate", "heavy", "heavy"]);
    expect(t.cutoffs).toEqual([1, 4]);
    expect(t.rows.map((r) => [r.tier, r.customers, r.revenue])).toEqual([["infrequent", 2, 30], ["moderate", 2, 70], ["heavy", 2, 300]]);
    expect(t.rows[2]!.revenueShare).toBe(0.75);
    expect(t.rows.map((r) => r.definition)).toEqual(["orders at most 1", "orders above 1 up to 4", "orders above 4"]);
  });
  it("carries the treatment the course names for each tier", () => {
    const t = usageTiers(summary);
    expect(t.rows[0]!.treatment).toContain("direct incentives, such as a price discount");
    expect(t.rows[1]!.treatment).toContain("reinforcement of past purchase decisions");
    expect(t.rows[2]!.treatment).toContain("loyalty and reinforcement of purchase");
    expect(USAGE_TREATMENTS.heavy).toBe(t.rows[2]!.treatment);
  });
  it("by orders per year, a tenure under a year counting as one year", () => {
    const t = usageTiers(summary, { basis: "ordersPerYear" });
    // a: 1/1; b: 1/3; c: 2/2; d: 4/3 = 1.33; e: 5/1; f: 9/3 = 3
    expect(Array.from(t.value, (v) => Number(v.toFixed(2)))).toEqual([1, 0.33, 1, 1.33, 5, 3]);
    expect(t.tier).toEqual(["infrequent", "infrequent", "infrequent", "moderate", "heavy", "moderate"]);
  });
  it("by tertiles, ties handled", () => {
    const t = usageTiers(summary, { method: "tertiles" });
    expect(t.cutoffs).toEqual([1, 4]);
    expect(t.tier).toEqual(["infrequent", "infrequent", "moderate", "moderate", "heavy", "heavy"]);
  });
  it("refuses cut-offs out of order", () => {
    expect(() => usageTiers(summary, { cutoffs: [4, 2] })).toThrow("usageTiers: cutoffs [4, 2] must be finite with the first below the second");
  });
});
