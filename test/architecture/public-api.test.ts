// The public API is pinned: a name added to or removed from src/index.ts fails this test until
// the lists below are changed in the same commit, so every change to the API is deliberate.
// Internals stay reachable through `crm-analytics/internal` (src/internal.ts).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import * as api from "../../src/index.js";
import * as internal from "../../src/internal.js";

const VALUES = [
    "AnalysisNotPossibleError", "ArgumentError", "ConvergenceError", "DEFAULT_COLUMN_NAMES",
    "DEFAULT_SEGMENT_RULES", "DEFAULT_SERVICE_COSTS", "DataError", "MODELS", "MODEL_IDS",
    "PURCHASE_MODEL_IDS", "REPORT_SECTIONS", "SAMPLE_DEFAULTS", "SERVICE_PROBLEM_LABELS",
    "USAGE_TIERS", "USAGE_TREATMENTS", "abcClasses", "anonymiseReport", "associationRules",
    "basketAnalysis", "basketLiftSupportChart", "basketRuleSentence", "basketRulesChart",
    "basketsFromLists", "basketsFromTransactions", "bgBbFromParams", "bgNbdFromParams",
    "buildCustomerReport", "calibrationHoldoutTable", "campaignRates", "campaignResponseChart",
    "campaignUplift", "campaignsSection", "checkSegmentRules", "classifierCalibration",
    "classifierGains", "classifierRocAuc", "clusterCustomers", "clusterKChoiceChart",
    "clusterProfiles", "clusterRandIndex", "clusterSizeChart", "cohortAnalysis", "cohortMatrix",
    "cohortMatrixToCsv", "cohortRetentionHeatmap", "cohortsRetentionSection", "createRng",
    "crossSellSection", "customerClustersSection", "customerLifetimeValue", "customerSummary",
    "customerSummarySection", "customerValue", "customerValueForecast", "customerValueSection",
    "customerValueToCsv", "dataQualitySection", "defineModel", "defineReportSection",
    "discreteSummary", "expectedNextPurchaseDate", "findModel", "fitBgBb", "fitBgNbd",
    "fitGammaGamma", "fitLogisticRegression", "fitMbgNbd", "fitParetoNbd", "fitSbg", "formatValue",
    "fpGrowth", "frequencyChart", "frequencyHistogram", "fromArquero", "fromDanfo",
    "gammaGammaFromParams", "generateSample", "groupBarChart", "inspectFile",
    "lifetimeValueAnalysis", "lifetimeValueSection", "loadCampaignContactsFile",
    "loadCampaignContactsText", "loadCustomersFile", "loadCustomersText", "loadPostgresTransactions", "loadServiceCostTableFile",
    "loadServiceEventsFile", "loadServiceEventsText", "loadSummaryFile", "loadTransactions", "loadTransactionsFile",
    "loadTransactionsText", "mbgNbdFromParams", "migrationHeatmap", "migrationMatrix",
    "migrationReading", "modelCalibrationHoldoutChart", "modelFrequencyChart", "modelFromJson",
    "modelTrackingChart", "nextBestProducts", "nextPurchase", "paretoNbdFromParams", "parseMapping",
    "postgresCustomerSummary", "propensityAnalysis", "propensityAucChart", "propensityBands", "propensityCalibrationChart",
    "propensityFeatures", "propensityGainsChart", "propensityLiftChart", "propensitySection",
    "purchaseTracking", "readMappingFile", "recencyOrdersHeatmap", "renderExcel", "renderHtml",
    "renderPdf", "retentionProjection", "retentionSbgChart", "retentionSurvivalChart",
    "retentionWhatIf", "retentionWhatIfChart", "rfmAnalysis", "rfmGridHeatmap", "rfmMigration",
    "rfmQuantileBreaks", "rfmScores", "rfmSegmentChart", "rfmSegments", "rfmSegmentsSection",
    "runReportAnalyses", "sbgFromParams", "segmentMigrationSection", "segmentTable",
    "serviceCostTable", "serviceImpact", "serviceImpactSection", "serviceRetentionChart",
    "showChart", "showLedger", "showReport", "showTable", "silhouetteScore", "simulateBgBb",
    "simulateBgNbd", "simulateGammaGamma", "simulateMbgNbd", "simulateParetoNbd", "simulateSbg",
    "spendFrequencyCorrelation", "spendHistogram", "standardizeFeatures", "summaryToCsv",
    "summaryToTable", "survivalCurve", "survivalCurves", "targetList", "toArquero", "toColumns",
    "toDanfo", "toPlotlyFigure", "toRecords", "transactionsFromTable", "upliftInterval",
    "upliftTest", "usageTiers", "valueByGroup", "valueByGroupChart", "valueWhaleCurveChart",
    "warehouseSummarySql", "whaleCurve", "wilsonInterval", "writeReports", "writeSample"
];

