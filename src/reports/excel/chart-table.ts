import type { ChartSpec, HeatmapMark } from "../../charts/chart-spec.js";
import type { CellValue, ReportTable, TableColumn } from "../report-model.js";

/**
 * The data behind a chart description as a table, for readers without the chart (Excel, screen
 * readers): bar, line and point marks give one row per x value with a column per mark (named by
 * the mark, or by the y-axis title when there is one mark); a heatmap gives one row per y value
 * with a column per x value. Reads the description only (never a rendered figure).
 *
 * @param title - table title
 * @param chart - the chart description
 * @param xLabel - header of the first column (default: the x-axis title)
 * @returns a table (not frozen; build-time helper for renderers)
 * @throws never
 * @example
 * chartTable("Freq", frequencyChart([0, 1])).rows[0]; // { x: "0", t0: 1 }
 */
export function chartTable(title: string, chart: ChartSpec, xLabel?: string): ReportTable {
  const heat = chart.marks.find((m): m is HeatmapMark => m.kind === "heatmap");
  if (heat) {
    const columns: TableColumn[] = [
      { key: "y", label: chart.y.title, format: "text" },
      ...heat.x.map((x, j) => ({ key: `c${j}`, label: String(x), format: "integer" as const })),
    ];
    const rows = heat.y.map((y, i) => {
      const row: Record<string, CellValue> = { y: String(y) };
      heat.x.forEach((_, j) => (row[`c${j}`] = heat.z[i]?.[j] ?? 0));
      return row;
    });
    return { title, columns, rows };
  }
  const columns: TableColumn[] = [{ key: "x", label: xLabel ?? chart.x.title, format: "text" }];
  const byX = new Map<string, Record<string, CellValue>>();
  chart.marks.forEach((m, k) => {
    if (m.kind === "heatmap") return;
    columns.push({ key: `t${k}`, label: (chart.marks.length === 1 ? chart.y.title : undefined) ?? m.name ?? `Series ${k + 1}`, format: "integer" });
    m.x.forEach((x, i) => {
      const key = String(x);
      const row = byX.get(key) ?? { x: key };
      row[`t${k}`] = m.y[i] ?? null;
      byX.set(key, row);
    });
  });
  return { title, columns, rows: [...byX.values()] };
}
