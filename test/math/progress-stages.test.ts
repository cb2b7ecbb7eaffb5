// progressStages: done only grows, stays below the total until end(), and reaches it exactly once.
import { describe, expect, it } from "vitest";
import { progressStages } from "../../src/math/progress.js";

describe("progressStages", () => {
  it("counts each stage, holds below the total until end(), then ends once at the total", () => {
    const calls: [number, number | undefined][] = [];
    const s = progressStages((done, total) => calls.push([done, total]), 4);
    s.next();
    s.next(2);
    s.next(); // would be 4 = total before end(): held at 3, no second call with 3
    s.end();
    s.end();
    s.next();
    expect(calls).toEqual([[1, 4], [3, 4], [4, 4]]);
  });

  it("a skipped stage still ends at the total; no listener: nothing is called and nothing throws", () => {
    const calls: number[] = [];
    const s = progressStages((done) => calls.push(done), 3);
    s.next();
    s.end();
    expect(calls).toEqual([1, 3]);
    const quiet = progressStages(undefined, 3);
    expect(() => { quiet.next(); quiet.end(); }).not.toThrow();
  });
});
