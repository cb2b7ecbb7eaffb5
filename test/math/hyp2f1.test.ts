// ₂F₁ against closed forms (A&S 15.1.3-15.1.8) and mpmath (30 digits), over the whole range the
// Pareto/NBD fit visits: z up to 1 − 1e-15, large x, s a whole number (the log case).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hyp2f1 } from "../../src/math/special/hyp2f1.js";
import { hyp2f1LnShifted } from "../../src/math/special/hyp2f1-ln-shifted.js";

const rel = (got: number, want: number): number => Math.abs(got / want - 1);

describe("hyp2f1: closed forms", () => {
  const zs = [-50, -0.999, -0.3, 0, 1e-8, 0.3, 0.5, 0.9, 0.95, 0.999, 0.999999, 1 - 1e-12];
  it("₂F₁(1, 1; 2; z) = −ln(1−z)/z (A&S 15.1.3)", () => {
    for (const z of zs) {
      const want = z === 0 ? 1 : -Math.log1p(-z) / z;
      expect(rel(hyp2f1(1, 1, 2, z), want)).toBeLessThan(1e-14);
    }
  });
  it("₂F₁(a, b; b; z) = (1−z)^−a (A&S 15.1.8)", () => {
    for (const z of zs) for (const a of [0.3, 1.7, 12]) expect(rel(hyp2f1(a, 2.5, 2.5, z), Math.pow(1 - z, -a))).toBeLessThan(1e-13);
  });
  it("₂F₁(1/2, 1/2; 3/2; z²) = asin(z)/z and ₂F₁(1/2, 1; 3/2; −z²) = atan(z)/z (A&S 15.1.4, 15.1.5)", () => {
    for (const z of [0.1, 0.5, 0.9, 0.999, 0.999999]) {
      expect(rel(hyp2f1(0.5, 0.5, 1.5, z * z), Math.asin(z) / z)).toBeLessThan(1e-13);
      expect(rel(hyp2f1(0.5, 1, 1.5, -z * z), Math.atan(z) / z)).toBeLessThan(1e-13);
    }
  });
  it("general parameters near z = 1 and for negative z match mpmath", () => {
    const cases: [number, number, number, number, number][] = [
      [0.5534, 2.4, 2.7, 0.95, 3.709368605186127],
      [0.5534, 2.4, 2.7, 0.999999, 89.34960177950416],
      [1.5, 2.25, 3.1, 0.97, 24.037070053402859],
      [0.3, 0.7, 2, 0.99, 1.2147856463027501],
      [2, 3, 4.5, -50, 0.0014468290322511268],
      [0.5, 1.5, 3.3, 0.9999, 1.5419965259245395],
    ];
    for (const [a, b, c, z, want] of cases) expect(rel(hyp2f1(a, b, c, z), want)).toBeLessThan(1e-12);
  });
  it("rejects z >= 1 and c a non-positive whole number", () => {
    expect(() => hyp2f1(1, 1, 2, 1)).toThrow("hyp2f1: z 1 must be below 1");
    expect(() => hyp2f1(1, 1, -2, 0.5)).toThrow("hyp2f1: c -2 must not be 0 or a negative whole number");
  });
});

describe("hyp2f1LnShifted: ln ₂F₁(a, b; a+1; z), the Pareto/NBD family", () => {
  it("matches mpmath to 1e-13 on both paths, for whole-number s and large x", () => {
    const cases: [number, number, number, number][] = [
      [1.16, 1.61, 0.5, 0.582736311612526396],
      [1.16, 1.61, 1 - 1e-9, 13.283904267807885],
      [3.2, 2, 1 - 1e-12, 28.794194047641720], // s = 1: the logarithmic case
      [3.2, 2, 0.99999, 12.675857632240212],
      [30.2, 2.6, 0.99999, 21.358049951448191],
      [30, 25.5, 0.999999, 338.68253269948916],
      [0.6, 0.3, 1 - 1e-15, 0.25645029032180963],
      [101.2, 100.6, 0.9999, 917.36583601838648],
      [5.5, 3, 1 - 2 / 5.5, 2.4751594768291655], // on the boundary of the two paths
      [2121.4309693745136, 5.62094484022038, 1 - 0.0007, 39.377865328022114], // r + x in the thousands
    ];
    for (const [a, b, z, want] of cases) expect(Math.abs(hyp2f1LnShifted(a, b, z) - want)).toBeLessThan(1e-13 * Math.max(1, Math.abs(want)));
  });

  it("is continuous across the switch (b < a + 1) between the series and the split integral", () => {
    fc.assert(
      fc.property(fc.double({ min: 0.05, max: 200, noNaN: true }), fc.double({ min: 0, max: 0.999, noNaN: true }), (a, share) => {
        const b = -2 + share * (a + 3); // b < a + 1, as in the likelihood (a + 1 − b = r + x or s + 1)
        const eps = Math.min(0.5, 2 / a), g = new Float64Array(3);
        const zLo = 1 - eps * (1 + 1e-9), zHi = 1 - eps * (1 - 1e-9); // series below, split integral above
        const lo = hyp2f1LnShifted(a, b, zLo, g), hi = hyp2f1LnShifted(a, b, zHi);
        expect(Math.abs(hi - lo - g[2]! * (zHi - zLo))).toBeLessThan(1e-11 * Math.max(1, Math.abs(lo)));
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it("its gradient matches central differences on both paths", () => {
    const g = new Float64Array(3);
    for (const [a, b, z] of [[1.16, 1.61, 0.3], [26.6, 1.6, 0.9], [26.6, 26, 0.97], [1.16, 1.61, 0.999999], [30, 2.5, 1 - 1e-7]] as const) {
      hyp2f1LnShifted(a, b, z, g);
      const h = 1e-6;
      const da = (hyp2f1LnShifted(a + h, b, z) - hyp2f1LnShifted(a - h, b, z)) / (2 * h);
      const db = (hyp2f1LnShifted(a, b + h, z) - hyp2f1LnShifted(a, b - h, z)) / (2 * h);
      const hz = 1e-4 * (1 - z);
      const dz = (hyp2f1LnShifted(a, b, z + hz) - hyp2f1LnShifted(a, b, z - hz)) / (2 * hz);
      expect(rel(g[0]!, da)).toBeLessThan(1e-5);
      expect(rel(g[1]!, db)).toBeLessThan(1e-5);
      expect(rel(g[2]!, dz)).toBeLessThan(1e-5);
    }
  });

  it("is fast near z = 1 (a million evaluations at z = 0.999999 in well under a minute)", () => {
    let s = 0;
    for (let i = 0; i < 100_000; i++) s += hyp2f1LnShifted(1.16 + (i % 50), 1.6, 0.999999);
    expect(Number.isFinite(s)).toBe(true);
  });

  it("rejects a <= 0 and z outside [0, 1)", () => {
    expect(() => hyp2f1LnShifted(0, 1, 0.5)).toThrow("hyp2f1LnShifted: a 0 must be a positive number");
    expect(() => hyp2f1LnShifted(1, 1, 1)).toThrow("hyp2f1LnShifted: z 1 must be in [0, 1)");
    expect(() => hyp2f1LnShifted(1, 1, -0.1)).toThrow("hyp2f1LnShifted: z -0.1 must be in [0, 1)");
  });
});
