import { describe, expect, it } from "vitest";
import { buildCampaignContacts } from "../../src/data/load/build-campaign-contacts.js";
import { loadCampaignContactsFile } from "../../src/data/load/load-campaign-contacts.js";
import { loadTransactionsFile } from "../../src/data/load/load-transactions.js";
import { campaignUplift } from "../../src/insights/campaigns/campaign-uplift.js";
import { upliftInterval } from "../../src/insights/campaigns/uplift-interval.js";

function contactsOf(rows: [string, "treatment" | "control", number, number][]) {
  return buildCampaignContacts({
    header: ["customer_id", "campaign_id", "date", "group", "responded", "response_amount"],
    rows: rows.map(([id, g, r, a], k) => ({ line: k + 2, values: [id, "K1", "2024-03-01", g, String(r), String(a)] })),
  }).contacts;
}

describe("campaignUplift on hand-made data", () => {
  // treatment: 3 of 5 respond (amounts 10, 20, 30); control: 1 of 4 (amount 10)
  const c = contactsOf([
    ["T1", "treatment", 1, 10], ["T2", "treatment", 1, 20], ["T3", "treatment", 1, 30], ["T4", "treatment", 0, 0], ["T5", "treatment", 0, 0],
    ["C1", "control", 1, 10], ["C2", "control", 0, 0], ["C3", "control", 0, 0], ["C4", "control", 0, 0],
  ]);
  const r = campaignUplift(c, { costPerContact: 2, margin: 0.5, segments: { customerId: ["T1", "T2", "C1", "C2"], segment: ["a", "a", "a", "a"] } });
  it("rates, uplift, incremental responders", () => {
    expect(r.groups[0]).toMatchObject({ group: "treatment", customers: 5, responders: 3, responseRate: 0.6, revenue: 60, revenuePerCustomer: 12 });
    expect(r.groups[1]).toMatchObject({ group: "control", customers: 4, responders: 1, responseRate: 0.25, revenue: 10, revenuePerCustomer: 2.5 });
    expect(r.uplift!.estimate).toBeCloseTo(0.35, 12);
    expect(r.uplift!.lower).toBeCloseTo(upliftInterval(3, 5, 1, 4).lower, 12);
    expect(r.incrementalResponders!.estimate).toBeCloseTo(1.75, 12);
    expect(r.campaignDate).toBe("2024-03-01");
  });
  it("incremental revenue, cost and ROI", () => {
    expect(r.revenue[0]!.basis).toBe("response_amount");
    expect(r.revenue[0]!.perCustomer.estimate).toBeCloseTo(9.5, 12);
    expect(r.revenue[0]!.incrementalRevenue.estimate).toBeCloseTo(47.5, 12);
    expect(r.return).toMatchObject({ cost: 10, margin: 0.5, costPerContact: 2 });
    expect(r.return!.incrementalMargin).toBeCloseTo(23.75, 12);
    expect(r.return!.roi).toBeCloseTo(1.375, 12);
    expect(r.return!.breakEvenCostPerContact).toBeCloseTo(4.75, 12);
  });
  it("segments, frozen result, errors", () => {
    expect(r.segments.map((s) => s.segment)).toEqual(["Unsegmented", "a"]);
    const a = r.segments.find((s) => s.segment === "a")!;
    expect(a.uplift!.estimate).toBeCloseTo(0.5, 12);
    expect(a.incrementalRevenue).toBeCloseTo((30 / 2 - 10 / 2) * 2, 12);
    expect(Object.isFrozen(r) && Object.isFrozen(r.groups[0]) && Object.isFrozen(r.segments)).toBe(true);
    expect(() => campaignUplift(c, { campaignId: "K9" })).toThrow('campaignUplift: campaign "K9" is not in the contacts (campaigns: K1)');
    expect(() => campaignUplift(c, { margin: 1.5 })).toThrow("campaignUplift: margin 1.5 is not in (0, 1]");
  });
});

describe("campaignUplift on the bundled sample (planted +3 points)", async () => {
  const { contacts } = await loadCampaignContactsFile("data/sample/campaign_contacts.csv");
  const { transactions } = await loadTransactionsFile("data/sample/transactions.csv");
  const r = campaignUplift(contacts, { transactions, windowDays: 30, costPerContact: 1, margin: 0.35 });
  it("realised counts 128/1602 vs 80/1603; the true uplift 0.03 lies inside the 95 % interval", () => {
    expect(r.groups[0]).toMatchObject({ customers: 1602, responders: 128 });
    expect(r.groups[1]).toMatchObject({ customers: 1603, responders: 80 });
    expect(r.uplift!.estimate).toBeCloseTo(128 / 1602 - 80 / 1603, 12);
    expect(r.uplift!.lower).toBeLessThan(0.03);
    expect(r.uplift!.upper).toBeGreaterThan(0.03);
    expect(r.uplift!.lower).toBeGreaterThan(0); // measured: 0.0130 to 0.0472
    expect(r.test!.pValue).toBeLessThan(0.001); // measured: 0.00057
  });
  it("both revenue bases are computed; response amounts first", () => {
    expect(r.revenue.map((x) => x.basis)).toEqual(["response_amount", "window_spend"]);
    expect(r.revenue[0]!.incrementalRevenue.estimate).toBeCloseTo(4623.26, 1);
    expect(r.revenue[1]!.windowDays).toBe(30);
  });
});
