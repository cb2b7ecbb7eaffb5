import { describe, expect, it } from "vitest";
import { loadCampaignContactsFile } from "../../../src/data/load/load-campaign-contacts.js";
import { campaignUplift } from "../../../src/insights/campaigns/campaign-uplift.js";
import { campaignsSection } from "../../../src/reports/sections/campaigns.js";
import { toPlotlyFigure } from "../../../src/reports/html/to-plotly-figure.js";

describe("campaignsSection", async () => {
  const { contacts } = await loadCampaignContactsFile("data/sample/campaign_contacts.csv");
  const s = campaignsSection(campaignUplift(contacts, { costPerContact: 1, margin: 0.35 }), { currency: "EUR" });
  it("id, KPIs, chart and a reading a manager can act on", () => {
    expect(s.id).toBe("campaigns");
    expect(s.kpis.map((k) => k.label)).toEqual(["Uplift", "Incremental responders", "Incremental revenue", "ROI"]);
    expect(s.kpis[1]!.value).toBe(48);
    expect(s.narrative[1]).toContain("Uplift: +3.0 points (95 % interval +1.3 points to +4.7 points");
    expect(s.narrative.join(" ")).toContain("It paid for itself");
    expect(toPlotlyFigure(s.charts[0]!.figure).data).toHaveLength(3);
    expect(Object.isFrozen(s) && Object.isFrozen(s.narrative)).toBe(true);
    expect(JSON.parse(JSON.stringify(s)).id).toBe("campaigns");
  });
});
