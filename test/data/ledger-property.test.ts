import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadTransactionsText } from "../../src/data/index.js";

/** Row kinds: a good row, or a bad one with the code the builder must give it. */
type Kind = "good" | "blank-line" | "wrong-field-count" | "missing-customer" | "bad-date" | "date-out-of-range" | "bad-amount" | "amount-out-of-range" | "outside-window";

const rowOf: Record<Kind, fc.Arbitrary<string>> = {
  good: fc
    .tuple(fc.stringMatching(/^[A-Za-z0-9]{1,6}$/), fc.integer({ min: 0, max: 3000 }), fc.double({ min: -1e6, max: 1e6, noNaN: true }))
    .map(([id, d, a]) => `${id},${iso(19723 + d)},${a.toFixed(2)}`),
  "blank-line": fc.constantFrom("", "  ", ",,"),
  "wrong-field-count": fc.constantFrom("C1,2024-01-02", "C1,2024-01-02,1,2", "onlyone"),
  "missing-customer": fc.constantFrom(",2024-01-02,1", "  ,2024-01-02,1"),
  "bad-date": fc.constantFrom("C1,2024-02-30,1", "C1,,1", "C1,02/01/2024,1", "C1,2023-13-01,1", "C1,2024-01-02 garbage,1"),
  "date-out-of-range": fc.constantFrom("C1,9999-12-31,1", "C1,0000-01-01,1", "C1,2033-01-02,1", "C1,1899-12-31 10:00,1"),
  "amount-out-of-range": fc.constantFrom("C1,2024-01-02,1e13", "C1,2024-01-02,-1e309", "C1,2024-01-02,1000000000000.5"),
  "bad-amount": fc.constantFrom("C1,2024-01-02,$5", "C1,2024-01-02,", "C1,2024-01-02,1e", "C1,2024-01-02,abc"),
  "outside-window": fc.integer({ min: 1, max: 5000 }).map((d) => `C1,${iso(19723 - d)},1`),
};

function iso(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

const kinds = Object.keys(rowOf) as Kind[];
const rowsArb = fc.array(
  fc.constantFrom(...kinds).chain((k) => rowOf[k].map((text) => ({ kind: k, text }))),
  { maxLength: 60 },
);

describe("row ledger (property)", () => {
  it("used + rejected = read, and every bad row is rejected with its code on its line", () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom("\n", "\r\n"), (rows, eol) => {
        const text = ["customer_id,date,amount", ...rows.map((r) => r.text)].join(eol) + eol;
        const { transactions, ledger } = loadTransactionsText(text, { from: "2024-01-01", today: "2032-01-01" });
        expect(ledger.read).toBe(rows.length);
        expect(ledger.used + ledger.rejected.length).toBe(ledger.read);
        expect(transactions.length).toBe(ledger.used);
        const expected = rows.map((r, i) => ({ line: i + 2, code: r.kind })).filter((r) => r.code !== "good");
        expect(ledger.rejected.map((r) => ({ line: r.line, code: r.code }))).toEqual(expected);
        const goodLines = rows.map((r, i) => (r.kind === "good" ? i + 2 : -1)).filter((l) => l > 0);
        expect([...transactions.sourceLine]).toEqual(goodLines);
      }),
      { numRuns: 200 },
    );
  });

  it("still sums after cleaning with every policy", () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom("net", "exclude"), fc.constantFrom("keep", "drop"), (rows, returns, duplicates) => {
        const text = ["customer_id,date,amount", ...rows.map((r) => r.text)].join("\n") + "\n";
        const { transactions, ledger } = loadTransactionsText(text, { from: "2024-01-01", returns, duplicates });
        expect(ledger.used + ledger.rejected.length).toBe(rows.length);
        expect(transactions.length).toBe(ledger.used);
        if (returns === "exclude") for (const a of transactions.amount!) expect(a).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 100 },
    );
  });
});
