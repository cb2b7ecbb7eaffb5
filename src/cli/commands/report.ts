import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, databaseFlags, loadInputFlags } from "../input-flags.js";
import { packageRoot, sampleTransactionsPath } from "../package-root.js";
import { choiceFlag, intFlag, parseFlags, stringFlag, numberFlag } from "../parse-flags.js";
import { startStep, step, type StepHandle } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { generatedAtOption } from "../generated-at-option.js";
import { transactionColumns } from "../../data/columns/transaction-columns.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import { loadCustomersFile } from "../../data/load/load-customers.js";
import { loadServiceEventsFile } from "../../data/load/load-service-events.js";
import { loadCampaignContactsFile } from "../../data/load/load-campaign-contacts.js";
import { buildReportSectionBySection } from "../../reports/build-report-section-by-section.js";
import { REPORT_SECTIONS } from "../../reports/sections/registry.js";
import { PURCHASE_MODEL_IDS } from "../../models/registry.js";
import { writeReports } from "../../reports/write-reports.js";
import { anonymiseReport, DEFAULT_ANONYMISE_KEY } from "../../reports/anonymise-report.js";
import { pdfBrowser } from "../../reports/pdf/pdf-browser.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { loadSummaryFile } from "../../summary/load-summary-file.js";
import { loadServiceCostTableFile } from "../../value/lines/load-service-cost-table.js";

/** The report sections `--sections` can name, in report order: the registry's, but for those every report has. */
const SECTIONS: readonly string[] = REPORT_SECTIONS.filter((s) => !s.core).map((s) => s.id);

/** The sections whose analysis computes something for every customer of the summary: their done line counts the customers. */
const PER_CUSTOMER: ReadonlySet<string> = new Set(["customer-value", "rfm-segments", "customer-clusters", "segment-migration", "lifetime-value", "propensity", "cohorts-retention"]);

/** `  id                 help`, the help wrapped at 100 columns under itself (a parenthesis kept whole). */
function sectionHelpLines(): string {
  const indent = " ".repeat(21);
  return REPORT_SECTIONS.filter((s) => !s.core).map((s) => {
    const lines: string[] = [];
    let line = `  ${s.id.padEnd(17)}  `;
    for (const unit of s.help.match(/\([^)]*\)\S*|\S+/g) ?? []) {
      if (line.length + unit.length > 100 && line.length > indent.length) {
        lines.push(line.trimEnd());
        line = indent;
      }
      line += `${unit} `;
    }
    return [...lines, line.trimEnd()].join("\n");
  }).join("\n");
}

