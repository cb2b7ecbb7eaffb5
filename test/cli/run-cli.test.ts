// End to end: the `crm` command on real files, in process (runCli) and as a process (bin/crm.js).
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { withEngine } from "../../src/engine/index.js";
import { HAS_SHARED_DATA, REPO_ROOT, sharedFile } from "../helpers/shared-data.js";
import { crm } from "../helpers/crm-in-process.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-cli-"));
afterAll(() => spawnSync("rm", ["-rf", dir]));


const MESSY = [
  "customer_id,date,amount",
  "00042,2024-01-02,10.50",
  "00042,2024-02-30,5.00",
  ",2024-01-03,7.00",
  "00043,2024-01-04,12 EUR",
  "00043,2024-01-05,-3.00",
  "00043,2024-03-01,20",
].join("\n");

describe("crm help and usage errors", () => {
  it("lists the commands; each command has --help", async () => {
    const main = await crm("--help");
    expect(main.code).toBe(0);
    for (const name of ["validate", "inspect", "summary", "value", "basket", "rfm", "segment", "migrate", "cohorts", "campaign", "service", "fit", "predict", "propensity", "report", "generate"]) {
      expect(main.out).toContain(`  ${name}`);
      const h = await crm(name, "--help");
      expect(h.code).toBe(0);
      expect(h.out).toContain(`Usage: crm ${name}`);
    }
  });

  it("answers a wrong flag or command with one line and exit code 2", async () => {
    const cases: [string[], string][] = [
      [["frobnicate"], 'crm: unknown command "frobnicate"; commands: validate, inspect, summary, value, basket, rfm, segment, migrate, cohorts, campaign, service, fit, predict, propensity, report, sql, generate\n'],
      [["summary", "--bogus"], "crm summary: Unknown option '--bogus'; see crm summary --help\n"],
      [["summary"], "crm summary: --input FILE is required; see crm summary --help\n"],
      [["summary", "--input", "x.csv", "--time-unit", "year"], 'crm summary: --time-unit must be one of day, week, month (got "year")\n'],
      [["generate", "--out", dir, "--customers=-3"], 'crm generate: --customers must be a whole number from 1 to 9999999 (got "-3")\n'],
      [["generate", "--out", dir, "--customers", "-3"], "crm generate: Option '--customers' argument is ambiguous (write --customers=-VALUE for a value that starts with a dash); see crm generate --help\n"],
      [["summary", "--input"], "crm summary: Option '-i, --input <value>' argument missing; see crm summary --help\n"],
      [["report", "--currency", "euros"], 'crm report: --currency must be a 3-letter ISO code such as EUR or USD (got "euros")\n'],
    ];
    for (const [argv, message] of cases) {
      const r = await crm(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toBe(message);
    }
  });

  it("answers a bad file with one line naming the file and exit code 2", async () => {
    const missing = path.join(dir, "nope.csv");
    const r = await crm("summary", "--input", missing);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n").at(-1)).toBe(`loadTransactionsFile: file "${missing}" not found; check the path`);
    const noAmount = path.join(dir, "no-amount.csv");
    writeFileSync(noAmount, "id,day\n1,2024-01-01\n");
    // A purchase log (customer and date, no amount) is valid input, not an error.
    const r2 = await crm("validate", "--input", noAmount, "--customer", "id", "--date", "day");
    expect(r2.code).toBe(0);
    expect(r2.err).toContain("rows read 1, used 1, rejected 0");
  });
});

describe("crm validate", () => {
  const file = path.join(dir, "messy.csv");
  writeFileSync(file, MESSY);

  it("prints the ledger, and it sums", async () => {
    const r = await crm("validate", "--input", file);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/rows read\s+6\nused\s+3\nrejected\s+3\ncustomers\s+2/);
    expect(r.out).toContain("line 3: ");
    expect(r.err).toContain("rows read 6, used 3, rejected 3");
    const j = JSON.parse((await crm("validate", "--input", file, "--json")).out);
    expect(j.used + j.rejected.length).toBe(j.read);
    expect(j.rejected.map((x: { line: number; code: string }) => [x.line, x.code])).toEqual([
      [3, "bad-date"],
      [4, "missing-customer"],
      [5, "bad-amount"],
    ]);
  });

  it("rejects returns by policy when asked", async () => {
    const j = JSON.parse((await crm("validate", "--input", file, "--json", "--returns", "exclude")).out);
    expect(j.byReason["return-excluded"]).toBe(1);
    expect(j.used + j.rejected.length).toBe(6);
  });

  it("reads XLSX and Parquet through the same ledger", async () => {
    const xlsx = path.join(dir, "tx.xlsx");
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sales");
    ws.addRows([["customer_id", "date", "amount"], ["007", "2024-01-02", 10], ["008", "not a date", 5]]);
    await wb.xlsx.writeFile(xlsx);
    const x = JSON.parse((await crm("validate", "--input", xlsx, "--json")).out);
    expect([x.read, x.used, x.customers]).toEqual([2, 1, 1]);

    const parquet = path.join(dir, "tx.parquet");
    await withEngine((e) =>
      e.connection.run(
        `COPY (SELECT * FROM (VALUES ('007', DATE '2024-01-02', 10.5), ('007', DATE '2024-01-09', 4.0), (NULL, DATE '2024-01-03', 1.0)) t(customer_id, date, amount)) TO '${parquet}' (FORMAT parquet)`,
      ).then(() => undefined),
    );
    const p = JSON.parse((await crm("validate", "--input", parquet, "--json")).out);
    expect([p.read, p.used, p.customers]).toEqual([3, 2, 1]);
    expect(p.rejected[0].code).toBe("missing-customer");
  });
});

