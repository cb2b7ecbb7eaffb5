// The Excel renderer reads chart descriptions, never a rendered (Plotly) figure: the data table
// and the native chart plan come from the marks, axes and colour roles.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ChartSpec } from "../../src/charts/index.js";
import { basketLiftSupportChart, campaignResponseChart, frequencyChart, modelTrackingChart, retentionSurvivalChart } from "../../src/charts/index.js";
import { chartData } from "../../src/reports/excel/drawing/xlsx-chart-data.js";
import { chartTable } from "../../src/reports/excel/chart-table.js";

const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f));

describe("the two renderers stay apart", () => {
  it("src/reports/excel imports nothing of the HTML side and never mentions Plotly; the Plotly renderer imports nothing of Excel", () => {
    for (const f of files("src/reports/excel")) {
      const text = readFileSync(f, "utf8");
      expect(text, f).not.toMatch(/from "[^"]*\/html\//);
      expect(text.toLowerCase(), f).not.toContain("plotly");
    }
    for (const f of files("src/reports/html")) expect(readFileSync(f, "utf8"), f).not.toMatch(/from "[^"]*\/excel\//);
  });
  it("src/charts imports nothing from reports, display or a renderer", () => {
    for (const f of files("src/charts")) {
      const text = readFileSync(f, "utf8");
      expect(text, f).not.toMatch(/from "[^"]*\/(reports|display|cli)\//);
      expect(text, f).not.toMatch(/^import .*plotly/im);
    }
  });
});

describe("chartData reads the description", () => {
  it("bars on categories: one column per mark, colours from the roles, integer counts", () => {
    const cd = chartData("Chart data: Repeat purchases", frequencyChart([0, 0, 1, 3]));
    expect(cd.table.columns.map((c) => [c.label, c.format])).toEqual([["Repeat purchases in the period (count)", "text"], ["Customers (count)", "integer"]]);
    expect(cd.table.rows.slice(0, 2)).toEqual([{ x: "0", t0: 2 }, { x: "1", t0: 1 }]);
    expect(cd.plan?.series).toEqual([{ name: "Customers", kind: "bar", mode: "markers", colour: "0072B2", column: 1, firstRow: 0, lastRow: 10 }]);
  });

  it("a percent axis gives percent columns; a colour per bar takes the series cycle; points become markers", () => {
    const cd = chartData("x", campaignResponseChart([{ label: "Treatment", rate: 0.08, lower: 0.07, upper: 0.09 }, { label: "Control", rate: 0.05, lower: 0.04, upper: 0.06 }]));
    expect(cd.table.columns.map((c) => c.format)).toEqual(["text", "percent", "percent", "percent"]);
    expect(cd.plan?.series.map((s) => [s.kind, s.mode, s.colour])).toEqual([["bar", "markers", "0072B2"], ["line", "markers", "1F2933"], ["line", "markers", "1F2933"]]);
  });

  it("numeric x: a scatter chart whose marks share rows when they share x; the chart's palette and a log axis", () => {
    const track = chartData("t", modelTrackingChart({ period: "week", start: "2024-01-01", periods: [1, 2, 3], actual: [0, 1, 1], expected: [0.2, 0.6, 0.9], actualCumulative: [0, 1, 2], expectedCumulative: [0.2, 0.8, 1.7], calibrationPeriods: 2, calibrationEnd: "2024-01-14" } as never));
    expect(track.plan?.series.map((s) => [s.name, s.kind, s.mode, s.colour, s.firstRow, s.lastRow])).toEqual([
      ["Actual", "scatter", "lines", "0072B2", 0, 2], ["Model", "scatter", "lines", "E69F00", 0, 2], ["End of calibration (2024-01-14)", "scatter", "lines", "9AA5B1", 3, 4],
    ]);
    const lift = chartData("l", basketLiftSupportChart([{ support: 0.02, lift: 1.4 }, { support: 0.2, lift: 0.9 }]));
    expect(lift.plan?.xLog).toBe(true);
    expect(lift.table.columns[0]!.format).toBe("percent");
    const groups = chartData("s", retentionSurvivalChart([{ period: "month", group: "all", customers: 10, survival: [1, 0.5] }, { period: "month", group: "web", customers: 4, survival: [1, 0.25] }] as never));
    expect(groups.plan?.series.map((s) => [s.mode, s.colour])).toEqual([["lines+markers", "1F2933"], ["lines+markers", "E69F00"]]);
  });

  it("a hand-made description: heatmaps become a matrix with no native chart; an unnamed single mark takes the y title", () => {
    const heat: ChartSpec = { title: "", x: { title: "R" }, y: { title: "F" }, legend: false, marks: [{ kind: "heatmap", x: [1, 2], y: ["a"], z: [[3, null]], colourScale: "sequential", valueTitle: "n" }] };
    const cd = chartData("h", heat);
    expect(cd.plan).toBeNull();
    expect(cd.matrixColumns).toEqual([1, 2]);
    expect(cd.table.rows).toEqual([{ y: "a", c0: 3, c1: 0 }]);
    const bars: ChartSpec = { title: "", x: { title: "Group" }, y: { title: "Value (EUR)", format: "money" }, legend: false, marks: [{ kind: "bar", x: ["a", "b"], y: [1.5, 2], colour: "positive" }] };
    expect(chartTable("b", bars).columns.map((c) => c.label)).toEqual(["Group", "Value (EUR)"]);
    expect(chartData("b", bars).plan?.series[0]).toMatchObject({ name: "Value (EUR)", colour: "009E73" });
    expect(chartData("b", bars).table.columns[1]!.format).toBe("decimal");
  });
});
