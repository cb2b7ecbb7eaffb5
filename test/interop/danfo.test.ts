// The only test file that loads danfojs-node (and TensorFlow.js): keep all danfo tests here.
import { describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { fromArquero, fromDanfo, tableKind, toArquero, toDanfo, toRecords, transactionsFromTable } from "../../src/interop/index.js";

const rows = [
  { customer_id: "00042", frequency: 2, spend: 10.25, note: "a<b", active: true },
  { customer_id: "007", frequency: 0, spend: 0.1, note: "", active: false },
  { customer_id: "12", frequency: 5, spend: 1234.5, note: "x", active: true },
];

describe("danfo interop", () => {
  it("feeds a danfo DataFrame of transactions through validation, keeping leading zeros", () => {
    const df = toDanfo([
      { customer_id: "00042", date: "2024-01-02", amount: 9.5 },
      { customer_id: "00042", date: "2024-13-02", amount: 1 },
    ]);
    const { transactions, ledger } = transactionsFromTable(df);
    expect(Array.from(transactions.customerId)).toEqual(["00042"]);
    expect(ledger.rejected.map((r) => [r.line, r.code])).toEqual([[3, "bad-date"]]);
  });

  it("round trips records -> danfo -> records with ids, order and values", () => {
    const df = toDanfo(rows);
    expect(df.columns).toEqual(["customer_id", "frequency", "spend", "note", "active"]);
    expect(df.dtypes).toEqual(["string", "int32", "float32", "string", "boolean"]);
    expect(fromDanfo(df)).toEqual(rows);
  });

  it("round trips records -> arquero -> danfo -> arquero -> records", () => {
    const back = fromArquero(toArquero(fromDanfo(toDanfo(toArquero(rows)))));
    expect(back).toEqual(rows);
    expect(Object.keys(back[0] as object)).toEqual(Object.keys(rows[0] as object));
  });

  it("turns typed arrays into plain number arrays and keeps exact doubles", () => {
    const df = toDanfo({ id: ["0001", "0002"], x: new Float64Array([0.1, 1 / 3]) });
    const x = (df.values as number[][]).map((r) => r[1]);
    expect(x).toEqual([0.1, 1 / 3]);
    expect(toRecords(df)).toEqual([{ id: "0001", x: 0.1 }, { id: "0002", x: 1 / 3 }]);
  });

  it("keeps integer-like column names in the given order", () => {
    const dfd = createRequire(import.meta.url)("danfojs-node");
    const df = new dfd.DataFrame([["00042", 5, 4]], { columns: ["id", "2024", "2023"] });
    expect(tableKind(df)).toBe("danfo");
    const t = toArquero(df);
    expect(t.columnNames()).toEqual(["id", "2024", "2023"]);
    expect(toDanfo(t).columns).toEqual(["id", "2024", "2023"]);
  });

  it("reads a DataFrame made by danfo itself, and handles empty tables", () => {
    const dfd = createRequire(import.meta.url)("danfojs-node");
    const df = new dfd.DataFrame({ id: ["00042", "007"], v: [1.5, 2] }, { dtypes: ["string", "float32"] });
    expect(fromDanfo(df)).toEqual([{ id: "00042", v: 1.5 }, { id: "007", v: 2 }]);
    expect(toDanfo(df)).toBe(df);
    expect(fromDanfo(toDanfo({ a: [] as number[] }))).toEqual([]);
  });

  it("fromDanfo rejects other tables", () => {
    expect(() => fromDanfo(toArquero(rows) as never)).toThrow("fromDanfo: expected a danfo DataFrame, but got an arquero table; use toRecords for any table");
    expect(() => toDanfo(42 as never)).toThrow("toDanfo: expected a table (records, arquero table, danfo DataFrame or columns object), but got a number (42)");
  });
});
