// The cases of fixtures/plotly-figures.json: every chart function with arguments that reach its branches.
import { readFileSync } from "node:fs";
import * as charts from "../../src/charts/index.js";
import type { ChartSpec } from "../../src/charts/index.js";

/** One case: the chart function, its arguments (encoded) and the Plotly JSON text it drew before descriptions. */
export interface ChartCase { readonly name: string; readonly chart: string; readonly args: unknown[]; readonly figure: string }

const FNS: Record<string, (v: number) => string> = {
  pct: (x) => `${Math.round(100 * x)} %`,
  fixed3: (v) => v.toFixed(3),
};

/** Undoes the fixture's encoding of non-finite numbers and label functions. */
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

export const CHART_CASES = JSON.parse(readFileSync(new URL("./fixtures/plotly-figures.json", import.meta.url), "utf8")) as ChartCase[];

/** The names of the chart functions of the charts module. */
export const CHART_FUNCTIONS = Object.keys(charts).filter((k) => /(Chart|Heatmap|Histogram)$/.test(k));

/** The chart description a case's chart function returns today. */
export function describeCase(c: ChartCase): ChartSpec {
  const fn = (charts as unknown as Record<string, (...args: unknown[]) => ChartSpec>)[c.chart]!;
  return fn(...(decode(c.args) as unknown[]));
}
