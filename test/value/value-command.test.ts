// End to end: `crm value` on the bundled sample (through runCli once the command is wired in
// src/cli/main.ts; until then through the command itself with runCli's error rule).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS, runCli } from "../../src/cli/main.js";
import { valueCommand } from "../../src/cli/commands/value.js";
import { REPO_ROOT } from "../helpers/shared-data.js";
import { isInputError } from "../../src/cli/main.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-value-"));
afterAll(() => spawnSync("rm", ["-rf", dir]));
const sample = (f: string): string => path.join(REPO_ROOT, "data/sample", f);
const wired = COMMANDS.some((c) => c.name === "value");

async function crm(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const io = { out: (t: string) => (out += t.endsWith("\n") ? t : `${t}\n`), err: (t: string) => (err += `${t}\n`) };
  if (wired) return { code: await runCli(["value", ...argv], io), out, err };
  try {
    return { code: await valueCommand.run(argv, io), out, err };
  } catch (e) {
    if (isInputError(e)) return { code: 2, out, err: err + `${e.message.split("\n")[0]}\n` };
    throw e;
  }
}

describe("crm value", () => {
  it("writes the per-customer table and prints the whale-curve facts; --json is one object", async () => {
    const out = path.join(dir, "value.csv");
    const r = await crm("--input", sample("transactions.csv"), "--service-events", sample("service_events.csv"), "--out", out, "--json");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(["customers", "by", "groups", "totals", "whale", "abc", "costs", "returnsFrom", "notes", "ledger", "out"]);
    expect(json.customers).toBe(5000);
    expect(json.whale.points).toBeUndefined();
    expect(json.whale.peakProfitShare).toBeGreaterThan(1);
    expect(json.abc.classes.map((k: { abcClass: string }) => k.abcClass)).toEqual(["A", "B", "C"]);
    expect(json.ledger).toMatchObject({ read: 30665, used: 30665 });
    expect(json.out).toBe(out);
    expect(r.err).toMatch(/crm: whale curve: peak \d+\.\d % of total profit at the best \d+\.\d % of customers; \d+ unprofitable customers/);
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines).toHaveLength(5001);
    expect(lines[0]!.startsWith("customer_id,rank,abc_class,orders,lines,units,gross_sales,discounts,returns_value")).toBe(true);
  });

  it("--by region with --customers and a cost file: one line per group plus (all), CSV on stdout", async () => {
    const costs = path.join(dir, "costs.json");
    writeFileSync(costs, JSON.stringify({ complaint: 20, perOrder: 0 }));
    const r = await crm("--input", sample("transactions.csv"), "--customers", sample("customers.csv"), "--by", "region", "--costs", costs);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines[0]!.startsWith("region,customers,orders")).toBe(true);
    expect(lines).toHaveLength(1 + 5 + 1);
    expect(lines.at(-1)!.startsWith("(all),5000,19177,")).toBe(true);
  });

  it("answers bad input with one line and exit code 2", async () => {
    const bad = path.join(dir, "bad-costs.json");
    writeFileSync(bad, '{"complaint": "twelve"}');
    const cases: [string[], string][] = [
      [["--input", sample("transactions.csv"), "--costs", bad], `serviceCostTable: "complaint" in "${bad}" must be a number >= 0 in currency units (got "twelve")`],
      [["--input", sample("transactions.csv"), "--costs", path.join(dir, "none.json")], `loadServiceCostTableFile: file "${path.join(dir, "none.json")}" not found; check the path`],
      [["--input", sample("transactions.csv"), "--margin-rate", "40%"], 'crm value: --margin-rate must be a number from 0 to below 1, e.g. 0.4 for 40 % (got "40%")'],
      [["--input", sample("transactions.csv"), "--by", "region"], 'valueByGroup: cannot group by "region": it is not a column of the transactions and no customers table was given (--customers FILE); possible: channel, category, product, product_id'],
      [[], "crm value: --input FILE is required; see crm value --help"],
    ];
    for (const [argv, message] of cases) {
      const r = await crm(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err.trim().split("\n").at(-1)).toBe(message);
    }
  });

  it("has --help with its usage", () => {
    expect(valueCommand.help).toContain("Usage: crm value --input FILE [--by channel|category|region|acquisition_channel|ATTRIBUTE]");
  });
});
