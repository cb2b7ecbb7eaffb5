import type { SurvivalCurve } from "../../insights/cohorts/survival-curve.js";
import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";
import { PALETTE } from "../palette.js";

/** Colours in the series cycle. */
const SERIES_COLOURS = PALETTE.colorway.length;

/**
 * "Still buying" survival curves, one line per group (e.g. all customers and each acquisition
 * channel): the share of a cohort with a purchase at that age or later, in %, by periods since
 * the first purchase. The "all" curve is drawn in the text colour and thicker; the others take
 * the series colours after the primary one.
 *
 * @param curves - `survivalCurves` results (the first usually "all")
 * @param options - `title`
 * @returns a frozen chart description: one line with points per curve; y in % (0-100)
 * @throws ArgumentError when there is no curve or the curves differ in period
 * @example
 * retentionSurvivalChart(survivalCurves(cohortMatrix(tx, { by: "channel" }))).marks.length; // 4
 */
export function retentionSurvivalChart(curves: readonly SurvivalCurve[], options: { readonly title?: string } = {}): ChartSpec {
  const fn = "retentionSurvivalChart";
  if (curves.length === 0) throw new ArgumentError(`${fn}: no survival curve`);
  const unit = curves[0]!.period;
  for (const c of curves) if (c.period !== unit) throw new ArgumentError(`${fn}: curve "${c.group}" is by ${c.period}, the first by ${unit}`);
  let colour = 0;
  return deepFreeze({
    id: "retention-survival-chart",
    title: options.title ?? "Still buying: share of a cohort with a purchase then or later",
    x: { title: `${unit[0]!.toUpperCase()}${unit.slice(1)}s since the first purchase (${unit}s)`, scale: "linear" },
    y: { title: "Still buying (% of cohort)", format: "decimal", suffix: " %" },
    marks: curves.map((c) => ({
      kind: "line" as const,
      name: `${c.group} (${c.customers.toLocaleString("en-US")})`,
      x: c.survival.map((_, k) => k),
      y: c.survival.map((s) => Math.round(1000 * s) / 10),
      // "all" in the text colour; the groups cycle through the series colours after the primary one (1..6)
      colour: c.group === "all" ? "ink" as const : { series: 1 + (colour++ % (SERIES_COLOURS - 1)) },
      points: true,
      pointSize: c.group === "all" ? 5 : 4,
      hover: `${c.group}, ${unit} {x}: {y:.1f} % still buying`,
    })),
    legend: true,
  });
}