describe.skipIf(!HAS_SHARED_DATA)("crm summary on the CDNOW sample", () => {
  it("reproduces the published calibration summary", async () => {
    const out = path.join(dir, "cdnow-summary.csv");
    const r = await crm(
      "summary", "--input", sharedFile("cdnow", "CDNOW_sample.txt"), "--no-header",
      "--customer", "2", "--date", "3", "--amount", "5", "--date-format", "yyyymmdd",
      "--calibration-end", "1997-09-30", "--observation-end", "1998-06-30", "--time-unit", "week",
      "--out", out, "--json",
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ customers: 2357, timeUnit: "week", calibrationEnd: "1997-09-30", observationEnd: "1998-06-30" });
    expect(j.ledger).toMatchObject({ read: 6919, used: 6919 });
    const ours = readFileSync(out, "utf8").trim().split("\n").slice(1).map((l) => l.split(","));
    const published = readFileSync(sharedFile("cdnow", "cdnow_customers_summary_with_transactions.csv"), "utf8")
      .trim().split(/\r?\n/).slice(1).map((l) => l.split(","));
    expect(ours.length).toBe(published.length);
    const byId = new Map(ours.map((row) => [Number(row[0]), row]));
    for (const [id, x, tx, T, zbar] of published) {
      const row = byId.get(Number(id))!;
      expect(Number(row[1])).toBe(Number(x));
      expect(Number(row[2]).toFixed(2)).toBe(Number(tx).toFixed(2));
      expect(Number(row[3]).toFixed(2)).toBe(Number(T).toFixed(2));
      expect(Math.abs(Number(row[4]) - Number(zbar))).toBeLessThanOrEqual(0.01 + 1e-9);
    }
  });
});

describe("crm summary periods", () => {
  it("ledgers lines after the observation end instead of dropping them silently", async () => {
    const file = path.join(dir, "late.csv");
    writeFileSync(file, "customer_id,date,amount\nA,2024-01-01,5\nA,2024-02-01,6\nA,2024-03-01,7\n");
    const r = await crm("summary", "--input", file, "--calibration-end", "2024-01-15", "--observation-end", "2024-02-15", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.ledger).toMatchObject({ read: 3, used: 2, byReason: { "outside-window": 1 } });
    expect(j.durationHoldout).toBeCloseTo(31 / 7, 12);
  });
});