const HELP = `crm report: write the manager reports (Excel workbook and self-contained HTML page)

Usage: crm report [--input FILE] [--out DIR] [--title T] [--subtitle S] [--currency USD]
                  [--sections a,b,...] [--locale de-DE] [--top N] [--generated-at ISO]
                  [--anonymise [--anonymise-key K]] [--pdf]
                  [--service-events F] [--customers F] [--costs costs.json] [mapping flags]
       crm report --db postgresql://USER@HOST:PORT/DB --table T [the same flags]
       crm report --summary SUMMARY.csv [--time-unit U] [--observation-end D] [report flags]

Writes customer-report.xlsx and customer-report.html (and with --pdf customer-report.pdf) into
DIR (default reports/) as one set: all are written to temporary files in DIR, then renamed
together, so DIR holds the old reports or the new ones, never a mix (temporary files of a run
that was killed are removed by the next run). Prints their paths. Without --input it uses the bundled sample
(data/sample/transactions.csv, with its service_events.csv and customers.csv). The HTML works
offline: Plotly is inlined, nothing is fetched.

From PostgreSQL (--db, --table): the rows are read through a server-side cursor in batches and
validated here as a file's (same mapping flags, same rules, every rejected row in the data-quality
section with its row number); every analysis runs here.
From a customer summary (--summary: the CSV of crm summary, or the result of crm sql summary's
SQL saved as CSV): the sections that need only the summary run (customer summary, RFM segments,
customer clusters); the others are left out, each saying that it needs the transactions. The
calibration end and time unit are found from the file's first_purchase and T.

Sections: ${REPORT_SECTIONS.filter((s) => s.core).map((s) => s.title.toLowerCase()).join(" and ")} always; then (all by default, or those named in
--sections): ${SECTIONS.join(", ")}.
${sectionHelpLines()}

Report:
  -o, --out DIR             output folder (default reports)
      --title T             report title (default "Customer report")
      --subtitle S          what the data are, under the title (default: the input file's name)
      --currency C          ISO 4217 code of the amounts, shown with every amount (default: none,
                            amounts as in the data; the bundled sample: EUR)
      --sections LIST       comma-separated sections to include (default: all)
      --locale L            number and date style of the reports, a BCP 47 tag such as de-DE
                            (1.234,50 EUR; 02.01.2024; 3. Dezember 2026, 14:05 UTC)
                            (default: 1,234.50 EUR, ISO dates, 3 December 2026, 14:05 UTC)
      --generated-at T      the time stamp the reports carry, ISO 8601 (2026-12-03T14:05:00Z or
                            2026-12-03); default: $SOURCE_DATE_EPOCH (seconds since 1970) when set,
                            else now. With either, two runs on the same input and options write
                            byte-identical HTML and Excel files
      --top N               rows in the top-customer tables (default 20)
      --anonymise           replace customer ids by pseudonyms ("C-1f3a9b2c") in every output:
                            HMAC-SHA256 of the id with --anonymise-key; the same id always gets
                            the same pseudonym
      --anonymise-key K     the secret key of the pseudonyms (default: a fixed public key, so
                            WITHOUT A SECRET KEY PSEUDONYMS CAN BE REVERSED by hashing candidate
                            ids: pass your own secret for real pseudonymisation)
      --pdf                 also print the HTML to customer-report.pdf with headless Chromium
                            (/usr/bin/chromium or chromium on PATH; skipped with a note when absent)
      --observation-end D   last day observed (default: the last transaction date)
      --time-unit U         day | week | month (default week)
      --json                print {"html": path, "xlsx": path[, "pdf": path]} as one JSON object
      --summary FILE        make the report from a customer-summary file instead of transactions
Customer value, propensity, service impact, campaigns:
      --service-events F    service events (customer_id,date,type) priced into the cost to serve
      --contacts F          campaign contacts (customer_id,campaign_id,date,group,responded,...)
      --cost-per-contact C  campaign cost per contact for the ROI (default 1)
      --customers F         customers (customer_id,acquisition_channel,region,...)
      --costs F             cost table JSON (see crm value --help)
      --margin-rate R       margin rate (0.4 = 40 %) assumed when no line has a known cost (without it
                            and without a cost column, margin and net contribution are shown as unknown)
Segment migration:
      --migration-from D    first date (default: 91 days before the observation end)
      --migration-to D      second date (default: the observation end)
Lifetime value:
      --calibration-end D   end of the data the model is fitted on for the holdout check
                            (default: 26 weeks before the observation end, or a quarter of the span)
      --model M             ${PURCHASE_MODEL_IDS.join(" | ")} (default bg-nbd)
      --discount-rate D     discount rate per month (default 0.008, about 10 % a year)
      --margin M            share of spend that is profit (default 1: CLV in revenue)
${INPUT_HELP}
  -h, --help                this help`;

function parseSections(text: string | undefined): readonly string[] {
  if (text === undefined) return SECTIONS;
  const names = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  for (const n of names) {
    if (!SECTIONS.includes(n)) throw new UsageError(`crm report: --sections names unknown section "${n}"; sections: ${SECTIONS.join(", ")}`);
  }
  return [...new Set(names)];
}

function parseLocale(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  let tag: string | undefined;
  try {
    tag = Intl.getCanonicalLocales(text)[0];
  } catch {
    tag = undefined;
  }
  if (tag === undefined || Intl.NumberFormat.supportedLocalesOf(tag).length === 0) {
    throw new UsageError(`crm report: --locale must be a language tag this Node supports, such as en-GB or de-DE (got "${text}")`);
  }
  return tag;
}

/**
 * A side table read already, as a loader that hands it over on its first call and forgets it (so
 * that the analyses alone hold it, and let it go after its last section); a later call reads the
 * file again.
 */
function handOver<T>(value: T, reload: () => Promise<T>): () => Promise<T> {
  let held: T | undefined = value;
  return async () => {
    const v = held ?? (await reload());
    held = undefined;
    return v;
  };
}

