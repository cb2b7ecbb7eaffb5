// Runs `node bin/crm.js` as a child process with a time bound, and reads what it printed: the
// progress lines, the row ledger's one-line account, and the one-line message of a failure.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./shared-data.js";

/** The `crm` launcher; it runs the built module in dist/ (`npm run build`). */
export const CRM_BIN = path.join(REPO_ROOT, "bin", "crm.js");
/** True when dist/ holds the built CLI that {@link CRM_BIN} loads. */
export const CRM_BUILT = existsSync(path.join(REPO_ROOT, "dist", "cli", "main.js"));

/** What one run of `crm` did. */
export interface CrmRun {
  readonly argv: readonly string[];
  /** Exit code; null when the run was killed. */
  readonly code: number | null;
  /** True when the run passed its time bound and was killed. */
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock milliseconds (reported, never asserted). */
  readonly ms: number;
}

/**
 * Runs `node bin/crm.js ...argv` in `cwd`, killed (SIGKILL) after `timeoutMs`.
 *
 * @example
 * const r = await runCrm(["validate", "--input", "tx.csv", "--json"], { cwd: dir, timeoutMs: 30_000 });
 */
export function runCrm(argv: readonly string[], options: { readonly cwd: string; readonly timeoutMs: number }): Promise<CrmRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CRM_BIN, ...argv], {
      cwd: options.cwd,
      env: { ...process.env, CRM_DEBUG: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const start = performance.now();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.timeoutMs);
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ argv, code, timedOut, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), ms: performance.now() - start });
    });
  });
}

/** The ledger line `crm: <source>: rows read N, used N, rejected N (...)` (counts with thousands separators). */
const LEDGER = /^crm: (.*): rows read ([\d,]+), used ([\d,]+), rejected ([\d,]+)(?: \(.*\))?$/;

/** A step line: `crm: <step> ...`, `... 5.0 s (1,000 lines so far)`, `done in 0.42 s`, `done: 30,665 lines in 0.21 s (146K lines/s)`. */
const STEP_LINE = /^crm: .* (\.\.\.( [\d.]+ s( \(.*\))?)?|done in [\d.]+ s|done: [\d,]+ \S+ in [\d.]+ s( \(.*\/s\))?)$/;

/**
 * True for a progress line (`crm: <step> ...`, `crm: <step> done in 0.42 s`, with a count
 * `crm: <step> done: 6,919 customers in 0.21 s`), the ledger line, or
 * the report's account of a section it leaves out (`crm report: <section>: left out (<reason>)`).
 */
export function isProgressLine(line: string): boolean {
  if (/^crm report: .*: left out \(.*\)$/.test(line)) return true;
  return line.startsWith("crm: ") && (STEP_LINE.test(line) || LEDGER.test(line));
}

/** The lines of stderr that are not progress lines (a failure must print exactly one). */
export function messageLines(stderr: string): string[] {
  return stderr.split("\n").filter((l) => l.trim() !== "" && !isProgressLine(l));
}

/** Lines that look like a stack trace (`    at f (file.js:1:2)`). */
export function stackLines(text: string): string[] {
  return text.split("\n").filter((l) => /^\s+at /.test(l));
}

/** The row ledger's counts as printed on stderr, or undefined when there is no ledger line. */
export function parseLedger(stderr: string): { source: string; read: number; used: number; rejected: number } | undefined {
  for (const line of stderr.split("\n")) {
    const m = LEDGER.exec(line);
    if (m) {
      const n = (s: string): number => Number(s.replace(/,/g, ""));
      return { source: m[1]!, read: n(m[2]!), used: n(m[3]!), rejected: n(m[4]!) };
    }
  }
  return undefined;
}

/** The last line of stdout parsed as JSON (`--json` prints one object), or undefined. */
export function lastJson(stdout: string): Record<string, unknown> | undefined {
  const line = stdout.trim().split("\n").at(-1);
  if (line === undefined || !line.startsWith("{")) return undefined;
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Every file under `dir` (relative paths), with its bytes; folders as entries ending in "/". */
export function snapshot(dir: string): Map<string, Buffer | null> {
  const files = new Map<string, Buffer | null>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      const rel = path.relative(dir, full);
      if (statSync(full).isDirectory()) {
        files.set(`${rel}/`, null);
        walk(full);
      } else files.set(rel, readFileSync(full));
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/**
 * What changed between two {@link snapshot}s: files added, removed or rewritten, and folders
 * removed (a new folder that stays empty holds no output and is not counted).
 */
export function snapshotChanges(before: Map<string, Buffer | null>, after: Map<string, Buffer | null>): string[] {
  const changes: string[] = [];
  for (const [p, b] of after) {
    if (!before.has(p) && b !== null) changes.push(`new ${p}`);
    else if (b !== null && !b.equals(before.get(p)!)) changes.push(`changed ${p}`);
  }
  for (const p of before.keys()) if (!after.has(p)) changes.push(`removed ${p}`);
  return changes;
}

/** Runs `work` on every item, at most `limit` at a time, keeping the order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
