import { describe, expect, it } from "vitest";
import { bgBbFromParams } from "../../src/models/retention/bg-bb.js";
import { bgNbdFromParams } from "../../src/models/purchase/bg-nbd.js";
import { gammaGammaFromParams } from "../../src/models/spend/gamma-gamma.js";
import { mbgNbdFromParams } from "../../src/models/purchase/mbg-nbd.js";
import { modelFromJson } from "../../src/models/model-from-json.js";
import { paretoNbdFromParams } from "../../src/models/purchase/pareto-nbd.js";
import { sbgFromParams } from "../../src/models/retention/sbg.js";

describe("modelFromJson", () => {
  it("brings every model back from its JSON text", () => {
    const models = [
      bgNbdFromParams({ r: 0.24, alpha: 4.4, a: 0.79, b: 2.4 }, "week"),
      paretoNbdFromParams({ r: 0.55, alpha: 10.6, s: 0.61, beta: 11.7 }),
      mbgNbdFromParams({ r: 0.52, alpha: 6.2, a: 0.89, b: 1.6 }),
      gammaGammaFromParams({ p: 6.25, q: 3.74, gamma: 15.44 }),
      bgBbFromParams({ alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.78 }),
      sbgFromParams({ alpha: 0.7, beta: 1.18 }),
    ];
    for (const m of models) {
      const back = modelFromJson(JSON.parse(JSON.stringify(m)));
      expect(back.model).toBe(m.model);
      expect(back.params).toEqual(m.params);
      expect(back.timeUnit).toBe(m.timeUnit);
    }
  });

  it("names what it cannot read", () => {
    expect(() => modelFromJson({ model: "rfm" })).toThrow('modelFromJson: "model" "rfm" is not one of bg-nbd, pareto-nbd, mbg-nbd, gamma-gamma, bg-bb, sbg');
    expect(() => modelFromJson(null)).toThrow(TypeError);
  });
});