const TYPES = [
    "AbcClass", "AbcClassSummary", "AbcThresholds", "AnalysisProgress", "AnonymiseOptions",
    "AssociationRule", "AssociationRuleOptions", "Assumption", "AxisValue", "BandOutcome",
    "BandThresholds", "BarMark", "BarTrace", "BasketAnalysis", "BasketAnalysisOptions",
    "BasketLevel", "BasketOptions", "BasketRuleBar", "Baskets", "BgBbModel", "BgBbParams",
    "BgNbdModel", "BgNbdParams", "Calibration", "CalibrationHoldoutRow", "CalibrationHoldoutTable",
    "CalibrationRow", "CampaignGroupRow", "CampaignRates", "CampaignResponseBar", "CampaignReturn",
    "CampaignRevenue", "CampaignSegmentRow", "CampaignUplift", "CampaignUpliftOptions",
    "CanonicalField", "CellValue", "ChartAxis", "ChartMark", "ChartNumberFormat", "ChartSpec",
    "ClusterCustomersOptions", "ClusterFeature", "ClusterProfile", "ClusterResult",
    "ClusterSizeInput", "ClvBounds", "CohortAnalysis", "CohortAnalysisOptions", "CohortGroup",
    "CohortHeatmapMeasure", "CohortMatrix", "CohortMatrixOptions", "CohortRow", "ColourRole",
    "ColumnValues", "ColumnsInput", "ColumnsOf", "CustomerHistory", "CustomerLifetimeValue",
    "CustomerLifetimeValueOptions", "CustomerReportInput", "CustomerSummary",
    "CustomerSummaryOptions", "CustomerValueColumns", "CustomerValueForecast",
    "CustomerValueForecastOptions", "CustomerValueResult", "DanfoFrameLike", "Deferred",
    "DiagnosticSummary", "DiscountedPurchases", "DiscountedPurchasesOptions", "DiscreteSummary", "FeatureColumns", "FigureLike", "FitOptions",
    "FittedModel", "ForecastProgress", "FpGrowthOptions", "FrequencyCounts", "FrequencyHistogram",
    "FrequencyHistogramRow", "FrequentItemset", "Gains", "GainsRow", "GammaGammaJson",
    "GammaGammaModel", "GammaGammaParams", "GenerateSampleOptions", "GeneratedSample", "GroupValue",
    "GroupValueColumns", "Headline", "HeatmapMark", "HeatmapTrace", "HoldoutSummary",
    "HoverTemplate", "InspectOptions", "KChoiceChartRow", "Kpi", "LifetimeValueAnalysis",
    "LifetimeValueAnalysisOptions", "LineMark", "LoadCampaignContactsOptions",
    "LoadCustomersOptions", "LoadPostgresOptions", "LoadServiceEventsOptions", "LoadSummaryFileOptions", "LoadTransactionsOptions", "LogisticParts",
    "LogisticRegressionModel", "LogisticRegressionOptions", "LogisticTerm", "Mapping", "MbgNbdModel",
    "MbgNbdParams", "MigrationMatrix", "ModelColumns", "ModelData", "ModelId", "ModelJson",
    "ModelKind", "ModelParams", "ModelSpec", "ModelSpecOf", "ModelSpecParts", "NextBestOptions",
    "NextBestProducts", "NextPurchase", "NumericColumn", "OmittedSection", "OrderedColumns",
    "ParameterEstimate", "ParetoNbdModel", "ParetoNbdParams", "PlantedModelParams", "PlotlyAxis",
    "PlotlyFigure", "PlotlyLayout", "PlotlyMarker", "PlotlyTrace", "PostgresSummaryOptions", "PostgresSummaryResult", "ProfileColumns", "ProgressCallback",
    "PropensityAucs", "PropensityFeatureSet", "PropensityOptions", "PropensityResult",
    "PropensityTarget", "PurchaseModel", "PurchaseModelId", "PurchaseModelSpec", "PurchaseParams", "PurchasePredictions",
    "PurchaseTracking", "PurchaseTrackingOptions", "RecencyOrdersGrid", "RejectedRow",
    "RenderHtmlOptions", "RenderPdfOptions", "Report", "ReportAnalyses", "ReportAnalysisOptions",
    "ReportChart", "ReportInputs", "ReportSectionSpec", "ReportTable", "RetentionComparisonRow",
    "RetentionProjection", "RetentionProjectionRow", "RetentionScenario", "RetentionWhatIf",
    "RetentionWhatIfInput", "RetentionWhatIfRow", "RfmAnalysis", "RfmBreakpoints", "RfmColumns",
    "RfmInput", "RfmMigration", "RfmScores", "RfmSegments", "RiskBand", "Rng", "RowLedger",
    "RuleMetric", "RunReportAnalysesOptions", "SalesChannel", "SampleCampaignContacts",
    "SampleCustomers", "SampleLatent", "SampleServiceEvents", "SampleTransactions", "SampleTruth",
    "SbgModel", "SbgParams", "ScatterMark", "ScatterTrace", "ScoreRange", "Section",
    "SectionAnalysisContext", "SectionBuildContext", "SectionNeed", "SegmentAssignment",
    "SegmentRow", "SegmentRule", "ServiceCostKey", "ServiceCostTable", "ServiceEffect",
    "ServiceImpact", "ServiceProblem", "ServiceProblemRow", "ServiceRetentionBar",
    "ShowChartOptions", "ShowLedgerOptions", "ShowReportOptions", "ShowTableOptions", "SideInput",
    "SilhouetteOptions", "SilhouetteScore", "SimulatedBgBbHistory", "SimulatedHistory",
    "SimulatedSpend", "SpendBins", "SpendFrequencyCorrelation", "SqlDialect", "StandardizedFeatures",
    "SummaryColumns", "SurvivalCurve", "SurvivalCurveOptions", "TableColumn", "TableInput",
    "TableKind", "TableRecord", "TargetList", "TargetListOptions", "TextColumn", "TimeUnit",
    "TransactionPeriod", "Transactions", "UniformSource", "UpliftEstimate", "UpliftIntervalMethod",
    "UpliftTest", "UsageTier", "UsageTiers", "ValueFormat", "ValueRates", "ValueSums", "ValueTotals",
    "WarehouseColumns", "WarehouseSummaryOptions", "WhaleCurve", "WhalePoint", "WriteReportsOptions", "WrittenFile"
];

