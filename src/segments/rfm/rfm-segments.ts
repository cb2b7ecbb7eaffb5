import { checkSegmentRules } from "./segment-rules-check.js";
import { DEFAULT_SEGMENT_RULES, segmentNames, segmentRuleMatches, type SegmentRule } from "./segment-rules.js";
import type { RfmScores } from "./rfm-types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** The named segment of every customer (frozen). */
export interface RfmSegments {
  readonly customer_id: readonly string[];
  /** Segment name per customer, in the scores' order. */
  readonly segment: readonly string[];
  /** Every segment name of the rules, in rule order (the default map: best first). */
  readonly names: readonly string[];
  /** The rules used. */
  readonly rules: readonly SegmentRule[];
}

/**
 * Gives every customer exactly one named segment from their (R, F, M) scores. The rules are
 * checked first with {@link checkSegmentRules}: a rule set with a gap or an overlap is refused,
 * so no customer can end up in no segment or in two.
 *
 * @param scores - RFM scores from `rfmScores`
 * @param rules - the segment map (default {@link DEFAULT_SEGMENT_RULES})
 * @returns frozen segment names per customer
 * @throws ArgumentError naming the first gap or overlap (and how many there are), or a bad rule
 * @example
 * rfmSegments(rfmScores(summary)).segment[0]; // "Champions"
 */
export function rfmSegments(scores: RfmScores, rules: readonly SegmentRule[] = DEFAULT_SEGMENT_RULES): RfmSegments {
  const fn = "rfmSegments";
  const bins = scores.breakpoints.bins;
  let problems: readonly string[];
  try {
    problems = checkSegmentRules(rules, bins);
  } catch (e) {
    throw new ArgumentError(`${fn}: ${e instanceof Error ? e.message.replace(/^\w+: /, "") : String(e)}`);
  }
  if (problems.length > 0) {
    throw new ArgumentError(`${fn}: the segment rules have ${problems.length} problem${problems.length === 1 ? "" : "s"}, first ${problems[0]}; check them with checkSegmentRules`);
  }
  // One lookup per score combination, built once: (r-1) * bins^2 + (f-1) * bins + (m-1).
  const lookup: string[] = new Array<string>(bins * bins * bins);
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        lookup[(r - 1) * bins * bins + (f - 1) * bins + (m - 1)] = rules.find((rule) => segmentRuleMatches(rule, r, f, m))!.segment;
      }
    }
  }
  const segment = new Array<string>(scores.length);
  for (let i = 0; i < scores.length; i++) {
    segment[i] = lookup[(scores.r[i]! - 1) * bins * bins + (scores.f[i]! - 1) * bins + (scores.m[i]! - 1)]!;
  }
  return Object.freeze({
    customer_id: scores.customer_id,
    segment: Object.freeze(segment),
    names: segmentNames(rules),
    rules: Object.freeze([...rules]),
  });
}
