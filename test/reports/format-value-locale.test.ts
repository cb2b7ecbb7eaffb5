import { describe, expect, it } from "vitest";
import { formatValue } from "../../src/reports/format-value.js";

describe("formatValue with a locale", () => {
  it("keeps the default style without a locale", () => {
    expect(formatValue(1234.5, "money", "EUR")).toBe("1,234.50 EUR");
    expect(formatValue(1234567, "integer")).toBe("1,234,567");
    expect(formatValue(0.625, "percent")).toBe("62.5 %");
    expect(formatValue("2024-01-02", "date")).toBe("2024-01-02");
    expect(formatValue(null, "money")).toBe("–");
    expect(formatValue(Number.NaN, "decimal")).toBe("–");
  });

  it("formats de-DE money as 1.234,50 EUR and dates as 02.01.2024", () => {
    expect(formatValue(1234.5, "money", "EUR", "de-DE")).toBe("1.234,50 EUR");
    expect(formatValue(1234567, "integer", "EUR", "de-DE")).toBe("1.234.567");
    expect(formatValue(1.5, "decimal", "EUR", "de-DE")).toBe("1,50");
    expect(formatValue(0.625, "percent", "EUR", "de-DE")).toBe("62,5 %");
    expect(formatValue("2024-01-02", "date", "EUR", "de-DE")).toBe("02.01.2024");
    expect(formatValue("2024-01-02", "date", "EUR", "en-GB")).toBe("02/01/2024");
  });

  it("leaves text, non-ISO dates and impossible days as written", () => {
    expect(formatValue("C-17", "text", "EUR", "de-DE")).toBe("C-17");
    expect(formatValue("2024-02-30", "date", "EUR", "de-DE")).toBe("2024-02-30");
    expect(formatValue("Q1 2024", "date", "EUR", "de-DE")).toBe("Q1 2024");
  });

  it("throws RangeError on a malformed locale", () => {
    expect(() => formatValue(1, "integer", "EUR", "de_DE")).toThrow(RangeError);
  });
});
