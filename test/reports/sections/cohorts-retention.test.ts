import { describe, expect, it } from "vitest";
import { loadTransactionsFile } from "../../../src/data/load/load-transactions.js";
import { cohortAnalysis } from "../../../src/insights/cohorts/cohort-analysis.js";
import { cohortsRetentionSection } from "../../../src/reports/sections/cohorts-retention.js";
import { renderHtml } from "../../../src/reports/html/html.js";
import { REPO_ROOT } from "../../helpers/shared-data.js";

describe("cohortsRetentionSection on the sample", async () => {
  const { transactions } = await loadTransactionsFile(`${REPO_ROOT}/data/sample/transactions.csv`);
  const a = cohortAnalysis(transactions, { period: "quarter", by: "channel", observationEnd: "2025-12-31" });
  const s = cohortsRetentionSection(a, { currency: "USD" });

  it("has the id, the charts, the tables and a narrative that compares with the course", () => {
    expect(s.id).toBe("cohorts-retention");
    expect(s.charts.map((c) => c.title)).toEqual(["Retention heatmap", "Still buying by group", "sBG projection", "Retention what-if"]);
    expect(s.tables.map((t) => t.title.split(":")[0])).toEqual(["Retention triangle", "Still buying", "Retention what-if", "Assumptions of the what-if"]);
    expect(s.tables[0]!.rows).toHaveLength(10);
    expect(s.tables[2]!.rows).toHaveLength(10);
    const text = s.narrative.join("\n");
    expect(text).toContain("5000".replace("5000", "5,000 customers in 10 cohorts"));
    expect(text).toContain('"5 % more retained, up to 25 % more profit"');
    expect(text).toContain("USD");
    expect(Object.isFrozen(s) && Object.isFrozen(s.charts[0]!.figure)).toBe(true);
    expect(JSON.parse(JSON.stringify(s)).id).toBe("cohorts-retention");
  });

  it("renders to HTML", () => {
    const html = renderHtml({ title: "t", subtitle: "", generatedAt: "2026-01-01T00:00:00Z", currency: "USD", sections: [s] });
    expect(html).toContain('id="s-cohorts-retention"');
  });
});
