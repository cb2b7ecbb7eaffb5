// Numbers and dates at the edge (issue 9, item 4): rejected per line with their reason, in every format.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { loadTransactionsText, type LoadTransactionsOptions } from "../../src/data/index.js";
import { loadTransactions, withEngine } from "../../src/engine/index.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-edges-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const TODAY: LoadTransactionsOptions = { today: "2024-06-30" };

const codes = (rejected: readonly { line: number; code: string }[]) => rejected.map((r) => [r.line, r.code]);

describe("numbers beyond the stated maximum or not finite", () => {
  it("rejects amounts beyond ±1e12, 1e309 and Infinity per line, keeps the largest allowed", () => {
    const text = [
      "customer_id,date,amount",
      "A,2024-01-02,1000000000000",
      "B,2024-01-02,-1e12",
      "C,2024-01-02,1e28",
      "D,2024-01-02,1e309",
      "E,2024-01-02,-1000000000000.01",
      "F,2024-01-02,Infinity",
      "G,2024-01-02,NaN",
    ].join("\n");
    const { transactions: t, ledger } = loadTransactionsText(text, TODAY);
    expect([...t.amount!]).toEqual([1e12, -1e12]);
    expect(ledger.rejected).toEqual([
      { line: 4, code: "amount-out-of-range", reason: 'amount "1e28" is outside the accepted range -1e12 to 1e12' },
      { line: 5, code: "amount-out-of-range", reason: 'amount "1e309" is outside the accepted range -1e12 to 1e12' },
      { line: 6, code: "amount-out-of-range", reason: 'amount "-1000000000000.01" is outside the accepted range -1e12 to 1e12' },
      { line: 7, code: "bad-amount", reason: 'amount "Infinity" is not a plain number (not a finite number)' },
      { line: 8, code: "bad-amount", reason: 'amount "NaN" is not a plain number (not a finite number)' },
    ]);
    expect(ledger.used + ledger.rejected.length).toBe(ledger.read);
  });

  it("rejects every optional numeric column beyond the maximum with its own code", () => {
    const text = "customer_id,date,amount,quantity,unit_price,cost\nA,2024-01-02,1,2e12,1,\nB,2024-01-02,1,1,-5e13,\nC,2024-01-02,1,1,1,1e300\nD,2024-01-02,1,1,1,1\n";
    const { ledger } = loadTransactionsText(text, TODAY);
    expect(ledger.rejected).toEqual([
      { line: 2, code: "quantity-out-of-range", reason: 'quantity "2e12" is outside the accepted range -1e12 to 1e12' },
      { line: 3, code: "unit-price-out-of-range", reason: 'unit_price "-5e13" is outside the accepted range -1e12 to 1e12' },
      { line: 4, code: "cost-out-of-range", reason: 'cost "1e300" is outside the accepted range -1e12 to 1e12' },
    ]);
  });

  it("rejects an amount computed as quantity x unit price that overflows, even when each factor is in range", () => {
    const text = "customer_id,date,quantity,unit_price\nA,2024-01-02,1000000,10000000\nB,2024-01-02,3,2.5\n";
    const { transactions: t, ledger } = loadTransactionsText(text, TODAY);
    expect([...t.amount!]).toEqual([7.5]);
    expect(ledger.rejected).toEqual([
      { line: 2, code: "amount-out-of-range", reason: 'amount computed as quantity x unit_price "10000000000000" is outside the accepted range -1e12 to 1e12' },
    ]);
  });

  it("rejects them from JSON, JSON lines, XLSX and Parquet too, where numbers arrive as numbers", async () => {
    const json = path.join(dir, "big.json");
    writeFileSync(json, '[{"customer_id":"A","date":"2024-01-02","amount":1e28},{"customer_id":"B","date":"2024-01-02","amount":5}]');
    const jsonl = path.join(dir, "big.jsonl");
    writeFileSync(jsonl, '{"customer_id":"A","date":"2024-01-02","amount":-1e13}\n{"customer_id":"B","date":"2024-01-02","amount":"7"}\n');
    const xlsx = path.join(dir, "big.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sales").addRows([["customer_id", "date", "amount"], ["A", "2024-01-02", 1e28], ["B", "2024-01-02", 5]]);
    await wb.xlsx.writeFile(xlsx);
    const parquet = path.join(dir, "big.parquet");
    await withEngine(async (e) => {
      await e.connection.run(
        `COPY (SELECT * FROM (VALUES ('A', DATE '2024-01-02', 1e28::DOUBLE), ('B', DATE '2024-01-02', 5.0::DOUBLE), ('C', DATE '2024-01-02', 'infinity'::DOUBLE)) t(customer_id, date, amount)) TO '${parquet}' (FORMAT parquet)`,
      );
    });
    for (const file of [json, jsonl, xlsx, parquet]) {
      const { transactions: t, ledger } = await loadTransactions(file, TODAY);
      expect(t.customerId, file).toEqual(["B"]);
      // XLSX and Parquet hold doubles: one of 2^53 or more is refused by the reader (its digits are
      // not exact, which would merge ids), before the amount check; either way the line is rejected.
      expect(ledger.rejected[0]!.code, file).toBe(/\.(xlsx|parquet)$/.test(file) ? "inexact-number" : "amount-out-of-range");
      expect(ledger.used + ledger.rejected.length, file).toBe(ledger.read);
    }
  });
});

