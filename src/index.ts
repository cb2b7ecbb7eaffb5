/**
 * crm-analytics: the public API, listed by name and grouped as the README and the notebooks
 * teach it. Everything else is internal: `crm-analytics/internal` (src/internal.ts) re-exports it
 * without a promise of stability. test/architecture/public-api.test.ts pins these names, so a
 * change to the API is a deliberate one.
 *
 * @example
 * import { loadTransactionsFile, customerSummary, rfmAnalysis, buildCustomerReport, writeReports } from "crm-analytics";
 */

// Load: read and validate transactions and side tables; inspect an unknown export; the error classes
export { loadTransactions } from "./engine/load-transactions.js";
export { loadTransactionsFile, loadTransactionsText, type LoadTransactionsOptions } from "./data/load/load-transactions.js";
export { loadCustomersFile, loadCustomersText, type LoadCustomersOptions } from "./data/load/load-customers.js";
export { loadServiceEventsFile, loadServiceEventsText, type LoadServiceEventsOptions } from "./data/load/load-service-events.js";
export { loadCampaignContactsFile, loadCampaignContactsText, type LoadCampaignContactsOptions } from "./data/load/load-campaign-contacts.js";
export { inspectFile, type InspectOptions } from "./data/inspect/inspect-file.js";
export { readMappingFile, parseMapping, type Mapping } from "./data/columns/read-mapping-file.js";
export { generateSample } from "./data/generate/generate-sample.js";
export { writeSample, type WrittenFile } from "./data/generate/write-sample.js";
export { SAMPLE_DEFAULTS } from "./data/generate/defaults.js";
export { DEFAULT_COLUMN_NAMES, type CanonicalField, type NumericColumn, type TextColumn, type Transactions } from "./data/types.js";
export { DataError } from "./data/data-error.js";
export { ArgumentError } from "./math/argument-error.js";
export { AnalysisNotPossibleError } from "./math/analysis-not-possible-error.js";
export { ConvergenceError } from "./models/fitting/convergence-error.js";
export { createRng } from "./math/random/rng.js";
export type { RowLedger, RejectedRow } from "./data/ledger/row-ledger.js";
export type { CampaignRates, GenerateSampleOptions, GeneratedSample, PlantedModelParams, SalesChannel, SampleCampaignContacts, SampleCustomers, SampleLatent, SampleServiceEvents, SampleTransactions, SampleTruth, ServiceEffect } from "./data/generate/types.js";
export type { Rng, UniformSource } from "./math/random/rng-types.js";
export type { ProgressCallback } from "./math/progress.js";
export type { CustomerHistory, DiscountedPurchases, DiscountedPurchasesOptions, FitOptions, FittedModel, ModelJson, ModelParams, ParameterEstimate, PurchaseModel, PurchasePredictions, SimulatedHistory } from "./models/fitting/model-types.js";

// Summarise: one row per customer (frequency, recency, T, spend)
export { customerSummary, type CustomerSummaryOptions } from "./summary/customer-summary.js";
export { summaryToCsv } from "./summary/summary-to-csv.js";
export { discreteSummary, type DiscreteSummary } from "./summary/discrete-summary.js";
export type { CustomerSummary, SummaryColumns, TimeUnit } from "./summary/types.js";

// A database: the summary SQL for a warehouse, the summary computed in PostgreSQL, its rows read back
export { warehouseSummarySql, type SqlDialect, type WarehouseSummaryOptions, type WarehouseColumns } from "./summary/warehouse-sql.js";
export { postgresCustomerSummary, type PostgresSummaryOptions, type PostgresSummaryResult } from "./summary/postgres-summary.js";
export { loadSummaryFile, type LoadSummaryFileOptions } from "./summary/load-summary-file.js";
export { loadPostgresTransactions, type LoadPostgresOptions } from "./engine/postgres/read-postgres-table.js";

