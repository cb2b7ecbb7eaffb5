// The realistic exports of test/fixtures/exports/ (written by make-exports.js): for each, the one
// place that says how to read it (the mapping flags a user would give, or crm inspect's proposal)
// and which report sections it must have and which it must leave out, with their reasons.
import { readFileSync } from "node:fs";
import path from "node:path";
import { REPO_ROOT } from "./shared-data.js";

/** The folder of the export fixtures. */
export const EXPORTS_DIR = path.join(REPO_ROOT, "test", "fixtures", "exports");

/** One export and what its report must show. */
export interface ExportFixture {
  readonly file: string;
  /** How to read the file: the mapping flags (see {@link mappingArgs} for where they come from). */
  readonly flags: readonly string[];
  /** Report options beyond the mapping (e.g. the currency of the amounts). */
  readonly reportFlags: readonly string[];
  /** Section ids the report must have with content. */
  readonly present: readonly string[];
  /** Section ids the report must leave out, with a pattern its one-line reason must match. */
  readonly leftOut: Readonly<Record<string, RegExp>>;
  /** Section ids the policy does not decide for this file (present or left out with a reason). */
  readonly either?: readonly string[];
  /** A pattern the text of a present section must match (e.g. the purchase log's lifetime value names what it lacks). */
  readonly sectionText?: Readonly<Record<string, RegExp>>;
}

const ALWAYS = ["data-quality", "customer-summary"];
const ALL_ON_SPEND = [...ALWAYS, "customer-value", "rfm-segments", "customer-clusters", "segment-migration", "lifetime-value", "propensity", "cohorts-retention"];
const NO_SIDE_FILES = { campaigns: /contacts.*--contacts/i, "service-impact": /service events.*--service-events/i };
const NO_PRODUCT = /--product|--category/;

/** The five exports, in the order make-exports.js writes them. */
export const EXPORT_FIXTURES: readonly ExportFixture[] = [
  {
    file: "shop.csv",
    flags: ["--customer", "Email", "--date", "Created at", "--amount", "Total", "--order-id", "Name", "--discount", "Discount Amount", "--freight", "Shipping"],
    reportFlags: ["--currency", "USD"],
    present: ALL_ON_SPEND,
    leftOut: { "cross-sell": NO_PRODUCT, ...NO_SIDE_FILES },
  },
  {
    file: "retail.csv",
    flags: ["--customer", "CustomerID", "--date", "InvoiceDate", "--date-format", "M/D/YYYY H:mm", "--quantity", "Quantity", "--unit-price", "UnitPrice",
      "--order-id", "InvoiceNo", "--product", "StockCode", "--cancel-prefix", "C"],
    reportFlags: ["--currency", "GBP"],
    present: [...ALL_ON_SPEND, "cross-sell"],
    leftOut: NO_SIDE_FILES,
  },
  {
    file: "pos.csv",
    flags: ["--delimiter", ";", "--decimal", ",", "--date-format", "DD.MM.YYYY", "--customer", "Kundennr", "--date", "Datum", "--amount", "Umsatz",
      "--order-id", "Bon-Nr", "--channel", "Filiale"],
    reportFlags: ["--currency", "EUR"],
    present: ALL_ON_SPEND,
    leftOut: { "cross-sell": NO_PRODUCT, ...NO_SIDE_FILES },
  },
  {
    file: "orders.xlsx",
    flags: ["--sheet", "Orders", "--customer", "Customer", "--date", "Order Date", "--date-format", "excel", "--amount", "Amount", "--order-id", "Order ID", "--channel", "Channel"],
    reportFlags: [],
    present: ALL_ON_SPEND,
    leftOut: { "cross-sell": NO_PRODUCT, ...NO_SIDE_FILES },
  },
  {
    file: "log.csv",
    flags: ["--customer", "member", "--date", "purchase_date"],
    reportFlags: [],
    present: [...ALWAYS, "rfm-segments", "lifetime-value", "propensity", "cohorts-retention"],
    leftOut: { "customer-value": /amount/i, "cross-sell": NO_PRODUCT, ...NO_SIDE_FILES },
    either: ["customer-clusters", "segment-migration"],
    sectionText: { "rfm-segments": /recency and frequency/i, "lifetime-value": /no amounts?|without amounts?|purchase log/i },
  },
];

/** Rows of each file and rows without a customer (rejected in the ledger), as make-exports.js wrote them. */
export function exportManifest(): Record<string, { rows: number; withoutCustomer: number }> {
  return JSON.parse(readFileSync(path.join(EXPORTS_DIR, "manifest.json"), "utf8")) as Record<string, { rows: number; withoutCustomer: number }>;
}

/**
 * The arguments that tell a command how to read a fixture: its explicit mapping flags, or (source
 * "inspect") the mapping file that `crm inspect --input F --out mapping.json` proposed.
 *
 * @example
 * ["report", "--input", file, ...mappingArgs(f, "flags")];
 * ["report", "--input", file, ...mappingArgs(f, "inspect", "/tmp/x/mapping.json")];
 */
export function mappingArgs(f: ExportFixture, source: "flags" | "inspect", mappingFile?: string): readonly string[] {
  if (source === "flags") return f.flags;
  if (mappingFile === undefined) throw new Error("mappingArgs: the inspect source needs the mapping file crm inspect wrote");
  return ["--mapping", mappingFile];
}

/** A report section found in the HTML: its id, whether it was left out (and why), and its text. */
export interface HtmlSection {
  readonly id: string;
  readonly leftOut: boolean;
  /** The one-line reason of a left-out section (its `<p class="left-out-reason">`), else "". */
  readonly reason: string;
  readonly text: string;
}

const plain = (html: string): string => html.replace(/<[^>]+>/g, " ").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&").replace(/\s+/g, " ").trim();

/** The sections of a report's HTML page (`<section id="s-ID" [class="left-out"]>` in `<main>`). */
export function htmlSections(html: string): HtmlSection[] {
  const sections: HtmlSection[] = [];
  const re = /<section id="s-([a-z0-9-]+)"([^>]*)>([\s\S]*?)<\/section>/g;
  for (let m = re.exec(html); m !== null; m = re.exec(html)) {
    const reason = /<p class="left-out-reason">([\s\S]*?)<\/p>/.exec(m[3]!);
    sections.push({
      id: m[1]!,
      leftOut: /class="[^"]*left-out/.test(m[2]!),
      reason: reason ? plain(reason[1]!).replace(/^Left out of this report:\s*/, "") : "",
      text: plain(m[3]!),
    });
  }
  return sections;
}
