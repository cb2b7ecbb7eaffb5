/** Segmentation: RFM scores and the named segment map, usage tiers, k-means clusters, migration. Re-exports only. */
export * from "./index-clusters.js";
export * from "./index-rfm.js";