// Value: customer and channel value, profitability, the whale curve, ABC classes
export { customerValue } from "./value/customer-value.js";
export { valueByGroup } from "./value/value-by-group.js";
export { whaleCurve } from "./value/whale-curve.js";
export { abcClasses, type AbcThresholds } from "./value/abc-classes.js";
export { customerValueToCsv } from "./value/value-to-csv.js";
export { loadServiceCostTableFile } from "./value/lines/load-service-cost-table.js";
export { serviceCostTable, DEFAULT_SERVICE_COSTS } from "./value/lines/service-cost-table.js";
export type { AbcClass, AbcClassSummary, CustomerValueColumns, CustomerValueResult, GroupValue, GroupValueColumns, ServiceCostKey, ServiceCostTable, ValueRates, ValueSums, ValueTotals, WhaleCurve, WhalePoint } from "./value/types.js";

// Segment: RFM, usage tiers, k-means clusters, segment migration
export { rfmAnalysis, type RfmAnalysis } from "./segments/rfm/rfm-analysis.js";
export { rfmScores } from "./segments/rfm/rfm-scores.js";
export { rfmQuantileBreaks } from "./segments/rfm/rfm-quantile-breaks.js";
export { rfmSegments, type RfmSegments } from "./segments/rfm/rfm-segments.js";
export { segmentTable, type SegmentRow } from "./segments/rfm/segment-table.js";
export { checkSegmentRules } from "./segments/rfm/segment-rules-check.js";
export { DEFAULT_SEGMENT_RULES, type ScoreRange, type SegmentRule } from "./segments/rfm/segment-rules.js";
export { usageTiers, USAGE_TIERS, USAGE_TREATMENTS, type UsageTier, type UsageTiers } from "./segments/rfm/usage-tiers.js";
export { clusterCustomers, type ClusterCustomersOptions, type ClusterResult } from "./segments/clusters/cluster-customers.js";
export { standardizeFeatures, type ClusterFeature, type StandardizedFeatures } from "./segments/clusters/standardize-features.js";
export { clusterProfiles, type ClusterProfile, type ProfileColumns } from "./segments/clusters/cluster-profiles.js";
export { silhouetteScore, type SilhouetteOptions, type SilhouetteScore } from "./segments/clusters/silhouette-score.js";
export { clusterRandIndex } from "./segments/clusters/cluster-rand-index.js";
export { rfmMigration, type RfmMigration } from "./segments/migration/rfm-migration.js";
export { migrationMatrix, type MigrationMatrix, type SegmentAssignment } from "./segments/migration/migration-matrix.js";
export { migrationReading } from "./segments/migration/migration-reading.js";
export type { RfmBreakpoints, RfmColumns, RfmInput, RfmScores } from "./segments/rfm/rfm-types.js";

