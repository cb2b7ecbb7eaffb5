import { describe, expect, it } from "vitest";
import { columnCodes, customerCodes, dictionaryIndex, lazyTextColumn, textCodes } from "../../src/data/columns/text-codes.js";
import { hasColumn } from "../../src/data/columns/transaction-columns.js";
import type { Transactions } from "../../src/data/types.js";
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

  it("finds each distinct value of a column in a list of ids (dictionaryIndex)", () => {
    const coded = textCodes(["b", "z", "b", "a"]);
    expect(Array.from(dictionaryIndex(coded, ["a", "b", "c"]))).toEqual([1, -1, 0]);
    expect(Array.from(dictionaryIndex(coded, []))).toEqual([-1, -1, -1]);
  });

  it("computes a column's codes once", () => {
    const column = Object.freeze(["a", "b", "a"]);
    expect(textCodes(column)).toBe(textCodes(column));
  });
});

describe("text columns kept as codes (lazyTextColumn)", () => {
  it("gives the codes without making the text, and the text (once) when it is read", () => {
    const customers = { codes: Int32Array.of(0, 1, 0), dictionary: ["C2", "C1"] };
    const channels = { codes: Int32Array.of(0, 0, 1), dictionary: ["web", "store"] };
    const t: Record<string, unknown> = { length: 3 };
    lazyTextColumn(t, "customerId", customers);
    t.day = Int32Array.of(1, 2, 3);
    t.sourceLine = Int32Array.of(2, 3, 4);
    lazyTextColumn(t, "channel", channels);
    // count the reads of the customer column
    let reads = 0;
    const getter = Object.getOwnPropertyDescriptor(t, "customerId")!.get!;
    Object.defineProperty(t, "customerId", { enumerable: true, get: () => (reads++, getter.call(t)) });
    const table = Object.freeze(t) as unknown as Transactions;
    // asking for codes or presence does not read the column
    expect(customerCodes(table)).toBe(customers);
    expect(columnCodes(table, "channel")).toBe(channels);
    expect(columnCodes(table, "category")).toBeUndefined();
    expect(hasColumn(table, "channel")).toBe(true);
    expect(hasColumn(table, "category")).toBe(false);
    expect(reads).toBe(0);
    // reading makes the values once, frozen, and their codes are the given ones
    const ids = table.customerId;
    expect(ids).toEqual(["C2", "C1", "C2"]);
    expect(table.customerId).toBe(ids);
    expect(reads).toBe(2);
    expect(Object.isFrozen(ids)).toBe(true);
    expect(textCodes(ids)).toBe(customers);
    expect(table.channel).toEqual(["web", "web", "store"]);
    expect(Object.keys(table)).toEqual(["length", "customerId", "day", "sourceLine", "channel"]);
    // a table built from arrays answers the same way
    const plain = Object.freeze({ length: 3, customerId: Object.freeze(["C2", "C1", "C2"]), day: Int32Array.of(1, 2, 3), sourceLine: Int32Array.of(2, 3, 4), channel: undefined }) as unknown as Transactions;
    expect(Array.from(customerCodes(plain).codes)).toEqual([0, 1, 0]);
    expect(hasColumn(plain, "channel")).toBe(false);
    expect(columnCodes(plain, "channel")).toBeUndefined();
  });
});
