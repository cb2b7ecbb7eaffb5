// Customer clusters: planted structure found again, k chosen, profiles and names, ARI.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/math/random/rng.js";
import { clusterCustomers } from "../../src/segments/clusters/cluster-customers.js";
import { clusterKChoice } from "../../src/segments/clusters/cluster-k-choice.js";
import { clusterNames } from "../../src/segments/clusters/cluster-names.js";
import { clusterProfiles } from "../../src/segments/clusters/cluster-profiles.js";
import { clusterRandIndex } from "../../src/segments/clusters/cluster-rand-index.js";
import { standardizeFeatures } from "../../src/segments/clusters/standardize-features.js";
import type { SummaryColumns } from "../../src/summary/types.js";

/** Three planted groups: recent heavy buyers, lapsed one-timers, mid-recency regulars. */
function planted(seed: number, sizes = [300, 500, 400]) {
  const rng = createRng(seed);
  const days: number[] = [], orders: number[] = [], spend: number[] = [], truth: number[] = [];
  sizes.forEach((size, g) => {
    for (let i = 0; i < size; i++) {
      const o = g === 0 ? 10 + rng.poisson(4) : g === 1 ? 1 : 3 + rng.poisson(1);
      days.push(Math.round(g === 0 ? rng.uniformRange(0, 30) : g === 1 ? rng.uniformRange(300, 420) : rng.uniformRange(90, 170)));
      orders.push(o);
      let s = 0;
      for (let j = 0; j < o; j++) s += rng.gamma(6, (g === 0 ? 120 : 40) / 6);
      spend.push(Math.round(s * 100) / 100);
      truth.push(g);
    }
  });
  const n = truth.length;
  const zero = new Float64Array(n);
  const columns: SummaryColumns = {
    customer_id: truth.map((_, i) => `C${String(i).padStart(5, "0")}`),
    frequency: Float64Array.from(orders, (o) => o - 1), recency: zero, T: zero, monetary_value: zero,
    first_purchase: truth.map(() => "2024-01-01"), last_purchase: truth.map(() => "2024-06-01"),
    days_since_last_purchase: Float64Array.from(days), orders: Float64Array.from(orders), total_spend: Float64Array.from(spend),
    frequency_holdout: zero, monetary_holdout: zero,
  };
  return { summary: { length: n, columns }, truth };
}