// Model: purchase models (BG/NBD, MBG/NBD, Pareto/NBD), spend (Gamma-Gamma), retention (BG/BB, sBG), propensity; checking a model
export { fitBgNbd, bgNbdFromParams, simulateBgNbd, type BgNbdModel, type BgNbdParams } from "./models/purchase/bg-nbd.js";
export { fitMbgNbd, mbgNbdFromParams, simulateMbgNbd, type MbgNbdModel, type MbgNbdParams } from "./models/purchase/mbg-nbd.js";
export { fitParetoNbd, paretoNbdFromParams, simulateParetoNbd, type ParetoNbdModel, type ParetoNbdParams } from "./models/purchase/pareto-nbd.js";
export { fitGammaGamma, gammaGammaFromParams, type GammaGammaJson, type GammaGammaModel, type GammaGammaParams } from "./models/spend/gamma-gamma.js";
export { fitBgBb, bgBbFromParams, simulateBgBb, type BgBbModel, type BgBbParams, type SimulatedBgBbHistory } from "./models/retention/bg-bb.js";
export { fitSbg, sbgFromParams, simulateSbg, type SbgModel, type SbgParams } from "./models/retention/sbg.js";
export { modelFromJson } from "./models/model-from-json.js";
export { simulateGammaGamma, type SimulatedSpend } from "./models/spend/gamma-gamma-simulate.js";
export { spendFrequencyCorrelation, type SpendFrequencyCorrelation } from "./models/spend/gamma-gamma-diagnostics.js";
export { calibrationHoldoutTable, type CalibrationHoldoutRow, type CalibrationHoldoutTable } from "./models/diagnostics/calibration-holdout-table.js";
export { purchaseTracking, type PurchaseTracking, type PurchaseTrackingOptions } from "./models/diagnostics/purchase-tracking.js";
export { frequencyHistogram, type FrequencyHistogram, type FrequencyHistogramRow } from "./models/diagnostics/frequency-histogram.js";
export { fitLogisticRegression, type FeatureColumns, type LogisticParts, type LogisticRegressionModel, type LogisticRegressionOptions, type LogisticTerm } from "./models/propensity/logistic-regression.js";
export { propensityFeatures, type PropensityFeatureSet } from "./models/propensity/propensity-features.js";
export { propensityAnalysis, type PropensityOptions } from "./models/propensity/propensity.js";
export { propensityBands, type BandThresholds, type RiskBand } from "./models/propensity/propensity-bands.js";
export { classifierRocAuc } from "./models/propensity/classifier-roc-auc.js";
export { classifierGains, type Gains, type GainsRow } from "./models/propensity/classifier-gains.js";
export { classifierCalibration, type Calibration, type CalibrationRow } from "./models/propensity/classifier-calibration.js";
export { MODELS, MODEL_IDS, PURCHASE_MODEL_IDS, findModel, type ModelId, type PurchaseModelId } from "./models/registry.js";
export { defineModel, type ModelSpec, type PurchaseModelSpec, type ModelKind, type ModelData, type ModelColumns, type ModelSpecOf, type ModelSpecParts, type PurchaseParams, type TransactionPeriod } from "./models/model-spec.js";
export type { DiagnosticSummary, HoldoutSummary } from "./models/diagnostics/types.js";
export type { BandOutcome, PropensityAucs, PropensityResult, PropensityTarget } from "./models/propensity/propensity-types.js";
export type { NextPurchase } from "./models/purchase/next-purchase.js";

// Predict: lifetime value and the next purchase
export { lifetimeValueAnalysis, type LifetimeValueAnalysis, type LifetimeValueAnalysisOptions } from "./models/clv/lifetime-value-analysis.js";
export { customerLifetimeValue, type CustomerLifetimeValue, type CustomerLifetimeValueOptions } from "./models/clv/clv.js";
export type { ClvBounds } from "./models/clv/clv-bootstrap.js";
export { nextPurchase } from "./models/purchase/next-purchase.js";
export { expectedNextPurchaseDate } from "./models/purchase/next-purchase-date.js";
export { customerValueForecast, type CustomerValueForecast, type CustomerValueForecastOptions, type ForecastProgress } from "./models/clv/customer-value-forecast.js";

