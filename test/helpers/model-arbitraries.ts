// fast-check generators shared by the purchase-model property tests.
import fc from "fast-check";

/** r, alpha, a, b of BG/NBD and MBG/NBD, with a kept away from 1 (where their expectations are undefined). */
export const betaGeometricParamsArb = fc.record({
  r: fc.double({ min: 0.05, max: 5, noNaN: true }),
  alpha: fc.double({ min: 0.5, max: 50, noNaN: true }),
  a: fc.double({ min: 0.1, max: 5, noNaN: true }).filter((v) => Math.abs(v - 1) > 0.05),
  b: fc.double({ min: 0.1, max: 10, noNaN: true }),
});

/** One customer's history: x repeat purchases (0..maxX), T in [1, 100], t_x a share of T (0 when x = 0). */
export const historyArb = (maxX: number) =>
  fc
    .record({ x: fc.integer({ min: 0, max: maxX }), T: fc.double({ min: 1, max: 100, noNaN: true }), share: fc.double({ min: 0, max: 1, noNaN: true }) })
    .map(({ x, T, share }) => ({ x, T, tx: x === 0 ? 0 : share * T }));
