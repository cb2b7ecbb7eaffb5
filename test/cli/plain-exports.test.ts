// The main job on the plainest exports users have: customer, date, amount (no costs, no side
// files) and a purchase log without amounts, both cut from the bundled sample; and guest orders.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadTransactionsText } from "../../src/data/load/load-transactions.js";
import { REPO_ROOT } from "../helpers/shared-data.js";
import { crm } from "../helpers/crm-in-process.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-plain-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));


/** The sample's transactions cut to the given columns (by name), as CSV text. */
function cut(columns: readonly string[]): string {
  const [head, ...rows] = readFileSync(path.join(REPO_ROOT, "data/sample/transactions.csv"), "utf8").trim().split("\n");
  const idx = columns.map((c) => head!.split(",").indexOf(c));
  return [columns.join(","), ...rows.map((r) => { const v = r.split(","); return idx.map((i) => v[i]).join(","); })].join("\n") + "\n";
}

describe("crm report on plain exports of the sample", () => {
  it("customer,date,amount: every section that needs no other column or file is written; value on revenue with margin unknown", { timeout: 120_000 }, async () => {
    const file = path.join(dir, "plain.csv");
    writeFileSync(file, cut(["customer_id", "date", "amount"]));
    const r = await crm("report", "--input", file, "--out", path.join(dir, "r-plain"), "--generated-at", "2026-12-03T12:00:00Z");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("rows read 30,665, used 30,665, rejected 0");
    const left = [...r.err.matchAll(/crm report: (.*?): left out \((.*)\)/g)].map((m) => m[1]);
    expect(left).toEqual(["cross-sell (association rules)", "campaign uplift", "service impact"]);
    expect(r.err).toContain("--contacts FILE");
    expect(r.err).toContain("--service-events FILE");
    const html = readFileSync(path.join(dir, "r-plain", "customer-report.html"), "utf8");
    expect(html).toContain("Revenue concentration curve");
    expect(html).toContain("no cost column and no margin rate");
    expect(html).toContain("Customer lifetime value");
    expect(html).not.toContain("EUR"); // no currency was given, none is invented
    expect(html).toContain("used: customer_id, date, amount; not in the data: order_id");
    // each section says which of its columns the data had (RFM: orders come from purchase days without order ids)
    expect(html).toContain("Columns used: customer_id, date, amount; used when present, not in these data: order_id.");
    expect(html).toContain("Columns used: customer_id, amount; used when present, not in these data: order_id, channel, quantity, unit_price, discount, freight, cost, returned_quantity, returned_amount.");
  });

  it("customer,date (a purchase log): summary, RFM on R and F, clusters, migration, purchase model, propensity and cohorts; the spend parts left out with the reason", { timeout: 120_000 }, async () => {
    const file = path.join(dir, "log.csv");
    writeFileSync(file, cut(["customer_id", "date"]));
    const r = await crm("report", "--input", file, "--out", path.join(dir, "r-log"), "--generated-at", "2026-12-03T12:00:00Z");
    expect(r.code, r.err).toBe(0);
    const left = [...r.err.matchAll(/crm report: (.*?): left out \((.*)\)/g)].map((m) => [m[1], m[2]]);
    expect(left.map((l) => l[0])).toEqual(["customer value", "cross-sell (association rules)", "campaign uplift", "service impact"]);
    expect(left[0]![1]).toContain("the transactions have no amounts (a purchase log");
    const html = readFileSync(path.join(dir, "r-log", "customer-report.html"), "utf8");
    for (const title of ["Customer summary", "RFM segments", "Customer clusters", "Segment migration", "Customer lifetime value", "Cohorts and retention"]) {
      expect(html).toContain(`>${title}</h2>`);
    }
    expect(html).toContain("M is scored as F");
    expect(html).toContain("no spend model and no lifetime value in money");
    expect(html).toContain("Top 20 customers by expected purchases");
    expect(html.replace(/<script[\s\S]*?<\/script>/g, "")).not.toContain("NaN"); // (the inlined Plotly bundle has its own)
  });

  it("crm predict and crm value on a purchase log: predictions without CLV; value says what is missing (exit 2)", { timeout: 60_000 }, async () => {
    const file = path.join(dir, "log2.csv");
    writeFileSync(file, cut(["customer_id", "date"]));
    const p = await crm("predict", "--input", file, "--horizon", "52", "--draws", "0", "--json");
    expect(p.code, p.err).toBe(0);
    const j = JSON.parse(p.out);
    expect(j.spendModel).toBeNull();
    expect(j.totals.clv).toBeNull();
    expect(j.totals.expectedPurchases).toBeGreaterThan(0);
    const v = await crm("value", "--input", file);
    expect(v.code).toBe(2);
    expect(v.err.trim().split("\n").at(-1)).toMatch(/^customerValue: the transactions have no amounts \(a purchase log/);
  });
});

describe("guest orders (lines without a customer id)", () => {
  it("are rejected as missing-customer and counted with their share of revenue", () => {
    const { ledger } = loadTransactionsText("customer_id,date,amount\nA,2024-01-01,10\n,2024-01-02,30\nA,2024-02-01,10\nB,2024-01-05,50\n");
    expect(ledger.byReason).toEqual({ "missing-customer": 1 });
    expect(ledger.guests).toEqual({ lines: 1, amount: 30, shareOfAmount: 0.3 });
    expect(ledger.used + ledger.rejected.length).toBe(ledger.read);
  });
});

describe("dates after the run date", () => {
  it("are ledgered (outside-window, naming the run date) and never move the end of the data", async () => {
    const day = (offset: number): string => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const file = path.join(dir, "future.csv");
    const future = day(30); // computed once: the run may cross midnight
    writeFileSync(file, `customer_id,date,amount\nA,2024-01-01,10\nA,${future},30\nB,2024-01-05,50\n`);
    const r = await crm("summary", "--input", file);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("rows read 3, used 2, rejected 1 (outside-window 1)");
    const before = day(0);
    const v = await crm("validate", "--input", file);
    const runDates = [before, day(0)].map((d) => `date ${future} is after the run date ${d}`);
    expect(runDates.some((m) => (v.out + v.err).includes(m)), v.out + v.err).toBe(true);
    expect(r.out).toContain("2024-01-05"); // the last purchase, not the future one, ends the period
  });
});

describe("customers whose lines are all returns", () => {
  it("are not in the summary, but their count and refunds are kept and said", async () => {
    const file = path.join(dir, "returns-only.csv");
    writeFileSync(file, "customer_id,date,amount\nA,2024-01-01,10\nR,2024-01-02,-30\nR,2024-01-03,-5\nB,2024-01-05,50\n");
    const r = await crm("summary", "--input", file, "--json");
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.customers).toBe(2);
    expect(j.returnsOnly).toEqual({ customers: 1, amount: -35 });
    expect(r.err).toContain("1 more customers have only returns (sum -35); they are not in the summary");
  });
});

