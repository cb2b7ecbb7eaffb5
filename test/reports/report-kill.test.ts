// End to end: `node bin/crm.js report` killed during its write phase (SIGTERM and SIGKILL, at
// several delays after "writing reports" appears on stderr). Whenever the kill lands, the out
// folder must hold the complete old set or the complete new set (compared byte for byte: the
// runs use --generated-at), after SIGTERM no temp file, after SIGKILL only temp files of the
// documented pattern, which the next run removes.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { REPO_ROOT } from "../helpers/shared-data.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-report-kill-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const bin = path.join(REPO_ROOT, "bin", "crm.js");
const built = existsSync(path.join(REPO_ROOT, "dist", "cli", "main.js"));
const NAMES = ["customer-report.html", "customer-report.xlsx"];
const TEMP = /^\.customer-report\.(html|xlsx|pdf)\.\d+-[0-9a-f]{12}\.tmp$/;

async function crm(...argv: string[]): Promise<{ code: number; err: string }> {
  let err = "";
  const code = await runCli(argv, { out: () => {}, err: (t) => (err += `${t}\n`) });
  return { code, err };
}

const args = (title: string, out: string): string[] => [
  "report", "--input", path.join(dir, "data", "transactions.csv"), "--sections", "rfm-segments",
  "--title", title, "--generated-at", "2026-12-03T14:05:00Z", "--out", out,
];
type Set = Readonly<Record<string, Buffer>>;
const read = (out: string): Set => Object.fromEntries(NAMES.map((n) => [n, readFileSync(path.join(out, n))]));
let oldSet: Set;
let newSet: Set;

function killDuringWrite(out: string, signal: NodeJS.Signals, delayMs: number): Promise<NodeJS.Signals | number | null> {
  const child = spawn(process.execPath, [bin, ...args("New", out)], { stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  let armed = false;
  child.stderr.on("data", (b: Buffer) => {
    err += b.toString();
    if (!armed && err.includes("writing reports")) {
      armed = true;
      setTimeout(() => child.kill(signal), delayMs);
    }
  });
  return new Promise((resolve) => child.on("close", (code, sig) => resolve(sig ?? code)));
}

function resetToOld(out: string): void {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  for (const n of NAMES) writeFileSync(path.join(out, n), oldSet[n]!);
}

beforeAll(async () => {
  expect((await crm("generate", "--customers", "80", "--seed", "11", "--out", path.join(dir, "data"))).code).toBe(0);
  const o = await crm(...args("Old", path.join(dir, "old")));
  expect(o.code, o.err).toBe(0);
  const n = await crm(...args("New", path.join(dir, "new")));
  expect(n.code, n.err).toBe(0);
  oldSet = read(path.join(dir, "old"));
  newSet = read(path.join(dir, "new"));
  expect(oldSet["customer-report.html"]!.equals(newSet["customer-report.html"]!)).toBe(false);
  expect(oldSet["customer-report.xlsx"]!.equals(newSet["customer-report.xlsx"]!)).toBe(false);
}, 120_000);

describe("crm report killed while writing", () => {
  it("is built (npm test builds dist/ first; run `npm run build` when calling vitest directly)", () => {
    expect(built).toBe(true);
  });

  for (const signal of ["SIGTERM", "SIGKILL"] as const) {
    it.runIf(built)(`${signal}: the folder holds the whole old set or the whole new set`, async () => {
      const outcomes: string[] = [];
      for (const delayMs of [0, 50, 150, 250, 320, 400]) {
        const out = path.join(dir, `${signal}-${delayMs}`);
        resetToOld(out);
        const ended = await killDuringWrite(out, signal, delayMs);
        const set = read(out);
        const isOld = NAMES.every((n) => set[n]!.equals(oldSet[n]!));
        const isNew = NAMES.every((n) => set[n]!.equals(newSet[n]!));
        expect(isOld || isNew, `${signal} after ${delayMs} ms: a mixed set`).toBe(true);
        const extra = readdirSync(out).filter((f) => !NAMES.includes(f));
        if (signal === "SIGTERM") expect(extra, `${signal} after ${delayMs} ms`).toEqual([]);
        else for (const f of extra) expect(f).toMatch(TEMP);
        // The process died of the signal, or had finished (exit 0) before it came.
        expect([signal, 0]).toContain(ended);
        outcomes.push(`${delayMs} ms: ${isNew ? "new" : "old"} set, ${String(ended)}, ${extra.length} temp files`);
        // The next run replaces the set and removes stale temp files.
        const again = await crm(...args("New", out));
        expect(again.code, again.err).toBe(0);
        expect(readdirSync(out).sort()).toEqual(NAMES);
        expect(NAMES.every((n) => read(out)[n]!.equals(newSet[n]!))).toBe(true);
      }
      console.log(`${signal}:\n  ${outcomes.join("\n  ")}`);
    }, 180_000);
  }
});
