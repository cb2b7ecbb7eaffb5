import type { ChartAxis, ChartMark, ChartSpec } from "./chart-spec.js";
import { hoverParts } from "./hover-parts.js";

/**
 * A chart description with every text a reader sees passed through `text`: the title, the axis
 * titles and tick suffixes, the marks' names, category labels (string x and heatmap y values),
 * bar labels, the literal text of tooltips (their `{x}`, `{y:...}` placeholders are kept) and
 * the colour legend's title. Numbers, kinds, colour roles, scales and
 * formats are kept. For pseudonymising ids in charts (`anonymiseReport`) or translating labels.
 * Pure: returns a new object (not frozen) and leaves the input alone.
 *
 * @param chart - the chart description
 * @param text - the text transformation
 * @returns the transformed description
 * @throws whatever `text` throws
 * @example
 * mapChartText(basketRulesChart(rules), (t) => t.toUpperCase()).title; // "TOP CROSS-SELL RULES BY LIFT"
 */
export function mapChartText(chart: ChartSpec, text: (t: string) => string): ChartSpec {
  const values = <T extends string | number>(xs: readonly T[]): T[] => xs.map((v) => (typeof v === "string" ? text(v) : v) as T);
  const axis = (a: ChartAxis): ChartAxis => ({ ...a, title: text(a.title), ...(a.suffix !== undefined ? { suffix: text(a.suffix) } : {}) });
  const mark = (m: ChartMark): ChartMark => {
    const common = {
      ...(m.name !== undefined ? { name: text(m.name) } : {}),
      x: values(m.x),
      ...(m.hover !== undefined ? { hover: hoverParts(m.hover).map((p) => (typeof p === "string" ? text(p) : `{${p.field}${p.format === "" ? "" : `:${p.format}`}}`)).join("") } : {}),
    };
    switch (m.kind) {
      case "bar": return { ...m, ...common, ...(m.labels !== undefined ? { labels: m.labels.map(text) } : {}) };
      case "heatmap": return { ...m, ...common, y: values(m.y), valueTitle: text(m.valueTitle) };
      case "line": return { ...m, ...common };
      case "scatter": return { ...m, ...common };
    }
  };
  return { ...chart, title: text(chart.title), x: axis(chart.x), y: axis(chart.y), marks: chart.marks.map(mark) };
}
