import type { MigrationMatrix } from "../../segments/migration/migration-matrix.js";
import type { ChartSpec } from "../chart-spec.js";
import { deepFreeze } from "../../math/deep-freeze.js";
import { ArgumentError } from "../../math/argument-error.js";
import { withCurrency } from "../with-currency.js";

/**
 * The migration matrix as a heatmap: segment at the first date up the side (best at the top,
 * "new" at the bottom), segment at the second date across. The colour is the row share (percent
 * of the row's customers; default), the count of customers, or the revenue between the dates.
 * Cells on the diagonal stayed; left of it moved up, right of it moved down.
 *
 * @param matrix - from `migrationMatrix` or `rfmMigration(...).matrix`
 * @param options - `measure` ("rowShare" default, "count", "revenue"), `currency` (for revenue), `from`, `to` (date labels), `title`
 * @returns a frozen chart description: a heatmap, 520 px high with room for long segment names;
 *   empty cells null
 * @throws ArgumentError when the matrix rows and counts differ in size
 * @example
 * migrationHeatmap(m).marks[0].kind; // "heatmap"
 */
export function migrationHeatmap(
  matrix: MigrationMatrix,
  options: { readonly measure?: "rowShare" | "count" | "revenue"; readonly currency?: string; readonly from?: string; readonly to?: string; readonly title?: string } = {},
): ChartSpec {
  if (matrix.counts.length !== matrix.rows.length) throw new ArgumentError(`migrationHeatmap: ${matrix.rows.length} rows but ${matrix.counts.length} count rows`);
  const measure = options.measure ?? "rowShare";
  const currency = options.currency ?? "";
  const cell = (i: number, j: number): number | null => {
    const c = matrix.counts[i]![j]!;
    if (c === 0) return null;
    if (measure === "count") return c;
    if (measure === "revenue") return Math.round(matrix.revenue[i]![j]! * 100) / 100;
    return Math.round((matrix.rowShares[i]![j] ?? 0) * 1000) / 10;
  };
  // The first row is drawn at the bottom: reverse so the best segment is on top.
  const order = matrix.rows.map((_, i) => i).reverse();
  const what = measure === "count" ? "Customers (count)" : measure === "revenue" ? withCurrency("Revenue between the dates", currency) : "Share of the row's customers (%)";
  return deepFreeze({
    id: "migration-heatmap",
    title: options.title ?? "Segment migration",
    x: { title: `Segment on ${options.to ?? "the second date"}`, scale: "category" },
    y: { title: `Segment on ${options.from ?? "the first date"}`, scale: "category", includeZero: false },
    marks: [
      {
        kind: "heatmap",
        name: what,
        x: [...matrix.columns],
        y: order.map((i) => matrix.rows[i]!),
        z: order.map((i) => matrix.columns.map((_, j) => cell(i, j))),
        colourScale: "sequential",
        valueTitle: what,
        hover: `from {y} to {x}: {z}${measure === "rowShare" ? " %" : measure === "revenue" ? (currency ? ` ${currency}` : "") : " customers"}`,
        cellGapPx: 1,
      },
    ],
    legend: false,
    heightPx: 520,
    marginPx: { left: 140, right: 24, top: 56, bottom: 120 },
  });
}
