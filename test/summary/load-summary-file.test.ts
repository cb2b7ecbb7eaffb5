// A customer-summary file (what crm summary writes, or crm sql summary's SQL result saved as CSV)
// reads back as the same summary: its calibration end and time unit found from first_purchase
// and T; bad rows ledgered; and crm report --summary runs the sections that need only it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../../src/data/data-error.js";
import { loadSummaryFile } from "../../src/summary/load-summary-file.js";
import { crm } from "../helpers/crm-in-process.js";
import { REPO_ROOT } from "../helpers/shared-data.js";
import { expectSameSummary, summaryRowsFromCsv } from "../helpers/summary-rows.js";
import { summaryToCsv } from "../../src/summary/summary-to-csv.js";

const SAMPLE = path.join(REPO_ROOT, "data/sample/transactions.csv");
const dir = mkdtempSync(path.join(tmpdir(), "crm-summary-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadSummaryFile", () => {
  for (const [unit, cal] of [["day", "2024-06-30"], ["week", "2025-03-31"], ["month", "2024-12-31"]] as const) {
    it(`reads crm summary's CSV back (time unit ${unit}, calibration end ${cal}) and finds both`, async () => {
      const made = await crm("summary", "--input", SAMPLE, "--time-unit", unit, "--calibration-end", cal, "--quiet");
      expect(made.code, made.err).toBe(0);
      const file = path.join(dir, `s-${unit}.csv`);
      writeFileSync(file, made.out);
      const { summary, ledger } = await loadSummaryFile(file);
      expect(summary.timeUnit).toBe(unit);
      expect(summary.calibrationEnd).toBe(cal);
      expect(ledger.used).toBe(ledger.read);
      expectSameSummary(summaryRowsFromCsv(summaryToCsv(summary)), summaryRowsFromCsv(made.out), 1e-12);
    });
  }

  it("ledgers bad rows and refuses a time unit that does not fit T", async () => {
    const made = await crm("summary", "--input", SAMPLE, "--time-unit", "week", "--quiet");
    const [head, first, second, ...rest] = made.out.trim().split("\n");
    const broken = [head, first, first, second!.replace(/^([^,]+),[^,]+/, "$1,x"), ...rest].join("\n");
    const file = path.join(dir, "broken.csv");
    writeFileSync(file, `${broken}\n`);
    const { summary, ledger } = await loadSummaryFile(file);
    expect(ledger.byReason).toEqual({ "duplicate-customer": 1, "bad-frequency": 1 });
    expect(ledger.rejected.map((r) => r.line)).toEqual([3, 4]);
    expect(summary.length).toBe(rest.length + 1);
    await expect(loadSummaryFile(file, { timeUnit: "day" })).rejects.toThrow(DataError);
  });

  it("crm report --summary runs the summary-only sections and leaves the others out with the reason", async () => {
    const made = await crm("summary", "--input", SAMPLE, "--calibration-end", "2025-06-30", "--quiet");
    const file = path.join(dir, "for-report.csv");
    writeFileSync(file, made.out);
    const r = await crm("report", "--summary", file, "--sections", "rfm-segments,lifetime-value", "--out", path.join(dir, "report"), "--json");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain("calibration end 2025-06-30, time unit week");
    expect(r.err).toMatch(/RFM segments done/);
    expect(r.err).toMatch(/lifetime value .*: left out \(needs the transactions, not only a customer summary/);
    expect(JSON.parse(r.out).html).toMatch(/customer-report\.html$/);
    const both = await crm("report", "--summary", file, "--input", SAMPLE);
    expect(both.code).toBe(2);
  }, 60_000);
});
