import { describe, expect, it } from "vitest";
import { cleanTransactions, loadTransactionsText } from "../../src/data/index.js";

const text = [
  "customer_id,date,amount,order_id",
  "C1,2024-01-02,10,O1",
  "C1,2024-01-02,10,O1",
  "C1,2024-01-02,10,O2",
  "C1,2024-01-03,-10,O1",
  "C2,2024-01-02,0,O3",
  "C1,2024-01-02,10,O1",
  "C2,2024-01-02,0,O3",
].join("\n");

describe("cleanTransactions", () => {
  it("by default (net, keep) changes nothing: returns kept, duplicates kept, zero lines kept", () => {
    const loaded = loadTransactionsText(text);
    expect(cleanTransactions(loaded)).toBe(loaded);
    expect(loaded.ledger.used).toBe(7);
    expect([...loaded.transactions.amount!]).toEqual([10, 10, 10, -10, 0, 10, 0]);
  });

  it("returns: exclude rejects negative lines as return-excluded and keeps zero lines", () => {
    const { transactions: t, ledger } = loadTransactionsText(text, { returns: "exclude" });
    expect([...t.amount!]).toEqual([10, 10, 10, 0, 10, 0]);
    expect(ledger.rejected).toEqual([{ line: 5, code: "return-excluded", reason: "amount -10 is a return or cancellation (returns: exclude)" }]);
    expect(ledger.used + ledger.rejected.length).toBe(ledger.read);
  });

  it("duplicates: drop rejects rows identical in every column, naming the first line", () => {
    const { transactions: t, ledger } = loadTransactionsText(text, { duplicates: "drop" });
    expect([...t.sourceLine]).toEqual([2, 4, 5, 6]);
    expect(t.orderId).toEqual(["O1", "O2", "O1", "O3"]);
    expect(ledger.rejected).toEqual([
      { line: 3, code: "duplicate", reason: "duplicate of line 2" },
      { line: 7, code: "duplicate", reason: "duplicate of line 2" },
      { line: 8, code: "duplicate", reason: "duplicate of line 6" },
    ]);
  });

  it("applies returns before duplicates and keeps every optional column aligned", () => {
    const { transactions: t, ledger } = loadTransactionsText(text, { duplicates: "drop", returns: "exclude" });
    expect(ledger.byReason).toEqual({ duplicate: 3, "return-excluded": 1 });
    expect(t.length).toBe(3);
    expect([t.customerId, t.orderId, [...t.amount!], [...t.day]]).toEqual([
      ["C1", "C1", "C2"],
      ["O1", "O2", "O3"],
      [10, 10, 0],
      [19724, 19724, 19724],
    ]);
  });

  it("does not mutate its input", () => {
    const loaded = loadTransactionsText(text);
    const before = [...loaded.transactions.amount!];
    cleanTransactions(loaded, { returns: "exclude", duplicates: "drop" });
    expect([...loaded.transactions.amount!]).toEqual(before);
    expect(loaded.ledger.used).toBe(7);
  });

  it("without an order id, same-day identical lines are kept by default", () => {
    const { ledger } = loadTransactionsText("customer_id,date,amount\nC1,2024-01-02,12.99\nC1,2024-01-02,12.99\n");
    expect(ledger.used).toBe(2);
  });
});

describe("cancellations by order-id prefix (--cancel-prefix)", () => {
  const text = "customer_id,order_id,date,quantity,unit_price\nC1,536365,2024-01-02,2,5\nC1,C536379,2024-01-03,-1,5\nC1,C536380,2024-01-04,1,7\n";
  it("turns the prefixed lines into returns (amount -|amount|), used and not rejected", () => {
    const { transactions: t, ledger } = loadTransactionsText(text, { cancelPrefix: "C" });
    expect([...t.amount!]).toEqual([10, -5, -7]);
    expect(ledger.used).toBe(3);
    const excluded = loadTransactionsText(text, { cancelPrefix: "C", returns: "exclude" });
    expect(excluded.ledger.byReason).toEqual({ "return-excluded": 2 });
  });
  it("without the flag only negative amounts are returns; without an order id the flag is a one-line error", () => {
    expect([...loadTransactionsText(text).transactions.amount!]).toEqual([10, -5, 7]);
    expect(() => loadTransactionsText("customer_id,date,amount\nC1,2024-01-02,1\n", { cancelPrefix: "C" })).toThrow(
      'cleanTransactions: cancellations by order-id prefix "C" need an order id column; map it with --order-id COL',
    );
  });
});

describe("cancellations in a purchase log", () => {
  it("are rejected as cancelled (no amount to count as a return)", () => {
    const { transactions: t, ledger } = loadTransactionsText("customer_id,order_id,date\nC1,1,2024-01-02\nC1,C2,2024-01-03\nC2,3,2024-01-04\n", { cancelPrefix: "C" });
    expect(t.length).toBe(2);
    expect(ledger.byReason).toEqual({ cancelled: 1 });
    expect(ledger.rejected[0]!.reason).toBe('order C2 starts with the cancellation prefix "C" (a purchase log: no amount to count as a return)');
  });
});
