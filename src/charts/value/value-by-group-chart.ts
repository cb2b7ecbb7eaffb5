import type { GroupValue } from "../../value/types.js";
import type { ChartSpec, ColourRole } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../with-currency.js";

const SERIES: readonly (readonly ["net_sales" | "gross_margin" | "cost_to_serve" | "net_contribution", string, ColourRole])[] = [
  ["net_sales", "Lifetime sales", "muted"],
  ["gross_margin", "Gross margin", "primary"],
  ["cost_to_serve", "Cost to serve", "highlight"],
  ["net_contribution", "Net contribution", "positive"],
];

/**
 * Value by group as grouped bars: lifetime sales (net of returns), gross margin, cost to serve
 * and net contribution of each group (e.g. each channel), in currency units, groups in the
 * order of the table (best net contribution first).
 *
 * @param value - the result of `valueByGroup` (or `customerValue(...).byChannel`)
 * @param options - `currency` for the axis title (default none: plain numbers), chart `title`
 * @returns a frozen chart description: up to four bar marks (lifetime sales muted, gross margin
 *   primary, cost to serve highlighted, net contribution positive), a money axis with a zero line
 * @throws ArgumentError when a plotted value is not finite
 * @example
 * valueByGroupChart(valueByGroup(t, "channel"), { currency: "EUR" }).marks.map((m) => m.name);
 * // ["Lifetime sales", "Gross margin", "Cost to serve", "Net contribution"]
 */
export function valueByGroupChart(value: GroupValue, options: { readonly currency?: string; readonly title?: string } = {}): ChartSpec {
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
  return deepFreeze({
    id: "value-by-group-chart",
    title: options.title ?? `Value by ${value.by.replace(/_/g, " ")}`,
    x: { title: value.by.replace(/_/g, " ") },
    y: { title: withCurrency("Value", currency), format: "money", includeZero: false, zeroLine: true },
    marks: series.map(([key, name, colour]) => ({
      kind: "bar" as const,
      name,
      x: [...groups],
      y: Array.from(value.columns[key]),
      colour,
      labels: Array.from(value.columns[key], (v) => money.format(v)),
      labelPosition: "outside" as const,
      hover: `{x}: ${name.toLowerCase()} {label}${currency ? ` ${currency}` : ""}`,
    })),
    legend: true,
  });
}
