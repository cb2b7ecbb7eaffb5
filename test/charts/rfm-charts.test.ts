import { describe, expect, it } from "vitest";
import { migrationHeatmap as migrationHeatmapSpec } from "../../src/charts/segments/migration-heatmap.js";
import { rfmGridHeatmap as rfmGridHeatmapSpec } from "../../src/charts/segments/rfm-grid-heatmap.js";
import { rfmSegmentChart as rfmSegmentChartSpec } from "../../src/charts/segments/rfm-segment-chart.js";
import { migrationMatrix } from "../../src/segments/rfm/index.js";
import { plotted } from "../helpers/plotted.js";

const migrationHeatmap = plotted(migrationHeatmapSpec);
const rfmGridHeatmap = plotted(rfmGridHeatmapSpec);
const rfmSegmentChart = plotted(rfmSegmentChartSpec);

describe("RFM and migration charts", () => {
  it("segment chart: shares in percent, two traces", () => {
    const f = rfmSegmentChart([{ segment: "Champions", share: 0.1, revenueShare: 0.3 }, { segment: "Lost", share: 0.9, revenueShare: 0.7 }]);
    expect(f.data.map((t) => t.name)).toEqual(["Customers", "Revenue"]);
    expect(f.data[1]!.y).toEqual([30, 70]);
    expect(Object.isFrozen(f)).toBe(true);
  });
  it("R x F heatmap: z[f - 1][r - 1], counts and mean spend", () => {
    const f = rfmGridHeatmap([5, 5, 1], [5, 5, 2], { spend: [100, 300, 10], measure: "meanSpend" });
    const t = f.data[0]!;
    expect(t.type).toBe("heatmap");
    if (t.type !== "heatmap") return;
    expect(t.z[4]![4]).toBe(200);
    expect(t.z[1]![0]).toBe(10);
    expect(t.z[0]![0]).toBeNull();
    const counts = rfmGridHeatmap([5, 5, 1], [5, 5, 2]).data[0]!;
    if (counts.type === "heatmap") expect(counts.z[4]![4]).toBe(2);
    expect(() => rfmGridHeatmap([6], [1])).toThrow("rfmGridHeatmap: R score 6 of row 0 is not within 1..5");
  });
  it("migration heatmap: best segment on top, row shares in percent", () => {
    const m = migrationMatrix(
      { customer_id: ["a", "b"], segment: ["Lost", "Lost"] },
      { customer_id: ["a", "b", "c"], segment: ["Champions", "Lost", "Lost"] },
      { order: ["Champions", "Lost"] },
    );
    const t = migrationHeatmap(m).data[0]!;
    if (t.type !== "heatmap") throw new Error("not a heatmap");
    expect(t.y).toEqual(["new", "Lost", "Champions"]);
    expect(t.z).toEqual([[null, 100], [50, 50], [null, null]]);
  });
});
