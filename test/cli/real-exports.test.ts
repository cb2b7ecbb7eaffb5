// End to end on realistic exports (issue 9, item 7): for each file of test/fixtures/exports/, `crm
// report` as a child process with the mapping a user gives (and with the one `crm inspect`
// proposes) must exit 0, write the HTML and the workbook, account for every row (used + rejected =
// read, guest lines rejected) and have the expected sections, the left-out ones with their reason.
// The sections found are written to reports/artifacts/real-exports.md for the closing note.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { CRM_BUILT, type CrmRun, lastJson, messageLines, parseLedger, runCrm, stackLines } from "../helpers/crm-process.js";
import { EXPORT_FIXTURES, EXPORTS_DIR, type ExportFixture, exportManifest, htmlSections, mappingArgs } from "../helpers/export-fixtures.js";
import { REPO_ROOT } from "../helpers/shared-data.js";

const root = mkdtempSync(path.join(tmpdir(), "crm-exports-"));
const found: string[] = [];
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  const text = ["# Reports of the realistic exports", "", "| file | mapping | ledger | sections | left out (reason) |", "| --- | --- | --- | --- | --- |", ...found].join("\n") + "\n";
  mkdirSync(path.join(REPO_ROOT, "reports", "artifacts"), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, "reports", "artifacts", "real-exports.md"), text);
  console.log(text);
});

/** Checks one report run against the fixture's expectations; returns the problems found. */
function reportProblems(f: ExportFixture, run: CrmRun, out: string, source: string): string[] {
  if (run.timedOut) return ["timed out"];
  if (run.code !== 0) return [`exit ${run.code}: ${messageLines(run.stderr).at(-1) ?? ""}`];
  const p: string[] = [];
  if (stackLines(run.stderr).length > 0) p.push("stack trace on stderr");
  const m = exportManifest()[f.file]!;
  const ledger = parseLedger(run.stderr);
  if (!ledger) return ["no ledger line"];
  if (ledger.used + ledger.rejected !== ledger.read) p.push(`ledger does not sum: ${JSON.stringify(ledger)}`);
  if (ledger.read !== m.rows || ledger.rejected !== m.withoutCustomer) {
    p.push(`ledger read ${ledger.read}, rejected ${ledger.rejected}; expected ${m.rows} rows of which ${m.withoutCustomer} without a customer`);
  }
  const paths = lastJson(run.stdout) as { html?: string; xlsx?: string } | undefined;
  if (paths?.html === undefined || !existsSync(paths.html) || paths.xlsx === undefined || !existsSync(paths.xlsx)) return [...p, `report files not written: ${run.stdout.trim()}`];
  const temps = readdirSync(out).filter((n) => n.endsWith(".tmp"));
  if (temps.length > 0) p.push(`temporary files left: ${temps.join(", ")}`);
  const sections = htmlSections(readFileSync(paths.html, "utf8"));
  const byId = new Map(sections.map((s) => [s.id, s]));
  for (const id of f.present) {
    if (!byId.has(id)) p.push(`section ${id} missing`);
    else if (byId.get(id)!.leftOut) p.push(`section ${id} left out: ${byId.get(id)!.text}`);
  }
  for (const [id, why] of Object.entries(f.leftOut)) {
    const s = byId.get(id);
    if (!s) p.push(`section ${id} neither present nor left out with a reason`);
    else if (!s.leftOut) p.push(`section ${id} present, expected left out`);
    else if (!why.test(s.reason)) p.push(`section ${id} left out with a reason not matching ${why}: ${s.reason || s.text}`);
  }
  for (const s of sections) {
    const known = f.present.includes(s.id) || s.id in f.leftOut || (f.either ?? []).includes(s.id);
    if (!known) p.push(`unexpected section ${s.id}${s.leftOut ? ` (left out: ${s.reason})` : ""}`);
    else if (s.leftOut && s.reason === "") p.push(`section ${s.id} left out without a reason`);
  }
  for (const [id, pattern] of Object.entries(f.sectionText ?? {})) {
    const s = byId.get(id);
    if (s && !pattern.test(s.text)) p.push(`section ${id} does not say ${pattern}`);
  }
  found.push(`| ${f.file} | ${source} | read ${ledger.read}, used ${ledger.used}, rejected ${ledger.rejected} | ${sections.filter((s) => !s.leftOut).map((s) => s.id).join(", ")} | ` +
    `${sections.filter((s) => s.leftOut).map((s) => `${s.id} (${s.reason.replace(/\|/g, "\\|")})`).join("; ")} |`);
  return p;
}

describe.each(EXPORT_FIXTURES)("realistic export $file", (f) => {
  const input = path.join(EXPORTS_DIR, f.file);

  it("crm report with the explicit mapping: exit 0, the files written, every row accounted for, the expected sections", async () => {
    expect(CRM_BUILT, "dist/ is not built: run npm run build first").toBe(true);
    const out = path.join(root, `${f.file}-flags`);
    const run = await runCrm(["report", "--input", input, ...mappingArgs(f, "flags"), ...f.reportFlags, "--out", out, "--json"], { cwd: root, timeoutMs: 120_000 });
    expect(reportProblems(f, run, out, "explicit flags"), run.stderr).toEqual([]);
  }, 150_000);

  it("crm inspect proposes a mapping with which crm report reads the file the same way", async () => {
    expect(CRM_BUILT, "dist/ is not built: run npm run build first").toBe(true);
    const out = path.join(root, `${f.file}-inspect`);
    mkdirSync(out);
    const mapping = path.join(out, "mapping.json");
    const inspect = await runCrm(["inspect", "--input", input, "--out", mapping], { cwd: root, timeoutMs: 60_000 });
    expect(inspect.code, inspect.stderr).toBe(0);
    const run = await runCrm(["report", "--input", input, ...mappingArgs(f, "inspect", mapping), ...f.reportFlags, "--out", out, "--json"], { cwd: root, timeoutMs: 120_000 });
    expect(reportProblems(f, run, out, `crm inspect: ${JSON.stringify(JSON.parse(readFileSync(mapping, "utf8")).columns)}`), run.stderr).toEqual([]);
  }, 200_000);
});

describe("the export fixtures", () => {
  it("are small, and make-exports.js re-creates them byte for byte", () => {
    const again = path.join(root, "remade");
    const r = spawnSync(process.execPath, [path.join(EXPORTS_DIR, "make-exports.js"), "--out", again], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(EXPORTS_DIR).filter((n) => n !== "make-exports.js");
    expect(readdirSync(again).sort()).toEqual(files.sort());
    for (const name of files) {
      const bytes = readFileSync(path.join(EXPORTS_DIR, name));
      expect(bytes.length, name).toBeLessThan(300_000);
      expect(readFileSync(path.join(again, name)).equals(bytes), name).toBe(true);
    }
  }, 60_000);
});
