import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rfmQuantileBreaks, rfmScoreValues, rfmScores } from "../../src/segments/rfm/index.js";

describe("rfmQuantileBreaks: exact cut points on hand-made tables", () => {
  it("quintiles of 1..10 cut at 2, 4, 6, 8", () => {
    expect(rfmQuantileBreaks([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual([2, 4, 6, 8]);
  });
  it("1..7: cuts nearest 20/40/60/80 % of customers at or below", () => {
    expect(rfmQuantileBreaks([1, 2, 3, 4, 5, 6, 7])).toEqual([1, 3, 4, 6]);
  });
  it("ties: four distinct values make at most four bins", () => {
    expect(rfmQuantileBreaks([1, 1, 1, 1, 1, 1, 2, 2, 3, 5])).toEqual([1, 2, 3]);
  });
  it("a heavy tie is never split, the top value is never a cut", () => {
    expect(rfmQuantileBreaks([1, 2, 2, 2, 2, 2, 2, 2, 2, 2])).toEqual([1]);
    expect(rfmQuantileBreaks([1, 1, 1, 1, 1, 1, 1, 1, 1, 9])).toEqual([1]);
    expect(rfmQuantileBreaks([4, 4, 4])).toEqual([]);
    expect(rfmQuantileBreaks([])).toEqual([]);
  });
  it("five distinct values with ties still give five bins", () => {
    expect(rfmQuantileBreaks([1, 1, 2, 2, 2, 2, 2, 3, 4, 5])).toEqual([1, 2, 3, 4]);
  });
  it("tertiles", () => {
    expect(rfmQuantileBreaks([1, 2, 3, 4, 5, 6], 3)).toEqual([2, 4]);
  });
  it("names the function and the bad value", () => {
    expect(() => rfmQuantileBreaks([1, Number.NaN])).toThrow("rfmQuantileBreaks: value NaN of row 1 is not a finite number");
    expect(() => rfmQuantileBreaks([1], 1)).toThrow("rfmQuantileBreaks: bins 1 is not a whole number from 2 to 10");
  });
});

describe("rfmScoreValues", () => {
  it("bins are (c[k-1], c[k]]; values outside the range fall in the end bins", () => {
    expect(Array.from(rfmScoreValues([-3, 1, 2, 3, 4, 8, 9, 100], [2, 4, 6, 8]))).toEqual([1, 1, 1, 2, 2, 4, 5, 5]);
  });
  it("fewer bins are spread over 1..5 so the top bin scores 5", () => {
    expect(Array.from(rfmScoreValues([1, 2, 3, 5], [1, 2, 3]))).toEqual([1, 2, 4, 5]);
    expect(Array.from(rfmScoreValues([1, 2, 3], [1, 2]))).toEqual([1, 3, 5]);
    expect(Array.from(rfmScoreValues([1, 2], [1]))).toEqual([1, 5]);
    expect(Array.from(rfmScoreValues([7, 7], []))).toEqual([1, 1]);
  });
  it("reverse: fewest days score highest", () => {
    expect(Array.from(rfmScoreValues([0, 30, 400], [10, 50, 100, 200], { reverse: true }))).toEqual([5, 4, 1]);
  });
  it("refuses cut points that are not strictly increasing", () => {
    expect(() => rfmScoreValues([1], [2, 2])).toThrow("rfmScoreValues: cut points 2 and 2 are not strictly increasing");
  });
});

const TABLE = {
  customer_id: ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"],
  days_since_last_purchase: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90],
  orders: [1, 1, 1, 1, 1, 1, 2, 2, 3, 5],
  total_spend: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
};

describe("rfmScores on a hand-made table", () => {
  const s = rfmScores(TABLE);
  it("R is reversed: the most recent customer scores 5", () => {
    expect(s.breakpoints.r).toEqual([10, 30, 50, 70]);
    expect(Array.from(s.r)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });
  it("F: ties give four scores (1, 2, 4, 5) and a note says so", () => {
    expect(s.breakpoints.f).toEqual([1, 2, 3]);
    expect(Array.from(s.f)).toEqual([1, 1, 1, 1, 1, 1, 2, 2, 4, 5]);
    expect(s.scoresUsed.f).toEqual([1, 2, 4, 5]);
    expect(s.notes).toEqual(["F (orders): ties allow only 4 distinct scores (1, 2, 4, 5) instead of 5"]);
  });
  it("M by quintiles; FM = (F + M) / 2 rounded half up", () => {
    expect(s.breakpoints.m).toEqual([20, 40, 60, 80]);
    expect(Array.from(s.m)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(Array.from(s.fm)).toEqual([1, 1, 2, 2, 2, 2, 3, 3, 5, 5]);
  });
  it("is frozen and scores a later date on given breakpoints", () => {
    expect(Object.isFrozen(s)).toBe(true);
    expect(Object.isFrozen(s.breakpoints.r)).toBe(true);
    const later = rfmScores({ customer_id: ["a", "b"], days_since_last_purchase: [5, 500], orders: [9, 1], total_spend: [1000, 0] }, { breakpoints: s.breakpoints });
    expect([Array.from(later.r), Array.from(later.f), Array.from(later.m)]).toEqual([[5, 1], [5, 1], [5, 1]]);
    expect(later.breakpoints).toEqual(s.breakpoints);
  });
  it("names the bad column", () => {
    expect(() => rfmScores({ ...TABLE, orders: [1] })).toThrow("rfmScores: column orders has 1 rows but customer_id has 10");
    expect(() => rfmScores({ ...TABLE, total_spend: [...TABLE.total_spend.slice(1), Infinity] })).toThrow("rfmScores: value Infinity of row 9 is not a finite number");
  });
});

describe("rfmScores properties", () => {
  const values = fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 60 });
  it("scores are in 1..5, monotone in the raw value, equal values share a score, bins never empty or collapsed", () => {
    fc.assert(
      fc.property(values, (v) => {
        const cuts = rfmQuantileBreaks(v);
        const asc = rfmScoreValues(v, cuts);
        const desc = rfmScoreValues(v, cuts, { reverse: true });
        const distinct = new Set(v).size;
        expect(new Set(asc).size).toBe(Math.min(5, distinct)); // no empty bin, no collapsed bin
        for (let i = 0; i < v.length; i++) {
          expect(asc[i]).toBeGreaterThanOrEqual(1);
          expect(asc[i]).toBeLessThanOrEqual(5);
          expect(desc[i]).toBe(6 - asc[i]!);
          for (let j = 0; j < v.length; j++) {
            if (v[i]! < v[j]!) expect(asc[i]).toBeLessThan(asc[j]! + 1);
            if (v[i] === v[j]) expect(asc[i]).toBe(asc[j]);
          }
        }
        if (distinct > 1) expect([Math.min(...asc), Math.max(...asc)]).toEqual([1, 5]);
      }),
    );
  });
  it("bins are as balanced as the ties allow: no distinct values and no ties give 20 % each", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), (k) => {
        const v = Array.from({ length: 5 * k }, (_, i) => i * 3 + 1);
        const s = rfmScoreValues(v, rfmQuantileBreaks(v));
        for (let score = 1; score <= 5; score++) expect(s.filter((x) => x === score).length).toBe(k);
      }),
    );
  });
});
