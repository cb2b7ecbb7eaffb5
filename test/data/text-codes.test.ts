import { describe, expect, it } from "vitest";
import { rememberTextCodes, textCodes } from "../../src/data/columns/text-codes.js";
import { createRng } from "../../src/math/random/rng.js";

describe("textCodes", () => {
  it("numbers the values of a column by first appearance", () => {
    const coded = textCodes(["C2", "C1", "C2", "", "C1", "C3"]);
    expect(coded.dictionary).toEqual(["C2", "C1", "", "C3"]);
    expect(Array.from(coded.codes)).toEqual([0, 1, 0, 2, 1, 3]);
  });

  it("decodes back to the column on seeded random columns", () => {
    const rng = createRng(11);
    for (let trial = 0; trial < 20; trial++) {
      const column = Array.from({ length: 1 + Math.floor(rng.uniform() * 300) }, () => `v${Math.floor(rng.uniform() * 12)}`);
      const { codes, dictionary } = textCodes(column);
      expect(Array.from(codes, (c) => dictionary[c])).toEqual(column);
      // first appearance: each code is at most one more than every code before it
      let max = -1;
      for (const c of codes) {
        expect(c).toBeLessThanOrEqual(max + 1);
        max = Math.max(max, c);
      }
      expect(new Set(dictionary).size).toBe(dictionary.length);
    }
  });

  it("computes a column's codes once and returns codes a loader remembered", () => {
    const column = Object.freeze(["a", "b", "a"]);
    expect(textCodes(column)).toBe(textCodes(column));
    const other = Object.freeze(["x", "y"]);
    const given = { codes: Int32Array.of(0, 1), dictionary: ["x", "y"] };
    rememberTextCodes(other, given);
    expect(textCodes(other)).toBe(given);
  });
});
