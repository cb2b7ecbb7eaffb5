import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * A scatter of association rules: support (share of baskets, x, log scale) against lift (y),
 * with a line at lift 1 (independence). Rules up and to the right are both strong and
 * common: the best cross-sell candidates.
 *
 * @param rules - `support` (share, > 0) and `lift` (ratio) per rule
 * @param options - `title` (default "Lift and support of the rules")
 * @returns a frozen Plotly figure
 * @throws ArgumentError when a support is not in (0, 1] or a lift is not finite
 * @example
 * basketLiftSupportChart([{ support: 0.02, lift: 1.4 }]).data[0]?.y; // [1.4]
 */
export function basketLiftSupportChart(
  rules: readonly { readonly support: number; readonly lift: number }[],
  options: { readonly title?: string } = {},
): PlotlyFigure {
  for (const r of rules) {
    if (!(r.support > 0 && r.support <= 1) || !Number.isFinite(r.lift)) throw new ArgumentError(`basketLiftSupportChart: support ${r.support} must be in (0, 1] and lift ${r.lift} finite`);
  }
  const layout = baseLayout(options.title ?? "Lift and support of the rules", "Support (share of baskets, log scale)", "Lift (times the average rate)");
  const xs = rules.map((r) => r.support);
  const lo = xs.length ? Math.min(...xs) : 0.001, hi = xs.length ? Math.max(...xs) : 1;
  return deepFreeze({
    data: [
      { type: "scatter" as const, mode: "markers" as const, name: "rules", x: xs, y: rules.map((r) => r.lift), marker: { color: PALETTE.primary, size: 8, opacity: 0.7 }, hovertemplate: "support %{x:.2%}, lift %{y:.2f}<extra></extra>" },
      { type: "scatter" as const, mode: "lines" as const, name: "independence (lift 1)", x: [lo, hi], y: [1, 1], marker: { color: PALETTE.highlight }, hovertemplate: "lift 1: bought together as often as by chance<extra></extra>" },
    ],
    layout: { ...layout, xaxis: { ...layout.xaxis, type: "log" as const, tickformat: ".1%" } },
  });
}
