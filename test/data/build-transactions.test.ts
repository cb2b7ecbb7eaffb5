import { describe, expect, it } from "vitest";
import { buildTransactions, DataError, formatDay, loadTransactionsText } from "../../src/data/index.js";

const load = loadTransactionsText;

describe("loadTransactionsText: validation into Transactions + ledger", () => {
  it("keeps customer ids as written after trimming, leading zeros included", () => {
    const { transactions: t, ledger } = load('customer_id,date,amount\n 00004 ,1997-01-01,29.33\n"0001",19970102,1\n');
    expect(t.customerId).toEqual(["00004", "0001"]);
    expect([...t.day].map(formatDay)).toEqual(["1997-01-01", "1997-01-02"]);
    expect([...t.amount!]).toEqual([29.33, 1]);
    expect([...t.sourceLine]).toEqual([2, 3]);
    expect(ledger).toEqual({ source: "text", read: 2, used: 2, rejected: [], byReason: {} });
    expect(Object.isFrozen(t)).toBe(true);
  });

  it("rejects each kind of bad row with its line, code and reason", () => {
    const text = [
      "customer_id,date,amount",
      "C1,2024-01-02,9.5",
      "",
      "C2,2024-01-02",
      ",2024-01-02,1",
      "C3,2024-02-30,1",
      "C4,,1",
      "C5,2024-01-02,$12",
      "C6,2024-01-02,1,234.50",
      "C7,2024-01-02,\"1,234.50\"",
      "C8,2024-01-02,",
      ",,",
      "C9,2024-01-03,-4",
    ].join("\n");
    const { transactions: t, ledger } = load(text, { source: "tx.csv" });
    expect(t.customerId).toEqual(["C1", "C9"]);
    expect(ledger.read).toBe(12);
    expect(ledger.used).toBe(2);
    expect(ledger.rejected).toEqual([
      { line: 3, code: "blank-line", reason: "line is blank" },
      { line: 4, code: "wrong-field-count", reason: "row has 2 fields but the header has 3 columns" },
      { line: 5, code: "missing-customer", reason: "customer_id is blank (a guest order: no customer to follow)" },
      { line: 6, code: "bad-date", reason: 'date "2024-02-30" is not a valid date (expected YYYY-MM-DD or YYYYMMDD)' },
      { line: 7, code: "bad-date", reason: "date is blank" },
      { line: 8, code: "bad-amount", reason: 'amount "$12" is not a plain number (currency symbols are not accepted)' },
      { line: 9, code: "wrong-field-count", reason: "row has 4 fields but the header has 3 columns" },
      { line: 10, code: "bad-amount", reason: 'amount "1,234.50" is not a plain number (thousands separators are not accepted)' },
      { line: 11, code: "bad-amount", reason: "amount is blank" },
      { line: 12, code: "blank-line", reason: "every field is empty" },
    ]);
    expect(ledger.byReason).toEqual({ "blank-line": 2, "wrong-field-count": 2, "missing-customer": 1, "bad-date": 2, "bad-amount": 3 });
  });

  it("matches headers case-insensitively after trimming and maps columns by name or position", () => {
    const a = load(" Customer_ID ;DATE; Amount\nC1;2024-01-02;9,5\n", { decimal: "," });
    expect([...a.transactions.amount!]).toEqual([9.5]);
    const b = load("who,when,value\nC1,02/01/2024,3\n", { columns: { customerId: "WHO", date: "2", amount: 3 }, dateFormat: "DD/MM/YYYY" });
    expect(b.transactions.customerId).toEqual(["C1"]);
    expect(formatDay(b.transactions.day[0]!)).toBe("2024-01-02");
    const c = load("C1\t2024-01-02\t7\n", { format: "tsv", header: false, columns: { customerId: "1", date: "2", amount: "3" } });
    expect([...c.transactions.sourceLine]).toEqual([1]);
  });

  it("derives amount = quantity * unit_price - discount when there is no amount column", () => {
    const { transactions: t, ledger } = load(
      "customer_id,date,quantity,unit_price,discount\nC1,2024-01-02,2,10,1.5\nC2,2024-01-02,3,2,\nC3,2024-01-02,,2,0\nC4,2024-01-02,1,x,0\n",
    );
    expect([...t.amount!]).toEqual([18.5, 6]);
    expect([...t.discount!]).toEqual([1.5, 0]);
    expect([...t.quantity!]).toEqual([2, 3]);
    expect(ledger.rejected).toEqual([
      { line: 4, code: "bad-amount", reason: "cannot compute amount: quantity is blank" },
      { line: 5, code: "bad-unit-price", reason: 'unit_price "x" is not a plain number (expected digits with an optional sign and decimal ".")' },
    ]);
  });

  it("keeps the amount column when present, and fills blank optional numbers with 0 or NaN", () => {
    const { transactions: t } = load(
      "customer_id,date,amount,quantity,unit_price,discount,freight,cost,returned_quantity,returned_amount,order_id,channel,product_id,category\n" +
        "C1,2024-01-02,5,,,,,,,, O1 ,web,P1,music\n",
    );
    expect(t.amount![0]).toBe(5);
    expect(t.quantity![0]).toBeNaN();
    expect(t.unitPrice![0]).toBeNaN();
    expect(t.cost![0]).toBeNaN();
    expect([t.discount![0], t.freight![0], t.returnedQuantity![0], t.returnedAmount![0]]).toEqual([0, 0, 0, 0]);
    expect([t.orderId, t.channel, t.productId, t.category]).toEqual([["O1"], ["web"], ["P1"], ["music"]]);
  });

  it("leaves absent optional columns undefined", () => {
    const { transactions: t } = load("customer_id,date,amount\nC1,2024-01-02,5\n");
    expect(t.quantity).toBeUndefined();
    expect(t.orderId).toBeUndefined();
  });

  it("rejects rows outside the from/to window (inclusive) as outside-window", () => {
    const { transactions: t, ledger } = load("customer_id,date,amount\nA,2023-12-31,1\nB,2024-01-01,1\nC,2024-01-31,1\nD,2024-02-01,1\n", {
      from: "2024-01-01",
      to: "2024-01-31",
    });
    expect(t.customerId).toEqual(["B", "C"]);
    expect(ledger.rejected).toEqual([
      { line: 2, code: "outside-window", reason: "date 2023-12-31 is before --from 2024-01-01" },
      { line: 5, code: "outside-window", reason: "date 2024-02-01 is after --to 2024-01-31" },
    ]);
  });

  it("reads a purchase log (no amount, no quantity x unit price) without amounts: every line is a purchase", () => {
    const { transactions: t, ledger } = load("customer_id,date,quantity\nC1,2024-01-02,1\nC1,2024-01-09,\n");
    expect(t.amount!).toBeUndefined();
    expect(t.length).toBe(2);
    expect([...t.quantity!]).toEqual([1, NaN]);
    expect(ledger.used).toBe(2);
  });

  it("accepts ISO dates with a time part", () => {
    const { transactions: t } = load("date,id,amount\n2014-01-01 00:00:00,0,1\n", { columns: { customerId: "id" } });
    expect(formatDay(t.day[0]!)).toBe("2014-01-01");
  });

  it("is what buildTransactions gives for the same rows (the engine's entry point)", () => {
    const r = buildTransactions({ header: ["customer_id", "date", "amount"], rows: [{ line: 2, values: ["007", "2024-01-02", "9.5"] }] }, {}, "x.parquet");
    expect(r.transactions.customerId).toEqual(["007"]);
    expect(r.ledger.source).toBe("x.parquet");
  });
});

