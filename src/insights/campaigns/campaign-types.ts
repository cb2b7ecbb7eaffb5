import type { MeanDifference } from "./uplift-mean-difference.js";
import type { UpliftEstimate, UpliftIntervalMethod } from "./uplift-interval.js";
import type { UpliftTest } from "./uplift-test.js";

/** Response facts of one group of a campaign (treatment = contacted, control = held out). */
export interface CampaignGroupRow {
  readonly group: "treatment" | "control";
  readonly customers: number;
  readonly responders: number;
  /** Responders / customers (a fraction) with its Wilson interval. */
  readonly responseRate: number;
  readonly lower: number;
  readonly upper: number;
  /** Revenue of the group on the chosen basis, currency units (null when unknown). */
  readonly revenue: number | null;
  /** Revenue per customer of the group, currency units (null when unknown). */
  readonly revenuePerCustomer: number | null;
}

/** Response rates, uplift and its test for a set of contacts (the whole campaign or one segment). */
export interface CampaignRates {
  readonly groups: readonly [CampaignGroupRow, CampaignGroupRow];
  /** Treatment minus control response rate, a fraction (0.03 = 3 points), with its interval; null without both groups. */
  readonly uplift: UpliftEstimate | null;
  readonly test: UpliftTest | null;
  /** Uplift × treated customers: responders the campaign added (count), with the interval scaled alike. */
  readonly incrementalResponders: UpliftEstimate | null;
}

/** Revenue per contacted customer compared between the groups, on one basis. */
export interface CampaignRevenue {
  /** `response_amount`: the contacts' response amounts; `window_spend`: net spend in the window after the campaign day. */
  readonly basis: "response_amount" | "window_spend";
  /** Days of the spend window from the campaign day (null for response amounts). */
  readonly windowDays: number | null;
  /** Treatment minus control revenue per customer, currency units, with its interval. */
  readonly perCustomer: MeanDifference;
  /** perCustomer × treated customers, currency units, with the interval scaled alike. */
  readonly incrementalRevenue: UpliftEstimate;
}

/** Cost and return of the contacts, on the primary revenue basis. */
export interface CampaignReturn {
  /** Cost of one contact, currency units. */
  readonly costPerContact: number;
  /** Gross margin rate earned on revenue (0.3 = 30 %). */
  readonly margin: number;
  /** costPerContact × treated customers. */
  readonly cost: number;
  /** Incremental revenue × margin, currency units. */
  readonly incrementalMargin: number;
  /** Incremental margin minus cost, currency units. */
  readonly netReturn: number;
  /** netReturn / cost (1 = the campaign returned its cost twice over); null when the cost is 0. */
  readonly roi: number | null;
  /** The cost per contact at which the campaign breaks even, currency units. */
  readonly breakEvenCostPerContact: number;
}

/** One segment's rates and uplift. */
export interface CampaignSegmentRow extends CampaignRates {
  readonly segment: string;
  /** Incremental revenue in the segment on the primary basis, currency units (null when it cannot be estimated). */
  readonly incrementalRevenue: number | null;
}

/** The campaign analysis: rates, uplift, test, incremental responders and revenue, cost and ROI, segments. */
export interface CampaignUplift extends CampaignRates {
  readonly campaignId: string;
  /** First contact day of the campaign, ISO date. */
  readonly campaignDate: string;
  readonly confidence: number;
  readonly intervalMethod: UpliftIntervalMethod;
  /** Every revenue basis that could be computed; the first is the primary one. */
  readonly revenue: readonly CampaignRevenue[];
  /** Cost and ROI on the primary revenue basis (null when no revenue could be computed). */
  readonly return: CampaignReturn | null;
  /** Per segment, when segments were given (largest first). */
  readonly segments: readonly CampaignSegmentRow[];
  /** Plain-language notes (campaigns left out, duplicates, unknown amounts). */
  readonly notes: readonly string[];
}
