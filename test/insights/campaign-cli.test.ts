// End to end: `crm campaign` and `crm service` on the bundled sample (the commands run directly until they are wired into src/cli/main.ts).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/command.js";
import { campaignCommand } from "../../src/cli/commands/campaign.js";
import { serviceCommand } from "../../src/cli/commands/service.js";
import { isInputError } from "../../src/cli/main.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-campaign-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What runCli does around a command: exit 0, or one line and exit 2 for an input error. */
async function run(command: Command, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const io = { out: (t: string) => void (out += `${t}\n`), err: (t: string) => void (err += `${t}\n`) };
  try {
    return { code: await command.run(argv, io), out, err };
  } catch (e) {
    if (isInputError(e)) return { code: 2, out, err: err + `${e.message.split("\n")[0]}\n` };
    throw e;
  }
}

describe("crm campaign", () => {
  it("--json on the sample: one object with groups, uplift, test, revenue, return, segments", async () => {
    const r = await run(campaignCommand, "--input", "data/sample/transactions.csv", "--contacts", "data/sample/campaign_contacts.csv", "--window-days", "30", "--cost-per-contact", "1", "--margin", "0.35", "--by-segment", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.campaignId).toBe("CMP-2025-AUTUMN");
    expect(j.groups.map((g: { responders: number }) => g.responders)).toEqual([128, 80]);
    expect(j.uplift.lower).toBeLessThan(0.03);
    expect(j.uplift.upper).toBeGreaterThan(0.03);
    expect(j.revenue.map((x: { basis: string }) => x.basis)).toEqual(["response_amount", "window_spend"]);
    expect(j.return.cost).toBe(1602);
    expect(j.segments.length).toBeGreaterThan(1);
    expect(r.err).toContain("uplift 3.00 points");
  });
  it("writes the group rows as CSV", async () => {
    const file = path.join(dir, "campaign.csv");
    const r = await run(campaignCommand, "--contacts", "data/sample/campaign_contacts.csv", "--out", file);
    expect(r.code).toBe(0);
    expect(readFileSync(file, "utf8").split("\n")[0]).toBe("segment,group,customers,responders,response_rate,lower,upper,revenue_per_customer");
  });
  it("a missing --contacts gives one line and exit 2", async () => {
    const r = await run(campaignCommand, "--input", "data/sample/transactions.csv");
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toEqual(["crm campaign: --contacts FILE is required (customer_id,campaign_id,date,group,responded); see crm campaign --help"]);
    expect((await run(campaignCommand, "--contacts", "x.csv", "--margin", "2")).err.trim()).toBe('crm campaign: --margin must be a rate in (0, 1], e.g. 0.35 for 35 % (got "2")');
  });
});

describe("crm service", () => {
  it("--json on the sample", async () => {
    const r = await run(serviceCommand, "--input", "data/sample/transactions.csv", "--service-events", "data/sample/service_events.csv", "--window-days", "180", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.cutDate).toBe("2025-07-04");
    expect(j.problems.map((p: { problem: string }) => p.problem)).toEqual(["complaint", "late_delivery", "return", "call_centre_contact", "any_problem"]);
    expect(j.problems[0].retention.upper).toBeLessThan(0);
    expect(j.cost.lostSpend).toBeGreaterThan(0);
  });
  it("a missing --service-events gives one line and exit 2; a bad cut too", async () => {
    const r = await run(serviceCommand, "--input", "data/sample/transactions.csv");
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("crm service: --service-events FILE is required (customer_id,date,type); see crm service --help");
    const bad = await run(serviceCommand, "--input", "data/sample/transactions.csv", "--service-events", "data/sample/service_events.csv", "--cut", "2025-12-01");
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n").at(-1)).toContain("serviceCustomerFacts: the window of 180 days after the cut 2025-12-01 runs past the last transaction");
  });
});
