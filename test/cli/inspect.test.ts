// crm inspect end to end (in process): the proposed flags and mapping, and --mapping in another command.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { crm } from "../helpers/crm-in-process.js";

const dir = mkdtempSync(path.join(tmpdir(), "crm-inspect-cli-"));
afterAll(() => spawnSync("rm", ["-rf", dir]));

const file = (name: string, content: string | Buffer) => {
  const f = path.join(dir, name);
  writeFileSync(f, content);
  return f;
};

const RETAIL = [
  "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country",
  "536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom",
  "536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom",
  "536366,22633,HAND WARMER UNION JACK,6,12/1/2010 8:28,1.85,17850.0,United Kingdom",
  "536367,84879,ASSORTED COLOUR BIRD ORNAMENT,32,12/2/2010 8:34,1.69,13047.0,United Kingdom",
  "C536379,D,Discount,-1,12/2/2010 9:41,27.5,14527.0,United Kingdom",
  "536380,22961,JAM MAKING SET PRINTED,24,12/3/2010 9:41,1.45,,United Kingdom",
].join("\n");

describe("crm inspect", () => {
  it("a retailer's line-level export: the right flags, and they read the file", async () => {
    const f = file("retail.csv", RETAIL);
    const r = await crm("inspect", "--input", f);
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      "flags       --customer CustomerID --date InvoiceDate --order-id InvoiceNo --product StockCode --quantity Quantity --unit-price UnitPrice --date-format M/D/YYYY",
    );
    expect(r.out).toContain("InvoiceDate  date (M/D/YYYY with a time of day, order guessed)");
    expect(r.out).toContain("  - the dates of InvoiceDate fit both day-first and month-first; M/D/YYYY is a guess: check it");
    const v = await crm("validate", "--input", f, "--customer", "CustomerID", "--date", "InvoiceDate", "--order-id", "InvoiceNo", "--product", "StockCode",
      "--quantity", "Quantity", "--unit-price", "UnitPrice", "--date-format", "M/D/YYYY", "--json");
    expect(v.code).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({ read: 6, used: 5, byReason: { "missing-customer": 1 }, customers: 3 });
  });

  it("a semicolon, decimal-comma export: --delimiter \";\" --decimal ,", async () => {
    const f = file("pos.csv", "Kunde;Datum;Umsatz\nK1;02.01.2024;12,50\nK2;15.01.2024;7,25\nK1;03.02.2024;100,00\n");
    const r = await crm("inspect", "-i", f);
    expect(r.code).toBe(0);
    expect(r.out).toContain('format      csv, delimiter ";", decimal mark ","');
    expect(r.out).toContain('flags       --customer Kunde --date Datum --amount Umsatz --date-format DD.MM.YYYY --delimiter ";" --decimal ,');
  });

  it("--out writes the mapping that --mapping reads; a flag wins over the file", async () => {
    const f = file("pos2.csv", "Kunde;Datum;Umsatz;Filiale\nK1;02.01.2024;12,50;A\nK2;15.01.2024;7,25;B\nK1;03.02.2024;100,00;C\n");
    const m = path.join(dir, "sub", "mapping.json");
    const r = await crm("inspect", "-i", f, "--out", m);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`crm: mapping written to ${m}`);
    expect(JSON.parse(readFileSync(m, "utf8"))).toEqual({
      columns: { customerId: "Kunde", date: "Datum", amount: "Umsatz" }, format: "csv", delimiter: ";", decimal: ",", header: true, dateFormat: "DD.MM.YYYY", encoding: "utf8",
    });
    const v = await crm("validate", "-i", f, "--mapping", m, "--json");
    expect(v.code).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({ read: 3, used: 3, customers: 2 });
    const w = await crm("validate", "-i", f, "--mapping", m, "--customer", "Filiale", "--json");
    expect(JSON.parse(w.out)).toMatchObject({ used: 3, customers: 3 });
    const s = await crm("summary", "-i", f, "--mapping", m, "--channel", "Filiale");
    expect(s.code).toBe(0);
    expect(s.out.split("\n")[0]).toMatch(/^customer_id,/);
  });

  it("--json prints one object with the mapping and the command line", async () => {
    const f = file("plain.csv", "customer_id,date,amount\nC1,2024-01-02,1\n");
    const r = await crm("inspect", "-i", f, "--json");
    const j = JSON.parse(r.out);
    expect(j).toMatchObject({ format: "csv", encoding: "utf-8", header: true, command: "--customer customer_id --date date --amount amount" });
    expect(j.mapping.columns).toEqual({ customerId: "customer_id", date: "date", amount: "amount" });
  });

  it("a Latin-1 file: inspect proposes --encoding latin1, which then keeps José and Josè apart", async () => {
    const f = file("latin.csv", Buffer.concat([Buffer.from("customer_id,date,amount\nJos"), Buffer.from([0xe9]), Buffer.from(",2024-01-02,1\nJos"), Buffer.from([0xe8]), Buffer.from(",2024-01-03,2\n")]));
    const r = await crm("inspect", "-i", f);
    expect(r.out).toContain("encoding    windows-1252");
    expect(r.out).toContain("--encoding latin1");
    const bad = await crm("validate", "-i", f);
    expect(bad.code).toBe(2);
    expect(bad.err.trim().split("\n").at(-1)).toBe(`loadTransactionsFile: ${f} is not valid UTF-8 (first bad byte at line 2); re-save it as UTF-8 or pass --encoding latin1`);
    const ok = await crm("validate", "-i", f, "--encoding", "latin1", "--json");
    expect(JSON.parse(ok.out)).toMatchObject({ used: 2, customers: 2 });
  });

  it.each([
    [["inspect"], "crm inspect: --input FILE is required; see crm inspect --help"],
    [["inspect", "-i", "/dev/zero"], 'inspectFile: "/dev/zero" is not a regular file (a device); give a file'],
    [["inspect", "-i", "nope.csv"], 'inspectFile: file "nope.csv" not found; check the path'],
    [["inspect", "-i", "x.csv", "--encoding", "utf16"], 'crm inspect: --encoding must be one of utf8, latin1 (got "utf16")'],
  ])("%j exits 2 with one line", async (argv, message) => {
    const r = await crm(...argv);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${message}\n`);
  });

  it("refuses --out equal to the input or a folder, before any work", async () => {
    const f = file("keep.csv", "customer_id,date,amount\nC1,2024-01-02,1\n");
    const r = await crm("inspect", "-i", f, "--out", f);
    expect(r).toMatchObject({ code: 2, err: `crm inspect: --out "${f}" is the input file; write the output to another file\n` });
    expect(readFileSync(f, "utf8")).toBe("customer_id,date,amount\nC1,2024-01-02,1\n");
    const d = await crm("inspect", "-i", f, "--out", dir);
    expect(d).toMatchObject({ code: 2, err: `crm inspect: --out "${dir}" is a folder; name a file\n` });
  });

  it("a bad mapping file is one line naming the file and the key", async () => {
    const f = file("plain2.csv", "customer_id,date,amount\nC1,2024-01-02,1\n");
    const m = file("bad.json", '{"columns": {"customer": "customer_id"}}');
    const r = await crm("summary", "-i", f, "--mapping", m);
    expect(r.code).toBe(2);
    expect(r.err.trim().split("\n").at(-1)).toBe(
      `readMappingFile: ${m}: "columns.customer" is not a field (fields: customerId, date, amount, orderId, channel, productId, category, quantity, unitPrice, discount, freight, cost, returnedQuantity, returnedAmount)`,
    );
  });

  it("is listed and documented", async () => {
    expect((await crm("--help")).out).toContain("  inspect ");
    const h = await crm("inspect", "--help");
    expect(h.out).toContain("Usage: crm inspect --input FILE [--out mapping.json] [--json]");
    expect(h.out).toContain("512 MB");
    expect((await crm("validate", "--help")).out).toContain("--mapping F");
  });
});
