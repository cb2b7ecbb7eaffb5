// Classifier metrics for the propensity model: AUC (Mann-Whitney with ties = 1/2), gains and
// lift by decile, calibration by decile and risk bands; exact values and properties.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { classifierCalibration } from "../../src/models/propensity/classifier-calibration.js";
import { classifierGains } from "../../src/models/propensity/classifier-gains.js";
import { classifierRocAuc } from "../../src/models/propensity/classifier-roc-auc.js";
import { propensityBands } from "../../src/models/propensity/propensity-bands.js";

const labelled = fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }).map((k) => k / 20), fc.boolean()), { minLength: 2, maxLength: 80 })
  .filter((rows) => rows.some((r) => r[1]) && rows.some((r) => !r[1]));

describe("classifierRocAuc", () => {
  it("hand example with a tie: pairs (pos, neg) won 3.5 of 4 = 0.875", () => {
    // positives 0.4, 0.8; negatives 0.1, 0.4: 0.8 beats both, 0.4 beats 0.1 and ties 0.4 (1/2).
    expect(classifierRocAuc([0.1, 0.4, 0.4, 0.8], [0, 0, 1, 1])).toBe(0.875);
    expect(classifierRocAuc([0.5, 0.5, 0.5], [1, 0, 1])).toBe(0.5);
    expect(classifierRocAuc([3, 1, 2, 5, 4], [0, 0, 1, 1, 0])).toBeCloseTo(4 / 6, 15); // by counting pairs
  });

  it("properties: a perfect score gives 1, its reverse 0; AUC(-s) = 1 - AUC(s); matches pair counting", () => {
    fc.assert(fc.property(labelled, (rows) => {
      const s = rows.map((r) => r[0]), y = rows.map((r) => (r[1] ? 1 : 0));
      expect(classifierRocAuc(y.map((v) => v + 0.5), y)).toBe(1);
      expect(classifierRocAuc(y.map((v) => -v), y)).toBe(0);
      const auc = classifierRocAuc(s, y);
      expect(classifierRocAuc(s.map((v) => -v), y)).toBeCloseTo(1 - auc, 12);
      let won = 0, pairs = 0;
      for (let i = 0; i < s.length; i++) for (let j = 0; j < s.length; j++) {
        if (y[i] === 1 && y[j] === 0) { pairs++; won += s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0; }
      }
      expect(auc).toBeCloseTo(won / pairs, 12);
    }), { numRuns: 100 });
  });

  it("errors name the function and the value", () => {
    expect(() => classifierRocAuc([0.1, 0.2], [1, 1])).toThrow("classifierRocAuc: the labels have 2 positives and 0 negatives; the AUC needs both classes");
    expect(() => classifierRocAuc([0.1], [1, 0])).toThrow("classifierRocAuc: 1 scores but 2 labels");
    expect(() => classifierRocAuc([NaN, 1], [1, 0])).toThrow("classifierRocAuc: score NaN at row 0 is not a finite number");
  });
});

describe("classifierGains and classifierCalibration", () => {
  it("exact deciles on 20 customers", () => {
    const scores = Array.from({ length: 20 }, (_, i) => 1 - i / 20);
    const labels = scores.map((_, i) => (i < 4 || i === 10 ? 1 : 0)); // 5 positives, 4 in the top 20 %
    const g = classifierGains(scores, labels);
    expect(g.baseRate).toBe(0.25);
    expect(g.rows[0]).toMatchObject({ group: 1, customers: 2, positives: 2, rate: 1, lift: 4, cumulativeGain: 0.4 });
    expect(g.rows[1]!.cumulativeGain).toBe(0.8);
    expect(g.rows[5]!.cumulativeGain).toBe(1);
    expect(g.curve[0]).toEqual({ customerShare: 0, gain: 0 });
    const c = classifierCalibration([0.9, 0.8, 0.3, 0.1], [1, 0, 0, 0], 2);
    expect(c.rows[0]).toMatchObject({ bin: 1, customers: 2, meanPredicted: expect.closeTo(0.85, 12), observedRate: 0.5 });
    expect(c.brierScore).toBeCloseTo((0.01 + 0.64 + 0.09 + 0.01) / 4, 15);
  });

  it("properties: the gains curve starts at 0 and ends at 100 %, rises; top-decile lift >= 1 for a better-than-random score", () => {
    fc.assert(fc.property(labelled, (rows) => {
      const s = rows.map((r) => r[0]), y = rows.map((r) => (r[1] ? 1 : 0));
      const groups = Math.min(10, s.length);
      const g = classifierGains(s, y, groups);
      expect(g.curve[0]).toEqual({ customerShare: 0, gain: 0 });
      expect(g.curve.at(-1)!.gain).toBeCloseTo(1, 12);
      expect(g.curve.at(-1)!.customerShare).toBe(1);
      for (let k = 1; k < g.curve.length; k++) expect(g.curve[k]!.gain).toBeGreaterThanOrEqual(g.curve[k - 1]!.gain);
      // A score that puts every positive first (the labels themselves, plus a tiny tie-break) beats random.
      const perfect = classifierGains(y.map((v, i) => v + i * 1e-9), y, groups);
      expect(perfect.rows[0]!.lift).toBeGreaterThanOrEqual(1);
      const c = classifierCalibration(s, y, groups);
      expect(c.rows.reduce((t, r) => t + r.customers, 0)).toBe(s.length);
    }), { numRuns: 100 });
  });

  it("bands follow the documented thresholds", () => {
    expect(propensityBands([0, 0.49, 0.5, 0.79, 0.8, 1])).toEqual(["low", "low", "medium", "medium", "high", "high"]);
    expect(() => propensityBands([0.5], { medium: 0.9, high: 0.5 })).toThrow("propensityBands: thresholds medium 0.9, high 0.5");
  });
});
