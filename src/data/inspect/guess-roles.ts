import { parseNumber, type DecimalMark } from "../parse/parse-number.js";
import type { CanonicalField } from "../types.js";
import { type DateGuess, guessDateFormat } from "./guess-date-format.js";

/** A role a column can play: a canonical transactions field, or the currency of the amounts. */
export type ColumnRole = CanonicalField | "currency";

/** One column as {@link guessRoles} sees it. */
export interface ColumnGuess {
  /** 1-based position. */
  readonly position: number;
  /** Header name (`"1"`, `"2"`, ... without a header). */
  readonly name: string;
  /** Up to five distinct non-blank sample values, as written. */
  readonly samples: readonly string[];
  /** Blank cells among the sampled rows. */
  readonly blanks: number;
  /** What the values look like. */
  readonly kind: "empty" | "number" | "date" | "text";
  /** The role guessed, if any. */
  readonly role?: ColumnRole;
  /** The date format, for a column of dates. */
  readonly date?: DateGuess;
  /** A remark for the user, e.g. that the values carry currency symbols. */
  readonly note?: string;
}

type Rule = readonly [ColumnRole, readonly string[], readonly string[]];

/** Names (lower case, letters and digits only) that give a role: exact names first, then words contained. */
const RULES: readonly Rule[] = [
  ["customerId", ["customerid", "customer", "custid", "customerno", "customernumber", "customercode", "clientid", "client", "clientno", "userid", "user", "email", "emailaddress", "customeremail", "memberid", "member", "buyerid", "buyer", "accountid", "account", "shopperid", "contactid", "kundennr", "kundennummer", "kundenid", "kunde", "clientnr", "numeroclient"], ["customer", "client", "email", "member", "user", "buyer", "shopper"]],
  ["date", ["date", "invoicedate", "orderdate", "purchasedate", "transactiondate", "saledate", "salesdate", "createdat", "created", "timestamp", "datetime", "orderdatetime", "day", "paidat", "processedat", "time"], ["date", "time", "created"]],
  ["orderId", ["orderid", "order", "orderno", "ordernumber", "invoiceno", "invoice", "invoiceid", "invoicenumber", "transactionid", "transaction", "receipt", "receiptno", "receiptid", "basketid", "ticket", "ticketid", "billno"], ["order", "invoice", "receipt", "basket"]],
  ["amount", ["amount", "total", "totalamount", "ordertotal", "revenue", "sales", "salesamount", "value", "ordervalue", "totalprice", "linetotal", "net", "netamount", "gross", "grossamount", "spend", "subtotal", "totalsales", "saleamount", "turnover"], ["amount", "total", "revenue", "sales", "spend", "turnover"]],
  ["quantity", ["quantity", "qty", "units", "unitssold", "quantityordered", "pieces", "count", "items"], ["quantity", "qty"]],
  ["unitPrice", ["unitprice", "price", "priceeach", "itemprice", "priceperunit"], ["price"]],
  ["productId", ["productid", "product", "stockcode", "sku", "itemid", "item", "productcode", "itemcode", "article", "articleno", "ean", "upc", "barcode"], ["sku", "stockcode", "product"]],
  ["category", ["category", "productcategory", "department", "productline", "categoryname", "family", "productgroup"], ["category", "department"]],
  ["channel", ["channel", "saleschannel", "source", "store", "storeid", "shop", "outlet", "medium"], ["channel"]],
  ["cost", ["cost", "cogs", "costofgoods", "costofgoodssold", "totalcost", "linecost"], ["cogs"]],
  ["discount", ["discount", "discountamount", "totaldiscount", "discounts", "rebate"], ["discount"]],
  ["freight", ["freight", "shipping", "shippingcost", "delivery", "deliverycost", "handling", "postage", "shippingfee"], ["freight", "shipping"]],
  ["returnedQuantity", ["returnedquantity", "returnqty", "returnedqty", "returnedunits"], []],
  ["returnedAmount", ["returnedamount", "refund", "refundamount", "refunded", "refundedamount", "returnamount"], ["refund"]],
  ["currency", ["currency", "currencycode", "curr", "ccy"], ["currency"]],
];

/** Words that make a contained match unlikely to be the role (a customer's name is not its id). */
const NOT_ID = /name|country|city|state|zip|type|segment|since|age|gender|status|phone|address|count|date|time/;
const NUMERIC: ReadonlySet<ColumnRole> = new Set(["amount", "quantity", "unitPrice", "cost", "discount", "freight", "returnedQuantity", "returnedAmount"]);
const CURRENCY_MARK = /[$€£¥₹]|^[A-Z]{3}\s*[+-]?\d|\d\s*[A-Z]{3}$/;

/**
 * Profiles the columns of a sample and guesses the role of each: by its name first (customer,
 * client, user, email, member ... for the customer id; date, invoice date, created at ... for the
 * date; amount, total, revenue, sales, value ...; quantity and unit price; order/invoice id;
 * product/SKU/stock code; category; channel; cost; discount; freight; currency), checked against
 * the values (a date column must hold dates, an amount numbers); then, for files without usable
 * names, by the values alone (the first column of dates, the last column of decimal numbers, the
 * first other column as the customer id). Each role goes to one column at most.
 *
 * @param header - column names
 * @param rows - sample rows (cell texts)
 * @param decimal - the decimal mark of the numbers
 * @returns one guess per column, in order
 * @example
 * guessRoles(["CustomerID", "InvoiceDate", "Total"], [["17850.0", "12/1/2010 8:26", "15.30"]], ".").map((c) => c.role);
 * // ["customerId", "date", "amount"]
 */
