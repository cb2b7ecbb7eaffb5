// End to end: `crm cohorts` on the bundled sample, and the analysis figures it rests on.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cohortsCommand } from "../../src/cli/commands/cohorts.js";
import { COMMANDS, runCli } from "../../src/cli/main.js";
import { REPO_ROOT } from "../helpers/shared-data.js";
import { isInputError } from "../../src/cli/main.js";

const SAMPLE = path.join(REPO_ROOT, "data/sample/transactions.csv");
const dir = mkdtempSync(path.join(tmpdir(), "crm-cohorts-"));
afterAll(() => spawnSync("rm", ["-rf", dir]));

async function cohorts(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const io = { out: (t: string) => (out += t.endsWith("\n") ? t : `${t}\n`), err: (t: string) => (err += `${t}\n`) };
  if (COMMANDS.some((c) => c.name === "cohorts")) return { code: await runCli(["cohorts", ...argv], io), out, err };
  // Not wired into main.ts yet: run the command with main's error rule (input errors: one line, exit 2).
  try {
    return { code: await cohortsCommand.run(argv, io), out, err };
  } catch (e) {
    if (isInputError(e)) return { code: 2, out, err: err + `${e.message.split("\n")[0]}\n` };
    throw e;
  }
}

describe("crm cohorts", () => {
  it("--json: the matrix, curves by channel, sBG and the what-if", async () => {
    const r = await cohorts("--input", SAMPLE, "--by", "channel", "--observation-end", "2025-12-31", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["matrix", "curves", "projection", "margin", "discountRatePerPeriod", "customersPerYear", "whatIf", "whatIfOmitted", "ledger", "out"]);
    expect(j.matrix.customers).toBe(5000);
    expect(j.matrix.cohorts).toHaveLength(30); // 2023-01 .. 2025-06
    expect(j.matrix.cohorts[0].cohort).toBe("2023-01");
    expect(j.matrix.cohorts[0].observedPeriods).toBe(36);
    expect(j.curves.map((c: { group: string }) => c.group)).toEqual(["all", "web", "store", "call-centre"]);
    expect(j.whatIf.rows.map((w: { x: number }) => w.x)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(j.projection.params.alpha).toBeGreaterThan(0);
    expect(j.margin.source).toBe("cost column");
    expect(r.err).toContain("5 points more kept a year");
  });

  it("--period quarter --out: the long table to the file, the what-if on stdout", async () => {
    const file = path.join(dir, "cohorts.csv");
    const r = await cohorts("--input", SAMPLE, "--period", "quarter", "--out", file);
    expect(r.code).toBe(0);
    const csv = readFileSync(file, "utf8").split("\n");
    expect(csv[0]).toBe("group,cohort,cohort_size,age,active,retention,still_buying,revenue,revenue_per_customer");
    expect(csv[1]).toMatch(/^all,2023-Q1,\d+,0,\d+,1,/);
    expect(r.out.split("\n")[0]).toBe("x_percent,yearly_points_gain,yearly_points_gain_share,period_points_gain,period_points_gain_share,churn_cut_gain,churn_cut_gain_share");
    expect(r.out.trim().split("\n")).toHaveLength(11);
  });

  it("bad --period: one line, exit 2", async () => {
    const r = await cohorts("--input", SAMPLE, "--period", "year");
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n")).toEqual(['crm cohorts: --period must be one of month, quarter (got "year")']);
  });

  it("--by region without --customers: one line, exit 2", async () => {
    const r = await cohorts("--input", SAMPLE, "--by", "region");
    expect(r.code).toBe(2);
    expect(r.err.trim()).toBe("crm cohorts: --by region needs --customers FILE (only --by channel comes from the transactions)");
  });

  it("--by acquisition_channel with --customers", async () => {
    const r = await cohorts("--input", SAMPLE, "--customers", path.join(REPO_ROOT, "data/sample/customers.csv"), "--by", "acquisition_channel", "--period", "quarter", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.matrix.by).toBe("acquisition_channel");
    expect(j.matrix.groups.map((g: { customers: number }) => g.customers).reduce((a: number, b: number) => a + b, 0)).toBe(5000);
  });

  it("one-line customers only (nobody buys again): retention 0 at the sBG boundary, reported, not a failure", async () => {
    const lines = ["customer_id,date,amount"];
    for (let i = 0; i < 3000; i++) lines.push(`C${i},${new Date(Date.UTC(2024, 0, 1) + (i % 600) * 864e5).toISOString().slice(0, 10)},${10 + (i % 40)}.50`);
    const file = path.join(dir, "one-line.csv");
    writeFileSync(file, `${lines.join("\n")}\n`);
    const r = await cohorts("--input", file, "--json");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/sBG: none of the [\d,]+ customers on the curve was still buying after their first month, so retention is 0/);
    const j = JSON.parse(r.out);
    expect(j.projection.meanChurnProbability).toBe(1);
    expect(j.whatIf).toBeNull();
    expect(j.whatIfOmitted).toMatch(/retention 0/);
  });
});
