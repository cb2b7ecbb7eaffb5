import type { GroupValue } from "../../value/types.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../with-currency.js";

const SERIES = [
  ["net_sales", "Lifetime sales", PALETTE.sky],
  ["gross_margin", "Gross margin", PALETTE.primary],
  ["cost_to_serve", "Cost to serve", PALETTE.highlight],
  ["net_contribution", "Net contribution", PALETTE.positive],
] as const;

/**
 * Value by group as grouped bars: lifetime sales (net of returns), gross margin, cost to serve
 * and net contribution of each group (e.g. each channel), in currency units, groups in the
 * order of the table (best net contribution first).
 *
 * @param value - the result of `valueByGroup` (or `customerValue(...).byChannel`)
 * @param options - `currency` for the axis title (default none: plain numbers), chart `title`
 * @returns a frozen Plotly figure with four bar traces
 * @throws ArgumentError when a plotted value is not finite
 * @example
 * valueByGroupChart(valueByGroup(t, "channel"), { currency: "EUR" }).data.map((d) => d.name);
 * // ["Lifetime sales", "Gross margin", "Cost to serve", "Net contribution"]
 */
export function valueByGroupChart(value: GroupValue, options: { readonly currency?: string; readonly title?: string } = {}): PlotlyFigure {
  const currency = options.currency ?? "";
  const groups = value.columns.group;
  // A series that is unknown for every group (margin without costs) is left out; a partly unknown one is an error.
  const series = SERIES.filter(([key]) => value.columns[key].some(Number.isFinite));
  for (const [key] of series) {
    value.columns[key].forEach((v, k) => {
      if (!Number.isFinite(v)) throw new ArgumentError(`valueByGroupChart: ${key} ${v} of group "${groups[k]}" is not finite`);
    });
  }
  const money = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  const layout = baseLayout(options.title ?? `Value by ${value.by.replace(/_/g, " ")}`, value.by.replace(/_/g, " "), withCurrency("Value", currency));
  return deepFreeze({
    data: series.map(([key, name, color]) => ({
      type: "bar" as const,
      name,
      x: [...groups],
      y: Array.from(value.columns[key]),
      text: Array.from(value.columns[key], (v) => money.format(v)),
      textposition: "outside" as const,
      marker: { color },
      hovertemplate: `%{x}: ${name.toLowerCase()} %{text}${currency ? ` ${currency}` : ""}<extra></extra>`,
    })),
    layout: { ...layout, showlegend: true, yaxis: { ...layout.yaxis, rangemode: "normal" as const, zeroline: true } },
  });
}