/** `crm report`: the Excel and HTML manager reports of a transactions file. */
export const reportCommand: Command = {
  name: "report",
  summary: "write the Excel and HTML manager reports (default: from the bundled sample)",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags("report", argv, {
      ...INPUT_FLAGS,
      out: { type: "string", short: "o" },
      title: { type: "string" },
      subtitle: { type: "string" },
      "generated-at": { type: "string" },
      currency: { type: "string" },
      sections: { type: "string" },
      "calibration-end": { type: "string" },
      "observation-end": { type: "string" },
      "time-unit": { type: "string" },
      "service-events": { type: "string" },
      customers: { type: "string" },
      costs: { type: "string" },
      "margin-rate": { type: "string" },
      contacts: { type: "string" },
      "cost-per-contact": { type: "string" },
      "migration-from": { type: "string" },
      "migration-to": { type: "string" },
      model: { type: "string" },
      "discount-rate": { type: "string" },
      margin: { type: "string" },
      json: { type: "boolean" },
      locale: { type: "string" },
      top: { type: "string" },
      anonymise: { type: "boolean" },
      "anonymise-key": { type: "string" },
      pdf: { type: "boolean" },
      summary: { type: "string" },
    });
    const summaryFile = stringFlag(flags, "summary");
    const db = databaseFlags("report", flags);
    if (summaryFile !== undefined && (db !== undefined || stringFlag(flags, "input") !== undefined)) {
      throw new UsageError("crm report: give transactions (--input or --db/--table) or a customer summary (--summary), not both");
    }
    const timeUnit = choiceFlag("report", flags, "time-unit", ["day", "week", "month"] as const, "week");
    const currencyFlag = stringFlag(flags, "currency");
    const generatedAt = generatedAtOption("crm report", stringFlag(flags, "generated-at"), process.env.SOURCE_DATE_EPOCH);
    if (currencyFlag !== undefined && !/^[A-Z]{3}$/.test(currencyFlag)) throw new UsageError(`crm report: --currency must be a 3-letter ISO code such as EUR or USD (got "${currencyFlag}")`);
    const sections = parseSections(stringFlag(flags, "sections"));
    const locale = parseLocale(stringFlag(flags, "locale"));
    const topN = intFlag("report", flags, "top", 1, 100_000, 20);
    const anonymiseKey = stringFlag(flags, "anonymise-key");
    if (anonymiseKey !== undefined && flags.anonymise !== true) throw new UsageError("crm report: --anonymise-key needs --anonymise");
    if (anonymiseKey === "") throw new UsageError("crm report: --anonymise-key must not be empty");
    // No --model: BG/NBD, or the next model that identifies the data (the report says which and why).
    const model = flags.model === undefined ? undefined : choiceFlag("report", flags, "model", PURCHASE_MODEL_IDS, "bg-nbd");
    const rate = (name: string, fallback: number, max: number): number =>
      numberFlag("report", flags, name, (x) => x >= 0 && x <= max, `a number from 0 to ${max}`) ?? fallback;
    const discountRatePerPeriod = rate("discount-rate", 0.008, 1);
    const margin = rate("margin", 1, 1);
    const usingSample = stringFlag(flags, "input") === undefined && db === undefined && summaryFile === undefined;
    const sampleFile = (name: string): string | undefined => {
      const f = path.join(packageRoot(), "data", "sample", name);
      return usingSample && existsSync(f) ? f : undefined;
    };
    const eventsFile = stringFlag(flags, "service-events", sampleFile("service_events.csv"));
    const customersFile = stringFlag(flags, "customers", sampleFile("customers.csv"));
    const contactsFile = stringFlag(flags, "contacts", sampleFile("campaign_contacts.csv"));
    const costPerContact = rate("cost-per-contact", 1, 1e6);
    const assumedMarginRate = numberFlag("report", flags, "margin-rate", (x) => x >= 0 && x < 1, "a number from 0 to below 1, e.g. 0.4 for 40 %");
    const outFolder = stringFlag(flags, "out", "reports")!;
    await checkOutFlags("report", { ...flags, out: outFolder }, { kind: "folder", fallbackInput: sampleTransactionsPath() });
    // The report's own files must not be folders: found before any work, not after it.
    for (const ext of ["html", "xlsx", ...(flags.pdf === true ? ["pdf"] : [])]) {
      const target = path.join(outFolder, `customer-report.${ext}`);
      if (existsSync(target) && statSync(target).isDirectory()) throw new UsageError(`crm report: ${target} is a folder, where the report file is to be written; move it away or choose another --out`);
    }
    const costsFile = stringFlag(flags, "costs");
    const costs = costsFile === undefined ? undefined : await loadServiceCostTableFile(costsFile);

    const observationEnd = stringFlag(flags, "observation-end");
    const fromSummary = summaryFile === undefined ? undefined : await step(io, `reading ${summaryFile}`, () =>
      loadSummaryFile(summaryFile, { caller: "crm report", observationEnd, ...(flags["time-unit"] === undefined ? {} : { timeUnit }) }));
    if (fromSummary) io.err(`crm: ${summaryFile}: rows read ${fromSummary.ledger.read}, used ${fromSummary.ledger.used}, rejected ${fromSummary.ledger.rejected.length}; calibration end ${fromSummary.summary.calibrationEnd}, time unit ${fromSummary.summary.timeUnit}`);
    const loaded = fromSummary ? undefined : await loadInputFlags("report", flags, io, sampleTransactionsPath(), observationEnd);
    const transactions = loaded?.transactions;
    const ledger = fromSummary?.ledger ?? loaded!.ledger;
    // No currency unless one is given (--currency, or the --mapping file that crm inspect wrote);
    // amounts are then shown as in the data. The bundled sample's are EUR.
    const currency = currencyFlag ?? loaded?.currency ?? (usingSample ? "EUR" : "");
    const summary = fromSummary?.summary ?? await step(io, "customer summary", () => customerSummary(transactions!, { observationEnd, timeUnit }), { unit: "customers", count: (s) => s.length });
    // The side files are read here, before any analysis (a wrong path stops the report at once),
    // and handed over to the analyses, which let each go after the last section that uses it.
    const serviceEvents = eventsFile === undefined ? undefined : handOver((await step(io, `reading ${eventsFile}`, () => loadServiceEventsFile(eventsFile))).events,
      async () => (await loadServiceEventsFile(eventsFile)).events);
    const customers = customersFile === undefined ? undefined : handOver((await step(io, `reading ${customersFile}`, () => loadCustomersFile(customersFile))).customers,
      async () => (await loadCustomersFile(customersFile)).customers);
    const migrationTo = stringFlag(flags, "migration-to");
    if (migrationTo !== undefined) isoDayOption(migrationTo, "crm report", "--migration-to");
    // One analysis that cannot be done on these data (a model that does not converge, too few
    // customers, a missing file) leaves its section out with the reason, instead of losing the
    // whole report; the contacts are read only when the campaigns section runs.
    // Each analysis is a step; those that compute a figure for every customer count them in their done line.
    // Each section is built as soon as its analysis is done, and the analysis's result let go.
    let analysis: StepHandle | undefined;
    const built = await buildReportSectionBySection({
      transactions,
      summary,
      serviceEvents,
      customers,
      contacts: contactsFile === undefined ? undefined : async () => (await step(io, `reading ${contactsFile}`, () => loadCampaignContactsFile(contactsFile))).contacts,
      costs,
    }, {
      ledger,
      title: stringFlag(flags, "title"),
      subtitle: stringFlag(flags, "subtitle") ?? (usingSample ? "Bundled sample: a simulated retailer" : undefined),
      dataName: usingSample ? "the bundled sample (transactions.csv)" : summaryFile !== undefined ? `the customer summary ${path.basename(summaryFile)}` : undefined,
      currency,
      generatedAt,
      topN,
      columns: transactions === undefined ? undefined : transactionColumns(transactions),
    }, {
      sections,
      observationEnd,
      timeUnit: fromSummary ? summary.timeUnit : timeUnit,
      calibrationEnd: stringFlag(flags, "calibration-end"),
      model,
      discountRatePerPeriod,
      margin,
      assumedMarginRate,
      costPerContact,
      migrationFrom: stringFlag(flags, "migration-from"),
      migrationTo,
      onProgress: (e) => {
        // Interim lines (or the bar) count the analysis's own units (stages); the done line counts customers.
        if (e.phase === "start") analysis = startStep(io, e.label, { unit: e.unit });
        else if (e.phase === "progress") {
          analysis?.update(e.done, e.total);
          return;
        } else if (e.phase === "done") analysis?.done(PER_CUSTOMER.has(e.id) ? summary.length : null, { unit: "customers" });
        else {
          analysis?.fail();
          io.err(`crm report: ${e.label}: left out (${e.reason})`);
        }
        if (e.phase !== "start") analysis = undefined;
      },
    });
    // Pseudonyms go into the model, so every renderer (HTML, Excel, PDF) gets them.
    const report = flags.anonymise === true ? anonymiseReport(built, { key: anonymiseKey ?? DEFAULT_ANONYMISE_KEY }) : built;
    const outDir = path.resolve(stringFlag(flags, "out", "reports")!);
    const pdf = flags.pdf === true && pdfBrowser() !== undefined;
    if (flags.pdf === true && !pdf) io.err("crm report: --pdf skipped: no Chromium found (/usr/bin/chromium or chromium on PATH); the HTML and Excel reports are written");
    const paths = await step(io, `writing reports to ${outDir}${pdf ? " (the PDF printed with headless Chromium)" : ""}`, () =>
      writeReports(report, outDir, { locale, pdf }),
    );
    io.out(flags.json === true ? JSON.stringify(paths) : [paths.html, paths.xlsx, ...(paths.pdf ? [paths.pdf] : [])].join("\n"));
    return 0;
  },
};
