/** The statistical models: one model a file. Re-exports only. */
export * from "./fitting/model-types.js";
export { ConvergenceError } from "./fitting/convergence-error.js";
export { fitMaximumLikelihood, type LikelihoodProblem, type MlFit } from "./fitting/fit-maximum-likelihood.js";
export { fittedModelBase, fitStatistics, knownParamsStatistics, readModelJson, type FitStatistics } from "./fitting/fitted-model-base.js";
export { compressPatterns } from "./fitting/compress-patterns.js";
export { checkHistory } from "./fitting/check-history.js";
export { fitBgNbd, bgNbdFromParams, bgNbdFromJson, bgNbdLogLikelihood, simulateBgNbd, type BgNbdParams, type BgNbdModel } from "./purchase/bg-nbd.js";
export { fitMbgNbd, mbgNbdFromParams, mbgNbdFromJson, mbgNbdLogLikelihood, simulateMbgNbd, type MbgNbdParams, type MbgNbdModel } from "./purchase/mbg-nbd.js";
export { strideSubsample } from "./fitting/stride-subsample.js";
export { calibrationHoldoutTable, frequencyHistogram, purchaseTracking } from "./diagnostics/index.js";
export type {
  CalibrationHoldoutRow, CalibrationHoldoutTable, FrequencyHistogram, FrequencyHistogramRow, PurchaseTracking,
  PurchaseTrackingOptions, TrackingCohort, SummaryCohort, FirstPurchases, DiagnosticSummary, HoldoutSummary,
} from "./diagnostics/index.js";
export { fitBgBb, bgBbFromParams, bgBbFromJson } from "./retention/bg-bb.js";
export type { BgBbModel, BgBbParams } from "./retention/bg-bb.js";
export type { BgBbHistory } from "./retention/bg-bb-history.js";
export { bgBbLogLikelihood } from "./retention/bg-bb-log-likelihood.js";
export { simulateBgBb, type SimulatedBgBbHistory } from "./retention/bg-bb.js";
export { fitSbg, sbgFromParams, sbgFromJson } from "./retention/sbg.js";
export type { SbgModel, SbgParams } from "./retention/sbg.js";
export type { SbgSurvivalTable } from "./retention/sbg-survivors.js";
export { sbgLogLikelihood } from "./retention/sbg-log-likelihood.js";
export { simulateSbg } from "./retention/sbg.js";
export { fitGammaGamma, gammaGammaFromParams, gammaGammaFromJson, type GammaGammaModel, type GammaGammaParams, type GammaGammaJson } from "./spend/gamma-gamma.js";
export { gammaGammaLogLikelihood } from "./spend/gamma-gamma-log-likelihood.js";
export { simulateGammaGamma, type SimulatedSpend } from "./spend/gamma-gamma-simulate.js";
export type { SpendHistory } from "./spend/gamma-gamma-check.js";
export { spendFrequencyCorrelation, type SpendFrequencyCorrelation } from "./spend/gamma-gamma-diagnostics.js";
export { customerLifetimeValue, type CustomerLifetimeValue, type CustomerLifetimeValueOptions } from "./clv/clv.js";
export { drawParameters } from "./fitting/parameter-draws.js";
export { nextPurchase, type NextPurchase } from "./purchase/next-purchase.js";
export { expectedNextPurchaseDate } from "./purchase/next-purchase-date.js";
export { lifetimeValueAnalysis, type LifetimeValueAnalysis, type LifetimeValueAnalysisOptions } from "./clv/lifetime-value-analysis.js";
export { customerValueForecast, type CustomerValueForecast, type CustomerValueForecastOptions, type ForecastProgress } from "./clv/customer-value-forecast.js";
export { fitParetoNbd, paretoNbdFromParams, paretoNbdFromJson, simulateParetoNbd, paretoNbdLogLikelihood, type ParetoNbdParams, type ParetoNbdModel } from "./purchase/pareto-nbd.js";
export { modelFromJson } from "./model-from-json.js";
export { MODELS, MODEL_IDS, PURCHASE_MODELS, PURCHASE_MODEL_IDS, findModel, isPurchaseModelId, type ModelId, type PurchaseModelId } from "./registry.js";
export { defineModel, type ModelSpec, type ModelSpecOf, type PurchaseModelSpec, type PurchaseParams, type ModelKind, type ModelData, type ModelColumns, type TransactionPeriod } from "./model-spec.js";
export { fitLogisticRegression, type FeatureColumns, type LogisticRegressionOptions } from "./propensity/logistic-regression.js";
export { logisticRegressionModel, type LogisticRegressionModel, type LogisticTerm, type LogisticParts } from "./propensity/logistic-regression.js";
export { classifierRocAuc, checkScored } from "./propensity/classifier-roc-auc.js";
export { classifierGains, type Gains, type GainsRow } from "./propensity/classifier-gains.js";
export { classifierCalibration, type Calibration, type CalibrationRow } from "./propensity/classifier-calibration.js";
export { propensityBands, DEFAULT_BAND_THRESHOLDS, type RiskBand, type BandThresholds } from "./propensity/propensity-bands.js";
export { propensityFeatures, PROPENSITY_FEATURES, type PropensityFeatureSet } from "./propensity/propensity-features.js";
export { propensityAnalysis, type PropensityOptions } from "./propensity/propensity.js";
export type { PropensityResult, PropensityTarget, PropensityAucs, BandOutcome } from "./propensity/propensity-types.js";
