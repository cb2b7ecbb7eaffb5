import type { RetentionWhatIf } from "../../insights/cohorts/retention-what-if.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/**
 * The retention what-if: the profit gain per acquired customer, in % of the base profit, for
 * x = 1..10 % more retention under each reading (yearly share kept +x points; each period's rate
 * +x points; churn cut by x %), with the course's claim ("5 % more retained, up to 25 % more
 * profit") as a single marker for comparison.
 *
 * @param whatIf - a `retentionWhatIf` result
 * @param options - `period` name for the per-period reading (default "period"), `title`
 * @returns a frozen line chart; y in % of the base profit
 * @throws never
 * @example
 * retentionWhatIfChart(w).data.map((d) => d.name); // ["Yearly share kept +x points", ...]
 */
export function retentionWhatIfChart(whatIf: RetentionWhatIf, options: { readonly period?: string; readonly title?: string } = {}): PlotlyFigure {
  const unit = options.period ?? "period";
  const layout = baseLayout(options.title ?? "What more retention is worth", "More retention, x (% or points)", "Profit gain per acquired customer (% of base)");
  const line = (name: string, pick: (r: RetentionWhatIf["rows"][number]) => number | null, color: string) => ({
    type: "scatter" as const,
    name,
    mode: "lines+markers" as const,
    x: whatIf.rows.map((r) => r.x),
    y: whatIf.rows.map((r) => Math.round(1000 * (pick(r) ?? NaN)) / 10),
    marker: { color },
    hovertemplate: `${name}, x = %{x}: +%{y:.1f} % profit<extra></extra>`,
  });
  return deepFreeze({
    data: [
      line("Yearly share kept +x points", (r) => r.plusYearlyPoints.gainShare, PALETTE.primary),
      line(`Each ${unit}'s retention +x points`, (r) => r.plusPoints.gainShare, PALETTE.accent),
      line("Churn cut by x %", (r) => r.churnCut.gainShare, PALETTE.positive),
      {
        type: "scatter" as const,
        name: "Course claim: 5 % more retained, up to 25 % more profit",
        mode: "markers" as const,
        x: [5],
        y: [25],
        marker: { color: PALETTE.highlight, size: 11 },
        hovertemplate: "Course claim: +5 % retained, up to +25 % profit<extra></extra>",
      },
    ],
    layout: { ...layout, xaxis: { ...layout.xaxis, type: "linear" as const }, yaxis: { ...layout.yaxis, ticksuffix: " %" }, showlegend: true },
  });
}
