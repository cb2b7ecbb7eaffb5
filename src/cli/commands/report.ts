import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { packageRoot, sampleTransactionsPath } from "../package-root.js";
import { choiceFlag, intFlag, parseFlags, stringFlag, numberFlag } from "../parse-flags.js";
import { step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { generatedAtOption } from "../generated-at-option.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";
import { formatDay } from "../../data/parse/format-day.js";
import { transactionColumns } from "../../data/columns/transaction-columns.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import { loadCustomersFile } from "../../data/load/load-customers.js";
import { loadServiceEventsFile } from "../../data/load/load-service-events.js";
import { loadCampaignContactsFile } from "../../data/load/load-campaign-contacts.js";
import { basketAnalysis } from "../../insights/baskets/basket-analysis.js";
import { campaignUplift } from "../../insights/campaigns/campaign-uplift.js";
import { cohortAnalysis } from "../../insights/cohorts/cohort-analysis.js";
import { serviceImpact } from "../../insights/service/service-impact.js";
import { propensityAnalysis } from "../../models/propensity/propensity.js";
import { lifetimeValueAnalysis } from "../../models/clv/lifetime-value-analysis.js";
import { buildCustomerReport } from "../../reports/build-customer-report.js";
import { writeReports } from "../../reports/write-reports.js";
import { anonymiseReport, DEFAULT_ANONYMISE_KEY } from "../../reports/anonymise-report.js";
import { pdfBrowser } from "../../reports/pdf/pdf-browser.js";
import { clusterCustomers } from "../../segments/clusters/cluster-customers.js";
import { rfmAnalysis } from "../../segments/rfm/rfm-analysis.js";
import { rfmMigration } from "../../segments/migration/rfm-migration.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { customerValue } from "../../value/customer-value.js";
import { loadServiceCostTableFile } from "../../value/lines/load-service-cost-table.js";

/** The report sections `--sections` can name, in report order. */
const SECTIONS = [
  "customer-value", "rfm-segments", "customer-clusters", "segment-migration", "lifetime-value",
  "propensity", "cohorts-retention", "cross-sell", "campaigns", "service-impact",
] as const;
type SectionName = (typeof SECTIONS)[number];

const HELP = `crm report: write the manager reports (Excel workbook and self-contained HTML page)

Usage: crm report [--input FILE] [--out DIR] [--title T] [--subtitle S] [--currency USD]
                  [--sections a,b,...] [--locale de-DE] [--top N] [--generated-at ISO]
                  [--anonymise [--anonymise-key K]] [--pdf]
                  [--service-events F] [--customers F] [--costs costs.json] [mapping flags]

Writes customer-report.xlsx and customer-report.html (and with --pdf customer-report.pdf) into
DIR (default reports/) as one set: all are written to temporary files in DIR, then renamed
together, so DIR holds the old reports or the new ones, never a mix (temporary files of a run
that was killed are removed by the next run). Prints their paths. Without --input it uses the bundled sample
(data/sample/transactions.csv, with its service_events.csv and customers.csv). The HTML works
offline: Plotly is inlined, nothing is fetched.

Sections: data quality and customer summary always; then (all by default, or those named in
--sections): ${SECTIONS.join(", ")}.
  customer-value     lifetime sales, margin, discounts, freight, cost to serve, the whale curve, ABC
  rfm-segments       RFM scores, the named segments with actions, the R x F heatmap, usage tiers
  customer-clusters  k-means clusters (k chosen by silhouette) with readable profiles
  segment-migration  RFM segments at --migration-from vs --migration-to (default: the last 91 days)
  lifetime-value     purchase model checked on a holdout after --calibration-end, refitted on all
                     data; P(alive), CLV over the next 12 months discounted monthly, with intervals
  propensity         who buys again in the next 90 days: logistic model vs BG/NBD, risk bands
  cohorts-retention  monthly cohorts, survival by channel, sBG projection, the retention what-if
  cross-sell         category association rules and next-best products
  campaigns          response, uplift with its interval, ROI (needs --contacts; the sample has them)
  service-impact     retention and spend after complaints, late deliveries, returns, contacts
                     (needs --service-events; the sample has them)

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
      --model M             bg-nbd | pareto-nbd | mbg-nbd (default bg-nbd)
      --discount-rate D     discount rate per month (default 0.008, about 10 % a year)
      --margin M            share of spend that is profit (default 1: CLV in revenue)
${INPUT_HELP}
  -h, --help                this help`;

function parseSections(text: string | undefined): ReadonlySet<SectionName> {
  if (text === undefined) return new Set(SECTIONS);
  const names = text.split(",").map((s) => s.trim()).filter((s) => s !== "");
  for (const n of names) {
    if (!(SECTIONS as readonly string[]).includes(n)) throw new UsageError(`crm report: --sections names unknown section "${n}"; sections: ${SECTIONS.join(", ")}`);
  }
  return new Set(names as SectionName[]);
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
    });
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
    const model = flags.model === undefined ? undefined : choiceFlag("report", flags, "model", ["bg-nbd", "pareto-nbd", "mbg-nbd"] as const, "bg-nbd");
    const rate = (name: string, fallback: number, max: number): number =>
      numberFlag("report", flags, name, (x) => x >= 0 && x <= max, `a number from 0 to ${max}`) ?? fallback;
    const discountRatePerPeriod = rate("discount-rate", 0.008, 1);
    const margin = rate("margin", 1, 1);
    const usingSample = stringFlag(flags, "input") === undefined;
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
    const loaded = await loadInputFlags("report", flags, io, sampleTransactionsPath(), observationEnd);
    const { transactions, ledger } = loaded;
    // No currency unless one is given (--currency, or the --mapping file that crm inspect wrote);
    // amounts are then shown as in the data. The bundled sample's are EUR.
    const currency = currencyFlag ?? loaded.currency ?? (usingSample ? "EUR" : "");
    const summary = await step(io, "customer summary", () => customerSummary(transactions, { observationEnd, timeUnit }));
    // One analysis that cannot be done on these data (a model that does not converge, too few
    // customers) leaves its section out with the reason, instead of losing the whole report.
    const omitted: { readonly section: string; readonly reason: string }[] = [];
    const analysis = async <T>(label: string, work: () => Promise<T> | T): Promise<T | undefined> => {
      try {
        return await step(io, label, work);
      } catch (error) {
        if (!(error instanceof AnalysisNotPossibleError)) throw error;
        const reason = error.message.split("\n")[0]!;
        io.err(`crm report: ${label}: left out (${reason})`);
        omitted.push({ section: label, reason });
        return undefined;
      }
    };
    const serviceEvents = eventsFile === undefined ? undefined : (await step(io, `reading ${eventsFile}`, () => loadServiceEventsFile(eventsFile))).events;
    const customers = customersFile === undefined ? undefined : (await step(io, `reading ${customersFile}`, () => loadCustomersFile(customersFile))).customers;
    const migrationTo = stringFlag(flags, "migration-to", summary.observationEnd)!;
    const migrationFrom = stringFlag(flags, "migration-from") ?? formatDay(isoDayOption(migrationTo, "crm report", "--migration-to") - 91);

    const customerValueResult = sections.has("customer-value")
      ? await analysis("customer value", () => customerValue(transactions, { serviceEvents, customers, costs, assumedMarginRate }))
      : undefined;
    const rfm = sections.has("rfm-segments") ? await analysis("RFM segments", () => rfmAnalysis(summary)) : undefined;
    const clusters = sections.has("customer-clusters") ? await analysis("customer clusters (k chosen by silhouette)", () => clusterCustomers(summary, { k: "auto", seed: 1 })) : undefined;
    const migration = sections.has("segment-migration")
      ? await analysis(`segment migration ${migrationFrom} to ${migrationTo}`, () => rfmMigration(transactions, { from: migrationFrom, to: migrationTo }))
      : undefined;
    const lifetimeValue = sections.has("lifetime-value")
      ? await analysis(`lifetime value (${model ?? "bg-nbd"}, Gamma-Gamma, CLV with bootstrap interval)`, () =>
          lifetimeValueAnalysis(transactions, {
            model,
            observationEnd,
            calibrationEnd: stringFlag(flags, "calibration-end"),
            timeUnit,
            discountRatePerPeriod,
            margin,
          }),
        )
      : undefined;
    const propensity = sections.has("propensity")
      ? await analysis("propensity (who buys again in the next 90 days)", () => propensityAnalysis(transactions, { serviceEvents }))
      : undefined;
    const cohorts = sections.has("cohorts-retention") ? await analysis("cohorts and retention", () => cohortAnalysis(transactions, { observationEnd })) : undefined;
    // A section that needs a column or a file the input does not have is left out with one sentence naming it.
    const leaveOut = (section: string, reason: string): undefined => {
      io.err(`crm report: ${section}: left out (${reason})`);
      omitted.push({ section, reason });
      return undefined;
    };
    const basketLevel = transactions.category ? "category" : transactions.productId ? "product" : undefined;
    const basket = !sections.has("cross-sell")
      ? undefined
      : basketLevel === undefined
        ? leaveOut("cross-sell (association rules)", "the transactions have no product or category column; map one with --product COL or --category COL")
        : await analysis("cross-sell (association rules)", () => basketAnalysis(transactions, { level: basketLevel }));
    const contacts = sections.has("campaigns") && contactsFile !== undefined
      ? (await step(io, `reading ${contactsFile}`, () => loadCampaignContactsFile(contactsFile))).contacts
      : undefined;
    const campaign = contacts
      ? await analysis("campaign uplift", () => campaignUplift(contacts, { transactions, costPerContact }))
      : sections.has("campaigns")
        ? leaveOut("campaign uplift", "needs a campaign contacts file (customer_id,campaign_id,date,group,responded); give it with --contacts FILE")
        : undefined;
    const service = !sections.has("service-impact")
      ? undefined
      : serviceEvents
        ? await analysis("service impact", () => serviceImpact(transactions, serviceEvents))
        : leaveOut("service impact", "needs a service events file (customer_id,date,type: complaints, late deliveries, returns, contacts); give it with --service-events FILE");
    const built = buildCustomerReport({
      ledger,
      summary,
      title: stringFlag(flags, "title"),
      subtitle: stringFlag(flags, "subtitle") ?? (usingSample ? "Bundled sample: a simulated retailer" : undefined),
      dataName: usingSample ? "the bundled sample (transactions.csv)" : undefined,
      currency,
      generatedAt,
      topN,
      columns: transactionColumns(transactions),
      customerValue: customerValueResult,
      rfm,
      clusters,
      migration,
      lifetimeValue,
      propensity,
      cohorts,
      basket,
      campaign,
      service,
      omitted,
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