describe("crm report on thin data: a report with the sections the data support, the rest left out with the reason", () => {
  const cases: [string, string, string[]][] = [
    ["one customer", "customer_id,date,amount\nA,2024-01-01,10\nA,2024-03-01,20\nA,2024-05-01,30\n", ["customer clusters", "lifetime value", "propensity", "cohorts and retention"]],
    ["one day", "customer_id,date,amount\nA,2024-01-01,10\nB,2024-01-01,20\nC,2024-01-01,30\n", ["segment migration", "lifetime value", "propensity", "cohorts and retention"]],
  ];
  for (const [name, text, left] of cases) {
    it(name, { timeout: 60_000 }, async () => {
      const file = path.join(dir, `${name.replace(/ /g, "-")}.csv`);
      writeFileSync(file, text);
      const r = await crm("report", "--input", file, "--out", path.join(dir, `r-${name.replace(/ /g, "-")}`));
      expect(r.code, r.err).toBe(0);
      const out = [...r.err.matchAll(/crm report: (.*?): left out/g)].map((m) => m[1]!);
      for (const l of left) expect(out.some((o) => o.startsWith(l)), `${l} in ${out.join("; ")}`).toBe(true);
    });
  }
});

describe("guest orders of a line export (quantity x unit price)", () => {
  it("count their computed amounts in the share, and the share follows the cleaning policy", () => {
    const text = "order_id,customer_id,date,quantity,unit_price\n1,A,2024-01-01,2,10\n2,,2024-01-02,1,20\nC3,A,2024-01-03,1,10\n4,B,2024-01-04,1,20\n";
    const plain = loadTransactionsText(text);
    expect(plain.ledger.guests).toEqual({ lines: 1, amount: 20, shareOfAmount: 20 / (20 + 20 + 10 + 20) });
    const cancelled = loadTransactionsText(text, { cancelPrefix: "C" });
    expect(cancelled.ledger.guests!.shareOfAmount).toBeCloseTo(20 / (20 + 20 - 10 + 20), 12);
  });
});

describe("crm report output checks before any work", () => {
  it("a folder where a report file is to be written is one line, exit 2", async () => {
    const out = path.join(dir, "r-folder");
    mkdirSync(path.join(out, "customer-report.html"), { recursive: true });
    const r = await crm("report", "--input", path.join(REPO_ROOT, "data/sample/transactions.csv"), "--out", out);
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe(`crm report: ${path.join(out, "customer-report.html")} is a folder, where the report file is to be written; move it away or choose another --out`);
  });
});

describe("date flags", () => {
  it("are checked before any work: form and range (1900-01-01 to a year after today)", async () => {
    const r = await crm("report", "--observation-end", "9999-12-31", "--out", path.join(dir, "never"));
    expect(r.code).toBe(2);
    expect(r.err.trim()).toMatch(/^crm report: --observation-end 9999-12-31 is outside 1900-01-01 to \d{4}-\d{2}-\d{2} \(a year after today\); give a date in that range$/);
    const s = await crm("summary", "--input", path.join(REPO_ROOT, "data/sample/transactions.csv"), "--calibration-end", "2024-13-01");
    expect(s.err.trim()).toBe('crm summary: --calibration-end must be a date YYYY-MM-DD (got "2024-13-01")');
  });
});
