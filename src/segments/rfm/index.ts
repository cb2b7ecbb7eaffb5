// RFM scores and segments, usage tiers, segment migration: the re-exports for src/segments/index.ts.
export type { RfmBreakpoints, RfmColumns, RfmInput, RfmScores } from "./rfm-types.js";
export { rfmQuantileBreaks } from "./rfm-quantile-breaks.js";
export { rfmScoreValues } from "./rfm-score-values.js";
export { rfmScores, rfmColumnsOf } from "./rfm-scores.js";
export { DEFAULT_SEGMENT_RULES, fmScore, segmentNames, segmentRuleMatches, type ScoreRange, type SegmentRule } from "./segment-rules.js";
export { checkSegmentRules } from "./segment-rules-check.js";
export { rfmSegments, type RfmSegments } from "./rfm-segments.js";
export { segmentTable, type SegmentRow } from "./segment-table.js";
export { usageTiers, USAGE_TIERS, USAGE_TREATMENTS, DEFAULT_USAGE_CUTOFFS, type UsageTier, type UsageTiers } from "./usage-tiers.js";
export { rfmAnalysis, type RfmAnalysis } from "./rfm-analysis.js";
export { migrationMatrix, NEW_CUSTOMERS_ROW, type MigrationMatrix, type SegmentAssignment } from "../migration/migration-matrix.js";
export { migrationReading } from "../migration/migration-reading.js";
export { rfmMigration, type RfmMigration } from "../migration/rfm-migration.js";
