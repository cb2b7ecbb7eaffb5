import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { transactionsFromTable } from "../../src/interop/index.js";
import { customerSummary } from "../../src/summary/index.js";

describe("transactionsFromTable", () => {
  it("takes records, with Date objects, and ledgers bad rows by position", () => {
    const { transactions, ledger } = transactionsFromTable([
      { customer_id: "007", date: new Date(Date.UTC(2024, 0, 2)), amount: 9.5 },
      { customer_id: "007", date: "2024-01-09", amount: 3 },
      { customer_id: "", date: "2024-01-10", amount: 1 },
      { customer_id: "008", date: "2024-01-11", amount: Number.NaN },
    ]);
    expect(Array.from(transactions.customerId)).toEqual(["007", "007"]);
    expect(Array.from(transactions.amount!)).toEqual([9.5, 3]);
    expect(ledger.read).toBe(4);
    expect(ledger.rejected.map((r) => [r.line, r.code])).toEqual([
      [4, "missing-customer"],
      [5, "bad-amount"],
    ]);
    expect(ledger.source).toBe("table");
  });

  it("takes an arquero table with mapped columns and feeds the summary", async () => {
    const t = aq.table({ client: ["A", "A", "B"], day: ["2024-01-01", "2024-01-08", "2024-01-03"], net: [5, 7, 2] });
    const loaded = transactionsFromTable(t, { columns: { customerId: "client", date: "day", amount: "net" }, source: "sales" });
    expect(loaded.ledger.used).toBe(3);
    const s = await customerSummary(loaded.transactions, { timeUnit: "day" });
    expect(s.columns.customer_id).toEqual(["A", "B"]);
    expect(Array.from(s.columns.frequency)).toEqual([1, 0]);
  });

  it("names itself when the input is not a table", () => {
    expect(() => transactionsFromTable("x" as never)).toThrow(/^transactionsFromTable: /);
  });
});
