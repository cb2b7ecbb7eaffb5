import type { RowLedger } from "../data/row-ledger.js";
import type { CustomerSummary } from "../summary/types.js";
import type { Report } from "./report-model.js";
import { deepFreeze } from "../charts/index.js";
import { dataQualitySection } from "./data-quality-section.js";
import { customerSummarySection } from "./customer-summary-section.js";
import { lifetimeValueSection } from "./lifetime-value-section.js";
import type { LifetimeValueAnalysis } from "../models/lifetime-value-analysis.js";

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Inputs of {@link buildCustomerReport}. */
export interface CustomerReportInput {
  readonly ledger: RowLedger;
  readonly summary: CustomerSummary;
  /** Report title (default "Customer report"). */
  readonly title?: string;
  /** ISO 4217 code of the money amounts (default "EUR"). */
  readonly currency?: string;
  /** When the report is generated, ISO 8601 date-time with zone, e.g. `new Date().toISOString()` at the caller. */
  readonly generatedAt: string;
  /** Top customers to list (default 20). */
  readonly topN?: number;
  /** Rejected rows to list (default 20). */
  readonly maxRejectedRows?: number;
  /** The lifetime-value analysis, for a "Customer lifetime value" section (left out when absent). */
  readonly lifetimeValue?: LifetimeValueAnalysis;
}

/**
 * Builds the manager report: a "Data quality" section (rows read, used, rejected and why, what
 * to fix), a "Customer summary" section (customers, repeat customers, frequency, spend, recency,
 * top customers, charts) and, when given, a "Customer lifetime value" section. Pure: same
 * inputs, same report.
 *
 * @param input - the row ledger and customer summary, plus title, currency, generatedAt
 * @returns a frozen {@link Report}
 * @throws TypeError when generatedAt is not an ISO 8601 date-time with a zone, or currency is not 3 letters
 * @throws RangeError when the ledger does not add up or the summary's columns differ in length
 * @example
 * const r = buildCustomerReport({ ledger, summary, generatedAt: "2024-05-01T09:00:00Z" });
 * r.sections.map((s) => s.title); // ["Data quality", "Customer summary"]
 */
export function buildCustomerReport(input: CustomerReportInput): Report {
  const { ledger, summary, generatedAt } = input;
  if (typeof generatedAt !== "string" || !ISO_DATE_TIME.test(generatedAt) || Number.isNaN(Date.parse(generatedAt))) {
    throw new TypeError(`buildCustomerReport: generatedAt ${JSON.stringify(generatedAt)} is not an ISO 8601 date-time such as "2024-05-01T09:00:00Z"`);
  }
  const currency = input.currency ?? "EUR";
  if (!/^[A-Z]{3}$/.test(currency)) throw new TypeError(`buildCustomerReport: currency ${JSON.stringify(currency)} is not a 3-letter ISO 4217 code such as "EUR"`);
  const sections = [
    dataQualitySection(ledger, { maxRejectedRows: input.maxRejectedRows ?? 20 }),
    customerSummarySection(summary, { currency, topN: input.topN ?? 20 }),
    ...(input.lifetimeValue ? [lifetimeValueSection(input.lifetimeValue, { currency, topN: input.topN ?? 20 })] : []),
  ];
  return deepFreeze({
    title: input.title ?? "Customer report",
    subtitle: `${ledger.source}: customers to ${summary.calibrationEnd}`,
    generatedAt,
    currency,
    sections,
  });
}
