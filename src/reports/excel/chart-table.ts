import type { PlotlyFigure } from "../../charts/index.js";
import type { CellValue, ReportTable, TableColumn } from "../report-model.js";

/**
 * The data behind a chart as a table, for readers without the chart (Excel, screen readers):
 * bar and scatter traces give one row per x value with a column per trace; a heatmap gives
 * one row per y value with a column per x value.
 *
 * @param title - table title
 * @param figure - the figure
 * @param xLabel - header of the first column (default: the x-axis title, or "x")
 * @returns a table (not frozen; build-time helper for renderers)
 * @throws never
 * @example
 * chartTable("Freq", frequencyChart([0, 1])).rows[0]; // { x: "0", t0: 1 }
 */
export function chartTable(title: string, figure: PlotlyFigure, xLabel?: string): ReportTable {
  const heat = figure.data.find((t) => t.type === "heatmap");
  if (heat && heat.type === "heatmap") {
    const columns: TableColumn[] = [
      { key: "y", label: figure.layout.yaxis?.title?.text ?? "y", format: "text" },
      ...heat.x.map((x, j) => ({ key: `c${j}`, label: String(x), format: "integer" as const })),
    ];
    const rows = heat.y.map((y, i) => {
      const row: Record<string, CellValue> = { y: String(y) };
      heat.x.forEach((_, j) => (row[`c${j}`] = heat.z[i]?.[j] ?? 0));
      return row;
    });
    return { title, columns, rows };
  }
  const columns: TableColumn[] = [{ key: "x", label: xLabel ?? figure.layout.xaxis?.title?.text ?? "x", format: "text" }];
  const byX = new Map<string, Record<string, CellValue>>();
  figure.data.forEach((t, k) => {
    if (t.type === "heatmap") return;
    columns.push({ key: `t${k}`, label: (figure.data.length === 1 ? figure.layout.yaxis?.title?.text : undefined) ?? t.name ?? `Series ${k + 1}`, format: "integer" });
    t.x.forEach((x, i) => {
      const key = String(x);
      const row = byX.get(key) ?? { x: key };
      row[`t${k}`] = t.y[i] ?? null;
      byX.set(key, row);
    });
  });
  return { title, columns, rows: [...byX.values()] };
}