describe("loader errors (DataError, one line, exact message)", () => {
  const cases: [string, () => unknown, string][] = [
    ["a mapped amount column that is not there", () => load("customer_id,date,qty\nC1,2024-01-02,1\n", { columns: { amount: "total" } }),
      "loadTransactionsText: column \"total\" given for amount (--amount) is not in text (columns: customer_id, date, qty)"],
    ["missing customer", () => load("id,date,amount\n"),
      "loadTransactionsText: no customer_id column in text (columns: id, date, amount); use --customer COL"],
    ["missing date", () => load("customer_id,day,amount\n"),
      "loadTransactionsText: no date column in text (columns: customer_id, day, amount); use --date COL"],
    ["mapped column absent", () => load("customer_id,date,amount\n", { columns: { amount: "total" } }),
      'loadTransactionsText: column "total" given for amount (--amount) is not in text (columns: customer_id, date, amount)'],
    ["position out of range", () => load("a b c\n", { format: "whitespace", header: false, columns: { customerId: "1", date: "2", amount: "4" } }),
      'loadTransactionsText: column "4" given for amount (--amount) is not in text (columns: 1, 2, 3)'],
    ["empty text", () => load(""), "loadTransactionsText: text is empty (no header and no rows)"],
    ["bad date format", () => load("customer_id,date,amount\n", { dateFormat: "MM/YY" }),
      'loadTransactionsText: date format "MM/YY" needs exactly one YYYY, one MM or M and one DD or D (or use "iso", "yyyymmdd", "excel", "auto")'],
    ["bad from", () => load("customer_id,date,amount\n", { from: "2024-13-01" }), 'loadTransactionsText: --from "2024-13-01" is not a valid YYYY-MM-DD date'],
    ["from after to", () => load("customer_id,date,amount\n", { from: "2024-02-01", to: "2024-01-01" }), "loadTransactionsText: --from 2024-02-01 is after --to 2024-01-01"],
    ["bad decimal", () => load("customer_id,date,amount\n", { decimal: ";" as "." }), 'loadTransactionsText: decimal mark ";" must be "." or ","; use --decimal ,'],
    ["unknown format", () => load("x", { format: "parquet" }), 'loadTransactionsText: unknown format "parquet"; use --format csv|tsv|whitespace|json|jsonl|xlsx'],
    ["xlsx as text", () => load("x", { format: "xlsx" }), "loadTransactionsText: xlsx content cannot be given as text; load the file with the File loader"],
    ["unclosed quote", () => load('customer_id,date,amount\n"C1,2024-01-02,1\n'),
      "loadTransactionsText: text: the quote opened on line 2 is never closed; check the quoting of that row"],
    ["bad returns policy", () => load("customer_id,date,amount\n", { returns: "drop" as "net" }),
      'cleanTransactions: returns "drop" must be "net" or "exclude"; use --returns net|exclude'],
    ["bad duplicates policy", () => load("customer_id,date,amount\n", { duplicates: "x" as "keep" }),
      'cleanTransactions: duplicates "x" must be "keep" or "drop"; use --duplicates keep|drop'],
  ];
  it.each(cases)("%s", (_name, run, message) => {
    let caught: unknown;
    try {
      run();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(DataError);
    expect((caught as DataError).message).toBe(message);
    expect((caught as DataError).message).not.toContain("\n");
    expect((caught as DataError).name).toBe("DataError");
  });
});
