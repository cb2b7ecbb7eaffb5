// End to end: `crm segment` on the bundled sample (5,000 customers). The command is called as
// runCli will once src/cli/main.ts lists it; input errors become one line and exit code 2.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { segmentCommand } from "../../src/cli/commands/segment.js";
import { REPO_ROOT } from "../helpers/shared-data.js";
import { isInputError } from "../../src/cli/main.js";

const SAMPLE = path.join(REPO_ROOT, "data/sample/transactions.csv");
const dir = mkdtempSync(path.join(tmpdir(), "crm-segment-"));
afterAll(() => spawnSync("rm", ["-rf", dir]));

async function crm(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "", err = "";
  const io = { out: (t: string) => (out += t.endsWith("\n") ? t : `${t}\n`), err: (t: string) => (err += `${t}\n`) };
  try {
    return { code: await segmentCommand.run(argv, io), out, err };
  } catch (error) {
    if (isInputError(error)) return { code: 2, out, err: err + `${error.message.split("\n")[0]}\n` };
    throw error;
  }
}

describe("crm segment", () => {
  it("--k auto --json on the sample: one JSON object with the profiles and the k-choice table", async () => {
    const r = await crm("--input", SAMPLE, "--json", "--out", path.join(dir, "clusters.csv"));
    expect(r.code).toBe(0);
    const lines = r.out.trim().split("\n");
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0]!);
    expect(j.customers).toBe(5000);
    expect(j.k).toBeGreaterThanOrEqual(2);
    expect(j.k).toBeLessThanOrEqual(8);
    expect(j.kChosenAutomatically).toBe(true);
    expect(j.features).toEqual(["days_since_last_purchase", "orders", "total_spend"]);
    expect(j.kChoice.rows.map((x: { k: number }) => x.k)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(j.kChoice.bestK).toBe(j.k);
    expect(j.silhouette.exact).toBe(true);
    expect(j.profiles).toHaveLength(j.k);
    expect(j.profiles.reduce((s: number, p: { size: number }) => s + p.size, 0)).toBe(5000);
    expect(new Set(j.profiles.map((p: { name: string }) => p.name)).size).toBe(j.k);
    expect(Object.keys(j.profiles[0])).toEqual(expect.arrayContaining(["cluster", "name", "size", "share", "valueShare", "means", "medians", "description"]));
    expect(j.assignments).toBeUndefined();
    const csv = readFileSync(j.out, "utf8").trim().split("\n");
    expect(csv[0]).toBe("customer_id,cluster,cluster_name");
    expect(csv).toHaveLength(5001);
  });
  it("--k 4 prints the per-customer CSV and the profile table; same seed, same output", async () => {
    const a = await crm("--input", SAMPLE, "--k", "4", "--seed", "7", "--features", "days_since_last_purchase,orders,total_spend,T");
    expect(a.code).toBe(0);
    expect(a.out.split("\n")[0]).toBe("customer_id,cluster,cluster_name");
    expect(a.err).toContain("crm: 4 clusters, silhouette");
    expect(a.err).toContain("mean_T");
    const b = await crm("--input", SAMPLE, "--k", "4", "--seed", "7", "--features", "days_since_last_purchase,orders,total_spend,T");
    expect(b.out).toBe(a.out);
  });
  it("answers a bad --k or --features with one line and exit code 2", async () => {
    const cases: [string[], string][] = [
      [["--input", SAMPLE, "--k", "0"], 'crm segment: --k must be auto or a whole number from 2 to 20 (got "0")\n'],
      [["--input", SAMPLE, "--k", "three"], 'crm segment: --k must be auto or a whole number from 2 to 20 (got "three")\n'],
      [["--input", SAMPLE, "--features", "age"], 'crm segment: --features: "age" is not one of days_since_last_purchase, orders, total_spend, frequency, monetary_value, recency, T\n'],
      [["--input", SAMPLE, "--seed", "x"], 'crm segment: --seed must be a whole number from 0 to 9007199254740991 (got "x")\n'],
      [["--k", "3"], "crm segment: --input FILE is required; see crm segment --help\n"],
    ];
    for (const [argv, message] of cases) {
      const r = await crm(...argv);
      expect(r.code, argv.join(" ")).toBe(2);
      expect(r.err).toBe(message);
      expect(r.out).toBe("");
    }
  });
});
