import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/** The fields of an association rule that {@link basketRulesChart} draws. */
export interface BasketRuleBar {
  readonly antecedent: readonly string[];
  readonly consequent: readonly string[];
  /** Lift (ratio, 1 = independent). */
  readonly lift: number;
  /** Confidence (share, 0..1). */
  readonly confidence: number;
}

/**
 * A bar chart of association rules by lift, one bar per rule labelled "X → Y", in the order
 * given (rules come sorted by lift); bars above 1 (bought together more often than by chance)
 * in the primary colour, the others muted. Each bar shows its lift and confidence.
 *
 * @param rules - the rules to draw, e.g. the first 10 of `associationRules`
 * @param options - `title` (default "Top cross-sell rules by lift")
 * @returns a frozen chart description: one unnamed bar mark, a colour per bar
 * @throws ArgumentError when a lift or confidence is not finite
 * @example
 * basketRulesChart([{ antecedent: ["bread"], consequent: ["butter"], lift: 2.3, confidence: 0.6 }]).marks[0]?.x; // ["bread → butter"]
 */
export function basketRulesChart(rules: readonly BasketRuleBar[], options: { readonly title?: string } = {}): ChartSpec {
  for (const r of rules) {
    if (!Number.isFinite(r.lift) || !Number.isFinite(r.confidence)) {
      throw new ArgumentError(`basketRulesChart: rule ${r.antecedent.join(" + ")} → ${r.consequent.join(" + ")} has lift ${r.lift} and confidence ${r.confidence}; both must be finite`);
    }
  }
  return deepFreeze({
    id: "basket-rules-chart",
    title: options.title ?? "Top cross-sell rules by lift",
    x: { title: "Rule: customers who buy → also buy", scale: "category" },
    y: { title: "Lift (times the average rate)", format: "decimal" },
    marks: [
      {
        kind: "bar",
        x: rules.map((r) => `${r.antecedent.join(" + ")} → ${r.consequent.join(" + ")}`),
        y: rules.map((r) => r.lift),
        colour: rules.map((r) => (r.lift > 1 ? "primary" as const : "muted" as const)),
        labels: rules.map((r) => `×${r.lift.toFixed(2)} (${Math.round(100 * r.confidence)} %)`),
        labelPosition: "outside",
        hover: "{x}: lift {label}",
      },
    ],
    legend: false,
  });
}
