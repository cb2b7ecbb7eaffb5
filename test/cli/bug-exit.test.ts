// Errors by class: a failure that is neither an input error nor an analysis the data cannot
// support is a bug in crm: exit 1 with one short line, the stack only with --debug.
import { describe, expect, it, vi } from "vitest";

vi.mock("../../src/cli/commands/summary.js", () => ({
  summaryCommand: {
    name: "summary",
    summary: "a command with a bug",
    help: "help",
    run: async () => {
      const table: Record<string, { rows: number } | undefined> = {};
      return table.missing!.rows; // TypeError: a bug, not bad input
    },
  },
}));

const { runCli } = await import("../../src/cli/main.js");

function capture() {
  const err: string[] = [];
  return { err, io: { out: () => undefined, err: (t: string) => void err.push(t) } };
}

describe("a bug in crm", () => {
  it("exits 1 with one short line naming it a bug, no stack trace", async () => {
    const { err, io } = capture();
    const saved = process.env.CRM_DEBUG;
    delete process.env.CRM_DEBUG;
    try {
      expect(await runCli(["summary", "--input", "x.csv"], io)).toBe(1);
    } finally {
      if (saved !== undefined) process.env.CRM_DEBUG = saved;
    }
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^crm summary: unexpected failure \(a bug in crm, not in your data\): .*Cannot read properties of undefined.* \(run again with --debug for the stack trace\)$/);
    expect(err[0]).not.toMatch(/\n\s+at /);
  });

  it("prints the stack trace with --debug anywhere on the line", async () => {
    const { err, io } = capture();
    expect(await runCli(["summary", "--debug", "--input", "x.csv"], io)).toBe(1);
    expect(err).toHaveLength(2);
    expect(err[0]).not.toMatch(/--debug for the stack/);
    expect(err[1]).toMatch(/^TypeError: .*\n\s+at /);
  });
});

describe("one name per analysis", () => {
  it("a command that computes a report section answers to the section's id", async () => {
    const { COMMANDS } = await import("../../src/cli/main.js");
    const { REPORT_SECTIONS } = await import("../../src/reports/sections/registry.js");
    const ids = new Set(REPORT_SECTIONS.map((s) => s.id));
    const withSection = COMMANDS.filter((c) => c.section !== undefined);
    expect(withSection.map((c) => c.section)).toEqual(["customer-value", "cross-sell", "rfm-segments", "customer-clusters", "segment-migration", "cohorts-retention", "campaigns", "service-impact", "lifetime-value"]);
    for (const c of withSection) expect(ids.has(c.section!)).toBe(true);
    for (const c of withSection) {
      const byName: string[] = [];
      const bySection: string[] = [];
      expect(await runCli([c.name, "--help"], { out: (t) => void byName.push(t), err: () => undefined })).toBe(0);
      expect(await runCli([c.section!, "--help"], { out: (t) => void bySection.push(t), err: () => undefined })).toBe(0);
      expect(bySection).toEqual(byName);
    }
  });
});
