// The customer summary reproduces the published CDNOW calibration summary (Fader, Hardie & Lee 2005;
// the files in ../shared/data/cdnow, described in its README.md).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadTransactionsFile } from "../../src/data/index.js";
import { customerSummary } from "../../src/summary/index.js";
import { HAS_SHARED_DATA, sharedFile } from "../helpers/shared-data.js";

describe.skipIf(!HAS_SHARED_DATA)("CDNOW sample summary (39 weeks to 1997-09-30)", () => {
  const load = () =>
    loadTransactionsFile(sharedFile("cdnow", "CDNOW_sample.txt"), {
      header: false,
      columns: { customerId: "2", date: "3", amount: "5" },
      dateFormat: "yyyymmdd",
    });

  it("matches cdnow_customers_summary_with_transactions.csv to its 2-decimal rounding", async () => {
    const { transactions, ledger } = await load();
    expect(ledger.read).toBe(6919);
    expect(ledger.used).toBe(6919);
    const s = await customerSummary(transactions, {
      calibrationEnd: "1997-09-30",
      observationEnd: "1998-06-30",
      timeUnit: "week",
    });
    const published = readFileSync(sharedFile("cdnow", "cdnow_customers_summary_with_transactions.csv"), "utf8")
      .trim()
      .split(/\r?\n/)
      .slice(1)
      .map((l) => l.split(",").map(Number));
    expect(s.length).toBe(published.length);
    expect(s.length).toBe(2357);
    const row = new Map(s.columns.customer_id.map((id, i) => [Number(id), i]));
    let worst = { recency: 0, T: 0, zbar: 0 };
    for (const [id, x, tx, T, zbar] of published) {
      const i = row.get(id!);
      expect(i, `customer ${id}`).toBeDefined();
      expect(s.columns.frequency[i!]).toBe(x);
      worst = {
        recency: Math.max(worst.recency, Math.abs(s.columns.recency[i!]! - tx!)),
        T: Math.max(worst.T, Math.abs(s.columns.T[i!]! - T!)),
        zbar: Math.max(worst.zbar, Math.abs(s.columns.monetary_value[i!]! - zbar!)),
      };
    }
    expect(worst.recency).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(worst.T).toBeLessThanOrEqual(0.005 + 1e-9);
    expect(worst.zbar).toBeLessThanOrEqual(0.01 + 1e-9);
  });

  it("counts the published totals: 2,457 repeat purchases, 1,411 non-repeaters, 1,882 holdout purchases (334 by non-repeaters)", async () => {
    const { transactions } = await load();
    const s = await customerSummary(transactions, { calibrationEnd: "1997-09-30", observationEnd: "1998-06-30" });
    const c = s.columns;
    const sum = (a: Float64Array) => a.reduce((x, y) => x + y, 0);
    expect(sum(c.frequency)).toBe(2457);
    expect(c.frequency.filter((f) => f === 0).length).toBe(1411);
    expect(sum(c.frequency_holdout)).toBe(1882);
    expect(c.frequency_holdout.filter((_, i) => c.frequency[i] === 0).reduce((x, y) => x + y, 0)).toBe(334);
    expect(Math.min(...c.T)).toBeCloseTo(27, 10);
    expect(s.durationHoldout).toBeCloseTo(273 / 7, 12);
    expect(s.customersAfterCalibration).toBe(0);
  });
});
