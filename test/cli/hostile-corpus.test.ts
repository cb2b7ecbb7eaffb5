// The hostile-input corpus (issue 9, item 6): every case of test/fixtures/hostile/cases.json through
// `crm validate`, `summary`, `rfm`, `fit bg-nbd` and `report` as a child process (2 at a time, each
// under a time bound), each run judged against the outcome the data policy expects: success with
// used + rejected = read and the expected counts, or exit 2 with one line naming the file. Never
// exit 1, a stack trace, a hang, a temporary file or partial output. The table of cases x commands
// is printed at the end and written to reports/artifacts/hostile-corpus.md.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRM_BUILT, type CrmRun, mapLimit, runCrm, snapshot } from "../helpers/crm-process.js";
import { describeRun, judgeCrmRun, type Outcome } from "../helpers/judge-crm-run.js";
import { REPO_ROOT } from "../helpers/shared-data.js";

const HOSTILE = path.join(REPO_ROOT, "test", "fixtures", "hostile");
const COMMANDS = ["validate", "summary", "rfm", "fit", "report", "predict"] as const;
type CommandName = (typeof COMMANDS)[number];

interface CorpusCase {
  readonly id: string;
  readonly file: string | null;
  readonly input?: string;
  readonly args: readonly string[];
  readonly out?: "proc" | "input" | "folder" | "exists";
  readonly timeoutMs?: number;
  readonly note: string;
  readonly checks?: readonly string[];
  readonly expect: Partial<Record<CommandName, Outcome>>;
}
const corpus = JSON.parse(readFileSync(path.join(HOSTILE, "cases.json"), "utf8")) as { cases: CorpusCase[] };

interface PlannedRun {
  readonly c: CorpusCase;
  readonly command: CommandName;
  readonly expected: Outcome;
}
const plan: PlannedRun[] = corpus.cases.flatMap((c) =>
  COMMANDS.filter((cmd) => c.expect[cmd] !== undefined).map((command) => ({ c, command, expected: c.expect[command]! })),
);