const source = readFileSync(new URL("../../src/index.ts", import.meta.url), "utf8");

/** The type names src/index.ts exports (`type X` inside braces, and `export type { ... }` lists). */
function exportedTypes(text: string): string[] {
  const inline = [...text.matchAll(/\btype ([A-Za-z0-9_]+)/g)].map((m) => m[1]!);
  const lists = [...text.matchAll(/export type \{([^}]*)\}/g)].flatMap((m) => m[1]!.split(",").map((s) => s.trim()).filter((s) => s !== ""));
  return [...new Set([...inline, ...lists])].sort();
}

describe("the public API (src/index.ts)", () => {
  it("lists its exports by name: no export *", () => {
    expect(source).not.toMatch(/export \*/);
  });
  it("exports exactly the pinned runtime values, well under 200", () => {
    expect(Object.keys(api).sort()).toEqual(VALUES);
    expect(VALUES.length).toBeLessThan(200);
  });
  it("exports exactly the pinned types", () => {
    expect(exportedTypes(source)).toEqual(TYPES);
  });
  it("keeps every public value reachable through crm-analytics/internal as the same object", () => {
    const inner = internal as Record<string, unknown>;
    for (const name of VALUES) expect(inner[name], name).toBe((api as Record<string, unknown>)[name]);
  });
});
