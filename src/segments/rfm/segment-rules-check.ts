import { segmentRuleMatches, type ScoreRange, type SegmentRule } from "./segment-rules.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Checks a segment rule set over every (R, F, M) combination of scores 1..bins and names each
 * gap (a combination that matches no rule) and overlap (one that matches rules of two or more
 * segments, or two rules of one segment), in order of R, then F, then M.
 *
 * @param rules - the rules, e.g. `DEFAULT_SEGMENT_RULES` or your own
 * @param bins - top of the score scale (default 5)
 * @returns the problems, one line each; empty when every combination matches exactly one rule
 * @throws ArgumentError when a rule has no segment name or a range that is not whole numbers `min <= max` within 1..bins
 * @example
 * checkSegmentRules(DEFAULT_SEGMENT_RULES); // []
 * checkSegmentRules([{ segment: "All", r: [1, 4] }]);
 * // ["gap: R5 F1 M1 matches no segment", ..., "gap: R5 F5 M5 matches no segment"]
 */
export function checkSegmentRules(rules: readonly SegmentRule[], bins = 5): readonly string[] {
  const fn = "checkSegmentRules";
  if (!Number.isInteger(bins) || bins < 2 || bins > 10) throw new ArgumentError(`${fn}: bins ${bins} is not a whole number from 2 to 10`);
  rules.forEach((rule, k) => {
    if (typeof rule.segment !== "string" || rule.segment.trim() === "") throw new ArgumentError(`${fn}: rule ${k + 1} has no segment name`);
    for (const key of ["r", "f", "m", "fm"] as const) {
      const range: ScoreRange | undefined = rule[key];
      if (range === undefined) continue;
      const [lo, hi] = range;
      if (!Number.isInteger(lo) || !Number.isInteger(hi) || lo < 1 || hi > bins || lo > hi) {
        throw new ArgumentError(`${fn}: rule ${k + 1} ("${rule.segment}") ${key} range [${lo}, ${hi}] is not whole numbers min <= max within 1..${bins}`);
      }
    }
  });
  const problems: string[] = [];
  for (let r = 1; r <= bins; r++) {
    for (let f = 1; f <= bins; f++) {
      for (let m = 1; m <= bins; m++) {
        const hits = rules.filter((rule) => segmentRuleMatches(rule, r, f, m)).map((rule) => rule.segment);
        if (hits.length === 0) problems.push(`gap: R${r} F${f} M${m} matches no segment`);
        else if (hits.length > 1) problems.push(`overlap: R${r} F${f} M${m} matches ${listNames(hits)}`);
      }
    }
  }
  return Object.freeze(problems);
}

/** "A and B", "A, B and C". */
function listNames(names: readonly string[]): string {
  return names.length <= 2 ? names.join(" and ") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}
