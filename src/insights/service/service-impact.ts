import type { ServiceEvents, ServiceEventType } from "../../data/load/build-service-events.js";
import type { Transactions } from "../../data/types.js";
import { serviceCorrelations, type ServiceCorrelationRow } from "./service-correlations.js";
import { serviceCustomerFacts, type ServiceFactsOptions } from "./service-customer-facts.js";
import { serviceStrata } from "./service-strata.js";
import { serviceStratifiedDifference, type StratifiedDifference } from "./service-stratified-difference.js";
import { progressStages, type ProgressCallback } from "../../math/progress.js";

/** A service problem compared: one event type, or `any_problem` (a complaint or a late delivery). */
export type ServiceProblem = ServiceEventType | "any_problem";

/** What one kind of service problem goes with after the cut, raw and against comparable customers. */
export interface ServiceProblemRow {
  readonly problem: ServiceProblem;
  /** Customers with at least one such event in the lookback, and without. */
  readonly withProblem: number;
  readonly withoutProblem: number;
  /** Raw shares who bought again in the window (fractions) and mean spend after the cut (currency units). */
  readonly rawRetentionWith: number;
  readonly rawRetentionWithout: number;
  readonly rawSpendWith: number;
  readonly rawSpendWithout: number;
  /** Bought-again share of the affected minus that of comparable customers (fraction), stratified on prior orders × recency × spend. */
  readonly retention: StratifiedDifference;
  /** Spend after the cut of the affected minus comparable customers, currency units per customer. */
  readonly spend: StratifiedDifference;
  /** Repeat buyers lost: −retention difference × matched affected customers (count; negative means gained), with interval. */
  readonly lostBuyers: { readonly estimate: number; readonly lower: number; readonly upper: number };
  /** Spend lost in the window: −spend difference × matched affected customers, currency units, with interval. */
  readonly lostSpend: { readonly estimate: number; readonly lower: number; readonly upper: number };
}

/** The service-impact analysis. */
export interface ServiceImpact {
  readonly cutDate: string;
  readonly windowDays: number;
  readonly lookbackDays: number;
  /** Customers who bought in the lookback before the cut. */
  readonly customers: number;
  /** Share of them who bought again in the window (fraction), and their mean spend after the cut. */
  readonly retention: number;
  readonly meanSpendAfter: number;
  readonly confidence: number;
  /** Rows: complaint, late_delivery, return, call_centre_contact, any_problem. */
  readonly problems: readonly ServiceProblemRow[];
  readonly correlations: readonly ServiceCorrelationRow[];
  /** The plain "what it costs" figures: spend lost with complaints or late deliveries (any_problem), currency units over the window. */
  readonly cost: { readonly lostSpend: number; readonly lower: number; readonly upper: number; readonly lostBuyers: number; readonly affected: number };
}

const PROBLEMS: readonly ServiceProblem[] = ["complaint", "late_delivery", "return", "call_centre_contact", "any_problem"];

/**
 * Plain-language names of the service problems, for charts, tables and narrative.
 *
 * @example
 * SERVICE_PROBLEM_LABELS.any_problem; // "Complaint or late delivery"
 * @throws never
 */
export const SERVICE_PROBLEM_LABELS: Readonly<Record<ServiceProblem, string>> = Object.freeze({
  complaint: "Complaint", late_delivery: "Late delivery", return: "Return",
  call_centre_contact: "Call-centre contact", any_problem: "Complaint or late delivery",
});

/**
 * Relates service problems before a cut date (returns, late deliveries, complaints,
 * call-centre contacts in the lookback) to buying again and spend in a window after it:
 * correlations, and a controlled comparison of the customers who had each problem with
 * comparable customers who did not (same bin of prior purchase days × days since the last
 * purchase × prior spend; see {@link serviceStrata} and {@link serviceStratifiedDifference}),
 * as differences in retention and spend with intervals, and what that costs.
 *
 * @param transactions - the transactions table
 * @param events - the service events
 * @param options - cut, windowDays (default 180), lookbackDays (default 365), confidence (0.95), spendBins (3),
 *   onProgress told the stages done of 3 (the customer facts, the controlled comparisons, the
 *   correlations; the last call `(3, 3)` at the end; the result is the same without it)
 * @returns the frozen analysis (fractions for shares, currency units for money)
 * @throws ArgumentError as serviceCustomerFacts, serviceStrata and serviceStratifiedDifference
 * @example
 * serviceImpact(tx, events).problems.find((r) => r.problem === "complaint")?.retention.estimate; // about -0.09 on the sample
 */
export function serviceImpact(
  transactions: Transactions, events: ServiceEvents,
  options: ServiceFactsOptions & { readonly confidence?: number; readonly spendBins?: number; readonly onProgress?: ProgressCallback } = {},
): ServiceImpact {
  const stages = progressStages(options.onProgress, 3);
  const facts = serviceCustomerFacts(transactions, events, options);
  stages.next();
  const strata = serviceStrata(facts, options.spendBins ?? 3);
  const confidence = options.confidence ?? 0.95;
  const n = facts.length;
  const mean = (v: ArrayLike<number>, pick: (i: number) => boolean): number => {
    let s = 0, c = 0;
    for (let i = 0; i < n; i++) if (pick(i)) { s += v[i]!; c++; }
    return c === 0 ? NaN : s / c;
  };
  const scaled = (d: StratifiedDifference) => Object.freeze({ estimate: -d.estimate * d.matched, lower: -d.upper * d.matched, upper: -d.lower * d.matched });
  const problems = PROBLEMS.map((problem): ServiceProblemRow => {
    const exposed = problem === "any_problem"
      ? Uint8Array.from({ length: n }, (_, i) => (facts.events.complaint[i]! + facts.events.late_delivery[i]! > 0 ? 1 : 0))
      : Uint8Array.from(facts.events[problem], (c) => (c > 0 ? 1 : 0));
    const retention = serviceStratifiedDifference(exposed, facts.boughtAgain, strata, confidence);
    const spend = serviceStratifiedDifference(exposed, facts.spendAfter, strata, confidence);
    const withProblem = exposed.reduce((a, b) => a + b, 0);
    return Object.freeze({
      problem, withProblem, withoutProblem: n - withProblem,
      rawRetentionWith: mean(facts.boughtAgain, (i) => exposed[i] === 1), rawRetentionWithout: mean(facts.boughtAgain, (i) => exposed[i] === 0),
      rawSpendWith: mean(facts.spendAfter, (i) => exposed[i] === 1), rawSpendWithout: mean(facts.spendAfter, (i) => exposed[i] === 0),
      retention, spend, lostBuyers: scaled(retention), lostSpend: scaled(spend),
    });
  });
  const any = problems[problems.length - 1]!;
  stages.next();
  const correlations = serviceCorrelations(facts);
  stages.end();
  return Object.freeze({
    cutDate: facts.cutDate, windowDays: facts.windowDays, lookbackDays: facts.lookbackDays, customers: n,
    retention: mean(facts.boughtAgain, () => true), meanSpendAfter: mean(facts.spendAfter, () => true), confidence,
    problems: Object.freeze(problems), correlations,
    cost: Object.freeze({ lostSpend: any.lostSpend.estimate, lower: any.lostSpend.lower, upper: any.lostSpend.upper, lostBuyers: any.lostBuyers.estimate, affected: any.retention.matched }),
  });
}
