// crm inspect's library side: date formats, roles, decimal mark, header, encoding, formats.
import { mkdtempSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { DataError } from "../../../src/data/data-error.js";
import { guessDateFormat } from "../../../src/data/inspect/guess-date-format.js";
import { inspectFile, INSPECT_BYTES } from "../../../src/data/inspect/inspect-file.js";
import { shellLine } from "../../../src/data/inspect/propose-flags.js";
import { inspectInput } from "../../../src/engine/inspect-input.js";
import { withEngine } from "../../../src/engine/open-engine.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-inspect-"));
afterAll(() => spawnSync("rm", ["-rf", dir]));
const file = (name: string, content: string | Buffer) => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};

describe("guessDateFormat", () => {
  it.each([
    [["2024-01-02", "2024-01-31"], "iso", false, false],
    [["2024-01-02T08:30:00Z", "2024-01-03 10:00"], "iso", true, false],
    [["19970101", "19970312"], "yyyymmdd", false, false],
    [["31/01/2024", "01/02/2024"], "DD/MM/YYYY", false, false],
    [["1/31/2024", "2/1/2024"], "M/D/YYYY", false, false],
    [["12/1/2010 8:26", "12/2/2010 9:01"], "M/D/YYYY", true, true],
    [["02.01.2024", "15.01.2024"], "DD.MM.YYYY", false, false],
    [["2024/1/2", "2024/12/31"], "YYYY/M/D", false, false],
  ] as const)("%j", (values, format, withTime, ambiguous) => {
    expect(guessDateFormat(values)).toMatchObject({ format, withTime, ambiguous });
  });

  it("finds no date in ids, amounts or two-digit years", () => {
    expect(guessDateFormat(["17850", "13047"])).toBeUndefined();
    expect(guessDateFormat(["12345678", "99999999"])).toBeUndefined();
    expect(guessDateFormat(["2.55", "3.39"])).toBeUndefined();
    expect(guessDateFormat(["1/2/24"])).toBeUndefined();
  });
});

