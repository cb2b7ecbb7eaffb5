// One CSV cell writer for every CSV output: formula-leading text neutralised (OWASP), RFC 4180 quoting (issue 9, item 4).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvCell, csvLines, csvText } from "../../src/data/output/csv-cell.js";
import { readDelimited } from "../../src/data/read/read-delimited.js";
import { columnsToCsv } from "../../src/data/output/columns-to-csv.js";

const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

describe("csvText", () => {
  it.each([
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["@SUM(1+1)", "'@SUM(1+1)"],
    ["+1+1", "'+1+1"],
    ["-1+1", "'-1+1"],
    ["\tC1", "'\tC1"],
    ["\rC1", `"'\rC1"`],
    ["=1,2", `"'=1,2"`],
    ["-12.5", "-12.5"],
    ["+3", "+3"],
    ["-1e5", "-1e5"],
    ["C-17", "C-17"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["", ""],
  ])("writes %j as %j", (text, cell) => {
    expect(csvText(text)).toBe(cell);
  });
});

describe("csvCell", () => {
  it("keeps numbers as numbers (negative ones too) and neutralises only text", () => {
    expect([csvCell(-12.5), csvCell(0.1 + 0.2), csvCell(NaN), csvCell(Infinity), csvCell(-Infinity), csvCell(null), csvCell(undefined)]).toEqual(["-12.5", "0.3", "", "Infinity", "-Infinity", "", ""]);
    expect(csvCell("-x")).toBe("'-x");
    expect(csvLines([["id", "x"], ["=A1", -1]])).toBe("id,x\n'=A1,-1\n");
  });

  it("is the writer behind columnsToCsv, header included", () => {
    expect(columnsToCsv(["=h", "x"], [["@a", "b"], [-2, 3]], 2)).toBe("'=h,x\n'@a,-2\nb,3\n");
  });
});

describe("columnsToCsv (property)", () => {
  it("read back, no text cell starts with a formula character unless it is a number; every text is kept after its quote; numbers stay numbers", () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom("=", "+", "-", "@", "\t", "\r").chain((c) => fc.string({ maxLength: 10 }).map((s) => c + s)),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 1, maxLength: 20 }), (rows) => {
        const csv = columnsToCsv(["customer_id", "amount"], [rows.map((r) => r[0]), rows.map((r) => r[1])], rows.length);
        const back = readDelimited(csv, { delimiter: "," });
        expect(back.header).toEqual(["customer_id", "amount"]);
        expect(back.rows).toHaveLength(rows.length);
        back.rows.forEach((row, i) => {
          const [id, amount] = row.values as [string, string];
          const original = rows[i]![0];
          if (FORMULA.test(id)) expect(id).toMatch(PLAIN_NUMBER);
          expect(id).toBe(FORMULA.test(original) && !PLAIN_NUMBER.test(original) ? `'${original}` : original);
          expect(Number(amount)).toBe(Number(rows[i]![1].toPrecision(15)));
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("csvCell numbers", () => {
  // The definition: the number rounded to 15 significant digits, then its shortest text.
  const rounded = (v: number): string => String(Number(v.toPrecision(15)));
  it("writes every finite double as its 15-significant-digit rounding (the shortest text when that is short enough)", () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
      expect(csvCell(v)).toBe(rounded(v));
    }), { numRuns: 20_000, seed: 6 });
    fc.assert(fc.property(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), (k, d) => {
      const v = k / 10 ** d;
      expect(csvCell(v)).toBe(rounded(v));
    }), { numRuns: 20_000, seed: 7 });
    for (const v of [0, -0, 0.1 + 0.2, 74.02000000000001, 1e21, 1e-7, 123456789012345, 1234567890123456, 5e-324, 1.7976931348623157e308, 999999999999999.9]) expect(csvCell(v)).toBe(rounded(v));
    expect(csvCell(0.1 + 0.2)).toBe("0.3");
    expect(csvCell(1234567890123456)).toBe("1234567890123460");
  });
});
