import type { ChartSpec } from "../chart-spec.js";
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
 * @returns a frozen chart description: two bar marks (without the problem primary, with it
 *   secondary), per cent axis
 * @throws ArgumentError when a share is not in [0, 1]
 * @example
 * serviceRetentionChart([{ label: "Complaint", withProblem: 0.28, comparableWithout: 0.44 }], { windowDays: 180 }).marks.length; // 2
 */
export function serviceRetentionChart(
  bars: readonly ServiceRetentionBar[], options: { readonly title?: string; readonly windowDays?: number } = {},
): ChartSpec {
  for (const b of bars) {
    for (const v of [b.withProblem, b.comparableWithout]) {
      if (!(v >= 0 && v <= 1)) throw new ArgumentError(`serviceRetentionChart: share ${v} of "${b.label}" is not in [0, 1]`);
    }
  }
  const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
  const x = bars.map((b) => b.label);
  const window = options.windowDays === undefined ? "" : ` within ${options.windowDays} days`;
  return deepFreeze({
    id: "service-retention-chart",
    title: options.title ?? "Retention with and without service problems",
    x: { title: "Service problem before the cut" },
    y: { title: `Bought again${window} (share of customers)`, format: "percent", decimals: 0 },
    marks: [
      { kind: "bar", name: "Comparable customers without the problem", x, y: bars.map((b) => b.comparableWithout), colour: "primary", labels: bars.map((b) => pct(b.comparableWithout)), labelPosition: "outside", hover: "{x}, without: {label}" },
      { kind: "bar", name: "Customers with the problem", x, y: bars.map((b) => b.withProblem), colour: "secondary", labels: bars.map((b) => pct(b.withProblem)), labelPosition: "outside", hover: "{x}, with: {label}" },
    ],
    legend: true,
  });
}
