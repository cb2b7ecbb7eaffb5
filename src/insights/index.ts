/** Insights: cohorts and retention, cross-sell, campaigns, service impact. Re-exports only. */
export * from "./index-basket.js";
export * from "./index-campaigns.js";
export * from "./index-cohorts.js";
