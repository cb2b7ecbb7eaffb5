import { describe, expect, it } from "vitest";
import { cohortRetentionHeatmap as cohortRetentionHeatmapSpec } from "../../src/charts/insights/cohort-retention-heatmap.js";
import { retentionSbgChart as retentionSbgChartSpec } from "../../src/charts/insights/retention-sbg-chart.js";
import { retentionSurvivalChart as retentionSurvivalChartSpec } from "../../src/charts/insights/retention-survival-chart.js";
import { retentionWhatIfChart as retentionWhatIfChartSpec } from "../../src/charts/insights/retention-what-if-chart.js";
import { loadTransactionsText } from "../../src/data/load/load-transactions.js";
import { cohortMatrix } from "../../src/insights/cohorts/cohort-matrix.js";
import { retentionWhatIf } from "../../src/insights/cohorts/retention-what-if.js";
import { survivalCurve } from "../../src/insights/cohorts/survival-curve.js";
import { retentionProjection } from "../../src/insights/cohorts/retention-projection.js";
import { plotted } from "../helpers/plotted.js";

const cohortRetentionHeatmap = plotted(cohortRetentionHeatmapSpec);
const retentionSbgChart = plotted(retentionSbgChartSpec);
const retentionSurvivalChart = plotted(retentionSurvivalChartSpec);
const retentionWhatIfChart = plotted(retentionWhatIfChartSpec);

const T = loadTransactionsText(["customer_id,date,amount", "A,2024-01-05,10", "B,2024-01-20,30", "A,2024-02-10,20", "C,2024-02-02,40", "C,2024-03-15,10", "B,2024-04-01,5"].join("\n")).transactions;
const m = cohortMatrix(T, { observationEnd: "2024-04-30" });

describe("cohort charts", () => {
  it("heatmap: the triangle with blanks, age 0 left out of retention", () => {
    const f = cohortRetentionHeatmap(m);
    const d = f.data[0]!;
    expect(d.type).toBe("heatmap");
    expect(d.x).toEqual([1, 2, 3]);
    expect(d.y).toEqual(["2024-02 (1)", "2024-01 (2)"]);
    expect(d.type === "heatmap" && d.z).toEqual([[100, 0, null], [50, 0, 50]]);
    expect(cohortRetentionHeatmap(m, { measure: "active" }).data[0]!.x).toEqual([0, 1, 2, 3]);
    expect(() => cohortRetentionHeatmap(m, { measure: "x" as "active" })).toThrow('cohortRetentionHeatmap: measure "x"');
  });

  it("survival, sBG and what-if charts", () => {
    const s = survivalCurve(m, m, { lookaheadPeriods: 1, minCohorts: 1 });
    expect(retentionSurvivalChart([s]).data[0]!.y).toEqual(s.survival.map((x) => Math.round(1000 * x) / 10));
    const sim = { ...s, survivors: [1000, 631, 468, 382, 326, 289, 262, 241], survival: [1, 0.631, 0.468, 0.382, 0.326, 0.289, 0.262, 0.241], retention: [1, 0.631, 0.742, 0.816, 0.853, 0.887, 0.907, 0.92] };
    const p = retentionProjection(sim, { horizonPeriods: 12 });
    expect(p.params.alpha).toBeCloseTo(0.704, 2); // Fader & Hardie 2007, regular customers
    expect(p.params.beta).toBeCloseTo(1.182, 2);
    const f = retentionSbgChart(p, { period: "year" });
    expect(f.data.map((d) => d.name)).toEqual(["Actual", "sBG fitted and projected"]);
    const w = retentionWhatIf({ params: p.params, marginFirstPeriod: 10, marginPerActivePeriod: 5, discountRatePerPeriod: 0.1, horizonPeriods: 10, periodsPerYear: 1 });
    const c = retentionWhatIfChart(w, { period: "year" });
    expect(c.data).toHaveLength(4);
    expect(c.data[3]!.y).toEqual([25]);
  });
});
