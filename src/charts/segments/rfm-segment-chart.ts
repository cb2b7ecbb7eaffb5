import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Segment sizes and value side by side: per segment, its share of customers and its share of
 * revenue (percent), so a manager sees at a glance which small segments carry the money.
 *
 * @param rows - per segment (display order): `segment`, `share` and `revenueShare` as fractions (null counts as 0)
 * @param options - `title`
 * @returns a frozen chart description: bars of the customer share (primary) and, when any
 *   revenue is known, of the revenue share (secondary); y: share (%, 0-100)
 * @throws ArgumentError when a share is not finite
 * @example
 * rfmSegmentChart([{ segment: "Champions", share: 0.1, revenueShare: 0.3 }]).marks[1].y; // [30]
 */
export function rfmSegmentChart(
  rows: readonly { readonly segment: string; readonly share: number | null; readonly revenueShare: number | null }[],
  options: { readonly title?: string } = {},
): ChartSpec {
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
  return deepFreeze({
    id: "rfm-segment-chart",
    title: options.title ?? "Segments: share of customers and of revenue",
    x: { title: "Segment", scale: "category" },
    y: { title: "Share (%)", format: "decimal", suffix: " %" },
    marks: [
      {
        kind: "bar",
        name: "Customers",
        x,
        y: customers,
        colour: "primary",
        labels: customers.map((v) => `${v} %`),
        labelPosition: "outside",
        hover: "{x}: {y} % of customers",
      },
      ...(hasRevenue ? [{
        kind: "bar" as const,
        name: "Revenue",
        x,
        y: revenue,
        colour: "secondary" as const,
        labels: revenue.map((v) => `${v} %`),
        labelPosition: "outside" as const,
        hover: "{x}: {y} % of revenue",
      }] : []),
    ],
    legend: true,
  });
}
