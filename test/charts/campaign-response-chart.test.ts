import { describe, expect, it } from "vitest";
import { campaignResponseChart as campaignResponseChartSpec } from "../../src/charts/insights/campaign-response-chart.js";
import { serviceRetentionChart as serviceRetentionChartSpec } from "../../src/charts/insights/service-retention-chart.js";
import { plotted } from "../helpers/plotted.js";

const campaignResponseChart = plotted(campaignResponseChartSpec);
const serviceRetentionChart = plotted(serviceRetentionChartSpec);

describe("campaignResponseChart and serviceRetentionChart", () => {
  it("draws the rate and both interval ends; frozen; JSON-serialisable", () => {
    const f = campaignResponseChart([{ label: "Treatment", rate: 0.08, lower: 0.068, upper: 0.094 }, { label: "Control", rate: 0.05, lower: 0.04, upper: 0.062 }]);
    expect(f.data.map((t) => t.name)).toEqual(["Response rate", "95 % interval, low", "95 % interval, high"]);
    expect(f.data[1]!.y).toEqual([0.068, 0.04]);
    expect(Object.isFrozen(f.data)).toBe(true);
    expect(JSON.parse(JSON.stringify(f)).layout.yaxis.tickformat).toBe(".0%");
    expect(() => campaignResponseChart([{ label: "T", rate: 0.1, lower: 0.2, upper: 0.3 }])).toThrow('campaignResponseChart: bar "T" has rate 0.1 with interval [0.2, 0.3]');
  });
  it("retention with and without, per problem", () => {
    const f = serviceRetentionChart([{ label: "Complaint", withProblem: 0.28, comparableWithout: 0.44 }], { windowDays: 180 });
    expect(f.data.map((t) => t.y[0])).toEqual([0.44, 0.28]);
    expect(f.layout.yaxis?.title?.text).toBe("Bought again within 180 days (share of customers)");
    expect(() => serviceRetentionChart([{ label: "X", withProblem: 1.2, comparableWithout: 0 }])).toThrow('serviceRetentionChart: share 1.2 of "X" is not in [0, 1]');
  });
});
