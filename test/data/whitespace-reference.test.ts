import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatDay, loadTransactionsFile } from "../../src/data/index.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const shared = path.resolve(repoRoot, "../shared/data");
const sample = path.join(shared, "cdnow/CDNOW_sample.txt");
const master = path.join(shared, "cdnow/CDNOW_master.txt");
const exists = existsSync(sample);
if (!exists) console.warn(`cdnow-sample.test: skipped, ${sample} not found (the shared reference data sets are absent)`);

describe.skipIf(!exists)("CDNOW_sample.txt (whitespace, no header, CRLF)", () => {
  it("uses all 6,919 rows and finds 2,357 customers with their leading zeros", async () => {
    const { transactions: t, ledger } = await loadTransactionsFile(sample, {
      header: false,
      columns: { customerId: "2", date: "3", amount: "5" },
    });
    expect(ledger).toMatchObject({ read: 6919, used: 6919, rejected: [] });
    expect(t.length).toBe(6919);
    expect(new Set(t.customerId).size).toBe(2357);
    expect(t.customerId[0]).toBe("0001");
    expect(formatDay(t.day[0]!)).toBe("1997-01-01");
    expect(t.amount![0]).toBe(29.33);
    expect(t.sourceLine[0]).toBe(1);
    expect(t.sourceLine[6918]).toBe(6919);
    let min = Infinity, max = -Infinity, zeros = 0;
    for (let i = 0; i < t.length; i++) {
      min = Math.min(min, t.day[i]!);
      max = Math.max(max, t.day[i]!);
      if (t.amount![i] === 0) zeros++;
    }
    expect(formatDay(min)).toBe("1997-01-01");
    expect(formatDay(max)).toBe("1998-06-30");
    expect(zeros).toBeGreaterThan(0);
  });

  it("maps by the default positional names with format whitespace and a date window", async () => {
    const { ledger } = await loadTransactionsFile(sample, {
      header: false,
      format: "whitespace",
      columns: { customerId: 2, date: 3, amount: 5 },
      to: "1997-09-30",
    });
    expect(ledger.used).toBe(4960);
    expect(ledger.byReason).toEqual({ "outside-window": 6919 - 4960 });
  });
});

describe.skipIf(!existsSync(master))("CDNOW_master.txt (whitespace, header)", () => {
  it("reads 69,659 rows for 23,570 customers, amount mapped by header name", async () => {
    const { transactions: t, ledger } = await loadTransactionsFile(master, { columns: { amount: "DOLLAR_VALUE" } });
    expect(ledger).toMatchObject({ read: 69659, used: 69659 });
    expect(t.customerId[0]).toBe("00001");
    expect(t.sourceLine[0]).toBe(2);
    expect(new Set(t.customerId).size).toBe(23570);
    let zeros = 0;
    for (let i = 0; i < t.length; i++) if (t.amount![i] === 0) zeros++;
    expect(zeros).toBe(80);
  });
});
