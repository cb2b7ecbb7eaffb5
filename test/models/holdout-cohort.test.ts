import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadTransactionsFile, loadTransactionsText, type Transactions } from "../../src/data/index.js";
import { generateSample, writeSample } from "../../src/data/generate/index.js";
import { isoDayOption } from "../../src/data/parse/iso-day-option.js";
import { holdoutCohort } from "../../src/models/diagnostics/holdout-cohort.js";
import { holdoutTracking, purchaseTracking } from "../../src/models/diagnostics/purchase-tracking.js";
import { bgNbdFromParams } from "../../src/models/purchase/bg-nbd.js";
import { customerSummary } from "../../src/summary/index.js";
import type { TimeUnit } from "../../src/summary/types.js";

let dir = "";
let sample: Transactions;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "crm-holdout-"));
  await writeSample(generateSample({ customers: 1200, seed: 11 }), dir, { readme: false });
  sample = (await loadTransactionsFile(path.join(dir, "transactions.csv"))).transactions;
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** holdoutCohort against customerSummary with the same dates: the same customers, order and values, bit for bit. */
async function expectSameAsSummary(tx: Transactions, calibrationEnd: string, observationEnd: string, timeUnit: TimeUnit): Promise<number> {
  const s = await customerSummary(tx, { calibrationEnd, observationEnd, timeUnit });
  const h = holdoutCohort(tx, isoDayOption(calibrationEnd, "t", "c"), isoDayOption(observationEnd, "t", "o"), timeUnit);
  expect(h.customerId).toEqual(s.columns.customer_id);
  expect(Array.from(h.firstPurchaseDay, (d) => new Date(d * 86_400_000).toISOString().slice(0, 10))).toEqual(s.columns.first_purchase);
  for (const k of ["frequency", "recency", "T", "frequency_holdout"] as const) expect(Array.from(h.columns[k])).toEqual(Array.from(s.columns[k]));
  expect(h.durationHoldout).toBe(s.durationHoldout);
  expect(h.calibrationEnd).toBe(s.calibrationEnd);
  return s.length;
}

describe("holdoutCohort", () => {
  it("gives the calibration/holdout columns of customerSummary on generated data, in weeks and days", async () => {
    expect(await expectSameAsSummary(sample, "2025-07-02", "2025-12-31", "week")).toBeGreaterThan(500);
    expect(await expectSameAsSummary(sample, "2025-03-31", "2025-10-31", "day")).toBeGreaterThan(300);
  });

  it("counts purchase days as the summary does: same-day lines once, returns never, lines after the observation end ignored", async () => {
    const tx = loadTransactionsText([
      "customer_id,date,amount",
      "A,2024-01-02,10", "A,2024-01-02,5", "A,2024-01-09,-3", "A,2024-02-01,7", "A,2024-03-05,2", "A,2024-05-01,9",
      "B,2024-01-20,-4", "B,2024-02-10,6", "B,2024-02-10,1",
      "C,2024-03-01,-5",
      "D,2024-02-25,3",
      "E,2024-01-05,0", "E,2024-02-28,4", "E,2024-03-01,1",
    ].join("\n")).transactions;
    expect(await expectSameAsSummary(tx, "2024-02-28", "2024-03-31", "week")).toBe(4); // A, B, D, E: C has returns only
  });

  it("treats every line of a purchase log as a purchase", async () => {
    const tx = loadTransactionsText(["customer_id,date", "A,2024-01-02", "A,2024-01-02", "A,2024-01-20", "B,2024-01-10", "B,2024-03-01", "C,2024-03-02"].join("\n")).transactions;
    expect(await expectSameAsSummary(tx, "2024-02-15", "2024-03-31", "week")).toBe(2);
  });

  it("tracks repeat purchases from its purchase days as purchaseTracking does from the lines", async () => {
    const model = bgNbdFromParams({ r: 0.6, alpha: 8, a: 1.4, b: 5.5 }, "week");
    const s = await customerSummary(sample, { calibrationEnd: "2025-07-02", observationEnd: "2025-12-31", timeUnit: "week" });
    const h = holdoutCohort(sample, isoDayOption("2025-07-02", "t", "c"), isoDayOption("2025-12-31", "t", "o"), "week");
    const fromLines = purchaseTracking(model, sample, s);
    expect(fromLines.actual.reduce((a, b) => a + b, 0)).toBeGreaterThan(1000);
    expect(holdoutTracking(model, h)).toEqual(fromLines);
    expect(holdoutTracking(model, h, { period: "month" })).toEqual(purchaseTracking(model, sample, s, { period: "month" }));
  });
});
