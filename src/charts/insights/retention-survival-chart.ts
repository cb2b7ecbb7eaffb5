import type { SurvivalCurve } from "../../insights/cohorts/survival-curve.js";
import type { PlotlyFigure } from "../plotly-figure.js";
import { PALETTE, baseLayout } from "../palette.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * "Still buying" survival curves, one line per group (e.g. all customers and each acquisition
 * channel): the share of a cohort with a purchase at that age or later, in %, by periods since
 * the first purchase. The "all" curve is drawn dark and thicker.
 *
 * @param curves - `survivalCurves` results (the first usually "all")
 * @param options - `title`
 * @returns a frozen line chart; y in % (0-100)
 * @throws ArgumentError when there is no curve or the curves differ in period
 * @example
 * retentionSurvivalChart(survivalCurves(cohortMatrix(tx, { by: "channel" }))).data.length; // 4
 */
export function retentionSurvivalChart(curves: readonly SurvivalCurve[], options: { readonly title?: string } = {}): PlotlyFigure {
  const fn = "retentionSurvivalChart";
  if (curves.length === 0) throw new ArgumentError(`${fn}: no survival curve`);
  const unit = curves[0]!.period;
  for (const c of curves) if (c.period !== unit) throw new ArgumentError(`${fn}: curve "${c.group}" is by ${c.period}, the first by ${unit}`);
  const layout = baseLayout(
    options.title ?? "Still buying: share of a cohort with a purchase then or later",
    `${unit[0]!.toUpperCase()}${unit.slice(1)}s since the first purchase (${unit}s)`,
    "Still buying (% of cohort)",
  );
  let colour = 0;
  const others = PALETTE.colorway.filter((c) => c !== PALETTE.primary);
  return deepFreeze({
    data: curves.map((c) => ({
      type: "scatter" as const,
      name: `${c.group} (${c.customers.toLocaleString("en-US")})`,
      mode: "lines+markers" as const,
      x: c.survival.map((_, k) => k),
      y: c.survival.map((s) => Math.round(1000 * s) / 10),
      marker: c.group === "all" ? { color: PALETTE.text, size: 5 } : { color: others[colour++ % others.length]!, size: 4 },
      hovertemplate: `${c.group}, ${unit} %{x}: %{y:.1f} % still buying<extra></extra>`,
    })),
    layout: { ...layout, xaxis: { ...layout.xaxis, type: "linear" as const }, yaxis: { ...layout.yaxis, ticksuffix: " %" }, showlegend: true },
  });
}
