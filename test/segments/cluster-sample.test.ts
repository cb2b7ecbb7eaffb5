// k-means on a seeded sample of customers, then every customer assigned to the nearest centre.
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/math/random/rng.js";
import { assignToCentres } from "../../src/segments/clusters/assign-to-centres.js";
import { clusterCustomers } from "../../src/segments/clusters/cluster-customers.js";
import { clusterRandIndex } from "../../src/segments/clusters/cluster-rand-index.js";
import type { SummaryColumns } from "../../src/summary/types.js";

/** Three planted groups of customers (recent heavy, lapsed one-timers, regulars). */
function planted(seed: number, sizes: readonly number[]) {
  const rng = createRng(seed);
  const days: number[] = [], orders: number[] = [], spend: number[] = [], truth: number[] = [];
  sizes.forEach((size, g) => {
    for (let i = 0; i < size; i++) {
      const o = g === 0 ? 10 + rng.poisson(4) : g === 1 ? 1 : 3 + rng.poisson(1);
      days.push(Math.round(g === 0 ? rng.uniformRange(0, 30) : g === 1 ? rng.uniformRange(300, 420) : rng.uniformRange(90, 170)));
      orders.push(o);
      spend.push(Math.round(o * rng.gamma(6, (g === 0 ? 120 : 40) / 6) * 100) / 100);
      truth.push(g);
    }
  });
  const n = truth.length;
  const zero = new Float64Array(n);
  const columns: SummaryColumns = {
    customer_id: truth.map((_, i) => `C${String(i).padStart(6, "0")}`),
    frequency: Float64Array.from(orders, (o) => o - 1), recency: zero, T: zero, monetary_value: zero,
    first_purchase: truth.map(() => "2024-01-01"), last_purchase: truth.map(() => "2024-06-01"),
    days_since_last_purchase: Float64Array.from(days), orders: Float64Array.from(orders), total_spend: Float64Array.from(spend),
    frequency_holdout: zero, monetary_holdout: zero,
  };
  return { summary: { length: n, columns }, truth };
}

describe("assignToCentres", () => {
  it("puts each point with its nearest centre and numbers the clusters largest first", () => {
    const a = assignToCentres(Float64Array.from([0, 1, 9, 10, 11]), 1, Float64Array.from([0.5, 10]));
    expect(Array.from(a.labels)).toEqual([1, 1, 0, 0, 0]);
    expect(Array.from(a.centres)).toEqual([10, 0.5]);
    expect(a.sizes).toEqual([3, 2]);
    expect(a.withinSS).toBeCloseTo(0.25 + 0.25 + 1 + 0 + 1, 12);
  });

  it("drops a centre that wins no point", () => {
    const a = assignToCentres(Float64Array.from([0, 1, 2]), 1, Float64Array.from([1, 100]));
    expect(a.k).toBe(1);
    expect(Array.from(a.labels)).toEqual([0, 0, 0]);
  });
});

describe("clusterCustomers on a sample", () => {
  const { summary, truth } = planted(3, [1500, 2500, 2000]);

  it("fits on sampleSize customers, assigns all of them, and finds the planted groups again", () => {
    const r = clusterCustomers(summary, { k: "auto", seed: 1, sampleSize: 1000 });
    expect(r.sampleSize).toBe(1000);
    expect(r.k).toBe(3);
    expect(r.clusters.length).toBe(summary.length);
    const sizes = r.profiles.map((p) => p.size);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(summary.length);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes); // cluster 1 is the largest
    expect(clusterRandIndex(Array.from(r.clusters), truth)).toBeGreaterThan(0.9);
    expect(r.withinSS).toBeLessThan(r.totalSS);
  });

  it("is the same for the same seed and differs in its sample for another seed", () => {
    const a = clusterCustomers(summary, { k: 3, seed: 5, sampleSize: 800 });
    const b = clusterCustomers(summary, { k: 3, seed: 5, sampleSize: 800 });
    expect(Array.from(a.clusters)).toEqual(Array.from(b.clusters));
    const c = clusterCustomers(summary, { k: 3, seed: 6, sampleSize: 800 });
    expect(c.centres).not.toEqual(a.centres);
  });

  it("gives exactly the unsampled result when the sample would hold every customer", () => {
    const small = planted(4, [100, 150, 120]).summary;
    const all = clusterCustomers(small, { k: "auto", seed: 2 });
    const big = clusterCustomers(small, { k: "auto", seed: 2, sampleSize: small.length });
    expect(all.sampleSize).toBeNull();
    expect(big).toEqual(all);
  });

  it("rejects a fixed k above the sample", () => {
    expect(() => clusterCustomers(summary, { k: 50, sampleSize: 40 })).toThrow(/sampleSize/);
    expect(() => clusterCustomers(summary, { sampleSize: 2 })).toThrow(/sampleSize must be/);
  });
});
