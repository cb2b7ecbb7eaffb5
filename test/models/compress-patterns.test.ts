import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compressPatterns } from "../../src/models/fitting/compress-patterns.js";

describe("compressPatterns", () => {
  it("merges identical rows in first-appearance order and sums weights", () => {
    const r = compressPatterns([[0, 1, 0, 1, 2], [0, 5, 0, 5, 5]], [1, 2, 3, 4, 5]);
    expect(r.columns.map((c) => Array.from(c))).toEqual([[0, 1, 2], [0, 5, 5]]);
    expect(Array.from(r.weights)).toEqual([4, 6, 5]);
  });

  it("treats -0 as 0 and checks its input", () => {
    expect(Array.from(compressPatterns([[0, -0]]).weights)).toEqual([2]);
    expect(() => compressPatterns([[1, 2], [1]])).toThrow("compressPatterns: columns differ in length (1 and 2)");
    expect(() => compressPatterns([[1]], [-1])).toThrow("compressPatterns: weight -1 of row 0 is not a finite number >= 0");
  });

  it("keeps every row's weight: the total and each distinct row's count are preserved", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(0, 0.5, 1.25)), { maxLength: 200 }), (rows) => {
        const r = compressPatterns([rows.map((x) => x[0]), rows.map((x) => x[1])]);
        expect(r.weights.reduce((s, v) => s + v, 0)).toBe(rows.length);
        const counts = new Map<string, number>();
        for (const [a, b] of rows) counts.set(`${a}|${b}`, (counts.get(`${a}|${b}`) ?? 0) + 1);
        expect(r.weights.length).toBe(counts.size);
        r.weights.forEach((w, i) => expect(w).toBe(counts.get(`${r.columns[0]![i]}|${r.columns[1]![i]}`)));
      }),
      { seed: 3 },
    );
  });
});
