import type { Gains } from "../../models/propensity/classifier-gains.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import type { ChartSpec } from "../chart-spec.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * The cumulative gains chart: the share of all customers with the event (e.g. all churners)
 * found when contacting the top x % of customers by score, against the diagonal of random
 * selection. Both axes in per cent.
 *
 * @param gains - the result of `classifierGains`
 * @param options - chart title and the name of the event for the axis (default "positives")
 * @returns a frozen chart description: the model's curve (a line with points, primary) and random
 *   selection (a reference diagonal, secondary); both axes in per cent (0-100)
 * @throws ArgumentError when the curve is empty
 * @example
 * propensityGainsChart(classifierGains(scores, churned), { event: "churners" }).marks.length; // 2
 */
export function propensityGainsChart(gains: Gains, options: { readonly title?: string; readonly event?: string } = {}): ChartSpec {
  if (gains.curve.length < 2) throw new ArgumentError(`propensityGainsChart: the gains curve has ${gains.curve.length} points; need at least 2`);
  const event = options.event ?? "positives";
  const x = gains.curve.map((p) => 100 * p.customerShare);
  return deepFreeze({
    id: "propensity-gains-chart",
    title: options.title ?? "Cumulative gains",
    x: { title: "Customers contacted, highest scores first (%)", format: "decimal", suffix: " %" },
    y: { title: `Share of all ${event} found (%)`, format: "decimal", suffix: " %" },
    marks: [
      { kind: "line", name: "model", x, y: gains.curve.map((p) => 100 * p.gain), colour: "primary", points: true, pointSize: 7, hover: `top {x:.0f} %% of customers: {y:.1f} %% of ${event}` },
      { kind: "line", name: "random", x: [0, 100], y: [0, 100], colour: "secondary", reference: true, hover: "random selection" },
    ],
    legend: true,
  });
}
