// --quiet leaves out the progress lines (steps and percentages) on stderr; results, notes and
// errors are unchanged, and --json output never carries progress either way.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-quiet-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t) });
  return { code, out: out.join("\n"), err };
}

// The step lines: start, interim (elapsed, count so far), done (time only, or count, time, throughput).
const PROGRESS = /^crm: .* (\.\.\.( [\d.]+ s( \(.*\))?)?|done in [\d.]+ s|done: [\d,]+ \S+ in [\d.]+ s( \(.*\/s\))?)$/;

describe("--quiet", () => {
  it("crm fit: the same JSON on stdout, no progress lines on stderr", async () => {
    const loud = await run("fit", "bg-nbd", "--input", "data/sample/transactions.csv", "--json");
    const quiet = await run("fit", "bg-nbd", "--input", "data/sample/transactions.csv", "--json", "--quiet");
    expect(loud.code).toBe(0);
    expect(quiet.code).toBe(0);
    expect(quiet.out).toBe(loud.out);
    expect(loud.err.some((l) => PROGRESS.test(l))).toBe(true);
    expect(quiet.err.filter((l) => PROGRESS.test(l))).toEqual([]);
    // What is not progress (the row ledger, notes) is still said.
    expect(quiet.err).toEqual(loud.err.filter((l) => !PROGRESS.test(l)));
    expect(() => JSON.parse(quiet.out)).not.toThrow();
  });

  it("crm generate: no progress lines (its simulation reports a count); an error is still one line with exit 2", async () => {
    const loud = await run("generate", "--customers", "50", "--out", path.join(dir, "g0"));
    expect(loud.err).toContain("crm: simulating 50 customers ...");
    expect(loud.err.filter((l) => / done: 50 customers in [\d.]+ s \([\d.]+K? customers\/s\)$/.test(l))).toHaveLength(1);
    const quiet = await run("generate", "--customers", "50", "--out", path.join(dir, "g"), "--quiet");
    expect(quiet.code).toBe(0);
    expect(quiet.err.filter((l) => PROGRESS.test(l))).toEqual([]);
    const bad = await run("summary", "--input", path.join(dir, "missing.csv"), "--quiet");
    expect(bad.code).toBe(2);
    expect(bad.err).toHaveLength(1);
  });
});