// Insights: cohorts and retention, cross-sell, campaigns, service impact
export { cohortAnalysis, type CohortAnalysis, type CohortAnalysisOptions } from "./insights/cohorts/cohort-analysis.js";
export { cohortMatrix, type CohortMatrixOptions } from "./insights/cohorts/cohort-matrix.js";
export { cohortMatrixToCsv } from "./insights/cohorts/cohort-to-csv.js";
export { survivalCurve, survivalCurves, type SurvivalCurve, type SurvivalCurveOptions } from "./insights/cohorts/survival-curve.js";
export { retentionProjection, type RetentionComparisonRow, type RetentionProjection, type RetentionProjectionRow } from "./insights/cohorts/retention-projection.js";
export { retentionWhatIf, type RetentionScenario, type RetentionWhatIf, type RetentionWhatIfInput, type RetentionWhatIfRow } from "./insights/cohorts/retention-what-if.js";
export { basketAnalysis, type BasketAnalysis, type BasketAnalysisOptions } from "./insights/baskets/basket-analysis.js";
export { basketsFromLists } from "./insights/baskets/baskets-from-lists.js";
export { basketsFromTransactions, type BasketOptions } from "./insights/baskets/baskets-from-transactions.js";
export { fpGrowth, type FpGrowthOptions } from "./insights/baskets/fp-growth.js";
export { associationRules, type AssociationRuleOptions } from "./insights/baskets/association-rules.js";
export { nextBestProducts, type NextBestOptions, type NextBestProducts } from "./insights/baskets/next-best-products.js";
export { campaignUplift, type CampaignUpliftOptions } from "./insights/campaigns/campaign-uplift.js";
export { campaignRates } from "./insights/campaigns/campaign-rates.js";
export { wilsonInterval, upliftInterval, type UpliftEstimate, type UpliftIntervalMethod } from "./insights/campaigns/uplift-interval.js";
export { upliftTest, type UpliftTest } from "./insights/campaigns/uplift-test.js";
export { targetList, type TargetList, type TargetListOptions } from "./insights/campaigns/target-list.js";
export { serviceImpact, SERVICE_PROBLEM_LABELS, type ServiceImpact, type ServiceProblem, type ServiceProblemRow } from "./insights/service/service-impact.js";
export type { AssociationRule, BasketLevel, Baskets, FrequentItemset, RuleMetric } from "./insights/baskets/basket-types.js";
export type { CampaignGroupRow, CampaignReturn, CampaignRevenue, CampaignSegmentRow, CampaignUplift } from "./insights/campaigns/campaign-types.js";
export type { CohortGroup, CohortMatrix, CohortRow } from "./insights/cohorts/cohort-types.js";

// Charts: results as chart descriptions (shown with showChart, drawn in the reports)
export { frequencyChart, type FrequencyCounts } from "./charts/customers/frequency-chart.js";
export { spendHistogram, type SpendBins } from "./charts/customers/spend-histogram.js";
export { recencyOrdersHeatmap, type RecencyOrdersGrid } from "./charts/customers/recency-orders-heatmap.js";
export { valueWhaleCurveChart } from "./charts/value/value-whale-curve-chart.js";
export { valueByGroupChart } from "./charts/value/value-by-group-chart.js";
export { groupBarChart } from "./charts/group-bar-chart.js";
export { rfmGridHeatmap } from "./charts/segments/rfm-grid-heatmap.js";
export { rfmSegmentChart } from "./charts/segments/rfm-segment-chart.js";
export { clusterKChoiceChart, type KChoiceChartRow } from "./charts/segments/cluster-k-choice-chart.js";
export { clusterSizeChart, type ClusterSizeInput } from "./charts/segments/cluster-size-chart.js";
export { migrationHeatmap } from "./charts/segments/migration-heatmap.js";
export { modelCalibrationHoldoutChart } from "./charts/models/model-calibration-holdout-chart.js";
export { modelTrackingChart } from "./charts/models/model-tracking-chart.js";
export { modelFrequencyChart } from "./charts/models/model-frequency-chart.js";
export { propensityAucChart } from "./charts/models/propensity-auc-chart.js";
export { propensityCalibrationChart } from "./charts/models/propensity-calibration-chart.js";
export { propensityGainsChart } from "./charts/models/propensity-gains-chart.js";
export { propensityLiftChart } from "./charts/models/propensity-lift-chart.js";
export { cohortRetentionHeatmap, type CohortHeatmapMeasure } from "./charts/insights/cohort-retention-heatmap.js";
export { retentionSurvivalChart } from "./charts/insights/retention-survival-chart.js";
export { retentionSbgChart } from "./charts/insights/retention-sbg-chart.js";
export { retentionWhatIfChart } from "./charts/insights/retention-what-if-chart.js";
export { basketRulesChart, type BasketRuleBar } from "./charts/insights/basket-rules-chart.js";
export { basketLiftSupportChart } from "./charts/insights/basket-lift-support-chart.js";
export { campaignResponseChart, type CampaignResponseBar } from "./charts/insights/campaign-response-chart.js";
export { serviceRetentionChart, type ServiceRetentionBar } from "./charts/insights/service-retention-chart.js";
export { toPlotlyFigure } from "./reports/html/to-plotly-figure.js";
export type { AxisValue, BarMark, ChartAxis, ChartMark, ChartNumberFormat, ChartSpec, ColourRole, HeatmapMark, HoverTemplate, LineMark, ScatterMark } from "./charts/chart-spec.js";
export type { RenderHtmlOptions } from "./reports/html/html.js";
export type { BarTrace, HeatmapTrace, PlotlyAxis, PlotlyFigure, PlotlyLayout, PlotlyMarker, PlotlyTrace, ScatterTrace } from "./reports/html/plotly-figure.js";

