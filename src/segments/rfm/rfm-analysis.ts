import type { CustomerSummary } from "../../summary/types.js";
import { rfmScores } from "./rfm-scores.js";
import { rfmSegments, type RfmSegments } from "./rfm-segments.js";
import type { RfmScores } from "./rfm-types.js";
import { segmentTable, type SegmentRow } from "./segment-table.js";
import { DEFAULT_SEGMENT_RULES, type SegmentRule } from "./segment-rules.js";
import { usageTiers, type UsageTiers } from "./usage-tiers.js";

/** Everything an RFM report needs, as plain frozen data. */
export interface RfmAnalysis {
  /** Period end of the summary (ISO). */
  readonly periodEnd: string;
  readonly scores: RfmScores;
  readonly segments: RfmSegments;
  readonly table: readonly SegmentRow[];
  readonly tiers: UsageTiers;
}

/**
 * The whole RFM step on a customer summary: scores (quantiles with ties handled, or given
 * breakpoints), named segments, the segment table with actions, and the usage tiers with their
 * treatments. What `rfmSegmentsSection` and `crm rfm` show.
 *
 * @param summary - the customer summary (RFM raw columns: `days_since_last_purchase` days, `orders` count, `total_spend` currency units)
 * @param options - `bins`, `breakpoints` (see `rfmScores`), `rules` (default map), `margin` per customer, `usage` options of `usageTiers`
 * @returns the frozen analysis
 * @throws ArgumentError as `rfmScores`, `rfmSegments`, `segmentTable` and `usageTiers`
 * @example
 * const a = rfmAnalysis(summary);
 * a.table.map((row) => row.segment)[0]; // "Champions"
 */
export function rfmAnalysis(
  summary: CustomerSummary,
  options: {
    readonly bins?: number;
    readonly breakpoints?: RfmScores["breakpoints"];
    readonly rules?: readonly SegmentRule[];
    readonly margin?: ArrayLike<number>;
    readonly usage?: Parameters<typeof usageTiers>[1];
  } = {},
): RfmAnalysis {
  const scores = rfmScores(summary, {
    ...(options.bins === undefined ? {} : { bins: options.bins }),
    ...(options.breakpoints === undefined ? {} : { breakpoints: options.breakpoints }),
  });
  const segments = rfmSegments(scores, options.rules ?? DEFAULT_SEGMENT_RULES);
  const table = segmentTable(scores, segments, options.margin === undefined ? {} : { margin: options.margin });
  const tiers = usageTiers(summary, options.usage ?? {});
  return Object.freeze({ periodEnd: summary.calibrationEnd, scores, segments, table, tiers });
}
