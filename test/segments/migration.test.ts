import fc from "fast-check";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadTransactions } from "../../src/engine/load-transactions.js";
import { loadTransactionsText } from "../../src/data/index.js";
import { DEFAULT_SEGMENT_RULES, migrationMatrix, rfmMigration } from "../../src/segments/rfm/index.js";
import { migrationMatrixInOrder } from "../../src/segments/migration/migration-matrix.js";
import { REPO_ROOT } from "../helpers/shared-data.js";

describe("migrationMatrix on a hand-made pair", () => {
  const m = migrationMatrix(
    { customer_id: ["a", "b", "c"], segment: ["Lost", "Champions", "Lost"] },
    { customer_id: ["a", "b", "c", "d"], segment: ["Champions", "Lost", "Lost", "Champions"] },
    { order: ["Champions", "Lost"], spend: [50, 0, 0, 20] },
  );
  it("counts, revenue, row shares and the new row", () => {
    expect(m.rows).toEqual(["Champions", "Lost", "new"]);
    expect(m.counts).toEqual([[0, 1], [1, 1], [1, 0]]);
    expect(m.revenue).toEqual([[0, 0], [50, 0], [20, 0]]);
    expect(m.rowShares).toEqual([[0, 1], [0.5, 0.5], [1, 0]]);
    expect(m.movement).toEqual([
      { segment: "Champions", customers: 1, up: 0, same: 0, down: 1 },
      { segment: "Lost", customers: 2, up: 0.5, same: 0.5, down: 0 },
    ]);
    expect(m.overall).toEqual({ customers: 3, up: 1 / 3, same: 1 / 3, down: 1 / 3 });
  });
  it("names a repeated customer", () => {
    expect(() => migrationMatrix({ customer_id: ["a", "a"], segment: ["X", "X"] }, { customer_id: [], segment: [] })).toThrow(
      'migrationMatrix: customer "a" appears twice at the first date',
    );
  });
});

describe("migrationMatrix properties", () => {
  const names = ["A", "B", "C"];
  it("totals equal the customers at the second date; rows are the first date's plus new", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 50 }), (rows) => {
        const first = rows.flatMap(([atFirst, s], i) => (atFirst ? [{ id: `c${i}`, s: names[s]! }] : []));
        const m = migrationMatrix(
          { customer_id: first.map((x) => x.id), segment: first.map((x) => x.s) },
          { customer_id: rows.map((_, i) => `c${i}`), segment: rows.map(([, , t]) => names[t]!) },
          { order: names },
        );
        const total = m.counts.flat().reduce((a, b) => a + b, 0);
        expect(total).toBe(rows.length);
        expect(m.rowTotals.slice(0, 3).reduce((a, b) => a + b, 0)).toBe(first.length);
        expect(m.rowTotals[3]).toBe(rows.length - first.length);
        expect(m.columnTotals.reduce((a, b) => a + b, 0)).toBe(rows.length);
      }),
    );
  });

  it("pairs snapshots in one order by a walk exactly as by id, and declines others", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: -500, max: 500 })), { maxLength: 60 }), fc.boolean(), (rows, shuffle) => {
        const first = rows.flatMap(([atFirst, s], i) => (atFirst ? [{ id: `c${i}`, s: names[s]! }] : []));
        if (shuffle) first.reverse();
        const a = { customer_id: first.map((x) => x.id), segment: first.map((x) => x.s) };
        const b = { customer_id: rows.map((_, i) => `c${i}`), segment: rows.map(([, , t]) => names[t]!) };
        const options = { order: names, spend: rows.map(([, , , v]) => v / 7) };
        const walked = migrationMatrixInOrder(a, b, options);
        if (shuffle && first.length > 1) expect(walked).toBeNull();
        else expect(walked).toEqual(migrationMatrix(a, b, options));
      }),
      { seed: 4, numRuns: 200 },
    );
  });
});

describe("rfmMigration", () => {
  it("scores the second date on the first date's scale; new customers get the new row", async () => {
    const tx = loadTransactionsText(
      ["customer_id,date,amount", "a,2024-01-01,10", "b,2024-01-20,50", "b,2024-01-25,50", "c,2024-01-30,5", "a,2024-02-10,30", "d,2024-02-15,8"].join("\n"),
    ).transactions;
    const mig = await rfmMigration(tx, { from: "2024-01-31", to: "2024-02-29" });
    expect([mig.customersFrom, mig.customersTo, mig.newCustomers]).toEqual([3, 4, 1]);
    expect(mig.matrix.counts.flat().reduce((a, b) => a + b, 0)).toBe(4);
    expect(mig.matrix.revenue.flat().reduce((a, b) => a + b, 0)).toBe(38); // 30 (a) + 8 (d) after Jan 31
    expect(mig.reading[0]).toMatch(/^Of 3 customers present on both dates/);
    await expect(rfmMigration(tx, { from: "2024-02-29", to: "2024-01-31" })).rejects.toThrow("rfmMigration: from 2024-02-29 is not before to 2024-01-31");
    await expect(rfmMigration(tx, { from: "2024-13-01", to: "2024-01-31" })).rejects.toThrow('rfmMigration: from "2024-13-01" is not a date in the form YYYY-MM-DD');
  });

  it("on the sample: the campaign month moves more customers up than the month before (planted campaign on 2025-09-15)", async () => {
    const { transactions } = await loadTransactions(path.join(REPO_ROOT, "data/sample/transactions.csv"));
    const during = await rfmMigration(transactions, { from: "2025-09-14", to: "2025-10-15" });
    const before = await rfmMigration(transactions, { from: "2025-07-14", to: "2025-08-14" });
    expect(during.customersTo).toBe(5000);
    expect(during.matrix.counts.flat().reduce((a, b) => a + b, 0)).toBe(5000);
    expect(during.newCustomers).toBe(0); // acquisition ended 2025-06-30 (truth.json)
    expect(during.matrix.overall.up).toBeCloseTo(0.068, 3);
    expect(before.matrix.overall.up).toBeCloseTo(0.048, 3);
    expect(during.matrix.overall.up!).toBeGreaterThan(before.matrix.overall.up!);
    expect(during.matrix.rows.slice(0, -1)).toEqual([...new Set(DEFAULT_SEGMENT_RULES.map((r) => r.segment))]);
  }, 60_000);
});
