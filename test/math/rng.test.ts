import { describe, expect, it } from "vitest";
import { createRng } from "../../src/math/index.js";

describe("createRng (xoshiro128**)", () => {
  it("gives the same stream for the same seed", () => {
    const a = createRng(20261125);
    const b = createRng(20261125);
    for (let i = 0; i < 1000; i++) expect(a.nextUint32()).toBe(b.nextUint32());
    expect(a.normal()).toBe(b.normal());
    expect(a.gamma(0.5, 2)).toBe(b.gamma(0.5, 2));
  });

  it("gives different streams for different seeds, including seeds that differ only above 2^32", () => {
    const seeds = [0, 1, 2, -1, 4294967296, 4294967297, Number.MAX_SAFE_INTEGER];
    const firsts = seeds.map((s) => {
      const r = createRng(s);
      return [r.nextUint32(), r.nextUint32(), r.nextUint32()].join(",");
    });
    expect(new Set(firsts).size).toBe(seeds.length);
  });

  it("rejects seeds that are not safe integers", () => {
    expect(() => createRng(1.5)).toThrow("createRng: seed must be a safe integer, got 1.5");
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });

  it("draws uniforms in [0, 1) with mean 1/2 and variance 1/12", () => {
    const rng = createRng(1);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      s += u;
      s2 += u * u;
    }
    const mean = s / n;
    expect(mean).toBeCloseTo(0.5, 2);
    expect(s2 / n - mean * mean).toBeCloseTo(1 / 12, 3);
  });

  it("draws normals with the asked mean and sd", () => {
    const rng = createRng(2);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal(3, 2);
      s += z;
      s2 += z * z;
    }
    const mean = s / n;
    expect(Math.abs(mean - 3)).toBeLessThan(0.02);
    expect(Math.abs(Math.sqrt(s2 / n - mean * mean) - 2)).toBeLessThan(0.02);
  });

  it("uniformInt covers [0, n) evenly and checks n", () => {
    const rng = createRng(3);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[rng.uniformInt(6)]!++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
    expect(() => rng.uniformInt(0)).toThrow("uniformInt: n must be an integer >= 1, got 0");
  });

  it("fork gives an independent, reproducible stream", () => {
    const a = createRng(9).fork();
    const b = createRng(9).fork();
    const parent = createRng(9);
    expect(a.nextUint32()).toBe(b.nextUint32());
    expect(a.seed).not.toBe(parent.seed);
  });

  it("shuffle returns a permutation and leaves the input untouched", () => {
    const input = Object.freeze([1, 2, 3, 4, 5, 6, 7, 8]);
    const out = createRng(4).shuffle(input);
    expect([...out].sort((x, y) => x - y)).toEqual([...input]);
    expect(out).toEqual(createRng(4).shuffle(input));
  });

  it("bernoulli and uniformRange check their arguments", () => {
    const rng = createRng(5);
    expect(() => rng.bernoulli(1.5)).toThrow("bernoulli: p must be in [0, 1], got 1.5");
    expect(() => rng.uniformRange(2, 1)).toThrow(RangeError);
    const x = rng.uniformRange(-2, 5);
    expect(x >= -2 && x < 5).toBe(true);
  });
});
