import type { RowLedger } from "../data/ledger/row-ledger.js";
import type { CustomerSummary } from "../summary/types.js";
import { formatValue } from "./format-value.js";
import type { Assumption } from "./report-model.js";

/**
 * Inputs of {@link reportAssumptions}: what every report rests on.
 *
 * @example
 * const input: ReportAssumptionsInput = { ledger, summary, currency: "EUR" };
 */
export interface ReportAssumptionsInput {
  /** The row ledger, its `source` as the report names the data. */
  readonly ledger: RowLedger;
  readonly summary: CustomerSummary;
  /** ISO 4217 code of the amounts; "" or absent: none. */
  readonly currency?: string;
  /** The transaction columns the data had and lacked (default names). */
  readonly columns?: { readonly present: readonly string[]; readonly missing: readonly string[] };
}

/**
 * The first lines of a report's "Assumptions and method", the ones every report has: the data
 * and its rows, the columns, the period, the time unit, the currency. Each section then adds its
 * own lines (models with their parameters and fit, prices: see `ReportSectionSpec.assumptions`).
 *
 * @param input - the ledger, the summary, the currency and the columns
 * @returns the lines, in reading order
 * @example
 * reportAssumptions({ ledger, summary })[0]; // { label: "Data", value: "tx.csv: 30,665 rows read, 30,665 used" }
 */
export function reportAssumptions(input: ReportAssumptionsInput): readonly Assumption[] {
  const { ledger, summary } = input;
  return Object.freeze([
    { label: "Data", value: `${ledger.source}: ${formatValue(ledger.read, "integer")} rows read, ${formatValue(ledger.used, "integer")} used` },
    ...(input.columns
      ? [{ label: "Columns", value: `used: ${input.columns.present.join(", ")}${input.columns.missing.length ? `; not in the data: ${input.columns.missing.join(", ")} (the analyses that need them are left out or say so)` : ""}` }]
      : []),
    { label: "Period", value: `customers who first bought on or before ${summary.calibrationEnd}; figures to ${summary.observationEnd}` },
    { label: "Time unit", value: `${summary.timeUnit} (a month is 30.4375 days, a week 7 days)` },
    { label: "Currency", value: input.currency ? input.currency : "none given: amounts as in the data" },
  ].map((a) => Object.freeze(a)));
}
