// Next purchase: expected wait E[1/λ | alive] = (α+T)/(r+x−1), P(alive) and P(Y(t) >= 1 | history)
// for BG/NBD (FHL 2005), MBG/NBD and Pareto/NBD, checked against identities and Monte Carlo.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRng } from "../../src/math/random/rng.js";
import { bgNbdFromParams } from "../../src/models/purchase/bg-nbd.js";
import type { ModelParams, PurchaseModel } from "../../src/models/fitting/model-types.js";
import { nextPurchase } from "../../src/models/purchase/next-purchase.js";
import { expectedNextPurchaseDate } from "../../src/models/purchase/next-purchase-date.js";

const PUBLISHED = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };

/** A stand-in purchase model of another id: only `model`, `params`, `timeUnit` and `probabilityAlive` are used. */
function stub(model: string, params: Record<string, number>, alive = 1): PurchaseModel<ModelParams & { r: number; alpha: number }> {
  return { model, params, timeUnit: "week", probabilityAlive: (c: { frequency: ArrayLike<number> }) => new Float64Array(c.frequency.length).fill(alive) } as unknown as PurchaseModel<ModelParams & { r: number; alpha: number }>;
}

describe("nextPurchase with BG/NBD", () => {
  const m = bgNbdFromParams(PUBLISHED, "week");
  const c1 = { frequency: [2], recency: [30.43], T: [38.86] };

  it("CDNOW customer 1: wait (α+T)/(r+x−1), P(alive) from the model, P(buy within 4 weeks)", () => {
    const r = nextPurchase(m, c1, 4);
    expect(r.expectedWait[0]).toBeCloseTo((4.414 + 38.86) / (0.243 + 2 - 1), 12);
    expect(r.probabilityAlive[0]).toBeCloseTo(m.probabilityAlive(c1)[0]!, 15);
    const ifAlive = 1 - Math.pow((4.414 + 38.86) / (4.414 + 38.86 + 4), 2.243);
    expect(r.probabilityPurchaseWithin[0]).toBeCloseTo(r.probabilityAlive[0]! * ifAlive, 15);
    expect(r.within).toBe(4);
    expect(r.timeUnit).toBe("week");
  });

  it("a brand-new customer's P(buy within t) is 1 − P(X(t) = 0) of the model", () => {
    for (const t of [1, 5, 39]) {
      const r = nextPurchase(m, { frequency: [0], recency: [0], T: [1e-9] }, t);
      expect(r.probabilityPurchaseWithin[0]).toBeCloseTo(1 - m.probabilityOfPurchases(0, t), 8);
    }
  });

  it("the wait is infinite when r + x <= 1 (no finite mean of 1/λ)", () => {
    const r = nextPurchase(m, { frequency: [0, 1], recency: [0, 5], T: [10, 10] }, 4);
    expect(r.expectedWait[0]).toBe(Infinity);
    expect(r.expectedWait[1]).toBeCloseTo((4.414 + 10) / 0.243, 10);
  });

  it("probabilities are in [0, P(alive)] and grow with the window; P(Y(t)>=1) <= E[Y(t)]", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }), fc.double({ min: 1, max: 100, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0.1, max: 50, noNaN: true }),
        (x, T, share, t) => {
          const c = { frequency: [x], recency: [x === 0 ? 0 : share * T], T: [T] };
          const a = nextPurchase(m, c, t), b = nextPurchase(m, c, 2 * t);
          const p = a.probabilityPurchaseWithin[0]!;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(a.probabilityAlive[0]! + 1e-15);
          expect(b.probabilityPurchaseWithin[0]!).toBeGreaterThanOrEqual(p);
          expect(p).toBeLessThanOrEqual(m.conditionalExpectedPurchases(c, t)[0]! + 1e-12);
        },
      ),
      { numRuns: 200, seed: 4 },
    );
  });

  it("matches a Monte Carlo of the posterior λ ~ Gamma(r+x, α+T)", () => {
    const rng = createRng(9);
    const R = 0.243 + 3, A = 4.414 + 30, t = 6;
    let hits = 0;
    const n = 200000;
    for (let i = 0; i < n; i++) if (rng.exponential(rng.gamma(R, 1 / A)) <= t) hits++;
    const r = nextPurchase(stub("bg-nbd", PUBLISHED), { frequency: [3], recency: [20], T: [30] }, t);
    expect(Math.abs(r.probabilityPurchaseWithin[0]! - hits / n)).toBeLessThan(0.004);
  });
});

