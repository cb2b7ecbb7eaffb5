import { describe, expect, it } from "vitest";
import { DAYS_AFTER_RUN_DATE, EARLIEST_DAY, dayRangeProblem, latestDay } from "../../src/data/parse/day-range.js";
import { ArgumentError } from "../../src/math/argument-error.js";

describe("the accepted range of row dates", () => {
  it("runs from 1900-01-01 to a year and a day after the run date", () => {
    expect(EARLIEST_DAY).toBe(Date.UTC(1900, 0, 1) / 86_400_000);
    expect(DAYS_AFTER_RUN_DATE).toBe(366);
    expect(latestDay("2024-01-01")).toBe(Date.UTC(2025, 0, 1) / 86_400_000);
  });

  it("uses the current UTC date when no run date is given", () => {
    const before = Math.floor(Date.now() / 86_400_000);
    const latest = latestDay();
    const after = Math.floor(Date.now() / 86_400_000);
    expect(latest - DAYS_AFTER_RUN_DATE).toBeGreaterThanOrEqual(before);
    expect(latest - DAYS_AFTER_RUN_DATE).toBeLessThanOrEqual(after);
  });

  it("says why a day is out of range, naming the column, the text and the bounds", () => {
    const latest = latestDay("2024-01-01");
    expect(dayRangeProblem("date", "2024-06-01", 19875, latest)).toBeNull();
    expect(dayRangeProblem("date", "1900-01-01", EARLIEST_DAY, latest)).toBeNull();
    expect(dayRangeProblem("date", "2025-01-01", latest, latest)).toBeNull();
    expect(dayRangeProblem("date", "2025-01-02", latest + 1, latest)).toBe(
      'date "2025-01-02" is after 2025-01-01 (one year after the run date; accepted dates run from 1900-01-01)',
    );
    expect(dayRangeProblem("order_date", " 0000-01-01 ", -719528, latest)).toBe(
      'order_date "0000-01-01" is before 1900-01-01 (accepted dates run from 1900-01-01 to 2025-01-01)',
    );
  });

  it("refuses a run date that is not ISO", () => {
    expect(() => latestDay("01/01/2024")).toThrow(new ArgumentError('latestDay: today "01/01/2024" is not a date in the form YYYY-MM-DD'));
  });
});