describe("dates that do not parse completely or fall outside 1900-01-01 .. run date + 1 year", () => {
  const text = [
    "customer_id,date,amount",
    "A,2024-01-02 garbage,1",
    "B,0000-01-01,1",
    "C,1899-12-31,1",
    "D,1900-01-01,1",
    "E,2025-07-01,1",
    "F,2025-07-02,1",
    "G,9999-12-31,1",
    "H,2024-01-02T10:11:12.123+02:00,1",
  ].join("\n");

  it("rejects trailing garbage as bad-date and year 0000, 1899 and later than a year after the run date as date-out-of-range", () => {
    const { transactions: t, ledger } = loadTransactionsText(text, TODAY);
    expect(t.customerId).toEqual(["D", "E", "H"]);
    const before = (d: string) => `date "${d}" is before 1900-01-01 (accepted dates run from 1900-01-01 to 2025-07-01)`;
    const after = (d: string) => `date "${d}" is after 2025-07-01 (one year after the run date; accepted dates run from 1900-01-01)`;
    expect(ledger.rejected).toEqual([
      { line: 2, code: "bad-date", reason: 'date "2024-01-02 garbage" is not a valid date (expected YYYY-MM-DD or YYYYMMDD)' },
      { line: 3, code: "date-out-of-range", reason: before("0000-01-01") },
      { line: 4, code: "date-out-of-range", reason: before("1899-12-31") },
      { line: 7, code: "date-out-of-range", reason: after("2025-07-02") },
      { line: 8, code: "date-out-of-range", reason: after("9999-12-31") },
    ]);
  });

  it("never lets a far-future line move the end of the data", () => {
    const { transactions: t } = loadTransactionsText(text, TODAY);
    expect(Math.max(...t.day)).toBe(Date.UTC(2025, 6, 1) / 86_400_000);
  });

  it("checks the range before the --from/--to window", () => {
    const { ledger } = loadTransactionsText("customer_id,date,amount\nA,9999-12-31,1\n", { ...TODAY, to: "2024-01-01" });
    expect(codes(ledger.rejected)).toEqual([[2, "date-out-of-range"]]);
  });

  it("reads date-times and Excel serial days, truncated to the day as written", () => {
    const t = loadTransactionsText("customer_id,date,amount\nA,12/1/2010 8:26,1\nB,12/31/2010 23:59,2\n", { ...TODAY, dateFormat: "M/D/YYYY H:mm" }).transactions;
    expect([...t.day]).toEqual([Date.UTC(2010, 11, 1) / 86_400_000, Date.UTC(2010, 11, 31) / 86_400_000]);
    const serial = loadTransactionsText("customer_id,date,amount\nA,45292,1\n", TODAY).transactions;
    expect([...serial.day]).toEqual([Date.UTC(2024, 0, 1) / 86_400_000]);
  });

  it("reads an XLSX date column of plain serial numbers and of date cells alike", async () => {
    const xlsx = path.join(dir, "serial.xlsx");
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Sales").addRows([["customer_id", "date", "amount"], ["A", 45292, 1], ["B", new Date(Date.UTC(2024, 0, 2, 10, 11, 12)), 2], ["C", 2958465, 3]]);
    await wb.xlsx.writeFile(xlsx);
    const { transactions: t, ledger } = await loadTransactions(xlsx, TODAY);
    expect([...t.day]).toEqual([19723, 19724]);
    expect(codes(ledger.rejected)).toEqual([[4, "bad-date"]]);
  });

  it("turns Parquet DATE and TIMESTAMP values no JavaScript Date can hold into per-line rejections", async () => {
    const parquet = path.join(dir, "dates.parquet");
    await withEngine(async (e) => {
      await e.connection.run(
        `COPY (SELECT * FROM (VALUES ('A', DATE 'infinity', TIMESTAMP '2024-01-02 10:11:12', 1.0), ('B', DATE '2024-01-02', TIMESTAMP 'infinity', 2.0), ` +
          `('C', DATE '5881580-07-10', TIMESTAMP '-infinity', 3.0), ('D', DATE '9999-12-31', TIMESTAMP '2024-01-03 23:59:59', 4.0)) t(customer_id, date, paid_at, amount)) TO '${parquet}' (FORMAT parquet)`,
      );
    });
    const byDate = await loadTransactions(parquet, TODAY);
    expect(byDate.transactions.customerId).toEqual(["B"]);
    expect(byDate.ledger.rejected).toEqual([
      { line: 2, code: "bad-date", reason: 'date "infinity" is not a valid date (expected YYYY-MM-DD or YYYYMMDD)' },
      { line: 4, code: "bad-date", reason: 'date "5881580-07-10" is not a valid date (expected YYYY-MM-DD or YYYYMMDD)' },
      { line: 5, code: "date-out-of-range", reason: 'date "9999-12-31" is after 2025-07-01 (one year after the run date; accepted dates run from 1900-01-01)' },
    ]);
    const byTime = await loadTransactions(parquet, { ...TODAY, columns: { date: "paid_at" } });
    expect(byTime.transactions.customerId).toEqual(["A", "D"]);
    expect([...byTime.transactions.day]).toEqual([19724, 19725]);
    expect(codes(byTime.ledger.rejected)).toEqual([[3, "bad-date"], [4, "bad-date"]]);
  });
});

describe("Parquet columns of other types", () => {
  it("reads lists, structs and intervals as text, so that no conversion to JavaScript can fail", async () => {
    const parquet = path.join(dir, "types.parquet");
    await withEngine(async (e) => {
      await e.connection.run(
        `COPY (SELECT 'A' AS customer_id, DATE '2024-01-02' AS date, 1.5 AS amount, [DATE 'infinity'] AS dates, {'d': DATE 'infinity'} AS s, INTERVAL 3 DAY AS i) TO '${parquet}' (FORMAT parquet)`,
      );
    });
    const { transactions: t, ledger } = await loadTransactions(parquet, TODAY);
    expect([t.customerId, [...t.amount!], ledger.rejected]).toEqual([["A"], [1.5], []]);
  });
});
