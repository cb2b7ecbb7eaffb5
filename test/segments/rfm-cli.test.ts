// End to end: `crm rfm` and `crm migrate` on the bundled sample, through the command objects
// (src/cli/main.ts does not list them yet), with runCli's rule: input errors are one line, exit 2.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/command.js";
import { migrateCommand } from "../../src/cli/commands/migrate.js";
import { rfmCommand } from "../../src/cli/commands/rfm.js";
import { REPO_ROOT } from "../helpers/shared-data.js";
import { isInputError } from "../../src/cli/main.js";

const SAMPLE = path.join(REPO_ROOT, "data/sample/transactions.csv");

async function run(command: Command, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const io = { out: (t: string) => (out += t.endsWith("\n") ? t : `${t}\n`), err: (t: string) => (err += `${t}\n`) };
  try {
    return { code: await command.run(argv, io), out, err };
  } catch (e) {
    if (isInputError(e)) return { code: 2, out, err: err + `${e.message.split("\n")[0]}\n` };
    throw e;
  }
}

describe("crm rfm", () => {
  it("prints the segment table and cut points; --out writes one row per customer", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-rfm-"));
    const out = path.join(dir, "rfm.csv");
    const r = await run(rfmCommand, "--input", SAMPLE, "--out", out);
    expect(r.code).toBe(0);
    expect(r.out).toContain("Champions");
    expect(r.out).toContain("R days since last purchase: 100, 247, 410, 647");
    expect(r.out).toContain("F orders:                   1, 2, 3, 5");
    const lines = readFileSync(out, "utf8").trim().split("\n");
    expect(lines[0]).toBe("customer_id,days_since_last_purchase,orders,total_spend,r,f,m,fm,rfm,segment,usage_tier");
    expect(lines).toHaveLength(5001);
  });
  it("--json prints one object", async () => {
    const r = await run(rfmCommand, "--input", SAMPLE, "--json", "--calibration-end", "2025-06-30");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(["customers", "periodEnd", "breakpoints", "scoresUsed", "notes", "segments", "tiers", "out"]);
    expect(j.periodEnd).toBe("2025-06-30");
    expect(j.segments).toHaveLength(11);
    expect(j.segments.reduce((a: number, s: { customers: number }) => a + s.customers, 0)).toBe(j.customers);
    expect(j.breakpoints.bins).toBe(5);
  });
  it("a bad date is one line and exit 2", async () => {
    const r = await run(rfmCommand, "--input", SAMPLE, "--calibration-end", "2025-02-30");
    expect(r.code).toBe(2);
    expect(r.err).toBe('crm rfm: --calibration-end must be a date YYYY-MM-DD (got "2025-02-30")\n');
  });
});

describe("crm migrate", () => {
  it("prints the matrix and the reading", async () => {
    const r = await run(migrateCommand, "--input", SAMPLE, "--from", "2025-09-14", "--to", "2025-10-15");
    expect(r.code).toBe(0);
    expect(r.out).toContain("from \\ to");
    expect(r.out).toContain("Of 5,000 customers present on both dates, 6.8 % moved to a better segment");
  });
  it("--json: the matrix adds up to the customers at the second date", async () => {
    const r = await run(migrateCommand, "--input", SAMPLE, "--from", "2025-09-14", "--to", "2025-10-15", "--json");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.rows.at(-1)).toBe("new");
    expect(j.counts.flat().reduce((a: number, b: number) => a + b, 0)).toBe(j.customersTo);
    expect(j.counts).toHaveLength(12);
    expect(j.counts[0]).toHaveLength(11);
  });
  it("bad dates are one line and exit 2", async () => {
    const cases: [string[], string][] = [
      [["--from", "2025-9-14", "--to", "2025-10-15"], 'crm migrate: --from must be a date YYYY-MM-DD (got "2025-9-14")\n'],
      [["--from", "2025-09-14"], "crm migrate: --to D is required; see crm migrate --help\n"],
      [["--from", "2025-10-15", "--to", "2025-09-14"], "crm migrate: --from 2025-10-15 must be before --to 2025-09-14\n"],
    ];
    for (const [argv, message] of cases) {
      const r = await run(migrateCommand, "--input", SAMPLE, ...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toBe(message);
    }
  });
});
