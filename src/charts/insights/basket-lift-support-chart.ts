import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * A scatter of association rules: support (share of baskets, x, log scale) against lift (y),
 * with a line at lift 1 (independence). Rules up and to the right are both strong and
 * common: the best cross-sell candidates.
 *
 * @param rules - `support` (share, > 0) and `lift` (ratio) per rule
 * @param options - `title` (default "Lift and support of the rules")
 * @returns a frozen chart description: the rules (points, primary) and the lift-1 line (a
 *   highlighted reference line); x on a log scale in per cent
 * @throws ArgumentError when a support is not in (0, 1] or a lift is not finite
 * @example
 * basketLiftSupportChart([{ support: 0.02, lift: 1.4 }]).marks[0]?.y; // [1.4]
 */
export function basketLiftSupportChart(
  rules: readonly { readonly support: number; readonly lift: number }[],
  options: { readonly title?: string } = {},
): ChartSpec {
  for (const r of rules) {
    if (!(r.support > 0 && r.support <= 1) || !Number.isFinite(r.lift)) throw new ArgumentError(`basketLiftSupportChart: support ${r.support} must be in (0, 1] and lift ${r.lift} finite`);
  }
  const xs = rules.map((r) => r.support);
  const lo = xs.length ? Math.min(...xs) : 0.001, hi = xs.length ? Math.max(...xs) : 1;
  return deepFreeze({
    id: "basket-lift-support-chart",
    title: options.title ?? "Lift and support of the rules",
    x: { title: "Support (share of baskets, log scale)", scale: "log", format: "percent", decimals: 1 },
    y: { title: "Lift (times the average rate)", format: "decimal" },
    marks: [
      { kind: "scatter", name: "rules", x: xs, y: rules.map((r) => r.lift), colour: "primary", pointSize: 8, opacity: 0.7, hover: "support {x:.2%}, lift {y:.2f}" },
      { kind: "line", name: "independence (lift 1)", x: [lo, hi], y: [1, 1], colour: "highlight", reference: true, hover: "lift 1: bought together as often as by chance" },
    ],
    legend: false,
  });
}
