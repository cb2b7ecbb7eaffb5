import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Segment sizes and value side by side: per segment, its share of customers and its share of
 * revenue (percent), so a manager sees at a glance which small segments carry the money.
 *
 * @param rows - per segment (display order): `segment`, `share` and `revenueShare` as fractions (null counts as 0)
 * @param options - `title`
 * @returns a frozen Plotly figure with two bar traces; y: share (%)
 * @throws ArgumentError when a share is not finite
 * @example
 * rfmSegmentChart([{ segment: "Champions", share: 0.1, revenueShare: 0.3 }]).data[1].y; // [30]
 */
export function rfmSegmentChart(
  rows: readonly { readonly segment: string; readonly share: number | null; readonly revenueShare: number | null }[],
  options: { readonly title?: string } = {},
): PlotlyFigure {
  const pct = (x: number | null, label: string): number => {
    const v = x ?? 0;
    if (!Number.isFinite(v)) throw new ArgumentError(`rfmSegmentChart: share ${x} of segment "${label}" is not finite`);
    return Math.round(v * 1000) / 10;
  };
  const x = rows.map((r) => r.segment);
  const customers = rows.map((r) => pct(r.share, r.segment));
  // No revenue at all (a purchase log): the chart shows the customer shares alone.
  const hasRevenue = rows.some((r) => r.revenueShare !== null);
  const revenue = rows.map((r) => pct(r.revenueShare, r.segment));
  const layout = baseLayout(options.title ?? "Segments: share of customers and of revenue", "Segment", "Share (%)");
  return deepFreeze({
    data: [
      {
        type: "bar" as const,
        name: "Customers",
        x,
        y: customers,
        text: customers.map((v) => `${v} %`),
        textposition: "outside" as const,
        marker: { color: PALETTE.primary },
        hovertemplate: "%{x}: %{y} % of customers<extra></extra>",
      },
      ...(hasRevenue ? [{
        type: "bar" as const,
        name: "Revenue",
        x,
        y: revenue,
        text: revenue.map((v) => `${v} %`),
        textposition: "outside" as const,
        marker: { color: PALETTE.accent },
        hovertemplate: "%{x}: %{y} % of revenue<extra></extra>",
      }] : []),
    ],
    layout: { ...layout, showlegend: true, xaxis: { ...layout.xaxis, type: "category" as const }, yaxis: { ...layout.yaxis, ticksuffix: " %" } },
  });
}
