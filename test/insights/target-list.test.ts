import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { targetList } from "../../src/insights/campaigns/target-list.js";

const cols = {
  customer_id: ["A", "B", "C", "D", "E", "F"],
  p: [0.2, 0.9, 0.5, NaN, 0.9, 0.1],
  segment: ["x", "y", "x", "y", "y", "x"],
};

describe("targetList", () => {
  it("ranks by score (ties keep input order), skips missing scores", () => {
    const t = targetList(cols, "p", { top: 3 });
    expect(t.customerId).toEqual(["B", "E", "C"]);
    expect(t.rank).toEqual([1, 2, 3]);
    expect(t.missingScores).toBe(1);
    expect(t.control).toBe(0);
    expect(targetList(cols, "p", { top: 2, ascending: true }).customerId).toEqual(["F", "A"]);
  });
  it("takes a share within each segment and keeps only the segments asked for", () => {
    const t = targetList(cols, "p", { share: 0.5, segmentColumn: "segment" });
    expect(t.customerId).toEqual(["C", "A", "B"]); // x: 3 × 0.5 rounds to 2; y has 2 scored customers -> 1
    expect(t.segment).toEqual(["x", "x", "y"]);
    expect(targetList(cols, "p", { top: 5, segmentColumn: "segment", segments: ["y"] }).customerId).toEqual(["B", "E"]);
  });
  it("errors name the function and the value", () => {
    expect(() => targetList(cols, "q", { top: 1 })).toThrow('targetList: score column "q" is missing or not numeric');
    expect(() => targetList(cols, "p", { top: 1, share: 0.5 })).toThrow("targetList: give exactly one of top and share");
    expect(() => targetList(cols, "p", { top: 1, holdoutShare: 1 })).toThrow("targetList: holdoutShare 1 is not in [0, 1)");
  });
  it("properties: list size, hold-out size and a reproducible seeded hold-out", () => {
    fc.assert(fc.property(
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 200 }),
      fc.integer({ min: 0, max: 250 }), fc.double({ min: 0, max: 0.9, noNaN: true }), fc.integer({ min: 1, max: 1e6 }),
      (scores, top, hold, seed) => {
        const c = { customer_id: scores.map((_, i) => `C${i}`), s: scores };
        const t = targetList(c, "s", { top, holdoutShare: hold, seed });
        expect(t.length).toBe(Math.min(top, scores.length));
        expect(t.control).toBe(Math.round(hold * t.length));
        expect(new Set(t.customerId).size).toBe(t.length);
        for (let k = 1; k < t.length; k++) expect(t.score[k - 1]!).toBeGreaterThanOrEqual(t.score[k]!);
        expect(targetList(c, "s", { top, holdoutShare: hold, seed }).group).toEqual(t.group);
      },
    ));
  });
  it("different seeds give different hold-outs", () => {
    const c = { customer_id: Array.from({ length: 100 }, (_, i) => `C${i}`), s: Array.from({ length: 100 }, (_, i) => i) };
    const a = targetList(c, "s", { top: 100, holdoutShare: 0.2, seed: 1 }).group, b = targetList(c, "s", { top: 100, holdoutShare: 0.2, seed: 2 }).group;
    expect(a).not.toEqual(b);
  });
});
