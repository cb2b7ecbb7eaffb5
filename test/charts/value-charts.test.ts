import { describe, expect, it } from "vitest";
import { valueByGroupChart as valueByGroupChartSpec } from "../../src/charts/value/value-by-group-chart.js";
import { valueWhaleCurveChart as valueWhaleCurveChartSpec } from "../../src/charts/value/value-whale-curve-chart.js";
import { valueByGroup, whaleCurve } from "../../src/value/index.js";
import { HAND_TRANSACTIONS } from "../value/hand-table.js";
import { plotted } from "../helpers/plotted.js";

const valueByGroupChart = plotted(valueByGroupChartSpec);
const valueWhaleCurveChart = plotted(valueWhaleCurveChartSpec);

describe("value charts", () => {
  it("whale curve: percent axes, 100 % line, the peak marked", () => {
    const f = valueWhaleCurveChart(whaleCurve(["a", "b", "c"], [80, 40, -20]));
    expect(f.data.map((d) => d.name)).toEqual(["Cumulative profit", "100 % of profit", "Peak"]);
    expect(f.data[0]!.y).toEqual([0, 80, 120, 100]);
    expect(f.data[2]!.x).toEqual([66.667]);
    expect(f.layout.showlegend).toBe(true);
    expect(Object.isFrozen(f.data)).toBe(true);
  });

  it("value by group: four bar series per group", () => {
    const f = valueByGroupChart(valueByGroup(HAND_TRANSACTIONS, "channel"), { currency: "USD" });
    expect(f.data.map((d) => d.name)).toEqual(["Lifetime sales", "Gross margin", "Cost to serve", "Net contribution"]);
    expect(f.data[0]!.x).toEqual(["web", "store"]); // default costs, no events: web is worth more
    expect(f.layout.yaxis?.title?.text).toBe("Value (USD)");
  });
});
