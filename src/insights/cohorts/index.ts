// Cohorts and retention: the triangle, "still buying" survival, sBG projection, the retention what-if.
export { cohortPeriodIndex, cohortPeriodLabel, cohortPeriodLastDay, PERIODS_PER_YEAR, type CohortPeriod } from "./cohort-period.js";
export type { CohortRow, CohortGroup, CohortMatrix } from "./cohort-types.js";
export { cohortMatrix, type CohortMatrixOptions } from "./cohort-matrix.js";
export { survivalCurve, survivalCurves, type SurvivalCurve, type SurvivalCurveOptions } from "./survival-curve.js";
export { retentionProjection, type RetentionProjection, type RetentionComparisonRow, type RetentionProjectionRow } from "./retention-projection.js";
export { retentionWhatIf, type RetentionWhatIf, type RetentionWhatIfInput, type RetentionWhatIfRow, type RetentionScenario } from "./retention-what-if.js";
export { cohortAnalysis, type CohortAnalysis, type CohortAnalysisOptions } from "./cohort-analysis.js";
export { cohortMatrixToCsv, retentionTriangleCsv, retentionWhatIfCsv } from "./cohort-to-csv.js";