const root = mkdtempSync(path.join(tmpdir(), "crm-hostile-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The big-customer file: good.csv plus 100,000 lines of customer BIG (the recipe of make.js). */
function writeBigCustomer(file: string): void {
  const lines = [readFileSync(path.join(HOSTILE, "good.csv"), "utf8").trimEnd()];
  const day0 = Date.UTC(2024, 0, 1);
  for (let i = 0; i < 100_000; i++) lines.push(`BIG,${new Date(day0 + (i % 366) * 86_400_000).toISOString().slice(0, 10)},${(1 + (i % 50)).toFixed(2)}`);
  writeFileSync(file, lines.join("\n") + "\n");
}

function inputPath(c: CorpusCase): string {
  if (c.file !== null) return path.join(HOSTILE, c.file);
  switch (c.input) {
    case "$DIR": return path.join(root, "a-folder.csv");
    case "$MISSING": return path.join(root, "nope.csv");
    case "$BIG_CUSTOMER": return path.join(root, "big-customer.csv");
    default: return c.input!;
  }
}

const DEFAULT_OUT: Record<CommandName, string> = { validate: "", summary: "summary.csv", rfm: "rfm.csv", fit: "model.json", report: "report", predict: "predictions.csv" };

/** Sets up the run's folder and gives the argv and the --out path. */
function prepare(run: PlannedRun, dir: string): { argv: string[]; out?: string } {
  let input = inputPath(run.c);
  let out: string | undefined = run.command === "validate" ? undefined : path.join(dir, DEFAULT_OUT[run.command]);
  if (out !== undefined) {
    if (run.c.out === "proc") out = path.join("/proc", "crm-hostile", DEFAULT_OUT[run.command]);
    if (run.c.out === "input") {
      out = path.join(dir, path.basename(input));
      copyFileSync(input, out);
      input = out;
    }
    if (run.c.out === "folder") {
      out = path.join(dir, run.command === "report" ? "existing-file.txt" : "existing-folder");
      if (run.command === "report") writeFileSync(out, "a file where a folder is meant\n");
      else mkdirSync(out);
    }
    if (run.c.out === "exists") {
      if (run.command === "report") {
        mkdirSync(out);
        writeFileSync(path.join(out, "customer-report.html"), "old\n");
      } else writeFileSync(out, "old\n");
    }
  }
  const head = run.command === "fit" ? ["fit", "bg-nbd"] : [run.command];
  return { argv: [...head, "--input", input, ...run.c.args, ...(out === undefined ? [] : ["--out", out]), "--json"], out };
}

interface Done {
  readonly run: PlannedRun;
  readonly result: CrmRun;
  readonly problems: readonly string[];
}
let done: Done[] = [];

beforeAll(async () => {
  expect(CRM_BUILT, "dist/ is not built: run npm run build first").toBe(true);
  mkdirSync(path.join(root, "a-folder.csv"));
  writeBigCustomer(path.join(root, "big-customer.csv"));
  done = await mapLimit(plan, 2, async (run, i) => {
    const dir = path.join(root, `run-${i}`);
    mkdirSync(dir);
    const { argv, out } = prepare(run, dir);
    const before = snapshot(dir);
    const result = await runCrm(argv, { cwd: dir, timeoutMs: run.c.timeoutMs ?? 30_000 });
    const problems = judgeCrmRun(result, run.expected, { command: run.command, out, before, after: snapshot(dir), checks: run.c.checks });
    if (run.c.out === "exists" && result.code === 0 && out !== undefined) {
      const f = run.command === "report" ? path.join(out, "customer-report.html") : out;
      if (readFileSync(f, "utf8") === "old\n") problems.push("the existing output was not replaced");
    }
    rmSync(dir, { recursive: true, force: true });
    return { run, result, problems };
  });
  writeTable(done);
}, 600_000);

/** The closing table: cases x commands -> exit code and message or counts; ✗ marks a run not as the policy expects. */
function writeTable(results: readonly Done[]): void {
  const cols = COMMANDS.filter((cmd) => results.some((d) => d.run.command === cmd));
  const lines = [
    "# Hostile-input corpus: cases x commands",
    "",
    "Cell: exit code, then `r`ead `u`sed `x` rejected `c`ustomers, or the one-line message. ✗: not the outcome the policy expects.",
    "",
    `| case | ${cols.join(" | ")} |`,
    `| --- | ${cols.map(() => "---").join(" | ")} |`,
  ];
  for (const c of corpus.cases) {
    const cells = cols.map((cmd) => {
      const d = results.find((r) => r.run.c === c && r.run.command === cmd);
      if (d === undefined) return "";
      const text = describeRun(d.result, [`${HOSTILE}/`, `${root}/`]).replace(/run-\d+\//g, "");
      return `${d.problems.length > 0 ? "✗ " : ""}${text}`;
    });
    lines.push(`| ${c.id} | ${cells.join(" | ")} |`);
  }
  const bad = results.filter((d) => d.problems.length > 0);
  lines.push("", `${results.length - bad.length} of ${results.length} runs as expected; ${bad.length} not:`, "");
  const slowest = [...results].sort((a, b) => b.result.ms - a.result.ms).slice(0, 8);
  lines.push(`Slowest runs: ${slowest.map((d) => `${d.run.c.id} / ${d.run.command} ${(d.result.ms / 1000).toFixed(1)} s`).join(", ")}; total ${(results.reduce((t, d) => t + d.result.ms, 0) / 1000).toFixed(0)} s of run time.`, "");
  for (const d of bad) lines.push(`- ${d.run.c.id} / ${d.run.command}: ${d.problems.join("; ").replace(/\n/g, " ").split(`${HOSTILE}/`).join("")}`);
  const text = lines.join("\n") + "\n";
  mkdirSync(path.join(REPO_ROOT, "reports", "artifacts"), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, "reports", "artifacts", "hostile-corpus.md"), text);
  console.log(text);
}

describe("hostile-input corpus", () => {
  it("has at least 60 input files, and make.js re-creates them and cases.json byte for byte", () => {
    const committed = readdirSync(HOSTILE).filter((f) => f !== "make.js");
    expect(committed.length).toBeGreaterThanOrEqual(61);
    const again = path.join(root, "remade");
    const r = spawnSync(process.execPath, [path.join(HOSTILE, "make.js"), "--out", again], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(again).sort()).toEqual(committed.sort());
    for (const f of committed) expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(HOSTILE, f))), f).toBe(true);
  }, 60_000);

  for (const [i, run] of plan.entries()) {
    it(`${run.c.id} / ${run.command}: ${run.c.note}`, () => {
      const d = done[i];
      expect(d, "the run did not happen").toBeDefined();
      expect(d!.problems, `crm ${d!.result.argv.join(" ")}`).toEqual([]);
    });
  }
});
