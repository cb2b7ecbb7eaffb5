import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/** One problem of {@link serviceRetentionChart}: the bought-again shares with and without it (fractions). */
export interface ServiceRetentionBar {
  readonly label: string;
  /** Share of the customers with the problem who bought again. */
  readonly withProblem: number;
  /** Share expected from comparable customers without it (same prior orders, recency and spend). */
  readonly comparableWithout: number;
}

/**
 * Retention (share who bought again within the window) of customers with a service problem
 * next to comparable customers without it, one pair of bars per problem. A gap where the
 * orange bar is lower is the retention the problem costs.
 *
 * @param bars - per problem, the two shares (fractions in [0, 1]), in display order
 * @param options - chart title and the window length in days for the axis title
 * @returns a frozen Plotly figure with two bar traces
 * @throws ArgumentError when a share is not in [0, 1]
 * @example
 * serviceRetentionChart([{ label: "Complaint", withProblem: 0.28, comparableWithout: 0.44 }], { windowDays: 180 }).data.length; // 2
 */
export function serviceRetentionChart(
  bars: readonly ServiceRetentionBar[], options: { readonly title?: string; readonly windowDays?: number } = {},
): PlotlyFigure {
  for (const b of bars) {
    for (const v of [b.withProblem, b.comparableWithout]) {
      if (!(v >= 0 && v <= 1)) throw new ArgumentError(`serviceRetentionChart: share ${v} of "${b.label}" is not in [0, 1]`);
    }
  }
  const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
  const x = bars.map((b) => b.label);
  const window = options.windowDays === undefined ? "" : ` within ${options.windowDays} days`;
  const layout = baseLayout(options.title ?? "Retention with and without service problems", "Service problem before the cut", `Bought again${window} (share of customers)`);
  return deepFreeze({
    data: [
      { type: "bar" as const, name: "Comparable customers without the problem", x, y: bars.map((b) => b.comparableWithout), text: bars.map((b) => pct(b.comparableWithout)), textposition: "outside" as const, marker: { color: PALETTE.primary }, hovertemplate: "%{x}, without: %{text}<extra></extra>" },
      { type: "bar" as const, name: "Customers with the problem", x, y: bars.map((b) => b.withProblem), text: bars.map((b) => pct(b.withProblem)), textposition: "outside" as const, marker: { color: PALETTE.accent }, hovertemplate: "%{x}, with: %{text}<extra></extra>" },
    ],
    layout: { ...layout, yaxis: { ...layout.yaxis, tickformat: ".0%" }, showlegend: true },
  });
}
