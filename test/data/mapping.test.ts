// Mapping files (--mapping F) and duplicated header names.
import { mkdtempSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../../src/data/data-error.js";
import { parseMapping, readMappingFile } from "../../src/data/columns/read-mapping-file.js";
import { resolveColumns } from "../../src/data/columns/resolve-columns.js";
import { loadTransactionsText } from "../../src/data/load/load-transactions.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-mapping-"));
afterAll(() => spawnSync("rm", ["-rf", dir]));

describe("parseMapping", () => {
  it("accepts every key", () => {
    const text = JSON.stringify({
      columns: { customerId: "CustomerID", date: 3, productId: "StockCode" }, format: "CSV", delimiter: "tab", decimal: ",", header: false,
      dateFormat: "M/D/YYYY", encoding: "latin1", sheet: "Orders", currency: "GBP",
    });
    expect(parseMapping(text, "m.json")).toEqual({
      columns: { customerId: "CustomerID", date: 3, productId: "StockCode" }, format: "csv", delimiter: "tab", decimal: ",", header: false,
      dateFormat: "M/D/YYYY", encoding: "latin1", sheet: "Orders", currency: "GBP",
    });
  });

  it.each([
    ["{", /^parseMapping: m\.json is not valid JSON \(.*\); a mapping file is a JSON object such as \{"columns": \{"customerId": "CustomerID"\}\}$/],
    ["[]", 'parseMapping: m.json: expected a JSON object such as {"columns": {"customerId": "CustomerID"}}, got an array'],
    ['{"colums": {}}', 'parseMapping: m.json: unknown key "colums" (keys: columns, format, delimiter, decimal, header, dateFormat, encoding, sheet, currency)'],
    ['{"columns": {"amout": "x"}}', 'parseMapping: m.json: "columns.amout" is not a field (fields: customerId, date, amount, orderId, channel, productId, category, quantity, unitPrice, discount, freight, cost, returnedQuantity, returnedAmount)'],
    ['{"columns": {"amount": 0}}', 'parseMapping: m.json: "columns.amount" must be a column name or a 1-based position (got 0)'],
    ['{"columns": {"amount": ""}}', 'parseMapping: m.json: "columns.amount" must be a column name or a 1-based position (got "")'],
    ['{"columns": ["a"]}', 'parseMapping: m.json: "columns" must be an object of field: column, e.g. {"customerId": "CustomerID"} (got ["a"])'],
    ['{"header": "yes"}', 'parseMapping: m.json: "header" must be true or false (got "yes")'],
    ['{"decimal": ";"}', 'parseMapping: m.json: "decimal" must be "." or "," (got ";")'],
    ['{"delimiter": ";;"}', 'parseMapping: m.json: "delimiter" must be one character other than a quote or line break, or "tab" (got ";;")'],
    ['{"format": "xls"}', 'parseMapping: m.json: "format" must be one of csv, tsv, whitespace, json, jsonl, xlsx, parquet (got "xls")'],
    ['{"encoding": "utf16"}', 'parseMapping: m.json: "encoding" must be one of utf8, latin1 (got "utf16")'],
    ['{"currency": "euro"}', 'parseMapping: m.json: "currency" must be a 3-letter ISO 4217 code such as "EUR" (got "euro")'],
    ['{"dateFormat": 5}', 'parseMapping: m.json: "dateFormat" must be a non-empty string (got 5)'],
  ])("%s", (text, message) => {
    expect(() => parseMapping(text, "m.json")).toThrow(DataError);
    expect(() => parseMapping(text, "m.json")).toThrow(message);
  });

  it("reads a file, and refuses a missing one in one line", async () => {
    const f = path.join(dir, "m.json");
    writeFileSync(f, '{"columns": {"customerId": "Kunde"}}');
    expect(await readMappingFile(f)).toEqual({ columns: { customerId: "Kunde" } });
    await expect(readMappingFile(path.join(dir, "none.json"))).rejects.toThrow(new DataError(`readMappingFile: file "${path.join(dir, "none.json")}" not found; check the path`));
    await expect(readMappingFile(dir)).rejects.toThrow(new DataError(`readMappingFile: "${dir}" is a folder, not a file`));
  });
});

describe("duplicated header names", () => {
  const specs = [{ field: "amount", name: "amount", flag: "--amount" }, { field: "note", name: "note", flag: "--note" }] as const;

  it("refuse a duplicated name that a field is read from, by default or by mapping", () => {
    expect(() => resolveColumns(["id", "Amount", "x", "amount "], specs, {}, "f", "tx.csv")).toThrow(
      new DataError('f: tx.csv has 2 columns named "Amount" (columns 2 and 4), used for amount (--amount); rename one of them'),
    );
    expect(() => resolveColumns(["t", "t", "t"], specs, { note: "T" }, "f", "tx.csv")).toThrow(
      new DataError('f: tx.csv has 3 columns named "t" (columns 1, 2 and 3), used for note (--note); rename one of them'),
    );
  });

  it("leave alone duplicated names that no field uses, and positions", () => {
    expect(resolveColumns(["amount", "x", "x"], specs, {}, "f", "s")).toEqual({ amount: 0, note: -1 });
    expect(resolveColumns(["amount", "x", "x"], specs, { note: 3 }, "f", "s")).toEqual({ amount: 0, note: 2 });
  });

  it("in a load", () => {
    expect(() => loadTransactionsText("customer_id,date,amount,amount\nC1,2024-01-02,1,2\n", { source: "tx.csv" })).toThrow(
      new DataError('loadTransactionsText: tx.csv has 2 columns named "amount" (columns 3 and 4), used for amount (--amount); rename one of them'),
    );
  });
});

describe("one column mapped to two fields", () => {
  it("is a one-line error naming both fields; a default name in a mapped column is not read as well", () => {
    expect(() => loadTransactionsText("customer_id,date,amount\nA,2024-01-01,10\n", { columns: { customerId: "amount", amount: "amount" } })).toThrow(
      'loadTransactionsText: column "amount" of text is given for both customer_id (--customer) and amount (--amount); map each to its own column',
    );
    const { transactions: t } = loadTransactionsText("id,date,product_id\nA,2024-01-01,P1\n", { columns: { customerId: "id", category: "product_id" } });
    expect(t.category).toEqual(["P1"]);
    expect(t.productId).toBeUndefined();
  });
});