describe.skipIf(!HAS_SHARED_DATA)("crm fit on the reference data (reference_values.md)", () => {
  const cdnow = sharedFile("cdnow", "cdnow_customers_summary.csv");
  const fit = async (...argv: string[]) => {
    const r = await crm("fit", ...argv, "--json");
    expect(r.code, r.err).toBe(0);
    return JSON.parse(r.out);
  };

  it("prints exactly the documented JSON object for each model", async () => {
    const bg = await fit("bg-nbd", "--summary", cdnow);
    expect(Object.keys(bg)).toEqual(["model", "params", "logLikelihood", "customers", "converged", "standardErrors", "iterations", "timeUnit"]);
    expect(bg).toMatchObject({ model: "bg-nbd", customers: 2357, converged: true });
    expect(bg.params.r).toBeCloseTo(0.243, 3);
    expect(bg.logLikelihood).toBeCloseTo(-9582.4, 1);
    const pareto = await fit("pareto-nbd", "--summary", cdnow);
    expect(pareto.params.s).toBeCloseTo(0.606, 3);
    expect(pareto.logLikelihood).toBeCloseTo(-9595.0, 1);
    const mbg = await fit("mbg-nbd", "--summary", cdnow);
    expect(mbg.params.b).toBeCloseTo(1.614, 3);
    const bgbb = await fit("bg-bb", "--summary", sharedFile("donations", "donations.csv"));
    expect(Object.keys(bgbb.params)).toEqual(["alpha", "beta", "gamma", "delta"]);
    expect(bgbb.params.delta).toBeCloseTo(2.783, 3);
    expect(bgbb.logLikelihood).toBeCloseTo(-33225.6, 1);
    expect(bgbb.customers).toBe(11104);
  });

  it("fits Gamma-Gamma from transactions and sBG from a survival table", async () => {
    const gg = await fit(
      "gamma-gamma", "--input", sharedFile("cdnow", "CDNOW_sample.txt"), "--no-header", "--customer", "2", "--date", "3",
      "--amount", "5", "--date-format", "yyyymmdd", "--calibration-end", "1997-09-30",
    );
    expect(gg.params.p).toBeCloseTo(6.25, 2);
    expect(gg.params.gamma).toBeCloseTo(15.44, 1);
    expect(gg.customers).toBe(946);
    const table = path.join(dir, "survival.csv");
    writeFileSync(table, "period,survivors\n0,1000\n1,631\n2,468\n3,382\n4,326\n5,289\n6,262\n7,241\n");
    const sbg = await fit("sbg", "--summary", table);
    expect(sbg.params.alpha).toBeCloseTo(0.704, 3);
    expect(sbg.params.beta).toBeCloseTo(1.182, 3);
    const err = await crm("fit", "sbg", "--input", table);
    expect(err.code).toBe(2);
    expect(err.err).toContain("crm fit sbg: the sBG retention model needs a survival table");
    const unknown = await crm("fit", "pareto");
    expect(unknown.err).toBe('crm fit: unknown model "pareto"; MODEL is one of bg-nbd, pareto-nbd, mbg-nbd, gamma-gamma, bg-bb, sbg\n');
  });
});

describe("crm predict", () => {
  it("writes one row per customer with P(alive), expected purchases and spend, CLV and its interval", async () => {
    const data = path.join(dir, "gen-predict");
    await crm("generate", "--customers", "400", "--seed", "3", "--out", data);
    const out = path.join(dir, "predictions.csv");
    const r = await crm("predict", "--input", path.join(data, "transactions.csv"), "--horizon", "52", "--period-length", "4",
      "--discount-rate", "0.01", "--draws", "30", "--out", out, "--json");
    expect(r.code, r.err).toBe(0);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ customers: 400, horizon: 52, periodLength: 4, discountRatePerPeriod: 0.01, interval: { draws: 30, level: 0.9 } });
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("customer_id,frequency,recency,T,monetary_value,p_alive,expected_purchases,expected_average_spend,clv,clv_lower,clv_upper,p_purchase_within_horizon,expected_wait,expected_next_purchase");
    expect(lines).toHaveLength(401);
    let clv = 0;
    for (const line of lines.slice(1)) {
      const f = line.split(",");
      const [alive, value, lo, hi] = [Number(f[5]), Number(f[8]), Number(f[9]), Number(f[10])];
      expect(alive).toBeGreaterThanOrEqual(0);
      expect(alive).toBeLessThanOrEqual(1);
      expect(lo).toBeLessThanOrEqual(value + 1e-9);
      expect(hi).toBeGreaterThanOrEqual(value - 1e-9);
      clv += value;
    }
    expect(clv).toBeCloseTo(j.totals.clv, 6);
    const bad = await crm("predict", "--input", path.join(data, "transactions.csv"), "--horizon", "52", "--period-length", "5");
    expect(bad.err).toBe("crm predict: --horizon 52 must be a whole number of --period-length 5\n");
  });
});