export function guessRoles(header: readonly string[], rows: readonly (readonly string[])[], decimal: DecimalMark): readonly ColumnGuess[] {
  const profiles = header.map((name, i) => profile(name, i, rows.map((r) => r[i] ?? ""), decimal));
  const roles = new Map<number, ColumnRole>();
  const taken = new Set<ColumnRole>();
  const give = (i: number, role: ColumnRole) => (roles.set(i, role), taken.add(role));
  // by name: exact names (score 2) before contained words (score 1), in rule order
  for (const score of [2, 1]) {
    for (const [role, exact, words] of RULES) {
      if (taken.has(role)) continue;
      const i = profiles.findIndex((p, k) => !roles.has(k) && nameScore(p.key, exact, words, role) === score && fits(p, role));
      if (i >= 0) give(i, role);
    }
  }
  // "price" with no quantity is the line's amount
  const price = [...roles].find(([, r]) => r === "unitPrice");
  if (price !== undefined && !taken.has("amount") && !taken.has("quantity")) (roles.set(price[0], "amount"), taken.delete("unitPrice"), taken.add("amount"));
  // by values
  const free = (k: number) => !roles.has(k) && profiles[k]!.kind !== "empty";
  if (!taken.has("date")) {
    const i = profiles.findIndex((p, k) => free(k) && p.kind === "date");
    if (i >= 0) give(i, "date");
  }
  if (!taken.has("amount") && !(taken.has("quantity") && taken.has("unitPrice"))) {
    let i = profiles.length - 1;
    while (i >= 0 && !(free(i) && profiles[i]!.kind === "number" && profiles[i]!.fractional)) i--;
    if (i >= 0) give(i, "amount");
  }
  if (!taken.has("orderId")) {
    // Shop exports name the order "#1001" in a column called Name.
    const i = profiles.findIndex((p, k) => free(k) && p.guess.samples.length > 0 && p.guess.samples.every((v) => /^#\d+$/.test(v)));
    if (i >= 0) give(i, "orderId");
  }
  if (!taken.has("customerId")) {
    // No name matched: the customer is the column of ids that repeat (customers come back) with
    // the most distinct values: not a store or a payment type (few values), not a receipt number
    // (every value new), not a time of day.
    const rows = Math.max(...profiles.map((p) => p.values));
    let i = -1;
    profiles.forEach((p, k) => {
      if (!free(k) || p.fractional || p.distinct < 2 || p.distinct >= rows || /^\d{1,2}:\d{2}/.test(p.guess.samples[0] ?? "")) return;
      if (i < 0 || p.distinct > profiles[i]!.distinct) i = k;
    });
    if (i >= 0) give(i, "customerId");
  }
  return Object.freeze(profiles.map((p, i) => Object.freeze({ ...p.guess, ...(roles.has(i) ? { role: roles.get(i)! } : {}) })));
}

interface Profile {
  readonly key: string;
  readonly kind: ColumnGuess["kind"];
  readonly fractional: boolean;
  readonly distinct: number;
  /** Non-blank values in the sample. */
  readonly values: number;
  readonly guess: ColumnGuess;
}

function profile(name: string, i: number, cells: readonly string[], decimal: DecimalMark): Profile {
  const values = cells.map((c) => c.trim()).filter((c) => c !== "");
  const samples = [...new Set(values)].slice(0, 5);
  const numbers = values.map((v) => parseNumber(v, decimal));
  const numeric = values.length > 0 && numbers.filter((x) => x !== null).length / values.length >= 0.9;
  const marked = !numeric && values.length > 0 && values.filter((v) => CURRENCY_MARK.test(v) && parseNumber(v.replace(/[$€£¥₹]|[A-Z]{3}/g, ""), decimal) !== null).length / values.length >= 0.9;
  const date = numeric && !values.every((v) => /^\d{8}$/.test(v)) ? undefined : guessDateFormat(values);
  const kind = values.length === 0 ? "empty" : date !== undefined ? "date" : numeric || marked ? "number" : "text";
  const note = marked ? "the values carry currency symbols or codes, which crm does not accept in numbers: remove them (re-export, or a find-and-replace)" : undefined;
  return {
    key: name.toLowerCase().replace(/[^a-z0-9]/g, ""),
    kind,
    fractional: numbers.some((x) => x !== null && !Number.isInteger(x)),
    distinct: new Set(values).size,
    values: values.length,
    guess: { position: i + 1, name, samples, blanks: cells.length - values.length, kind, ...(date ? { date } : {}), ...(note ? { note } : {}) },
  };
}

function nameScore(key: string, exact: readonly string[], words: readonly string[], role: ColumnRole): number {
  if (key === "") return 0;
  if (exact.includes(key)) return 2;
  if ((role === "customerId" || role === "orderId" || role === "productId") && NOT_ID.test(key)) return 0;
  return words.some((w) => key.includes(w)) ? 1 : 0;
}

function fits(p: Profile, role: ColumnRole): boolean {
  if (p.kind === "empty") return false;
  if (role === "date") return p.kind === "date";
  if (NUMERIC.has(role)) return p.kind === "number";
  if (role === "currency") return p.kind === "text";
  return true;
}
