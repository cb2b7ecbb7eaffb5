import { groupBarChart } from "../group-bar-chart.js";
import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * ROC AUC of several scores on the same test customers, side by side (0.5 = a coin toss,
 * 1 = a perfect ranking). Scores without a value (null) are left out.
 *
 * @param aucs - label and AUC per score, in display order
 * @param options - chart title
 * @returns a frozen chart description: one bar per score, labelled with its AUC
 * @throws ArgumentError when an AUC is outside [0, 1]
 * @example
 * propensityAucChart([{ label: "logistic model", auc: 0.78 }, { label: "P(alive)", auc: 0.62 }]).marks[0].y; // [0.78, 0.62]
 */
export function propensityAucChart(aucs: readonly { readonly label: string; readonly auc: number | null }[], options: { readonly title?: string } = {}): ChartSpec {
  const shown = aucs.filter((a): a is { label: string; auc: number } => a.auc !== null);
  for (const a of shown) if (!(a.auc >= 0 && a.auc <= 1)) throw new ArgumentError(`propensityAucChart: AUC ${a.auc} of "${a.label}" is outside [0, 1]`);
  const chart = groupBarChart(shown.map((a) => ({ label: a.label, value: a.auc })), {
    title: options.title ?? "Ranking quality on the test period (ROC AUC)",
    xTitle: "Score",
    yTitle: "ROC AUC (0.5 = coin toss, 1 = perfect)",
    text: (v) => v.toFixed(3),
    format: "decimal",
  });
  return deepFreeze({ ...chart, id: "propensity-auc-chart" });
}
