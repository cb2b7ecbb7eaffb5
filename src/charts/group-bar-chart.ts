import type { ChartNumberFormat, ChartSpec } from "./chart-spec.js";
import { deepFreeze } from "../math/deep-freeze.js";
import { ArgumentError } from "../math/argument-error.js";

/**
 * A bar chart of one value per named group, each bar labelled with its value, e.g. the mean
 * probability that a customer is still active by number of repeat purchases.
 *
 * @param groups - label and value per group, in display order
 * @param options - chart title, axis titles (with units), how to print a value on its bar, the
 *   number format of the value axis (default none: plain numbers)
 * @returns a frozen chart description: one unnamed bar mark in the primary colour, each bar labelled
 * @throws ArgumentError when a value is not finite
 * @example
 * groupBarChart([{ label: "0", value: 0.4 }], { title: "P(alive)", xTitle: "Repeat purchases", yTitle: "Mean P(alive) (share)", text: (v) => `${Math.round(100 * v)} %` });
 */
export function groupBarChart(
  groups: readonly { readonly label: string; readonly value: number }[],
  options: {
    readonly title: string;
    readonly xTitle: string;
    readonly yTitle: string;
    readonly text?: (value: number) => string;
    readonly format?: ChartNumberFormat;
  },
): ChartSpec {
  for (const g of groups) {
    if (!Number.isFinite(g.value)) throw new ArgumentError(`groupBarChart: value ${g.value} of group "${g.label}" is not finite`);
  }
  const text = options.text ?? ((v: number) => String(Number(v.toPrecision(3))));
  return deepFreeze({
    id: "group-bar-chart",
    title: options.title,
    x: { title: options.xTitle },
    y: { title: options.yTitle, ...(options.format !== undefined ? { format: options.format } : {}) },
    marks: [
      {
        kind: "bar",
        x: groups.map((g) => g.label),
        y: groups.map((g) => g.value),
        colour: "primary",
        labels: groups.map((g) => text(g.value)),
        labelPosition: "outside",
        hover: "{x}: {label}",
      },
    ],
    legend: false,
  });
}
