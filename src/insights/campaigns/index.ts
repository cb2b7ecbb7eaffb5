// Campaigns (target lists, uplift, incremental revenue, ROI) and service impact: the re-exports for src/insights/index.ts.
export { wilsonInterval, upliftInterval, type UpliftEstimate, type UpliftIntervalMethod } from "./uplift-interval.js";
export { upliftTest, type UpliftTest } from "./uplift-test.js";
export { upliftMeanDifference, type MeanDifference } from "./uplift-mean-difference.js";
export type { CampaignGroupRow, CampaignRates, CampaignRevenue, CampaignReturn, CampaignSegmentRow, CampaignUplift } from "./campaign-types.js";
export { campaignRates } from "./campaign-rates.js";
export { campaignWindowSpend } from "./campaign-window-spend.js";
export { campaignUplift, type CampaignUpliftOptions } from "./campaign-uplift.js";
export { targetList, type TargetList, type TargetListOptions } from "./target-list.js";
export { serviceCustomerFacts, type ServiceCustomerFacts, type ServiceFactsOptions } from "../service/service-customer-facts.js";
export { serviceStrata, SERVICE_ORDER_BINS, SERVICE_RECENCY_BINS } from "../service/service-strata.js";
export { serviceStratifiedDifference, type StratifiedDifference } from "../service/service-stratified-difference.js";
export { serviceCorrelations, type ServiceCorrelationRow } from "../service/service-correlations.js";
export { serviceImpact, SERVICE_PROBLEM_LABELS, type ServiceImpact, type ServiceProblem, type ServiceProblemRow } from "../service/service-impact.js";
