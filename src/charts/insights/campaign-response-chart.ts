import type { ChartSpec } from "../chart-spec.js";
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
 * @returns a frozen chart description with three marks: the rates (bars, control groups in the
 *   secondary colour), the interval lows and highs (points in the text colour); per cent axis
 * @throws ArgumentError when a rate or bound is not in [0, 1] or lower > rate > upper
 * @example
 * campaignResponseChart([{ label: "Treatment", rate: 0.08, lower: 0.068, upper: 0.094 }]).marks.length; // 3
 */
export function campaignResponseChart(bars: readonly CampaignResponseBar[], options: { readonly title?: string } = {}): ChartSpec {
  for (const b of bars) {
    const ok = [b.rate, b.lower, b.upper].every((v) => v >= 0 && v <= 1) && b.lower <= b.rate + 1e-12 && b.rate <= b.upper + 1e-12;
    if (!ok) throw new ArgumentError(`campaignResponseChart: bar "${b.label}" has rate ${b.rate} with interval [${b.lower}, ${b.upper}]; need 0 ≤ lower ≤ rate ≤ upper ≤ 1`);
  }
  const pct = (v: number): string => `${(100 * v).toFixed(1)} %`;
  const colour = bars.map((b) => (/control/i.test(b.label) ? "secondary" as const : "primary" as const));
  const x = bars.map((b) => b.label);
  return deepFreeze({
    id: "campaign-response-chart",
    title: options.title ?? "Response rate by group",
    x: { title: "Group" },
    y: { title: "Response rate (share of customers)", format: "percent", decimals: 0 },
    marks: [
      { kind: "bar", name: "Response rate", x, y: bars.map((b) => b.rate), colour, labels: bars.map((b) => pct(b.rate)), labelPosition: "inside", hover: "{x}: {label}" },
      { kind: "scatter", name: "95 % interval, low", x, y: bars.map((b) => b.lower), colour: "ink", pointSize: 9, hover: "{x}: low {y:.1%}" },
      { kind: "scatter", name: "95 % interval, high", x, y: bars.map((b) => b.upper), colour: "ink", pointSize: 9, hover: "{x}: high {y:.1%}" },
    ],
    legend: true,
  });
}
