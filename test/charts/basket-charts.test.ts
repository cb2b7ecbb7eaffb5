import { describe, expect, it } from "vitest";
import { basketLiftSupportChart as basketLiftSupportChartSpec } from "../../src/charts/insights/basket-lift-support-chart.js";
import { basketRulesChart as basketRulesChartSpec } from "../../src/charts/insights/basket-rules-chart.js";
import { plotted } from "../helpers/plotted.js";

const basketLiftSupportChart = plotted(basketLiftSupportChartSpec);
const basketRulesChart = plotted(basketRulesChartSpec);

describe("basket charts", () => {
  it("basketRulesChart: one bar per rule, labelled, coloured by lift above 1", () => {
    const f = basketRulesChart([
      { antecedent: ["bread"], consequent: ["butter"], lift: 2.3, confidence: 0.6 },
      { antecedent: ["a", "b"], consequent: ["c"], lift: 0.8, confidence: 0.1 },
    ]);
    const bar = f.data[0]!;
    expect(bar.type).toBe("bar");
    expect(bar.x).toEqual(["bread → butter", "a + b → c"]);
    expect(bar.type === "bar" && bar.text).toEqual(["×2.30 (60 %)", "×0.80 (10 %)"]);
    expect(f.layout.yaxis?.title?.text).toBe("Lift (times the average rate)");
    expect(Object.isFrozen(f)).toBe(true);
    expect(() => basketRulesChart([{ antecedent: ["a"], consequent: ["b"], lift: NaN, confidence: 1 }])).toThrow("basketRulesChart: rule a → b has lift NaN");
  });

  it("basketLiftSupportChart: rules as markers, a line at lift 1, log support axis", () => {
    const f = basketLiftSupportChart([{ support: 0.02, lift: 1.4 }, { support: 0.1, lift: 0.9 }]);
    expect(f.data.map((t) => t.y)).toEqual([[1.4, 0.9], [1, 1]]);
    expect(f.data[1]!.x).toEqual([0.02, 0.1]);
    expect(f.layout.xaxis?.type).toBe("log");
    expect(() => basketLiftSupportChart([{ support: 0, lift: 1 }])).toThrow("basketLiftSupportChart: support 0 must be in (0, 1]");
  });
});
