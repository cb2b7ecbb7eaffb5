import type { CustomerReportInput } from "./build-customer-report.js";
import { formatValue } from "./format-value.js";
import type { Assumption } from "./report-model.js";

function parameters(json: { readonly params: Readonly<Record<string, number>>; readonly logLikelihood: number; readonly nCustomers: number }): string {
  const p = Object.entries(json.params).map(([k, v]) => `${k} ${Number(v.toPrecision(4))}`).join(", ");
  return `${p}; log-likelihood ${json.logLikelihood.toFixed(1)} on ${formatValue(json.nCustomers, "integer")} customers`;
}

/**
 * The "Assumptions and method" lines of a report, from the same inputs its sections use: the
 * data and its period, the row ledger, the time unit, the models with their parameters and fit,
 * the discount rate and margin, the cost-to-serve table, the campaign's cost per contact.
 *
 * @param input - the report's inputs
 * @returns the lines, in reading order
 * @example
 * reportAssumptions(input)[0]; // { label: "Data", value: "tx.csv: 30,665 rows read, 30,665 used" }
 */
export function reportAssumptions(input: CustomerReportInput): readonly Assumption[] {
  const { ledger, summary } = input;
  const out: Assumption[] = [
    { label: "Data", value: `${ledger.source}: ${formatValue(ledger.read, "integer")} rows read, ${formatValue(ledger.used, "integer")} used` },
    ...(input.columns
      ? [{ label: "Columns", value: `used: ${input.columns.present.join(", ")}${input.columns.missing.length ? `; not in the data: ${input.columns.missing.join(", ")} (the analyses that need them are left out or say so)` : ""}` }]
      : []),
    { label: "Period", value: `customers who first bought on or before ${summary.calibrationEnd}; figures to ${summary.observationEnd}` },
    { label: "Time unit", value: `${summary.timeUnit} (a month is 30.4375 days, a week 7 days)` },
    { label: "Currency", value: input.currency ? input.currency : "none given: amounts as in the data" },
  ];
  const ltv = input.lifetimeValue;
  if (ltv) {
    out.push(
      { label: "Purchase model", value: `${ltv.model}: ${parameters(ltv.purchaseModel)}${ltv.modelNote ? `; ${ltv.modelNote}` : ""}` },
      { label: "Spend model", value: ltv.spendModel ? `gamma-gamma: ${parameters(ltv.spendModel)}${ltv.spendNote ? `; ${ltv.spendNote}` : ""}` : "none: the data have no amounts" },
      { label: "Model check", value: ltv.validation ? `fitted to ${ltv.validation.calibrationEnd}, compared with the following ${Number(ltv.validation.durationHoldout.toFixed(1))} ${ltv.timeUnit}s` : "no holdout period" },
      { label: "Lifetime value", value: `${ltv.horizonPeriods} periods of ${Number(ltv.periodLength.toFixed(4))} ${ltv.timeUnit}s, discount rate ${formatValue(ltv.discountRatePerPeriod, "percent")} per period, margin ${formatValue(ltv.margin, "percent")} of spend` },
    );
  }
  const costs = input.customerValue?.costs;
  if (costs) out.push({ label: "Cost to serve", value: Object.entries(costs).map(([k, v]) => `${k.replace(/_/g, " ")} ${formatValue(v as number, "money", input.currency ?? "")}`).join("; ") });
  if (input.propensity) out.push({ label: "Propensity model", value: "L2-regularised logistic regression on features up to each cut date, evaluated on a later period" });
  const ret = input.campaign?.return;
  if (input.campaign && ret) out.push({ label: "Campaign", value: `${input.campaign.campaignId}: cost ${formatValue(ret.costPerContact, "money", input.currency ?? "")} per contact, margin ${formatValue(ret.margin, "percent")}` });
  for (const o of input.omitted ?? []) out.push({ label: `Left out: ${o.section}`, value: o.reason });
  return Object.freeze(out.map((a) => Object.freeze(a)));
}
