import { describe, expect, it } from "vitest";
import { loadTransactionsText } from "../../src/data/index.js";
import { discreteSummary } from "../../src/summary/index.js";

describe("discreteSummary (BG/BB opportunities)", () => {
  it("counts whole periods after the first purchase, the periods with a purchase and the last of them", async () => {
    const { transactions } = loadTransactionsText(
      [
        "customer_id,date,amount",
        "A,2024-01-01,5", // day 0: period 0 (the first purchase)
        "A,2024-01-05,5", // day 4: still period 0
        "A,2024-01-09,5", // day 8: period 1 (weeks)
        "A,2024-01-10,5", // day 9: period 1 again
        "A,2024-01-23,5", // day 22: period 3
        "A,2024-01-30,5", // day 29: period 4, not over by the end (day 30 ends period 4 only on day 34)
        "B,2024-01-20,9", // first purchase day 19 -> 1 whole period (days 26..32 not over): n = 0 -> left out
        "C,2024-01-02,1",
        "C,2024-01-03,-1", // a return is not a purchase
      ].join("\n"),
    );
    const d = await discreteSummary(transactions, { calibrationEnd: "2024-01-31", timeUnit: "week" });
    expect(d.customerId).toEqual(["A", "C"]);
    // A: days 0..30 observed = 31 days = 4 whole weeks -> periods 1..3 are opportunities
    expect(Array.from(d.periods)).toEqual([3, 3]);
    expect(Array.from(d.frequency)).toEqual([2, 0]);
    expect(Array.from(d.recency)).toEqual([3, 0]);
  });
});
