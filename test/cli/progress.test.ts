// Progress on long work, end to end through runCli: step lines with counts on stderr when it is
// not a terminal, a line redrawn in place when it is (a fake terminal here), nothing with
// --quiet, and stdout (--json) the same in every case. No time is asserted.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CommandIo } from "../../src/cli/command.js";
import { LiveLine } from "../../src/cli/live-line.js";
import { runCli } from "../../src/cli/main.js";
import { loadTransactions } from "../../src/engine/load-transactions.js";
import { customerSummary } from "../../src/summary/customer-summary.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-progress-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const SAMPLE = "data/sample/transactions.csv";

async function run(argv: string[], extra: Partial<CommandIo> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => void out.push(t), err: (t) => void err.push(t), ...extra });
  return { code, out: out.join("\n"), err };
}

const report = (out: string, ...more: string[]) => ["report", "--input", SAMPLE, "--sections", "rfm-segments", "--out", path.join(dir, out), "--generated-at", "2026-01-05", "--json", ...more];

describe("progress of crm report", () => {
  it("without a terminal: the reading and summary steps' done lines carry their counts; stdout is the JSON alone", async () => {
    const r = await run(report("a"));
    expect(r.code).toBe(0);
    // The counts, from the library itself: lines read and customers in the summary.
    const loaded = await loadTransactions(SAMPLE);
    const customers = (await customerSummary(loaded.transactions, { timeUnit: "week" })).length;
    const n = (x: number) => x.toLocaleString("en-US");
    const reading = r.err.filter((l) => l.startsWith(`crm: reading ${SAMPLE} done: `));
    expect(reading).toHaveLength(1);
    expect(reading[0]).toMatch(new RegExp(`^crm: reading ${SAMPLE} done: ${n(loaded.ledger.read)} lines in \\d+\\.\\d+ s \\(\\d+(\\.\\d)?[KM]? lines/s\\)$`));
    expect(r.err).toContain(`crm: ${SAMPLE}: rows read ${n(loaded.ledger.read)}, used ${n(loaded.ledger.used)}, rejected ${n(loaded.ledger.rejected.length)}`);
    expect(r.err.filter((l) => new RegExp(`^crm: customer summary done: ${n(customers)} customers in \\d+\\.\\d+ s$`).test(l))).toHaveLength(1);
    // A per-customer section counts them too; writing the files reports its time only.
    expect(r.err.filter((l) => new RegExp(`^crm: RFM segments done: ${n(customers)} customers in \\d+\\.\\d+ s$`).test(l))).toHaveLength(1);
    expect(r.err.filter((l) => /^crm: writing reports to .* done in \d+\.\d+ s$/.test(l))).toHaveLength(1);
    expect(r.err.join("\n")).not.toContain("\r");
    expect(Object.keys(JSON.parse(r.out))).toEqual(["html", "xlsx"]);
    expect(r.out).not.toContain("crm:");
  });

  it("--quiet: no progress at all, the same stdout, the notes still said", async () => {
    const loud = await run(report("b"));
    const quiet = await run(report("b", "--quiet"));
    expect(quiet.code).toBe(0);
    expect(quiet.out).toBe(loud.out);
    expect(quiet.err.filter((l) => / \.\.\.$| done( in|:) /.test(l))).toEqual([]);
    expect(quiet.err).toEqual(loud.err.filter((l) => !/ \.\.\.$| done( in|:) /.test(l)));
    expect(quiet.err.some((l) => l.includes("rows read"))).toBe(true);
  });

  it("on a terminal: the steps are drawn in place and end as done lines; stdout the same; --quiet draws nothing", async () => {
    const plain = await run(report("c"));
    const drawn: string[] = [];
    const live = new LiveLine({ columns: 200, write: (t: string) => void drawn.push(t) });
    const tty = await run(report("c"), { live });
    expect(tty.code).toBe(0);
    expect(tty.out).toBe(plain.out);
    // Every step was drawn at its start (spinner, elapsed time), and only there: \r, no newline.
    expect(drawn.some((t) => t.startsWith(`\rcrm: reading ${SAMPLE} | 0.`))).toBe(true);
    expect(drawn.some((t) => t.startsWith("\rcrm: customer summary | "))).toBe(true);
    expect(drawn.every((t) => t.startsWith("\r") && !t.includes("\n"))).toBe(true);
    // The whole lines: no start lines (the live line shows the start), the same done lines.
    const done = (err: string[]) => err.filter((l) => / done( in|:) /.test(l)).map((l) => l.replace(/ in \d+\.\d+ s.*$/, ""));
    expect(tty.err.filter((l) => l.endsWith(" ..."))).toEqual([]);
    expect(done(tty.err)).toEqual(done(plain.err));
    expect(tty.err.join("\n")).not.toContain("\r");
    expect(live.drawn).toBe(false);

    const before = drawn.length;
    const quiet = await run(report("c", "--quiet"), { live });
    expect(quiet.out).toBe(plain.out);
    expect(drawn).toHaveLength(before);
  });

  it("the analyses report from inside: interim lines with their stages (no terminal) and a bar (terminal) as the clock advances; the done lines stay", async () => {
    // A clock that moves 6 s each time it is read: every progress call is past the 5 s between interim lines.
    const clock = () => { let t = 0; return () => (t += 6000); };
    const argv = ["report", "--input", SAMPLE, "--sections", "propensity,cross-sell", "--out", path.join(dir, "d"), "--generated-at", "2026-01-05", "--json"];
    const r = await run(argv, { now: clock() });
    expect(r.code).toBe(0);
    const label = "propensity (who buys again in the next 90 days)";
    const interim = r.err.filter((l) => l.startsWith(`crm: ${label} ... `));
    // Called from inside the synchronous analysis: the stages done of 8, with the percentage.
    const counted = interim.map((l) => /^crm: .* \.\.\. \d+\.\d s \((\d) of 8 stages, (\d+) %\)$/.exec(l)).filter((m) => m !== null);
    expect(counted.length).toBeGreaterThanOrEqual(3);
    const done = counted.map((m) => Number(m[1]));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(counted.every((m) => Number(m[2]) === Math.floor((100 * Number(m[1])) / 8))).toBe(true);
    expect(r.err.filter((l) => l.startsWith("crm: cross-sell (association rules) ... ") && / of 4 stages, /.test(l)).length).toBeGreaterThan(0);
    // The done lines as before: customers for propensity, the time alone for cross-sell (not its stages).
    const customers = (await customerSummary((await loadTransactions(SAMPLE)).transactions, { timeUnit: "week" })).length;
    expect(r.err.filter((l) => l.startsWith(`crm: ${label} done: ${customers.toLocaleString("en-US")} customers in `))).toHaveLength(1);
    expect(r.err.filter((l) => /^crm: cross-sell \(association rules\) done in \d+\.\d s$/.test(l))).toHaveLength(1);
    expect(r.out).not.toContain("crm:");

    const drawn: string[] = [];
    const live = new LiveLine({ columns: 200, write: (t: string) => void drawn.push(t) });
    const tty = await run(argv, { live, now: clock() });
    expect(tty.code).toBe(0);
    expect(tty.out).toBe(r.out);
    expect(drawn.some((t) => /^\rcrm: propensity .*\[#{5}-{15}\] 25 % 2 of 8 stages, \d+\.\d s/.test(t))).toBe(true);
    expect(tty.err.filter((l) => l.includes(" ... "))).toEqual([]);
  });

  it("a command of one analysis (crm propensity) shows its stages too; its done line gives the time alone as before", async () => {
    let t = 0;
    const r = await run(["propensity", "--input", SAMPLE, "--out", path.join(dir, "p.csv")], { now: () => (t += 6000) });
    expect(r.code).toBe(0);
    const step = "crm: propensity model (train, test, score)";
    expect(r.err.filter((l) => l.startsWith(`${step} ... `) && / \(\d of 8 stages, \d+ %\)$/.test(l)).length).toBeGreaterThanOrEqual(3);
    expect(r.err.filter((l) => new RegExp(`^${step.replace(/[()]/g, "\\$&")} done in \\d+\\.\\d s$`).test(l))).toHaveLength(1);
  });
});