// Reports: sections, the report model, HTML, Excel and PDF
export { buildCustomerReport, type CustomerReportInput } from "./reports/build-customer-report.js";
export { customerValueSection } from "./reports/sections/customer-value.js";
export { dataQualitySection } from "./reports/sections/data-quality.js";
export { customerSummarySection } from "./reports/sections/customer-summary.js";
export { lifetimeValueSection } from "./reports/sections/lifetime-value.js";
export { renderHtml } from "./reports/html/html.js";
export { renderExcel } from "./reports/excel/excel.js";
export { renderPdf, type RenderPdfOptions } from "./reports/pdf/pdf.js";
export { writeReports, type WriteReportsOptions } from "./reports/write-reports.js";
export { anonymiseReport, type AnonymiseOptions } from "./reports/anonymise-report.js";
export { formatValue } from "./reports/format-value.js";
export { REPORT_SECTIONS } from "./reports/sections/registry.js";
export { defineReportSection, type Deferred, type Headline, type OmittedSection, type ReportAnalysisOptions, type ReportInputs, type ReportSectionSpec, type SectionAnalysisContext, type SectionBuildContext, type SectionNeed, type SideInput } from "./reports/sections/section-spec.js";
export { runReportAnalyses, type AnalysisProgress, type ReportAnalyses, type RunReportAnalysesOptions } from "./reports/run-report-analyses.js";
export { rfmSegmentsSection } from "./reports/sections/rfm-segments.js";
export { customerClustersSection } from "./reports/sections/customer-clusters.js";
export { segmentMigrationSection } from "./reports/sections/segment-migration.js";
export { propensitySection } from "./reports/sections/propensity.js";
export { cohortsRetentionSection } from "./reports/sections/cohorts-retention.js";
export { crossSellSection, basketRuleSentence } from "./reports/sections/cross-sell.js";
export { campaignsSection } from "./reports/sections/campaigns.js";
export { serviceImpactSection } from "./reports/sections/service-impact.js";
export type { Assumption, CellValue, Kpi, Report, ReportChart, ReportTable, Section, TableColumn, ValueFormat } from "./reports/report-model.js";

// Display: tables, charts, ledgers and reports in a notebook (tslab)
export { showTable, type ShowTableOptions } from "./display/show-table.js";
export { showChart, type FigureLike, type ShowChartOptions } from "./display/show-chart.js";
export { showLedger, type ShowLedgerOptions } from "./display/show-ledger.js";
export { showReport, type ShowReportOptions } from "./display/show-report.js";

// Interop: arquero and danfo.js tables
export { toArquero } from "./interop/to-arquero.js";
export { fromArquero } from "./interop/from-arquero.js";
export { toDanfo } from "./interop/to-danfo.js";
export { fromDanfo } from "./interop/from-danfo.js";
export { toRecords } from "./interop/to-records.js";
export { toColumns, type OrderedColumns } from "./interop/to-columns.js";
export { summaryToTable } from "./interop/summary-to-table.js";
export { transactionsFromTable } from "./interop/transactions-from-table.js";
export type { ColumnValues, ColumnsInput, ColumnsOf, DanfoFrameLike, TableInput, TableKind, TableRecord } from "./interop/types.js";
