import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/** One bar of {@link campaignResponseChart}: a group's response rate and its interval (fractions). */
export interface CampaignResponseBar {
  readonly label: string;
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
}

/**
 * Response rates by group (treatment and control, or per segment and group) as bars, with the
 * ends of each 95 % interval as dots above and below the bar top. Rates are fractions, shown as
 * percentages.
 *
 * @param bars - label, rate, lower and upper bound per bar, in display order (fractions in [0, 1])
 * @param options - chart title (default "Response rate by group")
 * @returns a frozen Plotly figure with three traces: rate, interval low, interval high
 * @throws ArgumentError when a rate or bound is not in [0, 1] or lower > rate > upper
 * @example
 * campaignResponseChart([{ label: "Treatment", rate: 0.08, lower: 0.068, upper: 0.094 }]).data.length; // 3
 */
export function campaignResponseChart(bars: readonly CampaignResponseBar[], options: { readonly title?: string } = {}): PlotlyFigure {
  for (const b of bars) {
    const ok = [b.rate, b.lower, b.upper].every((v) => v >= 0 && v <= 1) && b.lower <= b.rate + 1e-12 && b.rate <= b.upper + 1e-12;
    if (!ok) throw new ArgumentError(`campaignResponseChart: bar "${b.label}" has rate ${b.rate} with interval [${b.lower}, ${b.upper}]; need 0 ≤ lower ≤ rate ≤ upper ≤ 1`);
  }
  const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
  const colour = bars.map((b) => (/control/i.test(b.label) ? PALETTE.accent : PALETTE.primary));
  const x = bars.map((b) => b.label);
  const layout = baseLayout(options.title ?? "Response rate by group", "Group", "Response rate (share of customers)");
  return deepFreeze({
    data: [
      { type: "bar" as const, name: "Response rate", x, y: bars.map((b) => b.rate), text: bars.map((b) => pct(b.rate)), textposition: "inside" as const, marker: { color: colour }, hovertemplate: "%{x}: %{text}<extra></extra>" },
      { type: "scatter" as const, name: "95 % interval, low", mode: "markers" as const, x, y: bars.map((b) => b.lower), marker: { color: PALETTE.text, size: 9 }, hovertemplate: "%{x}: low %{y:.1%}<extra></extra>" },
      { type: "scatter" as const, name: "95 % interval, high", mode: "markers" as const, x, y: bars.map((b) => b.upper), marker: { color: PALETTE.text, size: 9 }, hovertemplate: "%{x}: high %{y:.1%}<extra></extra>" },
    ],
    layout: { ...layout, yaxis: { ...layout.yaxis, tickformat: ".0%" }, showlegend: true },
  });
}
