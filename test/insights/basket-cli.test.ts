// End to end: `crm basket` on the bundled sample.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { basketCommand } from "../../src/cli/commands/basket.js";
import { COMMANDS, runCli } from "../../src/cli/main.js";
import { REPO_ROOT } from "../helpers/shared-data.js";

const SAMPLE = path.join(REPO_ROOT, "data/sample/transactions.csv");
const dir = mkdtempSync(path.join(tmpdir(), "crm-basket-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function basket(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const code = await basketCommand.run(argv, { out: (t) => (out += `${t}\n`), err: (t) => (err += `${t}\n`) });
  return { code, out, err };
}

describe("crm basket", () => {
  it("--json prints one object with counts, options, top rules and coverage; --out writes next-best CSV", async () => {
    const out = path.join(dir, "next.csv");
    const rulesOut = path.join(dir, "rules.csv");
    const r = await basket("--input", SAMPLE, "--level", "category", "--min-support", "0.01", "--top", "2", "--out", out, "--rules-out", rulesOut, "--json");
    expect(r.code).toBe(0);
    expect(r.out.trim().split("\n")).toHaveLength(1);
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ level: "category", keyedBy: "order", baskets: 19177, items: 6, linesUsed: 30665, linesSkipped: 0, minSupport: 0.01, minConfidence: 0.05, sortBy: "lift", out, rulesOut });
    expect(j.itemsetsBySize).toEqual([6, 15]);
    expect(j.rules).toBe(30);
    expect(Object.keys(j.topRules[0]).sort()).toEqual(["antecedent", "baskets", "confidence", "consequent", "conviction", "leverage", "lift", "support"]);
    expect(j.nextBest).toMatchObject({ topN: 2, customers: 5000 });
    const csv = readFileSync(out, "utf8").trim().split("\n");
    expect(csv[0]).toBe("customer_id,rank,item,score,lift,source,basis");
    expect(csv).toHaveLength(1 + j.nextBest.rows);
    expect(readFileSync(rulesOut, "utf8").split("\n")[0]).toBe("antecedent,consequent,baskets,support,antecedent_support,consequent_support,confidence,lift,leverage,conviction");
    expect(r.err).toContain("crm: 19,177 baskets of 6 categories, itemsets by size 6/15, 30 rules");
  });

  it("prints the rules as CSV on stdout by default (product level)", async () => {
    const r = await basket("--input", SAMPLE);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines[0]).toMatch(/^antecedent,consequent,baskets,support/);
    expect(lines.length).toBeGreaterThan(1);
  });

  it("rejects a bad --min-support with one line (a UsageError: exit code 2 in crm)", async () => {
    for (const v of ["0", "1.5", "abc", "-0.1"]) {
      const e = await basket("--input", SAMPLE, `--min-support=${v}`).catch((x: Error) => x);
      expect(e).toBeInstanceOf(Error);
      expect((e as Error).name).toBe("UsageError");
      expect((e as Error).message).toBe(`crm basket: --min-support must be a share above 0 and at most 1, e.g. 0.01 (got "${v}")`);
    }
  });

  it.skipIf(!COMMANDS.some((c) => c.name === "basket"))("through runCli: exit 0, and exit 2 with one line for a bad --min-support", async () => {
    let err = "";
    const io = { out: () => undefined, err: (t: string) => (err += `${t}\n`) };
    expect(await runCli(["basket", "--input", SAMPLE, "--level", "category", "--json"], io)).toBe(0);
    err = "";
    expect(await runCli(["basket", "--input", SAMPLE, "--min-support", "2"], io)).toBe(2);
    expect(err).toBe('crm basket: --min-support must be a share above 0 and at most 1, e.g. 0.01 (got "2")\n');
  });
});
