/** Segmentation: RFM scores and the named segment map, usage tiers, k-means clusters, migration. Re-exports only. */
export * from "./clusters/index.js";
export * from "./rfm/index.js";
