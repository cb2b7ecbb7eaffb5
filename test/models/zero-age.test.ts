// Customers whose first purchase falls on the calibration end have T = 0: they tell a model
// nothing yet, so they must neither break a fit nor move it.
import { describe, expect, it } from "vitest";
import { fitBgNbd } from "../../src/models/purchase/bg-nbd.js";
import { fitMbgNbd } from "../../src/models/purchase/mbg-nbd.js";
import { fitParetoNbd } from "../../src/models/purchase/pareto-nbd.js";
import { simulateBgNbd } from "../../src/models/purchase/bg-nbd.js";

describe("customers with T = 0", () => {
  const sim = simulateBgNbd({ r: 0.5, alpha: 6, a: 0.8, b: 2.5 }, 2000, 40, 12);
  const withNew = {
    frequency: Float64Array.from([...sim.frequency, 0, 0, 0]),
    recency: Float64Array.from([...sim.recency, 0, 0, 0]),
    T: Float64Array.from([...sim.T, 0, 0, 0]),
  };
  for (const [name, fit] of [["bg-nbd", fitBgNbd], ["pareto-nbd", fitParetoNbd], ["mbg-nbd", fitMbgNbd]] as const) {
    it(`${name}: add nothing to the log-likelihood and leave the estimates as they are`, () => {
      const a = fit(sim), b = fit(withNew);
      expect(b.logLikelihood).toBeCloseTo(a.logLikelihood, 8);
      for (const k of a.parameterNames) expect(Math.abs(b.params[k]! / a.params[k]! - 1)).toBeLessThan(1e-5); // other start, same optimum
      expect(b.nCustomers).toBe(a.nCustomers + 3);
      const p = b.probabilityAlive({ frequency: [0], recency: [0], T: [0] })[0]!;
      expect(p).toBeGreaterThan(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(b.conditionalExpectedPurchases({ frequency: [0], recency: [0], T: [0] }, 10)[0]).toBeCloseTo(b.expectedPurchases(10), 10);
    });
  }
});
