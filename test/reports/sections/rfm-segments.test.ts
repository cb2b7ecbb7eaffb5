import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTransactions } from "../../../src/engine/load-transactions.js";
import { segmentMigrationSection } from "../../../src/reports/sections/segment-migration.js";
import { rfmSegmentsSection } from "../../../src/reports/sections/rfm-segments.js";
import { renderHtml } from "../../../src/reports/html/html.js";
import { rfmAnalysis, rfmMigration } from "../../../src/segments/rfm/index.js";
import { customerSummary } from "../../../src/summary/customer-summary.js";
import { REPO_ROOT } from "../../helpers/shared-data.js";
import { toPlotlyFigure } from "../../../src/reports/html/to-plotly-figure.js";

describe("rfmSegmentsSection and segmentMigrationSection on the sample", async () => {
  const { transactions } = await loadTransactions(path.join(REPO_ROOT, "data/sample/transactions.csv"));
  const summary = await customerSummary(transactions, { timeUnit: "day" });
  const rfm = rfmSegmentsSection(rfmAnalysis(summary), { currency: "EUR" });
  const mig = segmentMigrationSection(await rfmMigration(transactions, { from: "2025-09-14", to: "2025-10-15" }));

  it("rfm-segments: charts, segment table with actions, cut points, usage tiers", () => {
    expect(rfm.id).toBe("rfm-segments");
    expect(rfm.charts.map((c) => c.title)).toEqual(["Segment sizes and value", "Customers by R and F score", "Mean spend by R and F score"]);
    expect(rfm.tables.map((t) => t.title)).toEqual([
      "Segments and what to do",
      "Score cut points (a value above a cut scores higher; R is reversed)",
      "Usage tiers and their treatment",
    ]);
    const seg = rfm.tables[0]!;
    expect(seg.rows).toHaveLength(11);
    expect(seg.rows.reduce((a, r) => a + (r.customers as number), 0)).toBe(5000);
    expect(seg.rows.every((r) => String(r.action).length > 0)).toBe(true);
    expect(rfm.tables[2]!.rows.map((r) => r.tier)).toEqual(["infrequent", "moderate", "heavy"]);
    expect(rfm.kpis[0]!.value).toBe(5000);
    expect(rfm.narrative.join(" ")).toContain("Champions and Loyal Customers are 29.6 % of customers and bring 59.2 % of revenue");
    expect(Object.isFrozen(rfm)).toBe(true);
  });

  it("segment-migration: heatmap and table", () => {
    expect(mig.id).toBe("segment-migration");
    expect(toPlotlyFigure(mig.charts[0]!.figure).data[0]!.type).toBe("heatmap");
    const matrix = mig.tables[0]!;
    expect(matrix.rows.at(-1)).toMatchObject({ from: "Total", total: 5000 });
    expect(mig.kpis.map((k) => k.label)).toEqual(["Customers on both dates", "Moved up", "Moved down", "New customers"]);
  });

  it("renders to HTML", () => {
    const html = renderHtml({ title: "RFM", subtitle: "", generatedAt: "2026-01-01T00:00:00Z", currency: "EUR", sections: [rfm, mig] });
    expect(html.includes("rfm-segments")).toBe(true);
    expect(html.includes("segment-migration")).toBe(true);
    expect(html.includes("Segments and what to do")).toBe(true);
  });
});
