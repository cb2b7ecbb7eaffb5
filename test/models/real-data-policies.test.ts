// Real-data policies of the models: zero-value spend in the spend model, too few repeat
// customers, and a likelihood whose maximum lies at the edge of the parameter space.
import { describe, expect, it } from "vitest";
import { AnalysisNotPossibleError } from "../../src/math/analysis-not-possible-error.js";
import { fitBgNbd } from "../../src/models/purchase/bg-nbd.js";
import { fitGammaGamma } from "../../src/models/spend/gamma-gamma.js";
import { fitSpendModel, MIN_SPEND_CUSTOMERS } from "../../src/models/spend/fit-spend-model.js";
import { drawParameters } from "../../src/models/fitting/parameter-draws.js";
import { requireRepeatCustomers } from "../../src/models/fitting/require-repeat-customers.js";
import { createRng } from "../../src/math/random/rng.js";
import { readCdnowSummary } from "../helpers/reference-summary.js";
import { HAS_SHARED_DATA } from "../helpers/shared-data.js";

describe.skipIf(!HAS_SHARED_DATA)("fitSpendModel on CDNOW with zero-value repeat spend", () => {
  const cdnow = readCdnowSummary();
  it("equals the plain Gamma-Gamma fit when every repeat spend is positive (published 6.25, 3.74, 15.44)", () => {
    const s = fitSpendModel({ frequency: cdnow.frequency, monetaryValue: cdnow.monetary });
    expect(s.excluded).toBe(0);
    expect(s.note).toBeNull();
    expect(s.model.params).toEqual(fitGammaGamma({ frequency: cdnow.frequency, monetaryValue: cdnow.monetary }).params);
    expect(s.model.params.p).toBeCloseTo(6.25, 2);
  });
  it("leaves out repeat customers with mean spend <= 0, counts them, and values them at the population mean", () => {
    const monetary = Float64Array.from(cdnow.monetary);
    const repeat = [...cdnow.frequency.keys()].filter((i) => cdnow.frequency[i]! > 0);
    const bad = repeat.slice(0, 3);
    monetary[bad[0]!] = 0; monetary[bad[1]!] = -12.5; monetary[bad[2]!] = NaN;
    expect(() => fitGammaGamma({ frequency: cdnow.frequency, monetaryValue: monetary })).toThrow(/must be > 0 when frequency is/);
    const s = fitSpendModel({ frequency: cdnow.frequency, monetaryValue: monetary });
    expect(s.excluded).toBe(3);
    expect(s.model.nCustomers).toBe(946 - 3);
    const mean = s.model.expectedAverageSpend();
    for (const i of bad) expect(s.monetaryValue[i]).toBe(mean);
    // their expected spend is the population mean exactly; the others keep their own values
    const e = s.model.conditionalExpectedAverageSpend({ frequency: cdnow.frequency, monetaryValue: s.monetaryValue });
    for (const i of bad) expect(e[i]).toBeCloseTo(mean, 9);
    expect(s.monetaryValue[repeat[5]!]).toBe(cdnow.monetary[repeat[5]!]);
    expect(s.note).toContain("3 repeat customers with a mean repeat spend of 0 or less");
  });
});

describe("too little data is an analysis that cannot be done, with what is missing", () => {
  it("fewer than 20 repeat customers", () => {
    expect(() => requireRepeatCustomers([0, 0, 1, 2], "bg-nbd")).toThrow(AnalysisNotPossibleError);
    expect(() => requireRepeatCustomers([0, 0, 1, 2], "bg-nbd")).toThrow(
      "bg-nbd: only 2 of 4 customers bought more than once; at least 20 repeat customers are needed to fit the model (use a longer history or more customers)",
    );
    expect(requireRepeatCustomers(Array.from({ length: 20 }, () => 1), "bg-nbd")).toBe(20);
    expect(requireRepeatCustomers([1, 0], "bg-nbd", [20, 5])).toBe(20); // weights count
  });
  it(`fewer than ${MIN_SPEND_CUSTOMERS} repeat customers with a positive spend`, () => {
    expect(() => fitSpendModel({ frequency: [1, 2, 0], monetaryValue: [5, 0, 0] })).toThrow(AnalysisNotPossibleError);
  });
});

describe("a maximum at the edge of the parameter space is a result (the model's limit)", () => {
  // Customers who never drop out, with gamma-distributed Poisson rates: NBD data. BG/NBD's
  // likelihood is then highest as a -> 0 (no dropout), a limit, not a failure.
  const rng = createRng(20261203);
  const n = 2000, T = 52;
  const frequency = new Float64Array(n), recency = new Float64Array(n), Tcol = new Float64Array(n).fill(T);
  for (let i = 0; i < n; i++) {
    const rate = rng.gamma(2, 1 / 10); // purchases per week, mean 0.2
    let t = 0, x = -1, last = 0;
    while (t <= T) { x++; last = t; t += rng.exponential(rate); }
    frequency[i] = x; recency[i] = x > 0 ? last : 0;
  }
  const model = fitBgNbd({ frequency, recency, T: Tcol });
  it("returns a model whose edge parameters have no interval and whose other parameters are recovered", () => {
    const rows = model.summary();
    const edge = rows.filter((r) => Number.isNaN(r.standardError)).map((r) => r.parameter);
    expect(edge.length).toBeGreaterThan(0);
    expect(edge.every((p) => p === "a" || p === "b")).toBe(true);
    expect(model.params.a / (model.params.a + model.params.b)).toBeLessThan(1e-3); // dropout chance ~ 0
    // r and alpha of the NBD limit: the gamma of the rates (shape 2, rate 10), within 20 %
    expect(model.params.r).toBeGreaterThan(1.6); expect(model.params.r).toBeLessThan(2.4);
    expect(model.params.alpha).toBeGreaterThan(8); expect(model.params.alpha).toBeLessThan(12);
    const alive = model.probabilityAlive({ frequency, recency, T: Tcol });
    expect(Math.min(...alive)).toBeGreaterThan(0.99);
  });
  it("the bootstrap keeps the edge parameters fixed and draws the others", () => {
    const draws = drawParameters(model, 50, 7);
    expect(draws.every((d) => d.a === model.params.a && d.b === model.params.b)).toBe(true);
    expect(new Set(draws.map((d) => d.r)).size).toBeGreaterThan(40);
  });
});
