// Judges one run of `crm` against the outcome the data policy expects (see
// test/fixtures/hostile/make.js): success with the ledger's counts, or exit 2 with one line.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { readDelimited } from "../../src/data/read/read-delimited.js";
import { type CrmRun, lastJson, messageLines, parseLedger, snapshotChanges, stackLines } from "./crm-process.js";

/** Success: exit 0, the ledger's counts, the customers, and (summary) the observation end. */
export interface SuccessOutcome {
  readonly exit: 0;
  readonly read: number;
  readonly used: number;
  readonly rejected: number;
  readonly customers: number;
  readonly observationEnd?: string;
  /** The 1-based source lines of the rejected rows (checked on `validate --json`). */
  readonly rejectedLines?: readonly number[];
}
/** Failure: exit 2 and one line on stderr (besides progress) matching every pattern (case-insensitive). */
export interface FailureOutcome {
  readonly exit: 2;
  readonly match: readonly string[];
}
/** One expected outcome, or a choice the policy leaves open (e.g. decode a file or refuse it). */
export type Outcome = SuccessOutcome | FailureOutcome | { readonly anyOf: readonly (SuccessOutcome | FailureOutcome)[] };

/** What a run left behind, to be judged with it. */
export interface RunContext {
  readonly command: string;
  /** The output path given with --out (a file, or the report's folder), if any. */
  readonly out?: string;
  /** The run's folder before and after the run. */
  readonly before: Map<string, Buffer | null>;
  readonly after: Map<string, Buffer | null>;
  /** Extra checks: "csv-safe" (no CSV cell starts with a formula character), "html-safe". */
  readonly checks?: readonly string[];
}

/** The files a successful command must have written at its --out path. */
function outputs(command: string, out: string): string[] {
  return command === "report" ? [path.join(out, "customer-report.html"), path.join(out, "customer-report.xlsx")] : [out];
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

function successProblems(run: CrmRun, e: SuccessOutcome, ctx: RunContext): string[] {
  const p: string[] = [];
  if (run.code !== 0) return [`exit ${run.code} instead of 0: ${messageLines(run.stderr).at(-1) ?? ""}`];
  const ledger = parseLedger(run.stderr);
  if (!ledger) return ["no ledger line on stderr"];
  if (ledger.used + ledger.rejected !== ledger.read) p.push(`ledger does not sum: read ${ledger.read}, used ${ledger.used}, rejected ${ledger.rejected}`);
  if (ledger.read !== e.read || ledger.used !== e.used || ledger.rejected !== e.rejected) {
    p.push(`ledger read ${ledger.read}, used ${ledger.used}, rejected ${ledger.rejected}; expected ${e.read}, ${e.used}, ${e.rejected}`);
  }
  const json = lastJson(run.stdout);
  if (ctx.command !== "report" && ctx.command !== "predict") {
    if (json?.customers !== e.customers) p.push(`customers ${String(json?.customers)}, expected ${e.customers}`);
  }
  if (ctx.command === "summary" && e.observationEnd !== undefined && json?.observationEnd !== e.observationEnd) {
    p.push(`observation end ${String(json?.observationEnd)}, expected ${e.observationEnd}`);
  }
  if (ctx.command === "validate" && e.rejectedLines !== undefined) {
    const lines = ((json?.rejected ?? []) as { line: number }[]).map((r) => r.line).sort((a, b) => a - b);
    const want = [...e.rejectedLines].sort((a, b) => a - b);
    if (lines.join(",") !== want.join(",")) p.push(`rejected lines ${lines.join(",")}; expected ${want.join(",")}`);
  }
  if (ctx.out !== undefined) for (const f of outputs(ctx.command, ctx.out)) if (!existsSync(f)) p.push(`${path.basename(f)} not written`);
  if (ctx.checks?.includes("csv-safe") && ctx.out !== undefined && (ctx.command === "summary" || ctx.command === "rfm") && existsSync(ctx.out)) {
    const table = readDelimited(readFileSync(ctx.out, "utf8"), { header: true, delimiter: "," });
    const cells = [...table.header, ...table.rows.flatMap((r) => r.values)];
    const unsafe = cells.filter((c) => FORMULA_START.test(c) && !PLAIN_NUMBER.test(c));
    if (unsafe.length > 0) p.push(`${unsafe.length} CSV cells start with a formula character, e.g. ${JSON.stringify(unsafe[0])}`);
  }
  if (ctx.checks?.includes("html-safe") && ctx.command === "report" && ctx.out !== undefined) {
    const html = path.join(ctx.out, "customer-report.html");
    if (existsSync(html) && readFileSync(html, "utf8").includes("<img src=x onerror=alert(1)>")) p.push("the HTML report holds an unescaped <img onerror>");
  }
  return p;
}

function failureProblems(run: CrmRun, e: FailureOutcome, ctx: RunContext): string[] {
  const p: string[] = [];
  const lines = messageLines(run.stderr);
  if (run.code !== 2) return [`exit ${run.code} instead of 2: ${lines.at(-1) ?? ""}`];
  if (lines.length !== 1) p.push(`${lines.length} lines on stderr besides progress, expected 1: ${JSON.stringify(lines.slice(0, 3))}`);
  const line = lines.at(-1) ?? "";
  for (const m of e.match) if (!new RegExp(m, "i").test(line)) p.push(`message does not match /${m}/i: ${line}`);
  const changes = snapshotChanges(ctx.before, ctx.after);
  if (changes.length > 0) p.push(`output left after the failure: ${changes.join(", ")}`);
  return p;
}

/**
 * The problems of one run measured against its expected outcome (empty when it is as expected).
 * Always checked: no timeout, no exit 1, no stack trace, no temporary file left behind.
 */
export function judgeCrmRun(run: CrmRun, expected: Outcome, ctx: RunContext): string[] {
  if (run.timedOut) return ["timed out (killed)"];
  const always: string[] = [];
  if (stackLines(run.stderr + run.stdout).length > 0) always.push(`stack trace printed: ${stackLines(run.stderr)[0]?.trim()}`);
  const temps = [...ctx.after.keys()].filter((f) => /(^|\/)\..*\.tmp$|\.tmp$/.test(f));
  if (temps.length > 0) always.push(`temporary files left: ${temps.join(", ")}`);
  const alternatives = "anyOf" in expected ? expected.anyOf : [expected];
  const judged = alternatives.map((alt) => (alt.exit === 0 ? successProblems(run, alt, ctx) : failureProblems(run, alt, ctx)));
  if (judged.some((j) => j.length === 0)) return always;
  // None fits: report against the alternative with the exit code the run had, else the first.
  const same = alternatives.findIndex((alt) => alt.exit === run.code);
  return [...always, ...judged[same >= 0 ? same : 0]!];
}

/** A short account of a run for the closing table: `0 r219 u219 x0` or `2: <message>` or `1: <message>` (without the `strip` texts, e.g. folder paths). */
export function describeRun(run: CrmRun, strip: readonly string[] = []): string {
  if (run.timedOut) return "timeout";
  const ledger = parseLedger(run.stderr);
  const json = lastJson(run.stdout);
  if (run.code === 0) {
    const c = typeof json?.customers === "number" ? ` c${json.customers}` : "";
    return ledger ? `0 r${ledger.read} u${ledger.used} x${ledger.rejected}${c}` : "0";
  }
  const line = strip.reduce((l, s) => l.split(s).join(""), messageLines(run.stderr).at(-1) ?? "").replace(/\|/g, "\\|");
  return `${run.code}: ${line.length > 160 ? `${line.slice(0, 157)}...` : line}`;
}