describe("nextPurchase with Pareto/NBD and MBG/NBD", () => {
  it("Pareto/NBD: P(buy within t | alive) matches a Monte Carlo of λ ~ Gamma(r+x, α+T), μ ~ Gamma(s, β+T)", () => {
    const params = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    const rng = createRng(10);
    const n = 200000;
    for (const [x, T, t] of [[2, 38.86, 4], [0, 30, 52], [10, 5, 20]] as const) {
      const R = params.r + x, A = params.alpha + T, B = params.beta + T;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const lam = rng.gamma(R, 1 / A), mu = rng.gamma(params.s, 1 / B);
        sum += (lam / (lam + mu)) * -Math.expm1(-(lam + mu) * t);
      }
      const r = nextPurchase(stub("pareto-nbd", params, 0.5), { frequency: [x], recency: [x === 0 ? 0 : T / 2], T: [T] }, t);
      expect(Math.abs(r.probabilityPurchaseWithin[0]! - 0.5 * (sum / n))).toBeLessThan(0.0015);
      expect(r.probabilityAlive[0]).toBe(0.5);
    }
  });

  it("MBG/NBD uses the BG/NBD formula (dropout only at purchases); other models are refused", () => {
    const c = { frequency: [3], recency: [20], T: [30] };
    const a = nextPurchase(stub("mbg-nbd", PUBLISHED), c, 5), b = nextPurchase(stub("bg-nbd", PUBLISHED), c, 5);
    expect(a.probabilityPurchaseWithin).toEqual(b.probabilityPurchaseWithin);
    expect(() => nextPurchase(stub("bg-bb", PUBLISHED), c, 5)).toThrow("nextPurchase: the bg-bb model is not supported (use bg-nbd, mbg-nbd or pareto-nbd)");
    expect(() => nextPurchase(stub("bg-nbd", PUBLISHED), c, 0)).toThrow("nextPurchase: within 0 must be a positive number of weeks");
    expect(() => nextPurchase(stub("bg-nbd", PUBLISHED), { frequency: [0], recency: [3], T: [5] }, 1)).toThrow("nextPurchase: recency 3 of row 0 must be 0 when frequency is 0");
  });
});

describe("expectedNextPurchaseDate", () => {
  it("adds the wait in days (week 7, month 30.4375) to the calibration end, rounded to a day", () => {
    expect(expectedNextPurchaseDate("1997-09-30", 33.1, "week")).toBe("1998-05-20");
    expect(expectedNextPurchaseDate("1997-09-30", 0, "week")).toBe("1997-09-30");
    expect(expectedNextPurchaseDate("2024-01-31", 1, "month")).toBe("2024-03-01");
    expect(expectedNextPurchaseDate("2024-02-28", 1.4, "day")).toBe("2024-02-29");
    expect(expectedNextPurchaseDate("1997-09-30", Infinity, "week")).toBeNull();
    expect(expectedNextPurchaseDate("2024-01-01", 1e8, "week")).toBeNull(); // beyond 9999-12-31: no date, never a RangeError
  });

  it("rejects a bad date, a negative or NaN wait, an unknown unit", () => {
    expect(() => expectedNextPurchaseDate("30/09/1997", 1, "week")).toThrow('expectedNextPurchaseDate: calibration end "30/09/1997" is not an ISO date YYYY-MM-DD');
    expect(() => expectedNextPurchaseDate("1997-09-30", -1, "week")).toThrow("expectedNextPurchaseDate: wait -1 must be a number >= 0");
    expect(() => expectedNextPurchaseDate("1997-09-30", NaN, "week")).toThrow("expectedNextPurchaseDate: wait NaN must be a number >= 0");
    expect(() => expectedNextPurchaseDate("1997-09-30", 1, "year" as "week")).toThrow('expectedNextPurchaseDate: time unit "year" is not one of day, week, month');
  });
});