describe("inspectFile", () => {
  it("a plain customer_id,date,amount export", async () => {
    const i = await inspectFile(file("plain.csv", "customer_id,date,amount\nC1,2024-01-02,9.50\nC2,2024-01-03,12\n"));
    expect(i).toMatchObject({ format: "csv", delimiter: ",", decimal: ".", encoding: "utf-8", header: true, wholeFile: true, rowsSampled: 2 });
    expect(i.flags).toEqual(["--customer", "customer_id", "--date", "date", "--amount", "amount"]);
    expect(i.mapping).toEqual({ columns: { customerId: "customer_id", date: "date", amount: "amount" }, format: "csv", delimiter: ",", decimal: ".", header: true, dateFormat: "iso", encoding: "utf8" });
  });

  it("a file without header (CDNOW-like whitespace) is mapped by position", async () => {
    const i = await inspectFile(file("cdnow.txt", " 00001 00001 19970101  1  11.77\n 00002 00002 19970112  1  12.00\n 00002 00002 19970112  5  77.00\n"));
    expect(i).toMatchObject({ format: "whitespace", header: false });
    expect(i.mapping.columns).toEqual({ customerId: 1, date: 3, amount: 5 });
    expect(i.flags).toEqual(["--customer", "1", "--date", "3", "--amount", "5", "--no-header"]);
  });

  it("no customer column by name: the repeating id column with the most values, not a store or a receipt number", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${["North", "South", "East"][i % 3]};2024-01-${String(1 + (i % 28)).padStart(2, "0")};${9000 + i};${500 + (i % 11)};${(10 + i).toFixed(2)}`);
    const i = await inspectFile(file("store.csv", `Store;Day;Receipt;Ref;Sales\n${rows.join("\n")}\n`));
    expect(i.mapping.columns?.customerId).toBe("Ref");
  });

  it("a shop export names the order #1001 in a column called Name: the order id", async () => {
    const i = await inspectFile(file("shop.csv", "Name,Email,Created at,Subtotal\n#1001,a@x.com,2023-07-01 06:22:09 -0400,12.50\n#1002,b@x.com,2023-07-02 08:30:02 -0400,7.00\n"));
    expect(i.mapping.columns).toMatchObject({ orderId: "Name", customerId: "Email", date: "Created at", amount: "Subtotal" });
  });

  it("order ids like C536379 beside plain numbers: a note proposing --cancel-prefix C", async () => {
    const i = await inspectFile(file("retail-c.csv", "InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice\n536365,12/1/2010 8:26,17850.0,6,2.55\nC536379,12/1/2010 9:41,14527.0,-1,27.50\n"));
    expect(i.notes).toContain("InvoiceNo has ids like C536379 beside plain numbers: retail exports mark cancellations so; pass --cancel-prefix C to count them as returns");
  });

  it("currency symbols: reported, with a note that they must go", async () => {
    const i = await inspectFile(file("shop.csv", "Email,Created at,Total\na@x.com,2024-01-02 10:00:00 +0100,£12.50\nb@x.com,2024-01-03 11:00:00 +0100,£3.00\n"));
    expect(i.currency).toEqual({ code: "GBP", from: "the symbol £ in column Total" });
    expect(i.mapping).toMatchObject({ columns: { customerId: "Email", date: "Created at", amount: "Total" }, currency: "GBP" });
    expect(i.notes).toContain("Total: the values carry currency symbols or codes, which crm does not accept in numbers: remove them (re-export, or a find-and-replace)");
    expect(shellLine(i.flags)).toBe('--customer Email --date "Created at" --amount Total');
  });

  it("a currency column", async () => {
    const i = await inspectFile(file("cur.csv", "order,customer,date,amount,currency\n1,C1,2024-01-02,5,USD\n2,C2,2024-01-02,6,USD\n"));
    expect(i.currency).toEqual({ code: "USD", from: "column currency" });
    expect(i.columns.map((c) => c.role)).toEqual(["orderId", "customerId", "date", "amount", "currency"]);
  });

  it("quantity x unit price, cost, discount, freight, channel, category", async () => {
    const i = await inspectFile(file("lines.csv", "Order ID,Customer,Order Date,SKU,Category,Channel,Qty,Price,Discount,Shipping,COGS\nO1,C1,2024-01-02,P1,Toys,web,2,3.50,0.50,1.00,2.10\n"));
    expect(i.mapping.columns).toEqual({
      customerId: "Customer", date: "Order Date", orderId: "Order ID", channel: "Channel", productId: "SKU", category: "Category",
      quantity: "Qty", unitPrice: "Price", discount: "Discount", freight: "Shipping", cost: "COGS",
    });
    expect(i.notes).toContain("no amount column: amount = quantity x unit price");
  });

  it("Latin-1 bytes: read as windows-1252 with a note proposing --encoding latin1", async () => {
    const i = await inspectFile(file("latin.csv", Buffer.concat([Buffer.from("customer_id,date,amount\nJos"), Buffer.from([0xe9]), Buffer.from(",2024-01-02,1\n")])));
    expect(i.encoding).toBe("windows-1252");
    expect(i.columns[0]!.samples).toEqual(["José"]);
    expect(i.flags).toContain("latin1");
    expect(i.notes[0]).toMatch(/latin\.csv is not valid UTF-8 \(first bad byte at line 2\); it reads as Latin-1 \(windows-1252\): pass --encoding latin1$/);
  });

  it("bytes that are neither UTF-8 nor Latin-1 are refused", async () => {
    const f = file("bin.csv", Buffer.from([0x61, 0x2c, 0x62, 0x0a, 0x81, 0x01, 0xff]));
    await expect(inspectFile(f)).rejects.toThrow(new DataError(`inspectFile: ${f} is not valid UTF-8 (first bad byte at line 2); re-save it as UTF-8 or pass --encoding latin1`));
  });

  it("reads only the head of a big file, cut at a line end", async () => {
    const rows = Array.from({ length: 5000 }, (_, k) => `C${k % 97},2024-01-${String((k % 28) + 1).padStart(2, "0")},${k}.25`);
    const i = await inspectFile(file("big.csv", `customer_id,date,amount\n${rows.join("\n")}\n`));
    expect(i.wholeFile).toBe(false);
    expect(i.rowsSampled).toBeLessThan(INSPECT_BYTES / 10);
    expect(i.rowsSampled).toBeGreaterThan(1000 - 1);
    expect(i.flags).toEqual(["--customer", "customer_id", "--date", "date", "--amount", "amount"]);
  });

  it("JSON heads cut inside the array, JSON lines, and exact ids", async () => {
    const recs = Array.from({ length: 3000 }, (_, k) => `{"user_id": ${12345678901234567890n + BigInt(k)}, "created_at": "2024-01-02T10:00:00Z", "total": 1.5}`);
    const i = await inspectFile(file("big.json", `[${recs.join(",\n")}]`));
    expect(i).toMatchObject({ format: "json", wholeFile: false, header: true });
    expect(i.columns[0]!.samples[0]).toBe("12345678901234567890");
    expect(i.mapping.columns).toEqual({ customerId: "user_id", date: "created_at", amount: "total" });
    const j = await inspectFile(file("x.jsonl", recs.slice(0, 3).join("\n")));
    expect(j.format).toBe("jsonl");
  });

  it("xlsx: Excel serial numbers in a date column are read as dates with --date-format excel", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Orders");
    ws.addRow(["CustomerID", "OrderDate", "Sales"]);
    ws.addRow(["C1", 45292, 10.5]);
    ws.addRow(["C2", 45293, 7.25]);
    const f = path.join(dir, "serial.xlsx");
    await wb.xlsx.writeFile(f);
    const i = await inspectFile(f);
    expect(i).toMatchObject({ format: "xlsx", header: true });
    expect(i.encoding).toBeUndefined();
    expect(i.mapping.columns).toEqual({ customerId: "CustomerID", date: "OrderDate", amount: "Sales" });
    expect(i.mapping.dateFormat).toBe("excel");
    expect(i.notes).toContain("OrderDate holds Excel serial day numbers (45292 is 2024-01-01): read with --date-format excel");
  });

  it("Parquet through inspectInput", async () => {
    const f = path.join(dir, "tx.parquet");
    await withEngine((e) => e.connection.run(`COPY (SELECT 'C1' AS client_id, DATE '2024-01-02' AS day, 9.5::DOUBLE AS revenue) TO '${f}' (FORMAT parquet)`));
    const i = await inspectInput(f);
    expect(i).toMatchObject({ format: "parquet", wholeFile: true, rowsSampled: 1 });
    expect(i.flags).toEqual(["--customer", "client_id", "--date", "day", "--amount", "revenue"]);
  });

  it("refuses what is not a regular file", async () => {
    await expect(inspectInput("/dev/zero")).rejects.toThrow(new DataError('inspectFile: "/dev/zero" is not a regular file (a device); give a file'));
    await expect(inspectInput(dir)).rejects.toThrow(new DataError(`inspectFile: "${dir}" is a folder, not a file`));
  });
});
