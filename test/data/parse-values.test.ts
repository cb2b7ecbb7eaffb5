import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DataError, dayParser, formatDay, parseDay, parseNumber, whyNotNumber } from "../../src/data/index.js";

describe("parseDay", () => {
  it.each([
    ["2024-01-02", "auto", 19724],
    ["1970-01-01", "iso", 0],
    ["1969-12-31", "iso", -1],
    ["2014-01-01 00:00:00", "auto", 16071],
    ["2014-01-01T23:59:59Z", "iso", 16071],
    ["19970101", "auto", 9862],
    ["19970101", "yyyymmdd", 9862],
    [" 2024-01-02 ", "auto", 19724],
    ["02/01/2024", "DD/MM/YYYY", 19724],
    ["1/2/2024", "M/D/YYYY", 19724],
    ["12/31/2024", "M/D/YYYY", 20088],
    ["1/12/2010 8:26", "D/M/YYYY", 14944],
    ["2024.01.02", "YYYY.MM.DD", 19724],
    ["2024-02-29", "iso", 19782],
    ["2000-02-29", "iso", 11016],
  ])("parses %j as %s -> %d", (text, format, day) => {
    expect(parseDay(text, format)).toBe(day);
  });

  it.each([
    ["2024-02-30", "auto"],
    ["2023-02-29", "iso"],
    ["1900-02-29", "iso"],
    ["2024-13-01", "iso"],
    ["2024-04-31", "iso"],
    ["2024-00-10", "iso"],
    ["20240230", "auto"],
    ["2024-1-2", "iso"],
    ["02/01/2024", "iso"],
    ["31/02/2024", "DD/MM/YYYY"],
    ["2024-01-02x", "auto"],
    ["", "auto"],
    ["1/2/24", "M/D/YYYY"],
    ["12345678901", "auto"],
  ])("rejects %j as %s (never rolls over)", (text, format) => {
    expect(parseDay(text, format)).toBeNull();
  });

  it("rejects a pattern without year, month and day parts, naming the function", () => {
    expect(() => dayParser("DD/MM", "loadTransactionsText")).toThrow(
      new DataError('loadTransactionsText: date format "DD/MM" needs exactly one YYYY, one MM or M and one DD or D (or use "iso", "yyyymmdd", "excel", "auto")'),
    );
  });

  it("round-trips with formatDay for every day from 1600 to 2400 (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -135140, max: 157000 }), (day) => {
        expect(parseDay(formatDay(day), "iso")).toBe(day);
      }),
    );
  });

  it("agrees with Date.UTC on valid dates (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), (y, m, d) => {
        const text = `${d}/${m}/${y}`;
        expect(parseDay(text, "D/M/YYYY")).toBe(Date.UTC(y, m - 1, d) / 86_400_000);
      }),
    );
  });
});

describe("formatDay", () => {
  it("formats days since epoch as ISO and refuses fractions", () => {
    expect(formatDay(19724)).toBe("2024-01-02");
    expect(formatDay(-1)).toBe("1969-12-31");
    expect(() => formatDay(1.5)).toThrow("formatDay: day 1.5 is not a whole number of days");
  });
});

describe("parseNumber", () => {
  it.each([
    ["29.33", ".", 29.33],
    [" -12.50 ", ".", -12.5],
    ["+3", ".", 3],
    [".5", ".", 0.5],
    ["1e3", ".", 1000],
    ["0", ".", 0],
    ["12,5", ",", 12.5],
    ["-0,25", ",", -0.25],
  ])("parses %j with decimal %j", (text, dec, n) => {
    expect(parseNumber(text, dec as "." | ",")).toBe(n);
  });

  it.each([["1,234.50", "."], ["1.234,50", ","], ["12,5", "."], ["12.5", ","], ["$12", "."], ["12 €", "."], ["10%", "."], ["NaN", "."], ["Infinity", "."], ["", "."], ["1 234", "."], ["abc", "."]])(
    "rejects %j with decimal %j",
    (text, dec) => {
      expect(parseNumber(text, dec as "." | ",")).toBeNull();
    },
  );

  it("explains why a text is not a plain number", () => {
    expect(whyNotNumber("amount", "$12", ".")).toBe('amount "$12" is not a plain number (currency symbols are not accepted)');
    expect(whyNotNumber("amount", "USD 12", ".")).toBe('amount "USD 12" is not a plain number (currency symbols are not accepted)');
    expect(whyNotNumber("amount", "1,234.50", ".")).toBe('amount "1,234.50" is not a plain number (thousands separators are not accepted)');
    expect(whyNotNumber("amount", "12,5", ".")).toBe(
      'amount "12,5" is not a plain number (the decimal mark is "." and thousands separators are not accepted; use --decimal "," if "," is the decimal mark)',
    );
    expect(whyNotNumber("amount", "abc", ".")).toBe('amount "abc" is not a plain number (expected digits with an optional sign and decimal ".")');
    expect(whyNotNumber("amount", " ", ".")).toBe("amount is blank");
  });
});
