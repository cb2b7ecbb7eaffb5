export { calibrationHoldoutTable } from "./calibration-holdout-table.js";
export type { CalibrationHoldoutRow, CalibrationHoldoutTable } from "./calibration-holdout-table.js";
export { frequencyHistogram } from "./frequency-histogram.js";
export type { FrequencyHistogram, FrequencyHistogramRow } from "./frequency-histogram.js";
export { purchaseTracking } from "./purchase-tracking.js";
export type { PurchaseTracking, PurchaseTrackingOptions } from "./purchase-tracking.js";
export type { FirstPurchases, SummaryCohort, TrackingCohort } from "./resolve-cohort.js";
export type { DiagnosticSummary, HoldoutSummary } from "./types.js";
