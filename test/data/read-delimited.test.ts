import { describe, expect, it } from "vitest";
import { DataError, detectDelimiter, readDelimited, readWhitespace } from "../../src/data/index.js";

describe("readDelimited", () => {
  it("reads RFC 4180 quoting: delimiters, doubled quotes and line breaks inside quotes", () => {
    const t = readDelimited('id,note,amount\nC1,"a, ""b""",1\nC2,"two\nlines",2\nC3,,3\n');
    expect(t.header).toEqual(["id", "note", "amount"]);
    expect(t.rows).toEqual([
      { line: 2, values: ["C1", 'a, "b"', "1"] },
      { line: 3, values: ["C2", "two\nlines", "2"] },
      { line: 5, values: ["C3", "", "3"] },
    ]);
  });

  it("handles CRLF, a BOM, no final newline and a quoted line break in CRLF", () => {
    const t = readDelimited('\uFEFFid,amount\r\n"C\r\n1",1\r\nC2,2');
    expect(t.header).toEqual(["id", "amount"]);
    expect(t.rows).toEqual([
      { line: 2, values: ["C\r\n1", "1"] },
      { line: 4, values: ["C2", "2"] },
    ]);
  });

  it("keeps blank lines inside the data as rows but not the trailing one", () => {
    const t = readDelimited("a,b\n1,2\n\n3,4\n");
    expect(t.rows).toEqual([
      { line: 2, values: ["1", "2"] },
      { line: 3, values: [""] },
      { line: 4, values: ["3", "4"] },
    ]);
  });

  it("keeps cells untrimmed (the builders trim) and a trailing empty field", () => {
    expect(readDelimited('a,b\n" 007 ",\n').rows[0]!.values).toEqual([" 007 ", ""]);
  });

  it("names columns 1..n without a header", () => {
    const t = readDelimited("x;y;z\n", { header: false });
    expect(t.header).toEqual(["1", "2", "3"]);
    expect(t.rows).toEqual([{ line: 1, values: ["x", "y", "z"] }]);
  });

  it("uses a given delimiter", () => {
    expect(readDelimited("a|b\n1|2\n", { delimiter: "|" }).rows[0]!.values).toEqual(["1", "2"]);
  });

  it("reports an unclosed quote with its line", () => {
    expect(() => readDelimited('a,b\n1,2\n3,"open\n4,5\n')).toThrow(
      new DataError("readDelimited: the quote opened on line 3 is never closed; check the quoting of that row"),
    );
  });

  it("rejects a delimiter that is not one character", () => {
    expect(() => readDelimited("a\n", { delimiter: "::" })).toThrow(
      'readDelimited: delimiter "::" must be one character other than a quote or line break; use --delimiter ","',
    );
  });

  it("returns an empty table for empty text", () => {
    expect(readDelimited("")).toEqual({ header: [], rows: [] });
  });
});

describe("detectDelimiter", () => {
  it.each([
    ["customer_id,date,amount\nC1,2024-01-02,9.5\n", ","],
    ["customer_id;date;amount\nC1;2024-01-02;9,5\n", ";"],
    ["customer_id\tdate\tamount\nC1\t2024-01-02\t9.5\n", "\t"],
    ["customer_id|date|amount\nC1|2024-01-02|9.5\n", "|"],
    ['id;note\nC1;"a,b,c,d"\n', ";"],
    ["amount\n1\n", ","],
  ])("detects %j", (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });

  it("prefers the delimiter that is consistent across lines", () => {
    expect(detectDelimiter("a;b,c,d;e\n1;2,3;4\n5;6,7;8\n")).toBe(";");
  });
});

describe("readWhitespace", () => {
  it("splits on runs of spaces and tabs, ignoring leading blanks (CDNOW layout)", () => {
    const t = readWhitespace(" 00004 0001 19970101  2   29.33\r\n 00021 0002\t19970101  3   63.34\r\n", { header: false });
    expect(t.header).toEqual(["1", "2", "3", "4", "5"]);
    expect(t.rows).toEqual([
      { line: 1, values: ["00004", "0001", "19970101", "2", "29.33"] },
      { line: 2, values: ["00021", "0002", "19970101", "3", "63.34"] },
    ]);
  });

  it("reads a header and keeps inner blank lines as rows", () => {
    const t = readWhitespace("\uFEFF customer_id  date\n A 20240101\n   \n B 20240102");
    expect(t.header).toEqual(["customer_id", "date"]);
    expect(t.rows.map((r) => r.line)).toEqual([2, 3, 4]);
    expect(t.rows[1]!.values).toEqual([""]);
  });
});
