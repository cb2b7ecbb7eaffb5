import type { CohortMatrix } from "../../insights/cohorts/cohort-types.js";
import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../with-currency.js";

/** What the cohort heatmap colours: retention (% active), active customers, or revenue per original customer. */
export type CohortHeatmapMeasure = "retention" | "active" | "revenuePerCustomer";

/**
 * The cohort triangle as a heatmap: one row per acquisition cohort (oldest on top), one column per
 * period since the first purchase; the colour is the retention in % (default), the active
 * customers, or the revenue per original customer. Periods not yet fully observed are blank,
 * which gives the triangle its shape. Age 0 is 100 % by definition and left out of the colour
 * scale for retention (`fromAge` 1) so that the later ages are readable.
 *
 * @param matrix - a `cohortMatrix` result
 * @param options - `measure`, `currency` (for revenue), `fromAge` (default 1 for retention, else 0), `title`
 * @returns a frozen chart description: a heatmap, rows newest first (drawn bottom up, so the oldest is on top),
 *   `z[row][age - fromAge]`, unobserved cells null
 * @throws ArgumentError for an unknown measure or a negative `fromAge`
 * @example
 * cohortRetentionHeatmap(cohortMatrix(tx)).marks[0].y[0]; // "2025-06 (217)": the newest cohort, drawn at the bottom
 */
export function cohortRetentionHeatmap(
  matrix: CohortMatrix,
  options: { readonly measure?: CohortHeatmapMeasure; readonly currency?: string; readonly fromAge?: number; readonly title?: string } = {},
): ChartSpec {
  const fn = "cohortRetentionHeatmap";
  const measure = options.measure ?? "retention";
  if (!["retention", "active", "revenuePerCustomer"].includes(measure)) throw new ArgumentError(`${fn}: measure "${measure}" must be retention, active or revenuePerCustomer`);
  const from = options.fromAge ?? (measure === "retention" ? 1 : 0);
  if (!(Number.isInteger(from) && from >= 0)) throw new ArgumentError(`${fn}: fromAge ${from} must be a whole number >= 0`);
  const currency = options.currency ?? "";
  const unit = matrix.period;
  const ages = Math.max(0, ...matrix.cohorts.map((c) => c.observedPeriods)) - from;
  const x = Array.from({ length: Math.max(0, ages) }, (_, k) => k + from);
  const cell = (c: CohortMatrix["cohorts"][number], a: number): number | null => {
    if (a >= c.observedPeriods) return null;
    if (measure === "retention") return Math.round(1000 * c.retention[a]!) / 10;
    if (measure === "active") return c.active[a]!;
    return Math.round(100 * c.revenuePerCustomer[a]!) / 100;
  };
  const what = measure === "retention" ? "Retention (% of cohort active)" : measure === "active" ? "Active customers (count)" : withCurrency("Revenue per original customer", currency);
  const rows = [...matrix.cohorts].reverse(); // the first row is drawn at the bottom: oldest on top
  const hover = measure === "retention" ? "{z:.1f} % active" : measure === "active" ? "{z:,d} active customers" : `{z:,.2f}${currency ? ` ${currency}` : ""} per customer`;
  return deepFreeze({
    id: "cohort-retention-heatmap",
    title: options.title ?? (measure === "retention" ? `Retention by acquisition ${unit}` : measure === "active" ? `Active customers by acquisition ${unit}` : `Revenue per original customer by acquisition ${unit}`),
    x: { title: `${unit[0]!.toUpperCase()}${unit.slice(1)}s since the first purchase (${unit}s)`, scale: "category" },
    y: { title: `Acquisition ${unit} (cohort)`, scale: "category", includeZero: false },
    marks: [
      {
        kind: "heatmap",
        name: what,
        x,
        y: rows.map((c) => `${c.cohort} (${c.size})`),
        z: rows.map((c) => x.map((a) => cell(c, a))),
        colourScale: "sequential",
        valueTitle: what,
        hover: `Cohort {y}, ${unit} {x}: ${hover}`,
        cellGapPx: 1,
      },
    ],
    legend: false,
    heightPx: Math.max(380, 120 + 16 * matrix.cohorts.length),
  });
}
