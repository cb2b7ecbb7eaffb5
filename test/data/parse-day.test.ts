import { describe, expect, it } from "vitest";
import { parseDay } from "../../src/data/index.js";

describe("parseDay: the whole text must be the date (issue 9)", () => {
  it.each([
    ["2024-01-02 10:11", "auto"],
    ["2024-01-02 10:11:12", "auto"],
    ["2024-01-02T10:11:12Z", "auto"],
    ["2024-01-02T10:11:12.123+02:00", "iso"],
    ["2024-01-02T23:59:59-08:00", "iso"],
    ["2024-01-02 00:00:00.000000", "iso"],
    ["2024-01-02 8:26 PM", "iso"],
    ["2024-01-02 10:11:12 UTC", "iso"],
    ["20240102 10:11", "yyyymmdd"],
    ["1/2/2024 8:26", "M/D/YYYY H:mm"],
    ["02/01/2024 08:26", "DD/MM/YYYY HH:mm"],
    ["02/01/2024 08:26:59", "DD/MM/YYYY HH:mm:ss"],
    ["02/01/2024", "DD/MM/YYYY HH:mm"],
    ["2024-01-02T10:11", "YYYY-MM-DDTHH:mm"],
  ])("reads %j (%s) as 2024-01-02, the day as written whatever the time zone", (text, format) => {
    expect(parseDay(text, format)).toBe(19724);
  });

  it("reads the UCI online-retail style 12/1/2010 8:26 with M/D/YYYY H:mm as 2010-12-01", () => {
    expect(parseDay("12/1/2010 8:26", "M/D/YYYY H:mm")).toBe(Date.UTC(2010, 11, 1) / 86_400_000);
  });

  it.each([
    ["2024-01-02 garbage", "auto"],
    ["2024-01-02 garbage", "iso"],
    ["2024-01-02T", "iso"],
    ["2024-01-02 25:00", "iso"],
    ["2024-01-02 10:60", "iso"],
    ["2024-01-02 13:00 PM", "iso"],
    ["2024-01-02 10:11:12 +02:00 extra", "iso"],
    ["2024-01-02 10", "iso"],
    ["20240102 x", "yyyymmdd"],
    ["1/2/2024 x", "M/D/YYYY"],
    ["1/2/2024 8:26 later", "M/D/YYYY H:mm"],
  ])("rejects %j (%s): text after the date that is not a time of day", (text, format) => {
    expect(parseDay(text, format)).toBeNull();
  });

  it("reads Excel serial day numbers: 5 digits in auto, any with the excel format", () => {
    expect(parseDay("45292", "auto")).toBe(19723); // 2024-01-01
    expect(parseDay("45292.35", "auto")).toBe(19723); // the time fraction is dropped
    expect(parseDay("45292", "excel")).toBe(19723);
    expect(parseDay("61", "excel")).toBe(Date.UTC(1900, 2, 1) / 86_400_000);
    expect(parseDay("59", "excel")).toBe(Date.UTC(1900, 1, 28) / 86_400_000);
    expect(parseDay("2024-01-01", "excel")).toBe(19723); // a real date cell beside serial numbers
    expect(parseDay("2024-01-01 garbage", "excel")).toBeNull();
    expect(parseDay("1", "excel")).toBe(Date.UTC(1900, 0, 1) / 86_400_000);
    expect(parseDay("60", "excel")).toBeNull(); // Excel's 29 February 1900, which never was
    expect(parseDay("0", "excel")).toBeNull();
    expect(parseDay("4529", "auto")).toBeNull(); // not 5 digits: no guess
    expect(parseDay("-45292", "excel")).toBeNull();
  });
});