describe("planted structure (seeded simulation)", () => {
  const { summary, truth } = planted(2024);
  it("--k auto picks 3 and recovers the groups (ARI > 0.9)", () => {
    const r = clusterCustomers(summary, { k: "auto", seed: 1 });
    expect(r.k).toBe(3);
    expect(r.kChosenAutomatically).toBe(true);
    expect(r.kChoice!.rows.map((x) => x.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.kChoice!.bestK).toBe(3);
    expect(r.kChoice!.silhouetteExact).toBe(true);
    expect(clusterRandIndex(truth, r.clusters)).toBeGreaterThan(0.9);
    expect(r.silhouette.score).toBeGreaterThan(0.5);
    expect(r.profiles.map((p) => p.size)).toEqual([500, 400, 300]);
    expect(r.profiles.map((p) => p.name)).toEqual(["Lapsed one-timers", "Steady customers", "Recent loyal big spenders"]);
    expect(r.profiles[2]!.valueShare!).toBeGreaterThan(0.6);
    expect(Object.isFrozen(r) && Object.isFrozen(r.profiles[0])).toBe(true);
  });
  it("a fixed k, the same seed, gives the same clusters", () => {
    const a = clusterCustomers(summary, { k: 4, seed: 9 });
    const b = clusterCustomers(summary, { k: 4, seed: 9 });
    expect(a.kChoice).toBeNull();
    expect(Array.from(a.clusters)).toEqual(Array.from(b.clusters));
    expect(a.profiles).toEqual(b.profiles);
    expect(new Set(a.profiles.map((p) => p.name)).size).toBe(4);
  });
  it("the elbow of the within-SS curve is at 3 too", () => {
    const z = standardizeFeatures(summary.columns as unknown as Record<string, Float64Array>, ["days_since_last_purchase", "orders", "total_spend"]);
    const c = clusterKChoice(z.values, z.d, { seed: 3 });
    expect(c.elbowK).toBe(3);
    for (let i = 1; i < c.rows.length; i++) expect(c.rows[i]!.withinSS).toBeLessThanOrEqual(c.rows[i - 1]!.withinSS + 1e-9);
  });
  it("rejects a bad feature or k with the function and value named", () => {
    expect(() => clusterCustomers(summary, { k: 1 })).toThrow('clusterCustomers: k must be "auto" or a whole number from 2 to 1200 (the customers), got 1');
    // @ts-expect-error an unknown feature
    expect(() => clusterCustomers(summary, { features: ["age"] })).toThrow('clusterCustomers: feature "age" is not one of');
  });
});

describe("profiles and names", () => {
  const cols = { days_since_last_purchase: [5, 7, 300, 320], orders: [9, 11, 1, 1], total_spend: [900, 1100, 30, 50] };
  it("gives exact sizes, shares, means, medians and names on a hand-made set", () => {
    const p = clusterProfiles(cols, Int32Array.from([0, 0, 1, 1]));
    expect(p.map((x) => [x.cluster, x.size, x.share, x.valueShare])).toEqual([[1, 2, 0.5, 2000 / 2080], [2, 2, 0.5, 80 / 2080]]);
    expect(p[0]!.means).toEqual({ days_since_last_purchase: 6, orders: 10, total_spend: 1000 });
    expect(p[1]!.medians).toEqual({ days_since_last_purchase: 310, orders: 1, total_spend: 40 });
    expect(p.map((x) => x.name)).toEqual(["Recent loyal big spenders", "Lapsed one-timers"]);
    expect(p[1]!.description).toBe("Last bought 310 days ago on average (all customers 158); 1.0 orders (all 5.5); spent 40 on average (all 520): lapsed, infrequent, low spend, mostly one order.");
  });
  it("makes repeated names distinct by spend", () => {
    const t = { recency: "average", frequency: "average", spend: "average", oneTimers: false } as const;
    expect(clusterNames([{ ...t, meanSpend: 10 }, { ...t, meanSpend: 20 }])).toEqual(["Steady customers (lower spend)", "Steady customers (higher spend)"]);
    expect(clusterNames([{ ...t, meanSpend: 10 }, { ...t, meanSpend: 30 }, { ...t, meanSpend: 20 }])).toEqual([
      "Steady customers (spend rank 3 of 3)", "Steady customers (spend rank 1 of 3)", "Steady customers (spend rank 2 of 3)",
    ]);
    expect(clusterNames([{ recency: "average", frequency: "frequent", spend: "average", oneTimers: false, meanSpend: 1 }])).toEqual(["Frequent regulars"]);
  });
  it("profile sizes do not depend on how the clusters are numbered (fast-check)", () => {
    const { summary } = planted(5, [20, 30, 25]);
    const base = clusterCustomers(summary, { k: 3, seed: 2 });
    const labels = Int32Array.from(base.clusters, (c) => c - 1);
    const sorted = (xs: readonly { size: number; name: string }[]) => xs.map((p) => `${p.size}:${p.name}`).sort();
    const reference = sorted(clusterProfiles(summary.columns, labels));
    fc.assert(
      fc.property(fc.constantFrom([0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]), (perm) => {
        expect(sorted(clusterProfiles(summary.columns, Int32Array.from(labels, (c) => perm[c]!)))).toEqual(reference);
      }),
    );
  });
  it("the adjusted Rand index is 1 for a relabelling and -0.5 for a crossing", () => {
    expect(clusterRandIndex([0, 0, 1, 1], [5, 5, 2, 2])).toBe(1);
    expect(clusterRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 14);
  });
});