describe("crm report on data too small for some models", () => {
  it("writes the report, leaves those sections out and says why", async () => {
    const data = path.join(dir, "tiny");
    await crm("generate", "--customers", "15", "--seed", "5", "--out", data);
    const out = path.join(dir, "tiny-report");
    const r = await crm("report", "--input", path.join(data, "transactions.csv"), "--out", out, "--json");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/crm report: lifetime value .*: left out \(bg-nbd: only \d+ of \d+ customers bought more than once; at least 20 repeat customers are needed/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(JSON.parse(r.out).xlsx);
    expect(wb.worksheets.map((w) => w.name)).not.toContain("Customer lifetime value");
    const assumptions = wb.getWorksheet("Assumptions and method")!;
    const text: string[] = [];
    assumptions.eachRow((row) => row.eachCell((cell) => void text.push(String(cell.value))));
    expect(text.some((t) => t.startsWith("Left out: lifetime value"))).toBe(true);
  });
});

describe("crm generate and crm report", () => {
  it("generates a data set that the other commands read, and reports on it", async () => {
    const data = path.join(dir, "gen");
    const g = await crm("generate", "--customers", "300", "--seed", "11", "--out", data, "--json");
    expect(g.code).toBe(0);
    expect(g.err).toMatch(/^crm: simulating 300 customers done: 300 customers in [\d.]+ s /m);
    const names = JSON.parse(g.out).files.map((f: { name: string }) => f.name).sort();
    expect(names).toEqual(["README.md", "campaign_contacts.csv", "customers.csv", "service_events.csv", "transactions.csv", "truth.json"]);

    const out = path.join(dir, "reports");
    const r = await crm("report", "--input", path.join(data, "transactions.csv"), "--out", out, "--title", "Test <b>shop</b>", "--json");
    expect(r.code).toBe(0);
    const paths = JSON.parse(r.out);
    expect(paths).toEqual({ html: path.join(out, "customer-report.html"), xlsx: path.join(out, "customer-report.xlsx") });
    expect(readdirSync(out).sort()).toEqual(["customer-report.html", "customer-report.xlsx"]); // no temp files left
    const html = readFileSync(paths.html, "utf8");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain("Test &lt;b&gt;shop&lt;/b&gt;");
    expect(html).toContain("Data quality");
    expect(html).toContain("Customer summary");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(paths.xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Cover", "Data quality", "Customer summary", "Customer value", "RFM segments", "Customer clusters", "Segment migration", "Customer lifetime value",
      "Churn and propensity to buy", "Cohorts and retention", "Cross-sell", "Assumptions and method",
    ]);
    const withSides = await crm("report", "--input", path.join(data, "transactions.csv"), "--out", path.join(dir, "sides"),
      "--sections", "campaigns,service-impact", "--contacts", path.join(data, "campaign_contacts.csv"),
      "--service-events", path.join(data, "service_events.csv"), "--json");
    expect(withSides.code, withSides.err).toBe(0);
    const wbSides = new ExcelJS.Workbook();
    await wbSides.xlsx.readFile(JSON.parse(withSides.out).xlsx);
    expect(wbSides.worksheets.map((w) => w.name)).toEqual(["Cover", "Data quality", "Customer summary", "Campaigns", "Service impact", "Assumptions and method"]);
    const only = await crm("report", "--input", path.join(data, "transactions.csv"), "--out", path.join(dir, "only"), "--sections", "rfm-segments", "--json");
    const wbOnly = new ExcelJS.Workbook();
    await wbOnly.xlsx.readFile(JSON.parse(only.out).xlsx);
    expect(wbOnly.worksheets.map((w) => w.name)).toEqual(["Cover", "Data quality", "Customer summary", "RFM segments", "Assumptions and method"]);
    const bad = await crm("report", "--sections", "whales");
    expect(bad.err).toBe('crm report: --sections names unknown section "whales"; sections: customer-value, rfm-segments, customer-clusters, segment-migration, lifetime-value, propensity, cohorts-retention, cross-sell, campaigns, service-impact\n');
    expect(html).toContain("Customer lifetime value");
  });
});

describe("bin/crm.js as a process", () => {
  const bin = path.join(REPO_ROOT, "bin", "crm.js");
  const built = existsSync(path.join(REPO_ROOT, "dist", "cli", "main.js"));

  it("is built (npm test builds dist/ first; run `npm run build` when calling vitest directly)", () => {
    expect(built).toBe(true);
  });

  it.runIf(built)("exits 2 with one line and no stack trace on a bad file", () => {
    const r = spawnSync(process.execPath, [bin, "summary", "--input", path.join(dir, "missing.csv")], { encoding: "utf8" });
    expect(r.status).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^loadTransactionsFile: file ".*missing\.csv" not found; check the path$/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it.runIf(built)("prints the summary CSV on stdout", () => {
    const file = path.join(dir, "small.csv");
    writeFileSync(file, "customer_id,date,amount\nA,2024-01-01,5\nA,2024-01-15,7\n");
    const out = execFileSync(process.execPath, [bin, "summary", "--input", file, "--time-unit", "day"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
    expect(out.split("\n")[1]).toBe("A,1,14,14,7,2024-01-01,2024-01-15,0,2,12,0,0");
  });
});
