/** Insights: cohorts and retention, cross-sell, campaigns, service impact. Re-exports only. */
export * from "./baskets/index.js";
export * from "./campaigns/index.js";
export * from "./cohorts/index.js";
