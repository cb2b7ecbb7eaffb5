import { describe, expect, it } from "vitest";
import { topIndices } from "../../src/reports/sections/top-indices.js";

/** The reference: all rows sorted by value (descending), ties by id. */
function sortedTop(values: ArrayLike<number>, ids: readonly string[], k: number): number[] {
  return Array.from({ length: values.length }, (_, i) => i)
    .sort((i, j) => (values[i]! > values[j]! || (values[i] === values[j] && ids[i]! < ids[j]!) ? -1 : values[j]! > values[i]! || (values[i] === values[j] && ids[j]! < ids[i]!) ? 1 : 0))
    .slice(0, k);
}

describe("topIndices", () => {
  it("selects the k largest by a partial selection with the order of a full sort, ties by id", () => {
    let s = 7;
    const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
    const n = 5000;
    // few distinct values: many ties at the cut
    const values = Float64Array.from({ length: n }, () => Math.floor(next() * 40) / 4);
    const ids = Array.from({ length: n }, (_, i) => `C${(i * 7919) % n}`);
    for (const k of [0, 1, 20, 64, 65, 1000, 1001, 4999, 5000, 6000]) expect(topIndices(values, ids, k)).toEqual(sortedTop(values, ids, k));
    values[17] = -0;
    values[18] = 0;
    expect(topIndices(values, ids, 4000)).toEqual(sortedTop(values, ids, 4000));
  });
});
