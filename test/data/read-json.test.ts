import { describe, expect, it } from "vitest";
import { DataError, loadTransactionsText, readJson } from "../../src/data/index.js";

describe("readJson", () => {
  it("reads an array of objects (keys in first-seen order, missing keys blank)", () => {
    const t = readJson('\uFEFF[{"customer_id":"007","amount":9.5},{"amount":1,"date":"2024-01-02","customer_id":"C2","flag":true}]');
    expect(t.header).toEqual(["customer_id", "amount", "date", "flag"]);
    expect(t.rows).toEqual([
      { line: 2, values: ["007", "9.5", "", ""] },
      { line: 3, values: ["C2", "1", "2024-01-02", "true"] },
    ]);
  });

  it("reads an object of column arrays", () => {
    const t = readJson('{"customer_id":["A","B"],"amount":[1,null]}');
    expect(t.header).toEqual(["customer_id", "amount"]);
    expect(t.rows).toEqual([
      { line: 2, values: ["A", "1"] },
      { line: 3, values: ["B", ""] },
    ]);
  });

  it("reads JSON lines (detected), keeping bad lines as bad-json rows", () => {
    const t = readJson('{"customer_id":"A","date":"2024-01-02","amount":1}\n{oops\n\n[1]\n{"customer_id":"B","date":"2024-01-03","amount":2}\n');
    expect(t.rows.map((r) => [r.line, r.error?.code ?? r.values.join("|")])).toEqual([
      [1, "A|2024-01-02|1"],
      [2, "bad-json"],
      [3, ""],
      [4, "bad-json"],
      [5, "B|2024-01-03|2"],
    ]);
  });

  it("feeds the ledger: bad JSON lines and blank lines are rejected rows", () => {
    const { transactions, ledger } = loadTransactionsText(
      '{"customer_id":"A","date":"2024-01-02","amount":1}\n{oops\n\n["x"]\n',
      { format: "jsonl" },
    );
    expect(transactions.customerId).toEqual(["A"]);
    expect(ledger.read).toBe(4);
    expect(ledger.byReason).toEqual({ "bad-json": 2, "blank-line": 1 });
    expect(ledger.rejected[2]).toEqual({ line: 4, code: "bad-json", reason: 'expected an object, got ["x"]' });
  });

  it("throws DataError for text that is not JSON of an accepted shape", () => {
    expect(() => readJson("[1,")).toThrow(DataError);
    expect(() => readJson("[1,")).toThrow(/^readJson: the text is not valid JSON \(.*\); use --format jsonl for JSON lines$/);
    expect(() => readJson('"x"')).toThrow("readJson: expected an array of objects or an object of column arrays, got string");
    expect(() => readJson('{"a":[1],"b":2}')).toThrow('readJson: column "b" is not an array; expected an object of column arrays');
    expect(() => readJson('{"a":[1],"b":[1,2]}')).toThrow('readJson: column "b" has 2 values but the first column has 1');
  });

  it("names the loader and the source in a reader error", () => {
    expect(() => loadTransactionsText('{"a":[1],"b":[1,2]}', { format: "json", source: "x.json" })).toThrow(
      'loadTransactionsText: x.json: column "b" has 2 values but the first column has 1',
    );
  });
});
