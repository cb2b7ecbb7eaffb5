import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataError, formatDay, loadTransactionsFile, readRowsFile, readXlsx } from "../../src/data/index.js";

let dir = "";
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "crm-data-"));
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("Notes");
  notes.addRow(["just notes"]);
  const ws = wb.addWorksheet("Orders");
  ws.addRow(["customer_id", "date", "amount", "note"]);
  ws.addRow(["007", new Date(Date.UTC(2024, 0, 2)), 9.5, '=HYPERLINK("x")']);
  ws.addRow(["C2", "2024-01-03", { formula: "2*3", result: 6 }, { richText: [{ text: "rich " }, { text: "text" }] }]);
  ws.addRow([]);
  ws.addRow(["C3", new Date(Date.UTC(2024, 0, 4, 13, 30)), { formula: "1/0", result: { error: "#DIV/0!" } }, { text: "link", hyperlink: "http://x" }]);
  ws.addRow(["C4", "2024-01-05", { formula: "A1*2" }, true]);
  await wb.xlsx.writeFile(path.join(dir, "tx.xlsx"));
  writeFileSync(path.join(dir, "tx.csv"), "customer_id;date;amount\r\n0001;2024-01-02;1\r\n");
  writeFileSync(path.join(dir, "tx.tsv"), "customer_id\tdate\tamount\n0001\t2024-01-02\t1\n");
  writeFileSync(path.join(dir, "tx.dat"), " 0001  20240102   1.5\n", "utf8");
  writeFileSync(path.join(dir, "tx.json"), '[{"customer_id":"0001","date":"2024-01-02","amount":1}]');
  writeFileSync(path.join(dir, "tx.jsonl"), '{"customer_id":"0001","date":"2024-01-02","amount":1}\n');
  writeFileSync(path.join(dir, "tx.parquet.bak"), "x");
  writeFileSync(path.join(dir, "broken.xlsx"), "not a zip");
  writeFileSync(path.join(dir, "locked.csv"), "customer_id,date,amount\n");
  chmodSync(path.join(dir, "locked.csv"), 0o000);
});
afterAll(() => {
  if (dir !== "") chmodSync(path.join(dir, "locked.csv"), 0o644);
});

describe("readXlsx (exceljs, cached results, never evaluated)", () => {
  it("reads a named sheet: dates to ISO, formulas to their cached result, formula-looking text as text", async () => {
    const t = await readRowsFile(path.join(dir, "tx.xlsx"), { sheet: "Orders" });
    expect(t.header).toEqual(["customer_id", "date", "amount", "note"]);
    expect(t.rows).toEqual([
      { line: 2, values: ["007", "2024-01-02", "9.5", '=HYPERLINK("x")'] },
      { line: 3, values: ["C2", "2024-01-03", "6", "rich text"] },
      { line: 4, values: [""] },
      { line: 5, values: ["C3", "2024-01-04T13:30:00", "#DIV/0!", "link"] },
      { line: 6, values: ["C4", "2024-01-05", "", "true"] },
    ]);
  });

  it("loads transactions from it with a ledger", async () => {
    const { transactions: t, ledger } = await loadTransactionsFile(path.join(dir, "tx.xlsx"), { sheet: "Orders" });
    expect(t.customerId).toEqual(["007", "C2"]);
    expect([...t.day].map(formatDay)).toEqual(["2024-01-02", "2024-01-03"]);
    expect(ledger.rejected.map((r) => [r.line, r.code])).toEqual([[4, "blank-line"], [5, "bad-amount"], [6, "bad-amount"]]);
  });

  it("reads the first sheet by default and reports a missing sheet", async () => {
    const file = path.join(dir, "tx.xlsx");
    expect((await readRowsFile(file)).header).toEqual(["just notes"]);
    await expect(loadTransactionsFile(file, { sheet: "Nope" })).rejects.toThrow(
      new DataError(`loadTransactionsFile: ${file}: no sheet named "Nope" (sheets: Notes, Orders); use --sheet NAME`),
    );
  });

  it("rejects bytes that are not a workbook", async () => {
    await expect(readXlsx(new Uint8Array([1, 2, 3]))).rejects.toThrow(/^readXlsx: the file is not a readable XLSX workbook \(.*\)$/);
  });
});

describe("loadTransactionsFile: formats by extension", () => {
  it.each(["tx.csv", "tx.tsv", "tx.json", "tx.jsonl"])("reads %s", async (name) => {
    const { transactions: t, ledger } = await loadTransactionsFile(path.join(dir, name));
    expect(t.customerId).toEqual(["0001"]);
    expect(ledger).toMatchObject({ source: path.join(dir, name), read: 1, used: 1 });
  });

  it("reads .dat as whitespace text", async () => {
    const { transactions: t } = await loadTransactionsFile(path.join(dir, "tx.dat"), { header: false, columns: { customerId: "1", date: "2", amount: "3" } });
    expect([...t.amount!]).toEqual([1.5]);
  });

  it("lets format override the extension", async () => {
    // read as CSV (a Parquet reader would refuse the text): its one column cannot be three fields
    await expect(loadTransactionsFile(path.join(dir, "tx.parquet.bak"), { format: "csv", header: false, columns: { customerId: 1, date: 1, amount: 1 } })).rejects.toThrow(
      /column "1" of .*tx\.parquet\.bak is given for both customer_id \(--customer\) and date \(--date\)/,
    );
  });
});

describe("loadTransactionsFile: file errors (DataError, exact message)", () => {
  it.each([
    ["missing.csv", (f: string) => `loadTransactionsFile: file "${f}" not found; check the path`],
    ["tx.parquet.bak", (f: string) => `loadTransactionsFile: cannot tell the format of "${f}" from its extension ".bak"; use --format csv|tsv|whitespace|json|jsonl|xlsx`],
  ])("%s", async (name, message) => {
    const f = path.join(dir, name);
    await expect(loadTransactionsFile(f)).rejects.toThrow(new DataError(message(f)));
  });

  it("a folder", async () => {
    const f = path.join(dir, "folder.csv");
    (await import("node:fs")).mkdirSync(f, { recursive: true });
    await expect(loadTransactionsFile(f)).rejects.toThrow(new DataError(`loadTransactionsFile: "${f}" is a folder, not a file`));
  });

  it("a broken workbook", async () => {
    const f = path.join(dir, "broken.xlsx");
    await expect(loadTransactionsFile(f)).rejects.toThrow(/^loadTransactionsFile: .*broken\.xlsx: the file is not a readable XLSX workbook \(.*\)$/);
  });
});
