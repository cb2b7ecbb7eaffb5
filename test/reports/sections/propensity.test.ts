// The propensity report section from a plain result record (no live model objects).
import { describe, expect, it } from "vitest";
import { classifierCalibration } from "../../../src/models/propensity/classifier-calibration.js";
import { classifierGains } from "../../../src/models/propensity/classifier-gains.js";
import type { PropensityResult } from "../../../src/models/propensity/propensity-types.js";
import { propensitySection } from "../../../src/reports/sections/propensity.js";

const p = Array.from({ length: 20 }, (_, i) => 1 - i / 20);
const y = p.map((_, i) => (i < 12 ? 1 : 0));
const term = (t: string, estimate: number, pValue: number) => ({ term: t, estimate, standardError: 0.1, z: estimate / 0.1, pValue, oddsRatio: Math.exp(estimate), oddsRatioLower95: 1, oddsRatioUpper95: 2, standardizedEstimate: t === "(intercept)" ? null : estimate });
const result: PropensityResult = {
  target: "churn", windowDays: 90, l2: 0, thresholds: { medium: 0.5, high: 0.8 },
  dates: { trainCut: "2025-07-04", testCut: "2025-10-02", scoreCut: "2025-12-31" },
  featureNames: ["complaints", "orders"],
  coefficients: [term("(intercept)", 0.5, 0.01), term("complaints", 0.78, 0.00003), term("orders", -0.1, 0.001)],
  evaluation: {
    trainCustomers: 20, testCustomers: 20, trainRate: 0.6, testRate: 0.6,
    auc: { model: 0.78, modelTraining: 0.79, probabilityAlive: 0.62, probabilityPurchase: 0.8, recency: 0.77 },
    gains: classifierGains(p, y), calibration: classifierCalibration(p, y),
    bands: [{ band: "low", customers: 5, meanScore: 0.3, observedRate: 0.2 }, { band: "medium", customers: 5, meanScore: 0.6, observedRate: 0.6 }, { band: "high", customers: 10, meanScore: 0.9, observedRate: 0.9 }],
  },
  scores: {
    customerId: ["C1", "C2", "C3", "C4", "C5"], score: Float64Array.of(0.9, 0.85, 0.2, 0.6, 0.95), band: ["high", "high", "low", "medium", "high"],
    probabilityAlive: Float64Array.of(0.3, NaN, 0.9, 0.5, 0.1), totalSpend: Float64Array.of(1000, 50, 800, 20, 10), orders: Float64Array.of(5, 1, 4, 2, 1), netContribution: Float64Array.of(100, 5, 80, 2, 1),
    daysSinceLastPurchase: Float64Array.of(200, 150, 10, 60, 300), complaints: Float64Array.of(2, 0, 0, 0, 1), lateDeliveries: Float64Array.of(1, 0, 0, 0, 0),
  },
  notes: [],
};

describe("propensitySection", () => {
  it("builds the section: id, KPIs, at-risk valuable customers, four charts, narrative with the measured numbers", () => {
    const s = propensitySection(result, { currency: "EUR" });
    expect(s.id).toBe("propensity");
    expect(s.kpis[0]!.value).toBe(0.78);
    expect(s.charts.map((c) => c.title)).toEqual(["Cumulative gains", "Lift by decile", "Calibration", "AUC side by side"]);
    const atRisk = s.tables[2]!.rows;
    expect(atRisk.map((r) => r.customer_id)).toEqual(["C1"]); // top 20 % by spend = 1 customer, high band
    expect(s.narrative.join(" ")).toContain("AUC of 0.780");
    expect(s.narrative.join(" ")).toContain("Factors that significantly raise the odds of no purchase (5 % level): complaints.");
    expect(s.narrative.join(" ")).toContain("BG/NBD's probability of a purchase in the window");
    expect(Object.isFrozen(s)).toBe(true);
    expect(JSON.parse(JSON.stringify(s)).id).toBe("propensity");
  });

  it("says what its share of high scores measures: high churn risk, or likely to buy again", () => {
    const churn = propensitySection(result).kpis.at(-1)!;
    expect(churn.label).toBe("High churn risk");
    expect(churn.note).toMatch(/^of customers scored on \d{4}-\d{2}-\d{2} are in the high band \(score >= 80 %\)$/);
    expect(propensitySection({ ...result, target: "purchase" }).kpis.at(-1)!.label).toBe("Likely to buy again");
  });

  it("rejects per-customer columns of unequal length", () => {
    const bad = { ...result, scores: { ...result.scores, score: Float64Array.of(0.5) } };
    expect(() => propensitySection(bad)).toThrow("propensitySection: column score has 1 rows, expected 5");
  });
});
