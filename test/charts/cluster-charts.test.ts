import { describe, expect, it } from "vitest";
import { clusterKChoiceChart as clusterKChoiceChartSpec } from "../../src/charts/segments/cluster-k-choice-chart.js";
import { clusterSizeChart as clusterSizeChartSpec } from "../../src/charts/segments/cluster-size-chart.js";
import type { BarTrace, ScatterTrace } from "../../src/reports/html/plotly-figure.js";
import { plotted } from "../helpers/plotted.js";

const clusterKChoiceChart = plotted(clusterKChoiceChartSpec);
const clusterSizeChart = plotted(clusterSizeChartSpec);

describe("cluster charts", () => {
  it("clusterSizeChart: customers and spend shares side by side", () => {
    const f = clusterSizeChart([{ name: "Lapsed one-timers", share: 0.6, valueShare: 0.2 }, { name: "Big spenders", share: 0.4, valueShare: 0.8 }]);
    const [a, b] = f.data as BarTrace[];
    expect(a!.x).toEqual(["Lapsed one-timers", "Big spenders"]);
    expect(a!.y).toEqual([0.6, 0.4]);
    expect(b!.y).toEqual([0.2, 0.8]);
    expect(b!.text).toEqual(["20.0 %", "80.0 %"]);
    expect(f.layout.showlegend).toBe(true);
    expect(f.layout.yaxis?.tickformat).toBe(".0%");
    expect(Object.isFrozen(f.data)).toBe(true);
    expect(() => clusterSizeChart([{ name: "x", share: NaN, valueShare: 0 }])).toThrow('clusterSizeChart: shares NaN, 0 of cluster "x" are not finite');
  });
  it("clusterKChoiceChart: silhouette from k = 2, elbow curve from k = 1, chosen k marked", () => {
    const rows = [{ k: 1, withinShare: 1, silhouette: null }, { k: 2, withinShare: 0.5, silhouette: 0.4 }, { k: 3, withinShare: 0.2, silhouette: 0.7 }];
    const f = clusterKChoiceChart(rows, { chosenK: 3, elbowK: 3 });
    const [sil, within, chosen] = f.data as ScatterTrace[];
    expect(sil!.x).toEqual([2, 3]);
    expect(within!.y).toEqual([1, 0.5, 0.2]);
    expect(within!.name).toBe("Spread left within clusters (elbow at k = 3)");
    expect(chosen!.x).toEqual([3]);
    expect(chosen!.y).toEqual([0.7]);
    expect(() => clusterKChoiceChart(rows, { chosenK: 1 })).toThrow("clusterKChoiceChart: chosenK 1 is not a k with a silhouette in the rows");
  });
});
