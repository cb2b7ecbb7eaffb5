// Intervals and tests for proportions: textbook values (Newcombe 1998) and properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { upliftInterval, wilsonInterval } from "../../src/insights/campaigns/uplift-interval.js";
import { upliftMeanDifference } from "../../src/insights/campaigns/uplift-mean-difference.js";
import { normalQuantile, normalUpperTail } from "../../src/math/special/normal-distribution.js";
import { upliftTest } from "../../src/insights/campaigns/uplift-test.js";

describe("normal distribution helpers", () => {
  it("match published values (Abramowitz & Stegun table 26.1)", () => {
    expect(normalUpperTail(1.959963984540054)).toBeCloseTo(0.025, 14);
    expect(normalUpperTail(5)).toBeCloseTo(2.866515718791939e-7, 18);
    expect(normalUpperTail(-1)).toBeCloseTo(0.8413447460685429, 14);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 12);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 9);
    expect(() => normalQuantile(1)).toThrow("normalQuantile: p 1 is not in (0, 1)");
  });
});

describe("Wilson and Newcombe intervals (Newcombe 1998, Stat Med 17:873-890, Table II)", () => {
  it("Wilson interval by hand: 56/70", () => {
    const z = 1.959963984540054, n = 70, x = 56;
    const centre = (x + z * z / 2) / (n + z * z), half = (z / (n + z * z)) * Math.sqrt(x * (n - x) / n + z * z / 4);
    const w = wilsonInterval(56, 70);
    expect(w.estimate).toBe(0.8);
    expect(w.lower).toBeCloseTo(centre - half, 12);
    expect(w.upper).toBeCloseTo(centre + half, 12);
    expect(w.lower).toBeCloseTo(0.6918, 4);
    expect(w.upper).toBeCloseTo(0.8770, 4);
  });
  it("example (a) 56/70 − 48/80: method 10 gives 0.0524 to 0.3339, Wald 0.0575 to 0.3425", () => {
    const n = upliftInterval(56, 70, 48, 80);
    expect(n.estimate).toBeCloseTo(0.2, 12);
    expect(n.lower).toBeCloseTo(0.0524, 4);
    expect(n.upper).toBeCloseTo(0.3339, 4);
    const w = upliftInterval(56, 70, 48, 80, { method: "wald" });
    expect(w.lower).toBeCloseTo(0.0575, 4);
    expect(w.upper).toBeCloseTo(0.3425, 4);
  });
  it("example (b) 9/10 − 3/10: method 10 gives 0.1705 to 0.8090", () => {
    const n = upliftInterval(9, 10, 3, 10);
    expect(n.lower).toBeCloseTo(0.1705, 4);
    expect(n.upper).toBeCloseTo(0.8090, 4);
  });
  it("rejects impossible counts with the offending value", () => {
    expect(() => upliftInterval(5, 4, 1, 10)).toThrow("upliftInterval: treatment successes 5 is not a whole number from 0 to 4");
    expect(() => wilsonInterval(1, 0)).toThrow("wilsonInterval: the group size 0 is not a whole number of at least 1");
  });
  it("properties: the interval contains the estimate; identical groups give uplift 0 with a symmetric interval", () => {
    const counts = fc.integer({ min: 1, max: 500 }).chain((n) => fc.tuple(fc.constant(n), fc.integer({ min: 0, max: n })));
    fc.assert(fc.property(counts, counts, fc.constantFrom<"newcombe" | "wald">("newcombe", "wald"), ([n1, x1], [n0, x0], method) => {
      const u = upliftInterval(x1, n1, x0, n0, { method });
      expect(u.lower).toBeLessThanOrEqual(u.estimate + 1e-12);
      expect(u.upper).toBeGreaterThanOrEqual(u.estimate - 1e-12);
      const w = wilsonInterval(x1, n1);
      expect(w.lower <= w.estimate + 1e-12 && w.estimate <= w.upper + 1e-12).toBe(true);
      const same = upliftInterval(x1, n1, x1, n1, { method });
      expect(same.estimate).toBe(0);
      expect(same.lower).toBeCloseTo(-same.upper, 12);
      expect(upliftTest(x1, n1, x1, n1).z).toBe(0);
    }));
  });
});

describe("two-proportion test", () => {
  it("56/70 vs 48/80: z = 2.650, p = 0.00805; z² equals Pearson's chi-square of the 2 × 2 table", () => {
    const t = upliftTest(56, 70, 48, 80);
    const table = [[56, 14], [48, 32]], rows = [70, 80], cols = [104, 46], N = 150;
    let chi2 = 0;
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) { const e = rows[i]! * cols[j]! / N; chi2 += (table[i]![j]! - e) ** 2 / e; }
    expect(t.z * t.z).toBeCloseTo(chi2, 10);
    expect(t.z).toBeCloseTo(2.6502, 4);
    expect(t.pValue).toBeCloseTo(0.008045, 6);
    expect(t.pValueGreater).toBeCloseTo(t.pValue / 2, 12);
  });
});

describe("difference of means", () => {
  it("by hand: [1,2,3] − [1,1,1] = 1 ± 1.96 · √(1/3)", () => {
    const d = upliftMeanDifference([1, 2, 3], [1, 1, 1]);
    expect(d.estimate).toBe(1);
    expect(d.standardError).toBeCloseTo(Math.sqrt(1 / 3), 12);
    expect(d.lower).toBeCloseTo(1 - 1.959963984540054 * Math.sqrt(1 / 3), 10);
    expect(() => upliftMeanDifference([1], [1, 2])).toThrow("upliftMeanDifference: group A has 1 values; at least 2 are needed");
  });
});
