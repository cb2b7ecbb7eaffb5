// The engine checks the values it copies, so that no SQL over them can throw (issue 9, item 4).
import { describe, expect, it } from "vitest";
import { loadTransactionsText } from "../../src/data/index.js";
import type { Transactions } from "../../src/data/types.js";
import { loadTransactionsTable, withEngine } from "../../src/engine/index.js";
import { ArgumentError } from "../../src/math/argument-error.js";
import { customerSummary } from "../../src/summary/customer-summary.js";

const table = (amount: number[], day: number[] = amount.map(() => 19724)): Transactions => ({
  length: amount.length,
  customerId: amount.map((_, i) => `C${i}`),
  day: Int32Array.from(day),
  amount: Float64Array.from(amount),
  sourceLine: Int32Array.from(amount, (_, i) => i + 2),
});

describe("loadTransactionsTable", () => {
  it("refuses amounts and days that the SQL or the date code could not take, naming the row", async () => {
    await withEngine(async (e) => {
      await expect(loadTransactionsTable(e, table([1, 1e28]))).rejects.toThrow(
        new ArgumentError("loadTransactionsTable: amount 1e+28 of row 2 (source line 3) is outside -1e12 to 1e12; load the rows with buildTransactions, which rejects such lines"),
      );
      await expect(loadTransactionsTable(e, table([-Infinity]))).rejects.toBeInstanceOf(ArgumentError);
      await expect(loadTransactionsTable(e, table([1], [2_932_897 + 1]))).rejects.toThrow(
        new ArgumentError("loadTransactionsTable: day 2932898 of row 1 (source line 2) is not from 1900-01-01 to 9999-12-31"),
      );
    });
  });

  it("sums the largest accepted amounts exactly and without a DuckDB error, in the customer summary", async () => {
    const rows = ["customer_id,date,amount", ...Array.from({ length: 2000 }, (_, i) => `A,2024-01-${String(1 + (i % 28)).padStart(2, "0")},${i % 2 ? "-" : ""}1e12`), "A,2024-02-01,1e12"];
    const { transactions } = loadTransactionsText(rows.join("\n"), { today: "2024-06-30" });
    const s = await customerSummary(transactions, { timeUnit: "day" });
    // 1,001 purchase lines of 1e12 on 15 days (odd days of January and 1 February), 1,000 returns of 1e12
    expect(s.columns.total_spend[0]).toBe(1e12);
    expect(s.columns.frequency[0]).toBe(14);
    expect(s.columns.monetary_value[0]).toBe((1001e12 - 72e12) / 14); // the first day, 1 January, holds 72 of the purchase lines: the mean of the 14 repeat days
  });
});
