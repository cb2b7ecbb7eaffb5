import { describe, expect, it } from "vitest";
import { clusterCustomers } from "../../../src/segments/clusters/cluster-customers.js";
import { customerClustersSection } from "../../../src/reports/sections/customer-clusters.js";
import type { SummaryColumns } from "../../../src/summary/types.js";

const days = [3, 5, 8, 10, 300, 310, 320, 330, 340, 150, 160, 170];
const orders = [12, 10, 11, 9, 1, 1, 1, 1, 1, 4, 3, 4];
const spend = [1500, 1200, 1300, 1100, 30, 40, 35, 50, 45, 200, 180, 220];
const n = days.length;
const zero = new Float64Array(n);
const columns: SummaryColumns = {
  customer_id: days.map((_, i) => `C${i}`), frequency: Float64Array.from(orders, (o) => o - 1), recency: zero, T: zero, monetary_value: zero,
  first_purchase: days.map(() => "2024-01-01"), last_purchase: days.map(() => "2024-06-01"),
  days_since_last_purchase: Float64Array.from(days), orders: Float64Array.from(orders), total_spend: Float64Array.from(spend),
  frequency_holdout: zero, monetary_holdout: zero,
};
const summary = { length: n, columns };

describe("customerClustersSection", () => {
  it("with k chosen automatically: profiles, k-choice table, both charts", () => {
    const result = clusterCustomers(summary, { k: "auto", kMax: 5, seed: 1 });
    expect(result.k).toBe(3);
    const s = customerClustersSection(result, { currency: "USD" });
    expect(s.id).toBe("customer-clusters");
    expect(s.kpis.map((k) => k.label)).toEqual(["Clusters", "Silhouette", "Largest cluster", "Most valuable cluster"]);
    expect(s.tables.map((t) => t.title)).toEqual(["Cluster profiles", "Choosing the number of clusters"]);
    const profiles = s.tables[0]!;
    expect(profiles.rows.map((r) => r.size)).toEqual([5, 4, 3]);
    expect(profiles.rows.map((r) => r.name)).toEqual(["Lapsed one-timers", "Recent loyal big spenders", "Steady customers"]);
    expect(profiles.columns.find((c) => c.key === "mean_total_spend")?.label).toBe("Mean total spend (USD)");
    expect(profiles.rows[1]!.mean_total_spend).toBe(1275);
    expect(s.tables[1]!.rows.find((r) => r.k === 3)?.note).toContain("chosen");
    expect(s.charts.map((c) => c.title)).toEqual(["Cluster size and value", "Choosing the number of clusters"]);
    expect(s.kpis[3]!.note).toBe("Recent loyal big spenders");
    expect(Object.isFrozen(s) && Object.isFrozen(s.tables[0]!.rows[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
  it("with a fixed k: no k-choice table or chart", () => {
    const s = customerClustersSection(clusterCustomers(summary, { k: 2, seed: 1 }));
    expect(s.tables).toHaveLength(1);
    expect(s.charts).toHaveLength(1);
    expect(s.narrative[0]).toContain("12 customers into 2 clusters");
  });
  it("fitted on a sample: the narrative and the k-choice table say on how many customers", () => {
    const s = customerClustersSection(clusterCustomers(summary, { k: "auto", kMax: 4, seed: 1, sampleSize: 9 }));
    expect(s.narrative[0]).toContain("k-means and the choice of k were fitted on a seeded random sample of 9 of the 12 customers; every customer was then put in the cluster of the nearest centre.");
    expect(s.tables[1]!.title).toBe("Choosing the number of clusters (on a random sample of 9 customers)");
    expect(customerClustersSection(clusterCustomers(summary, { k: 2, seed: 1 })).narrative[0]).not.toContain("sample");
  });
});

