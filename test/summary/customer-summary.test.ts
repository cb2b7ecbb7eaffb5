import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTransactionsText } from "../../src/data/index.js";
import { customerSummary, summaryToCsv, type CustomerSummary } from "../../src/summary/index.js";

const TX = `customer_id,date,amount,order_id
007,2024-01-01,10,o1
007,2024-01-01,5,o2
007,2024-01-08,20,o3
007,2024-01-15,-4,r1
007,2024-01-22,30,o4
B,2024-01-10,8,o5
B,2024-02-05,12,o6
C,2024-02-01,50,o7
`;

const summarise = (text: string, options: Parameters<typeof customerSummary>[1]) =>
  customerSummary(loadTransactionsText(text).transactions, options);

describe("customerSummary on a hand-made table", () => {
  it("merges same-day purchases, skips returns as purchases, deducts them from spend", async () => {
    const s = await summarise(TX, { calibrationEnd: "2024-01-31", observationEnd: "2024-02-29", timeUnit: "day" });
    const c = s.columns;
    expect(c.customer_id).toEqual(["007", "B"]); // C first buys after the calibration end
    expect(s.customersAfterCalibration).toBe(1);
    expect(Array.from(c.frequency)).toEqual([2, 0]); // 007: days 1, 8, 22 (the 15th is a return)
    expect(Array.from(c.recency)).toEqual([21, 0]);
    expect(Array.from(c.T)).toEqual([30, 21]);
    expect(Array.from(c.monetary_value)).toEqual([25, 0]); // (20 + 30) / 2; first day (15) excluded
    expect(Array.from(c.total_spend)).toEqual([61, 8]); // 10 + 5 + 20 - 4 + 30
    expect(Array.from(c.orders)).toEqual([4, 1]); // distinct order ids of purchase lines
    expect(Array.from(c.days_since_last_purchase)).toEqual([9, 21]);
    expect(Array.from(c.frequency_holdout)).toEqual([0, 1]);
    expect(Array.from(c.monetary_holdout)).toEqual([0, 12]);
    expect(c.first_purchase).toEqual(["2024-01-01", "2024-01-10"]);
    expect(c.last_purchase).toEqual(["2024-01-22", "2024-01-10"]);
    expect(s.durationHoldout).toBe(29);
  });

  it("converts time units exactly: week = days / 7, month = days / 30.4375", async () => {
    const w = await summarise(TX, { calibrationEnd: "2024-01-31", timeUnit: "week" });
    const m = await summarise(TX, { calibrationEnd: "2024-01-31", timeUnit: "month" });
    expect(w.columns.T[0]).toBe(30 / 7);
    expect(m.columns.T[0]).toBe(30 / 30.4375);
    expect(w.columns.recency[0]).toBe(3);
  });

  it("counts purchase days as orders without order ids", async () => {
    const s = await summarise("customer_id,date,amount\nA,2024-01-01,1\nA,2024-01-01,2\nA,2024-01-03,3\n", {});
    expect(Array.from(s.columns.orders)).toEqual([2]);
    expect(s.calibrationEnd).toBe("2024-01-03");
    expect(s.timeUnit).toBe("week");
  });

  it("rejects bad options with one-line messages", async () => {
    await expect(summarise(TX, { calibrationEnd: "2024-02-30" })).rejects.toThrow(
      'customerSummary: calibrationEnd "2024-02-30" is not a date in the form YYYY-MM-DD',
    );
    await expect(summarise(TX, { calibrationEnd: "2024-03-01", observationEnd: "2024-02-01" })).rejects.toThrow(
      "customerSummary: calibrationEnd 2024-03-01 is after observationEnd 2024-02-01; choose an earlier calibration end",
    );
    await expect(summarise("customer_id,date,amount\n", {})).rejects.toThrow("customerSummary: there are no transactions to summarise");
  });

  it("writes CSV with a header and 15 significant digits", async () => {
    const s = await summarise("customer_id,date,amount\nA,2024-01-01,0.1\nA,2024-01-02,0.2\nA,2024-01-03,0.04\n", { timeUnit: "day" });
    const [header, line] = summaryToCsv(s).trim().split("\n");
    expect(header).toBe(
      "customer_id,frequency,recency,T,monetary_value,first_purchase,last_purchase,days_since_last_purchase,orders,total_spend,frequency_holdout,monetary_holdout",
    );
    expect(line).toBe("A,2,2,2,0.12,2024-01-01,2024-01-03,0,3,0.34,0,0");
  });
});

