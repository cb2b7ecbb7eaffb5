import { describe, expect, it } from "vitest";
import {
  dayStep,
  frequencyChart,
  frequencyCounts,
  niceStep,
  recencyOrdersGrid,
  recencyOrdersHeatmap as recencyOrdersHeatmapSpec,
  spendBins,
  spendHistogram as spendHistogramSpec,
  type BarMark,
} from "../../src/charts/index.js";
import type { BarTrace, HeatmapTrace } from "../../src/reports/html/plotly-figure.js";
import { toPlotlyFigure } from "../../src/reports/html/to-plotly-figure.js";
import { plotted } from "../helpers/plotted.js";

const spendHistogram = plotted(spendHistogramSpec);
const recencyOrdersHeatmap = plotted(recencyOrdersHeatmapSpec);

describe("niceStep / dayStep", () => {
  it("rounds up to 1, 2, 2.5, 5 x 10^k", () => {
    expect([0.13, 1, 3, 37, 120, 2400].map(niceStep)).toEqual([0.2, 1, 5, 50, 200, 2500]);
    expect(() => niceStep(0)).toThrow(/niceStep: width 0/);
  });
  it("rounds days to calendar-friendly widths", () => {
    expect([0.5, 5, 20, 45, 400].map(dayStep)).toEqual([1, 7, 30, 60, 730]);
  });
});

describe("frequencyChart", () => {
  it("counts 0..9 and 10+", () => {
    const c = frequencyCounts(Float64Array.from([0, 0, 1, 2, 10, 15, 9]));
    expect(c.labels).toEqual(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10+"]);
    expect(c.counts).toEqual([2, 1, 1, 0, 0, 0, 0, 0, 0, 1, 2]);
  });
  it("describes frozen bars with axis titles in units", () => {
    const spec = frequencyChart([0, 0, 1]);
    const bars = spec.marks[0] as BarMark;
    expect(bars.kind).toBe("bar");
    expect(bars.y.slice(0, 2)).toEqual([2, 1]);
    expect(bars.labels?.slice(0, 2)).toEqual(["67 %", "33 %"]);
    expect(bars.colour).toBe("primary");
    expect(spec.x).toEqual({ title: "Repeat purchases in the period (count)", scale: "category" });
    expect(spec.y).toEqual({ title: "Customers (count)", format: "integer" });
    expect(Object.isFrozen(spec) && Object.isFrozen(spec.marks) && Object.isFrozen(bars.y)).toBe(true);
  });
  it("draws as a Plotly bar figure", () => {
    const fig = toPlotlyFigure(frequencyChart([0, 0, 1]));
    const bar = fig.data[0] as BarTrace;
    expect(bar.type).toBe("bar");
    expect(bar.y.slice(0, 2)).toEqual([2, 1]);
    expect(bar.marker?.color).toBe("#0072B2");
    expect(fig.layout.xaxis?.title?.text).toMatch(/\(count\)/);
    expect(fig.layout.yaxis?.title?.text).toBe("Customers (count)");
    expect(Object.isFrozen(fig) && Object.isFrozen(fig.data) && Object.isFrozen(bar.y)).toBe(true);
  });
  it("rejects negative frequencies with the row", () => {
    expect(() => frequencyChart([1, -1])).toThrow("frequencyCounts: frequency -1 of row 1");
  });
});

describe("spendHistogram", () => {
  it("bins into nice equal widths", () => {
    const b = spendBins([10, 20, 30, 40], 4);
    expect(b.width).toBe(10);
    expect(b.labels).toEqual(["10–20", "20–30", "30–40", "40–50"]);
    expect(b.counts).toEqual([1, 1, 1, 1]);
    expect(b.overflow).toBe(0);
  });
  it("puts the top 1 % into an open-ended bin and counts everyone", () => {
    const values = Array.from({ length: 1000 }, (_, i) => i);
    values.push(1_000_000);
    const b = spendBins(values);
    expect(b.counts.reduce((a, c) => a + c, 0) + b.overflow).toBe(1001);
    expect(b.overflow).toBeGreaterThan(0);
    expect(b.labels.at(-1)).toMatch(/^≥ /);
    expect(b.counts.length).toBeLessThanOrEqual(25);
  });
  it("handles negative spend (returns) and the currency in the axis title", () => {
    const fig = spendHistogram([-30, 0, 50, 120], { currency: "USD" });
    const bar = fig.data[0] as BarTrace;
    expect(bar.y.reduce((a, c) => a + c, 0)).toBe(4);
    expect(fig.layout.xaxis?.title?.text).toBe("Total spend per customer (USD)");
  });
});

describe("recencyOrdersHeatmap", () => {
  it("counts customers per cell", () => {
    const g = recencyOrdersGrid([0, 40, 41, 5], [1, 3, 3, 12], 2, 10);
    expect(g.binDays).toBe(30);
    expect(g.x).toEqual(["0–29", "30–59"]);
    expect(g.y).toEqual(["1", "2", "3", "4", "5", "6", "7", "8", "9", "10+"]);
    expect(g.z[0]).toEqual([1, 0]);
    expect(g.z[2]).toEqual([0, 2]);
    expect(g.z[9]).toEqual([1, 0]);
  });
  it("stays light for 100k customers", () => {
    const n = 100_000;
    const days = Float64Array.from({ length: n }, (_, i) => (i * 7919) % 730);
    const orders = Float64Array.from({ length: n }, (_, i) => 1 + ((i * 31) % 25));
    const fig = recencyOrdersHeatmap(days, orders);
    const h = fig.data[0] as HeatmapTrace;
    expect(h.x.length * h.y.length).toBeLessThanOrEqual(30 * 11);
    expect(h.z.flat().reduce<number>((a, c) => a + (c ?? 0), 0)).toBe(n);
    expect(JSON.stringify(fig).length).toBeLessThan(20_000);
  });
  it("rejects columns of different lengths", () => {
    expect(() => recencyOrdersGrid([1, 2], [1])).toThrow(/2 recency values but 1 order counts/);
  });
});
