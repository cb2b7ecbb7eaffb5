// crm report's path: each section built as soon as its analysis is done, the result let go. It must
// give the same report as the public two steps, runReportAnalyses then buildCustomerReport.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  REPORT_SECTIONS, buildCustomerReport, customerSummary, defineReportSection, loadCampaignContactsFile, loadCustomersFile,
  loadServiceEventsFile, loadTransactions, runReportAnalyses, type AnalysisProgress, type ReportInputs, type Section,
} from "../../src/index.js";
import { buildReportSectionBySection } from "../../src/reports/build-report-section-by-section.js";
import { transactionColumns } from "../../src/data/columns/transaction-columns.js";
import type { RowLedger } from "../../src/data/ledger/row-ledger.js";
import type { Customers } from "../../src/data/load/build-customers.js";
import type { ServiceEvents } from "../../src/data/load/build-service-events.js";
import type { CampaignContacts } from "../../src/data/load/build-campaign-contacts.js";
import { REPO_ROOT } from "../helpers/shared-data.js";

const sample = (name: string) => path.join(REPO_ROOT, "data/sample", name);
const GENERATED_AT = "2026-01-05T09:00:00Z";

let inputs: ReportInputs;
let ledger: RowLedger;
let sides: { serviceEvents: ServiceEvents; customers: Customers; contacts: CampaignContacts };

beforeAll(async () => {
  const loaded = await loadTransactions(sample("transactions.csv"), { source: "transactions.csv" });
  ledger = loaded.ledger;
  sides = {
    serviceEvents: (await loadServiceEventsFile(sample("service_events.csv"))).events,
    customers: (await loadCustomersFile(sample("customers.csv"))).customers,
    contacts: (await loadCampaignContactsFile(sample("campaign_contacts.csv"))).contacts,
  };
  inputs = { transactions: loaded.transactions, summary: await customerSummary(loaded.transactions, {}), ...sides };
}, 120_000);

/** The report of the public two steps, and the events they reported. */
async function twoSteps(given: ReportInputs, settings: Omit<Parameters<typeof buildCustomerReport>[0], "summary" | "results" | "omitted">, options: Parameters<typeof runReportAnalyses>[1] = {}) {
  const events: AnalysisProgress[] = [];
  const { results, omitted } = await runReportAnalyses(given, { ...options, onProgress: (e) => events.push(e) });
  const report = buildCustomerReport({ ...settings, summary: given.summary, results, omitted, ...(options.registry ? { registry: options.registry } : {}) });
  return { report, events };
}

async function sectionBySection(given: ReportInputs, settings: Parameters<typeof buildReportSectionBySection>[1], options: Parameters<typeof buildReportSectionBySection>[2] = {}) {
  const events: AnalysisProgress[] = [];
  const report = await buildReportSectionBySection(given, settings, { ...options, onProgress: (e) => events.push(e) });
  return { report, events };
}

/** The progress events without their durations (which differ from run to run). */
const phases = (events: readonly AnalysisProgress[]) => events.map((e) => `${e.phase} ${e.id}${e.phase === "left-out" ? `: ${e.reason}` : ""}`);

