export type {
  PlotlyFigure,
  PlotlyTrace,
  PlotlyLayout,
  PlotlyAxis,
  PlotlyMarker,
  BarTrace,
  HeatmapTrace,
  ScatterTrace,
  AxisValue,
} from "./plotly-figure.js";
export { PALETTE, SEQUENTIAL_SCALE, baseLayout } from "./palette.js";
export { niceStep, dayStep } from "./nice-step.js";
export { deepFreeze } from "./deep-freeze.js";
export { frequencyChart, frequencyCounts } from "./frequency-chart.js";
export type { FrequencyCounts } from "./frequency-chart.js";
export { spendHistogram, spendBins } from "./spend-histogram.js";
export type { SpendBins } from "./spend-histogram.js";
export { recencyOrdersHeatmap, recencyOrdersGrid } from "./recency-orders-heatmap.js";
export type { RecencyOrdersGrid } from "./recency-orders-heatmap.js";
export { modelCalibrationHoldoutChart } from "./model-calibration-holdout-chart.js";
export { modelFrequencyChart } from "./model-frequency-chart.js";
export { modelTrackingChart } from "./model-tracking-chart.js";
export { groupBarChart } from "./group-bar-chart.js";
export { clusterSizeChart, type ClusterSizeInput } from "./cluster-size-chart.js";
export { clusterKChoiceChart, type KChoiceChartRow } from "./cluster-k-choice-chart.js";
export { rfmSegmentChart } from "./rfm-segment-chart.js";
export { rfmGridHeatmap } from "./rfm-grid-heatmap.js";
export { migrationHeatmap } from "./migration-heatmap.js";
export { valueWhaleCurveChart } from "./value-whale-curve-chart.js";
export { valueByGroupChart } from "./value-by-group-chart.js";
export { basketRulesChart, type BasketRuleBar } from "./basket-rules-chart.js";
export { basketLiftSupportChart } from "./basket-lift-support-chart.js";
export { campaignResponseChart, type CampaignResponseBar } from "./campaign-response-chart.js";
export { serviceRetentionChart, type ServiceRetentionBar } from "./service-retention-chart.js";
export { propensityGainsChart } from "./propensity-gains-chart.js";
export { propensityLiftChart } from "./propensity-lift-chart.js";
export { propensityCalibrationChart } from "./propensity-calibration-chart.js";
export { propensityAucChart } from "./propensity-auc-chart.js";
export { cohortRetentionHeatmap, type CohortHeatmapMeasure } from "./cohort-retention-heatmap.js";
export { retentionSurvivalChart } from "./retention-survival-chart.js";
export { retentionSbgChart } from "./retention-sbg-chart.js";
export { retentionWhatIfChart } from "./retention-what-if-chart.js";
export { withCurrency } from "./with-currency.js";
