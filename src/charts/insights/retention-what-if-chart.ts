import type { RetentionWhatIf } from "../../insights/cohorts/retention-what-if.js";
import type { ChartSpec, ColourRole, LineMark } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";

/**
 * The retention what-if: the profit gain per acquired customer, in % of the base profit, for
 * x = 1..10 % more retention under each reading (yearly share kept +x points; each period's rate
 * +x points; churn cut by x %), with the course's claim ("5 % more retained, up to 25 % more
 * profit") as a single marker for comparison.
 *
 * @param whatIf - a `retentionWhatIf` result
 * @param options - `period` name for the per-period reading (default "period"), `title`
 * @returns a frozen chart description: three lines with points (primary, secondary, positive) and
 *   the claim (a highlighted point); y in % of the base profit
 * @throws never
 * @example
 * retentionWhatIfChart(w).marks.map((m) => m.name); // ["Yearly share kept +x points", ...]
 */
export function retentionWhatIfChart(whatIf: RetentionWhatIf, options: { readonly period?: string; readonly title?: string } = {}): ChartSpec {
  const unit = options.period ?? "period";
  const line = (name: string, pick: (r: RetentionWhatIf["rows"][number]) => number | null, colour: ColourRole): LineMark => ({
    kind: "line",
    name,
    x: whatIf.rows.map((r) => r.x),
    y: whatIf.rows.map((r) => Math.round(1000 * (pick(r) ?? NaN)) / 10),
    colour,
    points: true,
    hover: `${name}, x = {x}: +{y:.1f} % profit`,
  });
  return deepFreeze({
    id: "retention-what-if-chart",
    title: options.title ?? "What more retention is worth",
    x: { title: "More retention, x (% or points)", scale: "linear" },
    y: { title: "Profit gain per acquired customer (% of base)", format: "decimal", suffix: " %" },
    marks: [
      line("Yearly share kept +x points", (r) => r.plusYearlyPoints.gainShare, "primary"),
      line(`Each ${unit}'s retention +x points`, (r) => r.plusPoints.gainShare, "secondary"),
      line("Churn cut by x %", (r) => r.churnCut.gainShare, "positive"),
      {
        kind: "scatter",
        name: "Course claim: 5 % more retained, up to 25 % more profit",
        x: [5],
        y: [25],
        colour: "highlight",
        pointSize: 11,
        hover: "Course claim: +5 % retained, up to +25 % profit",
      },
    ],
    legend: true,
  });
}
