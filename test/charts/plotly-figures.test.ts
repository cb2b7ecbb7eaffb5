// The Plotly renderer reproduces, key for key, the Plotly JSON that every chart function returned
// before charts became renderer-neutral descriptions (test/charts/fixtures/plotly-figures.json).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as charts from "../../src/charts/index.js";
import { toPlotlyFigure } from "../../src/reports/html/to-plotly-figure.js";

interface Case { readonly name: string; readonly chart: string; readonly args: unknown[]; readonly figure: string }

const FNS: Record<string, (v: number) => string> = {
  pct: (x) => `${Math.round(100 * x)} %`,
  fixed3: (v) => v.toFixed(3),
};

/** Undoes the fixture's encoding of non-finite numbers and text functions. */
function decode(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decode);
  if (v !== null && typeof v === "object") {
    const o = v as Record<string, unknown>;
    if (typeof o.$num === "string") return Number(o.$num);
    if (typeof o.$fn === "string") return FNS[o.$fn];
    return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, decode(x)]));
  }
  return v;
}

const cases = JSON.parse(readFileSync(new URL("./fixtures/plotly-figures.json", import.meta.url), "utf8")) as Case[];
const lib = charts as unknown as Record<string, (...args: unknown[]) => unknown>;

describe("toPlotlyFigure reproduces the figures of before", () => {
  it("covers every chart function", () => {
    const fns = Object.keys(charts).filter((k) => /(Chart|Heatmap|Histogram)$/.test(k));
    expect(fns.filter((k) => !cases.some((c) => c.chart === k))).toEqual([]);
  });
  it.each(cases.map((c) => [c.name, c] as const))("%s", (_, c) => {
    const out = lib[c.chart]!(...(decode(c.args) as unknown[]));
    const figure = out !== null && typeof out === "object" && "marks" in out ? toPlotlyFigure(out as charts.ChartSpec) : out;
    expect(JSON.stringify(figure)).toBe(c.figure);
  });
});
