// The check shared by BG/NBD and MBG/NBD: their fast predictions (per-x Chebyshev interpolants)
// must equal each model's direct formula, customer by customer.
import fc from "fast-check";
import { expect, it } from "vitest";
import type { CustomerHistory, PurchaseModel } from "../../src/models/fitting/model-types.js";

/** r, alpha, a, b of a beta-geometric purchase model. */
export type BetaGeometricParams = { r: number; alpha: number; a: number; b: number };
/** The direct (term by term) E[Y(t)] and P(alive) of one customer. */
export type DirectFormula = (p: BetaGeometricParams, x: number, tx: number, T: number, t: number) => { expected: number; alive: number };

const logUniform = (min: number, max: number) => fc.double({ min: Math.log(min), max: Math.log(max), noNaN: true }).map(Math.exp);
const wideParams = fc.record({
  r: logUniform(0.01, 10),
  alpha: logUniform(0.01, 100),
  a: logUniform(0.1, 5).filter((v) => Math.abs(v - 1) > 0.05),
  b: logUniform(0.1, 10),
});
// 470 customers: x = 0, 1, 2 in groups of 150 (interpolated, in two cells), 20 more with x up to 40 (exact);
// T spread over [Tlo, Thi] inside [0.01, 1000], t from 0.1 to 200.
const cohort = fc.record({ Tlo: logUniform(0.01, 1000), span: logUniform(1e-6, 1e5), t: logUniform(0.1, 200), seed: fc.integer({ min: 1, max: 2 ** 30 }) })
  .map(({ Tlo, span, t, seed }) => {
    const Thi = Math.min(1000, Tlo * (1 + span));
    let s = seed;
    const u = (): number => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 4294967296);
    const n = 470, frequency = new Float64Array(n), recency = new Float64Array(n), T = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const x = i < 450 ? i % 3 : Math.floor(u() * 41);
      T[i] = i % 150 === 0 ? Tlo : i % 150 === 1 ? Thi : Tlo + (Thi - Tlo) * u();
      frequency[i] = x;
      recency[i] = x === 0 ? 0 : u() * T[i]!;
    }
    return { customers: { frequency, recency, T }, t };
  });

/**
 * Declares the two tests: over wide parameters and T from 0.01 to 1000, E[Y(t)] within 1e-10
 * and P(alive) within 1e-12 relative of the direct formula; and on 100,000 simulated customers
 * (T 27-39 weeks) every 7th E[Y(39)] within 1e-12 relative.
 */
export function itMatchesDirectFormula(
  fromParams: (p: BetaGeometricParams) => PurchaseModel<BetaGeometricParams>,
  simulate: (p: BetaGeometricParams, n: number, T: ArrayLike<number>, seed: number) => CustomerHistory,
  direct: DirectFormula,
  simulated: BetaGeometricParams,
): void {
  it("E[Y(t)] within 1e-10 and P(alive) within 1e-12 relative, over wide parameters and T from 0.01 to 1000", () => {
    fc.assert(
      fc.property(wideParams, cohort, (p, { customers, t }) => {
        const m = fromParams(p);
        const got = m.conditionalExpectedPurchases(customers, t), alive = m.probabilityAlive(customers);
        for (let i = 0; i < customers.T.length; i++) {
          const want = direct(p, customers.frequency[i]!, customers.recency[i]!, customers.T[i]!, t);
          expect(Math.abs(got[i]! - want.expected)).toBeLessThanOrEqual(1e-10 * want.expected + 1e-300);
          expect(Math.abs(alive[i]! - want.alive)).toBeLessThanOrEqual(1e-12 * want.alive + 1e-300);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("on 100,000 simulated customers (T 27-39 weeks) every E[Y(39)] is within 1e-12 relative", () => {
    const sim = simulate(simulated, 100000, Float64Array.from({ length: 100000 }, (_, i) => 27 + (12 * ((i * 2654435761) % 4294967296)) / 4294967296), 42);
    const got = fromParams(simulated).conditionalExpectedPurchases(sim, 39);
    let worst = 0;
    for (let i = 0; i < 100000; i += 7) {
      const want = direct(simulated, sim.frequency[i]!, sim.recency[i]!, sim.T[i]!, 39).expected;
      worst = Math.max(worst, Math.abs(got[i]! / want - 1));
    }
    expect(worst).toBeLessThan(1e-12);
  });
}
