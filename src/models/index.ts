/** The statistical models: one model a file. Re-exports only. */
export * from "./model-types.js";
export { ConvergenceError } from "./convergence-error.js";
export { fitMaximumLikelihood, type LikelihoodProblem, type MlFit } from "./fit-maximum-likelihood.js";
export { fittedModelBase, fitStatistics, knownParamsStatistics, readModelJson, type FitStatistics } from "./fitted-model-base.js";
export { compressPatterns } from "./compress-patterns.js";
export { checkHistory } from "./check-history.js";
export { fitBgNbd, bgNbdFromParams, bgNbdFromJson, bgNbdLogLikelihood, simulateBgNbd, type BgNbdParams, type BgNbdModel } from "./bg-nbd.js";
export { fitMbgNbd, mbgNbdFromParams, mbgNbdFromJson, mbgNbdLogLikelihood, simulateMbgNbd, type MbgNbdParams, type MbgNbdModel } from "./mbg-nbd.js";
export { strideSubsample } from "./stride-subsample.js";
export { calibrationHoldoutTable, frequencyHistogram, purchaseTracking } from "./diagnostics/index.js";
export type {
  CalibrationHoldoutRow, CalibrationHoldoutTable, FrequencyHistogram, FrequencyHistogramRow, PurchaseTracking,
  PurchaseTrackingOptions, TrackingCohort, SummaryCohort, FirstPurchases, DiagnosticSummary, HoldoutSummary,
} from "./diagnostics/index.js";
export { fitBgBb, bgBbFromParams, bgBbFromJson } from "./bg-bb.js";
export type { BgBbModel, BgBbParams } from "./bg-bb-model.js";
export type { BgBbHistory } from "./bg-bb-history.js";
export { bgBbLogLikelihood } from "./bg-bb-log-likelihood.js";
export { simulateBgBb, type SimulatedBgBbHistory } from "./bg-bb-simulate.js";
export { fitSbg, sbgFromParams, sbgFromJson } from "./sbg.js";
export type { SbgModel, SbgParams } from "./sbg-model.js";
export type { SbgSurvivalTable } from "./sbg-survivors.js";
export { sbgLogLikelihood } from "./sbg-log-likelihood.js";
export { simulateSbg } from "./sbg-simulate.js";
export { fitGammaGamma, gammaGammaFromParams, gammaGammaFromJson, type GammaGammaModel, type GammaGammaParams, type GammaGammaJson } from "./gamma-gamma.js";
export { gammaGammaLogLikelihood } from "./gamma-gamma-log-likelihood.js";
export { simulateGammaGamma, type SimulatedSpend } from "./gamma-gamma-simulate.js";
export { type SpendHistory } from "./gamma-gamma-check.js";
export { spendFrequencyCorrelation, type SpendFrequencyCorrelation } from "./gamma-gamma-diagnostics.js";
export { customerLifetimeValue, type CustomerLifetimeValue, type CustomerLifetimeValueOptions } from "./clv.js";
export { drawParameters } from "./parameter-draws.js";
export { nextPurchase, type NextPurchase } from "./next-purchase.js";
export { expectedNextPurchaseDate } from "./next-purchase-date.js";
export { lifetimeValueAnalysis, PURCHASE_MODEL_FITS, type LifetimeValueAnalysis, type LifetimeValueAnalysisOptions } from "./lifetime-value-analysis.js";
export { fitParetoNbd, paretoNbdFromParams, paretoNbdFromJson, simulateParetoNbd, paretoNbdLogLikelihood, type ParetoNbdParams, type ParetoNbdModel } from "./pareto-nbd.js";
export { modelFromJson } from "./model-from-json.js";
export { fitLogisticRegression, type FeatureColumns, type LogisticRegressionOptions } from "./logistic-regression.js";
export { logisticRegressionModel, type LogisticRegressionModel, type LogisticTerm, type LogisticParts } from "./logistic-regression-model.js";
export { classifierRocAuc, checkScored } from "./classifier-roc-auc.js";
export { classifierGains, type Gains, type GainsRow } from "./classifier-gains.js";
export { classifierCalibration, type Calibration, type CalibrationRow } from "./classifier-calibration.js";
export { propensityBands, DEFAULT_BAND_THRESHOLDS, type RiskBand, type BandThresholds } from "./propensity-bands.js";
export { propensityFeatures, PROPENSITY_FEATURES, type PropensityFeatureSet } from "./propensity-features.js";
export { propensityAnalysis, type PropensityOptions } from "./propensity.js";
export type { PropensityResult, PropensityTarget, PropensityAucs, BandOutcome } from "./propensity-types.js";