// Random transaction sets: customers c0..c5, days 0..59 of 2024, amounts -5..50.
const txArb = fc.array(
  fc.record({ c: fc.integer({ min: 0, max: 5 }), d: fc.integer({ min: 0, max: 59 }), a: fc.integer({ min: -5, max: 50 }) }),
  { minLength: 1, maxLength: 40 },
);
const toCsv = (rows: { c: number; d: number; a: number }[]) =>
  "customer_id,date,amount\n" +
  rows.map((r) => `c${r.c},${new Date(Date.UTC(2024, 0, 1 + r.d)).toISOString().slice(0, 10)},${r.a}`).join("\n") + "\n";
const byId = (s: CustomerSummary) =>
  Object.fromEntries(s.columns.customer_id.map((id, i) => [id, [s.columns.frequency[i], s.columns.recency[i], s.columns.T[i], s.columns.monetary_value[i], s.columns.total_spend[i]]]));

describe("customerSummary properties", () => {
  it("0 <= recency <= T, frequency < purchase days, and row order does not matter", async () => {
    await fc.assert(
      fc.asyncProperty(txArb, async (rows) => {
        if (!rows.some((r) => r.a >= 0)) return;
        const options = { calibrationEnd: "2024-02-29", observationEnd: "2024-02-29", timeUnit: "day" as const };
        const s = await summarise(toCsv(rows), options);
        const c = s.columns;
        for (let i = 0; i < s.length; i++) {
          const days = new Set(rows.filter((r) => `c${r.c}` === c.customer_id[i] && r.a >= 0).map((r) => r.d));
          expect(c.frequency[i]).toBe(days.size - 1);
          expect(c.recency[i]).toBeGreaterThanOrEqual(0);
          expect(c.recency[i]).toBeLessThanOrEqual(c.T[i]!);
          if (c.frequency[i] === 0) expect(c.monetary_value[i]).toBe(0);
        }
        const reversed = await summarise(toCsv([...rows].reverse()), options);
        expect(byId(reversed)).toEqual(byId(s));
      }),
      { numRuns: 40, seed: 20261125 },
    );
  });

  it("a change of time unit only rescales recency and T", async () => {
    await fc.assert(
      fc.asyncProperty(txArb, async (rows) => {
        if (!rows.some((r) => r.a >= 0)) return;
        const d = await summarise(toCsv(rows), { calibrationEnd: "2024-02-29", observationEnd: "2024-02-29", timeUnit: "day" });
        const w = await summarise(toCsv(rows), { calibrationEnd: "2024-02-29", observationEnd: "2024-02-29", timeUnit: "week" });
        expect(Array.from(w.columns.frequency)).toEqual(Array.from(d.columns.frequency));
        d.columns.T.forEach((t, i) => expect(w.columns.T[i]).toBeCloseTo(t / 7, 12));
        d.columns.recency.forEach((t, i) => expect(w.columns.recency[i]).toBeCloseTo(t / 7, 12));
      }),
      { numRuns: 20, seed: 7 },
    );
  });
});

describe("customerSummary's counts beside the rows", () => {
  const text = "customer_id,date,amount\nA,2024-01-05,10\nA,2024-02-05,5\nB,2024-03-01,-4\nB,2024-03-02,-2.5\nC,2024-04-01,8\n";

  it("counts customers first buying after the calibration end and customers with returns only", async () => {
    const s = await summarise(text, { calibrationEnd: "2024-03-15" });
    expect(s.columns.customer_id).toEqual(["A"]);
    expect(s.customersAfterCalibration).toBe(1); // C
    expect(s.returnsOnly).toEqual({ customers: 1, amount: -6.5 }); // B
  });

  it("gives the same counts when no customer is left in the summary", async () => {
    const s = await summarise(text, { calibrationEnd: "2024-01-01" });
    expect(s.length).toBe(0);
    expect(s.customersAfterCalibration).toBe(2); // A and C
    expect(s.returnsOnly).toEqual({ customers: 1, amount: -6.5 });
  });
});
