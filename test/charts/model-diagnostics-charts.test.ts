// Charts of the model diagnostics (FHL 2005 Figures 2-4): pure functions, result -> chart description (asserted here as the Plotly renderer draws it).
import { describe, expect, it } from "vitest";
import { modelCalibrationHoldoutChart as modelCalibrationHoldoutChartSpec } from "../../src/charts/models/model-calibration-holdout-chart.js";
import { modelFrequencyChart as modelFrequencyChartSpec } from "../../src/charts/models/model-frequency-chart.js";
import { modelTrackingChart as modelTrackingChartSpec } from "../../src/charts/models/model-tracking-chart.js";
import type { BarTrace, ScatterTrace } from "../../src/reports/html/plotly-figure.js";
import { bgNbdFromParams } from "../../src/models/purchase/bg-nbd.js";
import { calibrationHoldoutTable, frequencyHistogram, purchaseTracking } from "../../src/models/diagnostics/index.js";
import { plotted } from "../helpers/plotted.js";

const modelCalibrationHoldoutChart = plotted(modelCalibrationHoldoutChartSpec);
const modelFrequencyChart = plotted(modelFrequencyChartSpec);
const modelTrackingChart = plotted(modelTrackingChartSpec);

const model = bgNbdFromParams({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, "week");
const summary = {
  timeUnit: "week" as const,
  durationHoldout: 39,
  columns: { frequency: [0, 0, 1, 3], recency: [0, 0, 3, 5], T: [10, 6, 10, 8], frequency_holdout: [1, 0, 2, 4] },
};

describe("modelCalibrationHoldoutChart", () => {
  const table = calibrationHoldoutTable(model, summary, { maxFrequency: 3 });
  const fig = modelCalibrationHoldoutChart(table);
  it("draws actual and model means as lines over the frequency classes", () => {
    const [actual, expected] = fig.data as ScatterTrace[];
    expect(fig.data.map((d) => d.name)).toEqual(["Actual", "Model"]);
    expect(actual!.x).toEqual(["0", "1", "2", "3+"]);
    expect(actual!.y).toEqual([0.5, 2, NaN, 4]);
    expect(expected!.y).toEqual(table.rows.map((r) => r.expectedMean));
    expect(actual!.mode).toBe("lines+markers");
  });
  it("titles the axes with units, shows the legend, and is frozen", () => {
    expect(fig.layout.xaxis?.title?.text).toBe("Repeat purchases in the calibration period (count)");
    expect(fig.layout.yaxis?.title?.text).toBe("Purchases per customer (count, 39 weeks)");
    expect(fig.layout.xaxis?.type).toBe("category");
    expect(fig.layout.showlegend).toBe(true);
    expect(Object.isFrozen(fig) && Object.isFrozen(fig.data[0]) && Object.isFrozen((fig.data[0] as ScatterTrace).y)).toBe(true);
    expect(modelCalibrationHoldoutChart(table, { title: "T" }).layout.title?.text).toBe("T");
  });
});

describe("modelFrequencyChart", () => {
  it("draws grouped bars of actual and expected customers", () => {
    const h = frequencyHistogram(model, summary, { maxFrequency: 2 });
    const fig = modelFrequencyChart(h);
    const [actual, expected] = fig.data as BarTrace[];
    expect(actual!.type).toBe("bar");
    expect(actual!.x).toEqual(["0", "1", "2+"]);
    expect(actual!.y).toEqual([2, 1, 1]);
    expect(expected!.y).toEqual(h.rows.map((r) => r.expected));
    expect(fig.layout.yaxis?.title?.text).toBe("Customers (count)");
    expect(fig.layout.xaxis?.title?.text).toMatch(/\(count\)$/);
    expect(fig.layout.showlegend).toBe(true);
    expect(JSON.parse(JSON.stringify(fig)).data[1].name).toBe("Model");
  });
});

describe("modelTrackingChart", () => {
  const D0 = 9862; // 1997-01-01
  const tx = {
    length: 4,
    customerId: ["A", "A", "B", "B"],
    day: Int32Array.of(D0, D0 + 8, D0 + 3, D0 + 16),
    amount: Float64Array.of(1, 1, 1, 1),
    sourceLine: Int32Array.of(1, 2, 3, 4),
  };
  const tr = purchaseTracking(model, tx, { customerId: ["A", "B"], firstPurchaseDay: [D0, D0 + 3] }, { calibrationEnd: "1997-01-14", observationEnd: "1997-01-21" });
  it("draws weekly actual vs model lines and the calibration end", () => {
    const fig = modelTrackingChart(tr);
    const [actual, expected, end] = fig.data as ScatterTrace[];
    expect(actual!.x).toEqual([1, 2, 3]);
    expect(actual!.y).toEqual([0, 1, 1]);
    expect(expected!.y).toEqual(tr.expected);
    expect(end!.x).toEqual([2, 2]);
    expect(end!.name).toBe("End of calibration (1997-01-14)");
    expect(fig.layout.xaxis?.title?.text).toBe("Week since 1997-01-01 (weeks)");
    expect(fig.layout.yaxis?.title?.text).toBe("Repeat purchases (count per week)");
  });
  it("draws the running totals when cumulative", () => {
    const fig = modelTrackingChart(tr, { cumulative: true });
    const [actual, expected, end] = fig.data as ScatterTrace[];
    expect(actual!.y).toEqual([0, 1, 2]);
    expect(expected!.y).toEqual(tr.expectedCumulative);
    expect(end!.y[1]).toBe(Math.max(2, ...tr.expectedCumulative));
    expect(fig.layout.yaxis?.title?.text).toBe("Cumulative repeat purchases (count)");
    expect(Object.isFrozen(fig.layout)).toBe(true);
  });
});
