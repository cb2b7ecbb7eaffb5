// Ids stay exact: JSON numbers as written, 64-bit Parquet integers as text, inexact doubles rejected per row.
import { mkdtempSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../../src/data/data-error.js";
import { JsonSyntaxError, MAX_JSON_DEPTH, parseJsonExact, JsonNumber } from "../../src/data/read/parse-json-exact.js";
import { readJson } from "../../src/data/read/read-json.js";
import { loadTransactionsFile, loadTransactionsText } from "../../src/data/load/load-transactions.js";
import { loadTransactions } from "../../src/engine/load-transactions.js";
import { withEngine } from "../../src/engine/open-engine.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-ids-"));
afterAll(() => spawnSync("rm", ["-rf", dir]));
const IDS = ["12345678901234567890", "12345678901234567891", "12345678901234567892", "12345678901234567893"];

describe("JSON numbers keep their source text", () => {
  it("four 20-digit ids stay four customers (JSON array and JSON lines)", () => {
    const json = `[${IDS.map((id) => `{"customer_id": ${id}, "date": "2024-01-02", "amount": 1.50}`).join(",")}]`;
    const a = loadTransactionsText(json, { format: "json" });
    expect(a.transactions.customerId).toEqual(IDS);
    const b = loadTransactionsText(IDS.map((id) => `{"customer_id": ${id}, "date": "2024-01-02", "amount": 1}`).join("\n"), { format: "jsonl" });
    expect(new Set(b.transactions.customerId).size).toBe(4);
  });

  it("ids written as floats stay as written, in JSON and in CSV", () => {
    expect(readJson('[{"id": 17850.0, "x": 1e3, "y": -0.50}]').rows[0]!.values).toEqual(["17850.0", "1e3", "-0.50"]);
    expect(loadTransactionsText("customer_id,date,amount\n17850.0,2024-01-02,1\n").transactions.customerId).toEqual(["17850.0"]);
  });

  it("nested values are JSON with exact numbers; a repeated key keeps its last value", () => {
    expect(readJson('[{"a": {"b": [12345678901234567890, true, null, "x"]}, "c": 1, "c": 2}]').rows[0]!.values).toEqual([
      '{"b":[12345678901234567890,true,null,"x"]}', "2",
    ]);
    expect(readJson('[{"__proto__": "p"}]').header).toEqual(["__proto__"]);
  });

  it("parses strings with escapes and refuses what JSON.parse refuses", () => {
    expect(parseJsonExact('"a\\"b\\u00e9\\n"')).toBe('a"bé\n');
    expect(parseJsonExact(" 0 ")).toEqual(new JsonNumber("0"));
    for (const bad of ["01", "[1,]", "{'a':1}", '"a\tb"', "[1] x", "", "tru", "-", '{"a" 1}', '"\\x"']) {
      expect(() => parseJsonExact(bad), bad).toThrow(JsonSyntaxError);
      expect(() => JSON.parse(bad), bad).toThrow(SyntaxError);
    }
  });

  it("names the line and column of a syntax error", () => {
    expect(() => readJson('[\n{"a": 1},\n{"a": x}]')).toThrow(
      new DataError('readJson: the text is not valid JSON (unexpected "x" at line 3 column 7); use --format jsonl for JSON lines'),
    );
    expect(() => readJson("[1,")).toThrow(new DataError("readJson: the text is not valid JSON (unexpected end of text); use --format jsonl for JSON lines"));
  });

  it("deep nesting is a syntax error, not a stack overflow", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(() => parseJsonExact(deep)).toThrow(`arrays and objects nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(() => readJson(`[{"a": ${deep}}]`)).toThrow(DataError);
  });

  it("a head cut inside a top-level array gives its complete elements", () => {
    expect(readJson('[{"a": 1}, {"a": 2}, {"a": 3', undefined, true).rows.map((r) => r.values)).toEqual([["1"], ["2"]]);
    expect(() => readJson('[{"a": 1}, {"a": 2}, {"a": 3')).toThrow(DataError);
  });
});

describe("XLSX numeric cells of 2^53 or more are rejected per row, never merged", () => {
  it("two 20-digit numeric ids become two inexact-number rejections; a text id and a small number are used", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("tx");
    ws.addRow(["customer_id", "date", "amount"]);
    ws.addRow([12345678901234567890, "2024-01-02", 1]);
    ws.addRow([12345678901234567891, "2024-01-02", 1]);
    ws.addRow(["12345678901234567892", "2024-01-02", 1]);
    ws.addRow([17850, "2024-01-02", 1]);
    const f = path.join(dir, "ids.xlsx");
    await wb.xlsx.writeFile(f);
    const { transactions, ledger } = await loadTransactionsFile(f);
    expect(transactions.customerId).toEqual(["12345678901234567892", "17850"]);
    expect(ledger.byReason).toEqual({ "inexact-number": 2 });
    expect(ledger.rejected[0]).toEqual({
      line: 2, code: "inexact-number",
      reason: "customer_id 12345678901234567000 is a floating-point number of 2^53 or more, so its digits are not exact; store the column as text (or as a 64-bit integer in Parquet)",
    });
  });
});

describe("inexact cells in columns no field reads", () => {
  it("do not reject the row (an unmapped 20-digit tracking number in an xlsx export)", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("tx");
    ws.addRow(["customer_id", "date", "amount", "tracking_no"]);
    ws.addRow(["C1", "2024-01-02", 1, 12345678901234567890]);
    ws.addRow(["C2", "2024-01-03", 2, 98765432109876543210]);
    const f = path.join(dir, "tracking.xlsx");
    await wb.xlsx.writeFile(f);
    const { transactions, ledger } = await loadTransactionsFile(f);
    expect(transactions.customerId).toEqual(["C1", "C2"]);
    expect(ledger.rejected).toEqual([]);
  });
});

describe("Parquet ids", () => {
  it("BIGINT, UBIGINT and DECIMAL ids are read exactly; a row with a DOUBLE of 2^53 or more is rejected", async () => {
    const f = path.join(dir, "ids.parquet");
    const g = path.join(dir, "doubles.parquet");
    await withEngine(async (e) => {
      await e.connection.run(`COPY (SELECT * FROM (VALUES
        (1234567890123456789::BIGINT, 12345678901234567890::UBIGINT, 12345678901234567890::DECIMAL(38,0), DATE '2024-01-02', 1.50::DECIMAL(10,2)),
        (1234567890123456788::BIGINT, 12345678901234567891::UBIGINT, 12345678901234567891::DECIMAL(38,0), DATE '2024-01-02', 2.00::DECIMAL(10,2))
      ) t(b, u, d, date, amount)) TO '${f}' (FORMAT parquet)`);
      await e.connection.run(`COPY (SELECT * FROM (VALUES (12345678901234567890::DOUBLE, DATE '2024-01-02', 1.0::DOUBLE), (17850.0::DOUBLE, DATE '2024-01-02', 2.0::DOUBLE))
        t(f, date, amount)) TO '${g}' (FORMAT parquet)`);
    });
    for (const [col, expected] of [["b", ["1234567890123456789", "1234567890123456788"]], ["u", ["12345678901234567890", "12345678901234567891"]], ["d", ["12345678901234567890", "12345678901234567891"]]] as const) {
      const { transactions } = await loadTransactions(f, { columns: { customerId: col } });
      expect(transactions.customerId).toEqual(expected);
      expect([...transactions.amount!]).toEqual([1.5, 2]);
    }
    const { transactions, ledger } = await loadTransactions(g, { columns: { customerId: "f" } });
    expect(transactions.customerId).toEqual(["17850"]);
    expect(ledger.rejected).toEqual([{ line: 2, code: "inexact-number", reason: "f 12345678901234567000 is a floating-point number of 2^53 or more, so its digits are not exact; store the column as text (or as a 64-bit integer in Parquet)" }]);
  });

  it("a folder or a missing file is refused in one line", async () => {
    await expect(loadTransactions(dir, { format: "parquet" })).rejects.toThrow(new DataError(`readParquetTable: "${dir}" is a folder, not a file`));
    const missing = path.join(dir, "none.parquet");
    await expect(loadTransactions(missing)).rejects.toThrow(new DataError(`readParquetTable: file "${missing}" not found; check the path`));
    writeFileSync(path.join(dir, "text.parquet"), "not parquet");
    await expect(loadTransactions(path.join(dir, "text.parquet"))).rejects.toThrow(/^readParquetTable: ".*text\.parquet" could not be read as Parquet \(.*\)$/);
  });
});
