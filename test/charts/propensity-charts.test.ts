// Propensity charts: pure descriptions from plain gains / calibration / AUC results (asserted here as the Plotly renderer draws them).
import { describe, expect, it } from "vitest";
import { propensityAucChart as propensityAucChartSpec } from "../../src/charts/models/propensity-auc-chart.js";
import { propensityCalibrationChart as propensityCalibrationChartSpec } from "../../src/charts/models/propensity-calibration-chart.js";
import { propensityGainsChart as propensityGainsChartSpec } from "../../src/charts/models/propensity-gains-chart.js";
import { propensityLiftChart as propensityLiftChartSpec } from "../../src/charts/models/propensity-lift-chart.js";
import { classifierCalibration } from "../../src/models/propensity/classifier-calibration.js";
import { classifierGains } from "../../src/models/propensity/classifier-gains.js";
import { plotted } from "../helpers/plotted.js";

const propensityAucChart = plotted(propensityAucChartSpec);
const propensityCalibrationChart = plotted(propensityCalibrationChartSpec);
const propensityGainsChart = plotted(propensityGainsChartSpec);
const propensityLiftChart = plotted(propensityLiftChartSpec);

const scores = Array.from({ length: 20 }, (_, i) => 1 - i / 20);
const labels = scores.map((_, i) => (i % 3 === 0 ? 1 : 0));

describe("propensity charts", () => {
  it("gains: model curve from 0 to 100 % and the random diagonal", () => {
    const fig = propensityGainsChart(classifierGains(scores, labels), { event: "churners" });
    expect(fig.data).toHaveLength(2);
    expect(fig.data[0]!.y[0]).toBe(0);
    expect(fig.data[0]!.y.at(-1)).toBeCloseTo(100, 12);
    expect(fig.layout.yaxis?.title?.text).toBe("Share of all churners found (%)");
    expect(Object.isFrozen(fig)).toBe(true);
  });

  it("lift: one bar per decile; calibration: points and the diagonal; AUC: nulls left out", () => {
    expect(propensityLiftChart(classifierGains(scores, labels)).data[0]!.x).toHaveLength(10);
    const cal = propensityCalibrationChart(classifierCalibration(scores, labels));
    expect(cal.data[1]!.name).toBe("perfect calibration");
    expect(cal.data[0]!.x[0]).toBeCloseTo(97.5, 12);
    const auc = propensityAucChart([{ label: "model", auc: 0.78 }, { label: "P(alive)", auc: null }]);
    expect(auc.data[0]!.y).toEqual([0.78]);
    expect(() => propensityAucChart([{ label: "bad", auc: 1.2 }])).toThrow('propensityAucChart: AUC 1.2 of "bad" is outside [0, 1]');
  });
});