describe("buildReportSectionBySection", () => {
  it("gives the same report as runReportAnalyses + buildCustomerReport on the sample, every section and every side table", async () => {
    const settings = {
      ledger, currency: "EUR", generatedAt: GENERATED_AT, topN: 7, title: "Sample", subtitle: "a simulated retailer",
      columns: transactionColumns(inputs.transactions!),
    };
    const a = await twoSteps(inputs, settings);
    const b = await sectionBySection(inputs, settings);
    expect(b.report.sections.map((s) => s.id)).toEqual(REPORT_SECTIONS.map((s) => s.id));
    expect(b.report.sections.filter((s) => s.leftOut !== undefined)).toEqual([]);
    expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
    expect(Object.isFrozen(b.report) && Object.isFrozen(b.report.sections)).toBe(true);
    expect(phases(b.events)).toEqual(phases(a.events));
  }, 120_000);

  it("gives the same report with sections left out (no side tables, a few sections, the options passed on)", async () => {
    const given = { transactions: inputs.transactions, summary: inputs.summary };
    const options = { sections: ["lifetime-value", "campaigns", "service-impact", "rfm-segments"], model: "pareto-nbd" as const, discountRatePerPeriod: 0.01 };
    const a = await twoSteps(given, { ledger, generatedAt: GENERATED_AT }, options);
    const b = await sectionBySection(given, { ledger, generatedAt: GENERATED_AT }, options);
    expect(b.report.sections.filter((s) => s.leftOut !== undefined).map((s) => s.id)).toEqual(["campaigns", "service-impact"]);
    expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
    expect(phases(b.events)).toEqual(phases(a.events));
  }, 120_000);

  it("gives the same report from a customer summary alone (the sections that need transactions left out)", async () => {
    const given = { summary: inputs.summary };
    const a = await twoSteps(given, { ledger, generatedAt: GENERATED_AT, dataName: "a summary" });
    const b = await sectionBySection(given, { ledger, generatedAt: GENERATED_AT, dataName: "a summary" });
    expect(b.report.sections.filter((s) => s.leftOut === undefined).map((s) => s.id)).toEqual(["data-quality", "customer-summary", "rfm-segments", "customer-clusters"]);
    expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
  }, 120_000);

  it("builds a section of the caller's registry in its place, and leaves out what cannot be done", async () => {
    const mine = defineReportSection<number>({
      id: "customer-count", title: "Customer count", help: "how many customers", fromSummary: true,
      analysis: (ctx) => ctx.summary.length,
      build: (n): Section => ({ id: "customer-count", title: "Customer count", narrative: [`${n} customers`], kpis: [{ label: "Customers counted", value: n, format: "integer", unit: "", note: "" }], tables: [], charts: [] }),
      assumptions: () => [{ label: "Counted", value: "every customer of the summary" }],
    });
    const registry = [...REPORT_SECTIONS.slice(0, 4), mine, ...REPORT_SECTIONS.slice(4)];
    const options = { registry, sections: ["customer-count", "rfm-segments", "cross-sell"] };
    const given = { transactions: inputs.transactions, summary: inputs.summary };
    const a = await twoSteps(given, { ledger, generatedAt: GENERATED_AT }, options);
    const b = await sectionBySection(given, { ledger, generatedAt: GENERATED_AT }, options);
    expect(b.report.sections.map((s) => s.id)).toEqual(["data-quality", "customer-summary", "rfm-segments", "customer-count", "cross-sell"]);
    expect(JSON.stringify(b.report)).toBe(JSON.stringify(a.report));
  }, 120_000);

  it("reads a side table given as a function once, only when a wanted section needs it", async () => {
    const calls = { serviceEvents: 0, customers: 0, contacts: 0 };
    const lazy = (): ReportInputs => ({
      transactions: inputs.transactions, summary: inputs.summary,
      serviceEvents: () => (calls.serviceEvents++, sides.serviceEvents),
      customers: () => (calls.customers++, sides.customers),
      contacts: async () => (calls.contacts++, sides.contacts),
    });
    await buildReportSectionBySection(lazy(), { ledger, generatedAt: GENERATED_AT }, { sections: ["rfm-segments", "cohorts-retention"] });
    expect(calls).toEqual({ serviceEvents: 0, customers: 0, contacts: 0 });
    // customer value, propensity and service impact all use the service events: read once
    const a = await buildReportSectionBySection(lazy(), { ledger, generatedAt: GENERATED_AT }, { sections: ["customer-value", "propensity", "campaigns", "service-impact"] });
    expect(calls).toEqual({ serviceEvents: 1, customers: 1, contacts: 1 });
    const b = (await twoSteps({ ...inputs }, { ledger, generatedAt: GENERATED_AT }, { sections: ["customer-value", "propensity", "campaigns", "service-impact"] })).report;
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  }, 120_000);

  it("checks the report's settings before any analysis runs", async () => {
    const events: AnalysisProgress[] = [];
    await expect(buildReportSectionBySection(inputs, { ledger, generatedAt: "yesterday" }, { onProgress: (e) => events.push(e) })).rejects.toThrow(TypeError);
    await expect(buildReportSectionBySection(inputs, { ledger, generatedAt: GENERATED_AT, currency: "euro" }, { onProgress: (e) => events.push(e) })).rejects.toThrow(/3-letter/);
    expect(events).toEqual([]);
  });
});

describe("runReportAnalyses with onResult", () => {
  it("hands each result over as it is done, after its done event, and keeps none", async () => {
    const seen: string[] = [];
    const handed: Record<string, unknown> = {};
    const { results, omitted } = await runReportAnalyses({ transactions: inputs.transactions, summary: inputs.summary }, {
      sections: ["rfm-segments", "campaigns", "cohorts-retention"],
      onProgress: (e) => {
        if (e.phase !== "progress") seen.push(`${e.phase} ${e.id}`); // the analyses' own stages are tested elsewhere
      },
      onResult: (id, result) => {
        seen.push(`result ${id}`);
        handed[id] = result;
      },
    });
    expect(results).toEqual({});
    expect(omitted.map((o) => o.id)).toEqual(["campaigns"]);
    expect(seen).toEqual(["start rfm-segments", "done rfm-segments", "result rfm-segments", "start cohorts-retention", "done cohorts-retention", "result cohorts-retention", "left-out campaigns"]);
    const kept = await runReportAnalyses({ transactions: inputs.transactions, summary: inputs.summary }, { sections: ["rfm-segments", "cohorts-retention"] });
    expect(JSON.stringify(handed)).toBe(JSON.stringify(kept.results));
  }, 120_000);
});
