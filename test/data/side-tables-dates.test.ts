// Side tables: dates parse completely and fall in 1900-01-01 .. run date + 1 year, as for transactions (issue 9, item 4).
import { describe, expect, it } from "vitest";
import { loadCampaignContactsText, loadCustomersText, loadServiceEventsText } from "../../src/data/index.js";

const TODAY = { today: "2024-06-30" };
const after = (col: string, d: string) => `${col} "${d}" is after 2025-07-01 (one year after the run date; accepted dates run from 1900-01-01)`;
const before = (col: string, d: string) => `${col} "${d}" is before 1900-01-01 (accepted dates run from 1900-01-01 to 2025-07-01)`;

describe("side-table dates at the edge", () => {
  it("customers: a blank acquisition date is allowed; 9999 and 0000 are date-out-of-range, trailing garbage bad-date", () => {
    const { customers, ledger } = loadCustomersText("customer_id,acquisition_date\nA,\nB,9999-12-31\nC,0000-01-01\nD,2024-01-02 x\nE,2024-01-02 10:00\n", TODAY);
    expect(customers.customerId).toEqual(["A", "E"]);
    expect(ledger.rejected).toEqual([
      { line: 3, code: "date-out-of-range", reason: after("acquisition_date", "9999-12-31") },
      { line: 4, code: "date-out-of-range", reason: before("acquisition_date", "0000-01-01") },
      { line: 5, code: "bad-date", reason: 'acquisition_date "2024-01-02 x" is not a valid date (expected YYYY-MM-DD or YYYYMMDD)' },
    ]);
  });

  it("service events and campaign contacts reject dates out of range per line", () => {
    const events = loadServiceEventsText("customer_id,date,type\nA,2024-01-02,complaint\nA,9999-12-31,complaint\n", TODAY);
    expect(events.ledger.rejected).toEqual([{ line: 3, code: "date-out-of-range", reason: after("date", "9999-12-31") }]);
    const contacts = loadCampaignContactsText("customer_id,campaign_id,date,group,responded\nA,K,2024-01-02,treatment,1\nB,K,1899-01-01,control,0\n", TODAY);
    expect(contacts.ledger.rejected).toEqual([{ line: 3, code: "date-out-of-range", reason: before("date", "1899-01-01") }]);
  });
});

describe("numbers of side tables and numeric tables at the edge", () => {
  it("campaign response amounts beyond ±1e12 are response-amount-out-of-range", () => {
    const { ledger } = loadCampaignContactsText("customer_id,campaign_id,date,group,responded,response_amount\nA,K,2024-01-02,treatment,1,1e13\nB,K,2024-01-02,treatment,1,5\n", TODAY);
    expect(ledger.rejected).toEqual([{ line: 2, code: "response-amount-out-of-range", reason: 'response_amount "1e13" is outside the accepted range -1e12 to 1e12' }]);
  });

  it("a customer summary read for crm fit rejects values beyond ±1e12 per line", async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    const { loadNumericTable } = await import("../../src/data/read/load-numeric-table.js");
    const dir = mkdtempSync(path.join(tmpdir(), "crm-num-"));
    const file = path.join(dir, "summary.csv");
    writeFileSync(file, "frequency,recency,T\n1,2,3\n1e309,2,3\n1,2,-5e12\n");
    const t = await loadNumericTable(file, ["frequency", "recency", "T"]);
    rmSync(dir, { recursive: true, force: true });
    expect([...t.columns.frequency!]).toEqual([1]);
    expect(t.ledger.rejected).toEqual([
      { line: 3, code: "frequency-out-of-range", reason: 'frequency "1e309" is outside the accepted range -1e12 to 1e12' },
      { line: 4, code: "t-out-of-range", reason: 'T "-5e12" is outside the accepted range -1e12 to 1e12' },
    ]);
  });
});
