import type { PlotlyFigure } from "./plotly-figure.js";
import { PALETTE, baseLayout } from "./palette.js";
import { deepFreeze } from "../math/deep-freeze.js";
import { ArgumentError } from "../math/argument-error.js";

/**
 * A bar chart of one value per named group, each bar labelled with its value, e.g. the mean
 * probability that a customer is still active by number of repeat purchases.
 *
 * @param groups - label and value per group, in display order
 * @param options - chart title, axis titles (with units) and how to print a value on its bar
 * @returns a frozen Plotly figure
 * @throws ArgumentError when a value is not finite
 * @example
 * groupBarChart([{ label: "0", value: 0.4 }], { title: "P(alive)", xTitle: "Repeat purchases", yTitle: "Mean P(alive) (share)", text: (v) => `${Math.round(100 * v)} %` });
 */
export function groupBarChart(
  groups: readonly { readonly label: string; readonly value: number }[],
  options: { readonly title: string; readonly xTitle: string; readonly yTitle: string; readonly text?: (value: number) => string },
): PlotlyFigure {
  for (const g of groups) {
    if (!Number.isFinite(g.value)) throw new ArgumentError(`groupBarChart: value ${g.value} of group "${g.label}" is not finite`);
  }
  const text = options.text ?? ((v: number) => String(Number(v.toPrecision(3))));
  return deepFreeze({
    data: [
      {
        type: "bar" as const,
        x: groups.map((g) => g.label),
        y: groups.map((g) => g.value),
        text: groups.map((g) => text(g.value)),
        textposition: "outside" as const,
        marker: { color: PALETTE.primary },
        hovertemplate: "%{x}: %{text}<extra></extra>",
      },
    ],
    layout: baseLayout(options.title, options.xTitle, options.yTitle),
  });
}
