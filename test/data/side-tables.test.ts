import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  DataError, formatDay, loadCampaignContactsFile, loadCampaignContactsText, loadCustomersText, loadServiceEventsText,
} from "../../src/data/index.js";

describe("loadCustomersText", () => {
  it("reads named columns, keeps other columns as attributes and ledgers bad rows", () => {
    const { customers: c, ledger } = loadCustomersText(
      "Customer_ID,acquisition_date,acquisition_channel,region,segment\n007,2024-01-02,web,North,gold\nC2,,,South,\n,2024-01-02,web,x,y\n007,2024-01-03,shop,x,y\nC3,2024-02-30,web,x,y\n",
    );
    expect(c.customerId).toEqual(["007", "C2"]);
    expect(formatDay(c.acquisitionDay[0]!)).toBe("2024-01-02");
    expect(c.acquisitionDay[1]).toBeNaN();
    expect(c.acquisitionChannel).toEqual(["web", ""]);
    expect(c.region).toEqual(["North", "South"]);
    expect(c.attributes).toEqual({ segment: ["gold", ""] });
    expect(ledger.rejected).toEqual([
      { line: 4, code: "missing-customer", reason: "Customer_ID is blank" },
      { line: 5, code: "duplicate-customer", reason: "customer 007 is already on line 2" },
      { line: 6, code: "bad-date", reason: 'acquisition_date "2024-02-30" is not a valid date (expected YYYY-MM-DD or YYYYMMDD)' },
    ]);
    expect(ledger.used + ledger.rejected.length).toBe(ledger.read);
  });

  it("needs only customer_id, and says how to map it", () => {
    expect(loadCustomersText("customer_id\nA\n").customers.region).toEqual([""]);
    expect(() => loadCustomersText("id,region\nA,x\n")).toThrow(
      new DataError("loadCustomersText: no customer_id column in text (columns: id, region); use --customer COL"),
    );
  });
});

describe("loadServiceEventsText", () => {
  it("reads events, normalising the type, and rejects unknown types", () => {
    const { events: e, ledger } = loadServiceEventsText(
      "customer_id,date,type\nC1,2024-01-02,Complaint\nC1,2024-01-03,call center contact\nC2,2024-01-04,late-delivery\nC2,2024-01-05,return\nC3,2024-01-05,refund\nC3,20240230,return\n",
    );
    expect(e.type).toEqual(["complaint", "call_centre_contact", "late_delivery", "return"]);
    expect([...e.day].map(formatDay)).toEqual(["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]);
    expect(ledger.rejected).toEqual([
      { line: 6, code: "bad-type", reason: 'type "refund" is not one of call_centre_contact, complaint, late_delivery, return' },
      { line: 7, code: "bad-date", reason: 'date "20240230" is not a valid date (expected YYYY-MM-DD or YYYYMMDD)' },
    ]);
  });

  it("requires a type column", () => {
    expect(() => loadServiceEventsText("customer_id,date\n", { source: "ev.csv" })).toThrow(
      "loadServiceEventsText: no type column in ev.csv (columns: customer_id, date); use --type COL",
    );
  });
});

describe("loadCampaignContactsText", () => {
  const header = "customer_id,campaign_id,date,group,responded,response_amount";
  it("reads contacts with groups, responses and amounts, and ledgers each kind of bad row", () => {
    const { contacts: k, ledger } = loadCampaignContactsText(
      [
        header,
        "C1,K1,2024-01-02,treatment,1,25.5",
        "C2,K1,2024-01-02,Control,0,",
        "C3,K1,2024-01-02,treatment,true,",
        "C4,,2024-01-02,treatment,1,1",
        "C5,K1,2024-01-02,test,1,1",
        "C6,K1,2024-01-02,control,2,1",
        "C7,K1,2024-01-02,control,0,5",
        "C8,K1,2024-01-02,control,1,$5",
      ].join("\n"),
    );
    expect(k.customerId).toEqual(["C1", "C2", "C3"]);
    expect(k.group).toEqual(["treatment", "control", "treatment"]);
    expect([...k.responded]).toEqual([1, 0, 1]);
    expect([...k.responseAmount]).toEqual([25.5, 0, NaN]);
    expect(ledger.rejected).toEqual([
      { line: 5, code: "missing-campaign", reason: "campaign_id is blank" },
      { line: 6, code: "bad-group", reason: 'group "test" is not treatment or control' },
      { line: 7, code: "bad-responded", reason: 'responded "2" is not 0 or 1' },
      { line: 8, code: "bad-response-amount", reason: "response_amount is 5 but responded is 0" },
      { line: 9, code: "bad-response-amount", reason: 'response_amount "$5" is not a plain number (currency symbols are not accepted)' },
    ]);
  });

  it("maps columns and reports a missing one; reads files too", async () => {
    expect(() => loadCampaignContactsText("customer_id,campaign_id,date,group\n")).toThrow(
      "loadCampaignContactsText: no responded column in text (columns: customer_id, campaign_id, date, group); use --responded COL",
    );
    const dir = mkdtempSync(path.join(tmpdir(), "crm-side-"));
    const f = path.join(dir, "contacts.tsv");
    writeFileSync(f, "cust\tcamp\twhen\tarm\tbought\nC1\tK9\t02/01/2024\tcontrol\tno\n");
    const { contacts, ledger } = await loadCampaignContactsFile(f, {
      columns: { customerId: "cust", campaignId: "camp", date: "when", group: "arm", responded: "bought" },
      dateFormat: "DD/MM/YYYY",
    });
    expect(contacts.campaignId).toEqual(["K9"]);
    expect(formatDay(contacts.day[0]!)).toBe("2024-01-02");
    expect(ledger.source).toBe(f);
    await expect(loadCampaignContactsFile(path.join(dir, "none.csv"))).rejects.toThrow(
      `loadCampaignContactsFile: file "${path.join(dir, "none.csv")}" not found; check the path`,
    );
  });
});
