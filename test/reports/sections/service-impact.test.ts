import { describe, expect, it } from "vitest";
import { loadServiceEventsFile } from "../../../src/data/load/load-service-events.js";
import { loadTransactionsFile } from "../../../src/data/load/load-transactions.js";
import { serviceImpact } from "../../../src/insights/service/service-impact.js";
import { serviceImpactSection } from "../../../src/reports/sections/service-impact.js";
import { toPlotlyFigure } from "../../../src/reports/html/to-plotly-figure.js";

describe("serviceImpactSection", async () => {
  const { transactions } = await loadTransactionsFile("data/sample/transactions.csv");
  const { events } = await loadServiceEventsFile("data/sample/service_events.csv");
  const s = serviceImpactSection(serviceImpact(transactions, events), { currency: "EUR" });
  it("id, KPIs, tables, chart and the cost in plain words", () => {
    expect(s.id).toBe("service-impact");
    expect(s.kpis.map((k) => k.label)).toEqual(["Bought again", "Retention gap: complaint", "Retention gap: late delivery", "Spend lost to service problems"]);
    expect(s.tables[0]!.rows).toHaveLength(5);
    expect(s.narrative.some((n) => n.startsWith("What it costs:"))).toBe(true);
    expect(toPlotlyFigure(s.charts[0]!.figure).data.map((t) => t.name)).toEqual(["Comparable customers without the problem", "Customers with the problem"]);
    expect(Object.isFrozen(s)).toBe(true);
  });
});
