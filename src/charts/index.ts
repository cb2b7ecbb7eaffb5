export type {
  ChartSpec,
  ChartAxis,
  ChartMark,
  BarMark,
  LineMark,
  ScatterMark,
  HeatmapMark,
  ColourRole,
  ChartNumberFormat,
  HoverTemplate,
  AxisValue,
} from "./chart-spec.js";
export { PALETTE, SEQUENTIAL_SCALE, roleColour } from "./palette.js";
export { niceStep, dayStep } from "./nice-step.js";
export { frequencyChart, frequencyCounts } from "./customers/frequency-chart.js";
export type { FrequencyCounts } from "./customers/frequency-chart.js";
export { spendHistogram, spendBins } from "./customers/spend-histogram.js";
export type { SpendBins } from "./customers/spend-histogram.js";
export { recencyOrdersHeatmap, recencyOrdersGrid } from "./customers/recency-orders-heatmap.js";
export type { RecencyOrdersGrid } from "./customers/recency-orders-heatmap.js";
export { modelCalibrationHoldoutChart } from "./models/model-calibration-holdout-chart.js";
export { modelFrequencyChart } from "./models/model-frequency-chart.js";
export { modelTrackingChart } from "./models/model-tracking-chart.js";
export { groupBarChart } from "./group-bar-chart.js";
export { clusterSizeChart, type ClusterSizeInput } from "./segments/cluster-size-chart.js";
export { clusterKChoiceChart, type KChoiceChartRow } from "./segments/cluster-k-choice-chart.js";
export { rfmSegmentChart } from "./segments/rfm-segment-chart.js";
export { rfmGridHeatmap } from "./segments/rfm-grid-heatmap.js";
export { migrationHeatmap } from "./segments/migration-heatmap.js";
export { valueWhaleCurveChart } from "./value/value-whale-curve-chart.js";
export { valueByGroupChart } from "./value/value-by-group-chart.js";
export { basketRulesChart, type BasketRuleBar } from "./insights/basket-rules-chart.js";
export { basketLiftSupportChart } from "./insights/basket-lift-support-chart.js";
export { campaignResponseChart, type CampaignResponseBar } from "./insights/campaign-response-chart.js";
export { serviceRetentionChart, type ServiceRetentionBar } from "./insights/service-retention-chart.js";
export { propensityGainsChart } from "./models/propensity-gains-chart.js";
export { propensityLiftChart } from "./models/propensity-lift-chart.js";
export { propensityCalibrationChart } from "./models/propensity-calibration-chart.js";
export { propensityAucChart } from "./models/propensity-auc-chart.js";
export { cohortRetentionHeatmap, type CohortHeatmapMeasure } from "./insights/cohort-retention-heatmap.js";
export { retentionSurvivalChart } from "./insights/retention-survival-chart.js";
export { retentionSbgChart } from "./insights/retention-sbg-chart.js";
export { retentionWhatIfChart } from "./insights/retention-what-if-chart.js";
export { withCurrency } from "./with-currency.js";
export { mapChartText } from "./map-chart-text.js";
