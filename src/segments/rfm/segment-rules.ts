/** An inclusive range of scores `[min, max]`, e.g. `[4, 5]`. */
export type ScoreRange = readonly [min: number, max: number];

/**
 * A segment rule: a customer whose scores lie in every range given belongs to `segment`.
 * Ranges left out match any score. `fm` is the combined score (F + M) / 2 rounded half up, so
 * a map can be written on (R, F, M) or on (R, FM). A segment may have several rules.
 */
export interface SegmentRule {
  readonly segment: string;
  readonly r?: ScoreRange;
  readonly f?: ScoreRange;
  readonly m?: ScoreRange;
  readonly fm?: ScoreRange;
  /** What to do with the segment, in plain words for a manager (optional for custom rules). */
  readonly action?: string;
}

/**
 * The combined frequency-monetary score: (F + M) / 2 rounded half up.
 *
 * @example
 * fmScore(4, 5); // 5
 * fmScore(1, 2); // 2
 * @throws never
 */
export function fmScore(f: number, m: number): number {
  return Math.ceil((f + m) / 2);
}

/**
 * True when scores (r, f, m) match a rule.
 *
 * @example
 * segmentRuleMatches({ segment: "Champions", r: [5, 5], fm: [4, 5] }, 5, 4, 5); // true
 * @throws never
 */
export function segmentRuleMatches(rule: SegmentRule, r: number, f: number, m: number): boolean {
  const within = (range: ScoreRange | undefined, v: number): boolean => range === undefined || (v >= range[0] && v <= range[1]);
  return within(rule.r, r) && within(rule.f, f) && within(rule.m, m) && within(rule.fm, fmScore(f, m));
}

const rule = (segment: string, r: ScoreRange, fm: ScoreRange, action: string): SegmentRule =>
  Object.freeze({ segment, r: Object.freeze(r), fm: Object.freeze(fm), action });

/**
 * The classic named RFM segment map on (R, FM) with 1..5 scores, best segments first. Each of
 * the 125 (R, F, M) combinations matches exactly one rule (`checkSegmentRules` finds no problem):
 *
 * | R \ FM | 1              | 2              | 3              | 4               | 5               |
 * |--------|----------------|----------------|----------------|-----------------|-----------------|
 * | 5      | New Customers  | Potential Loyalist | Potential Loyalist | Champions | Champions |
 * | 4      | Promising      | Potential Loyalist | Potential Loyalist | Loyal Customers | Loyal Customers |
 * | 3      | About To Sleep | About To Sleep | Need Attention | Loyal Customers | Loyal Customers |
 * | 2      | Hibernating    | Hibernating    | At Risk        | At Risk         | Can't Lose Them |
 * | 1      | Lost           | Lost           | At Risk        | At Risk         | Can't Lose Them |
 *
 * After the widely used R × FM grid (e.g. Putler's RFM segments), with the low-value lapsed
 * corner split into Hibernating (R 2) and Lost (R 1). The actions follow the course texts:
 * reward and reinforce the best, give direct incentives where a nudge is needed, win back the
 * valuable who are slipping, and spend little on the lost.
 *
 * @example
 * DEFAULT_SEGMENT_RULES[0].segment; // "Champions"
 * @throws never
 */
export const DEFAULT_SEGMENT_RULES: readonly SegmentRule[] = Object.freeze([
  rule("Champions", [5, 5], [4, 5], "Reward them: early access, loyalty perks, thank-you notes; ask for reviews and referrals. No discount needed."),
  rule("Loyal Customers", [3, 4], [4, 5], "Reinforce loyalty: loyalty programme, recommend related products (cross-sell), keep in regular touch."),
  rule("Potential Loyalist", [4, 5], [2, 3], "Build the habit: offer membership of the loyalty programme and recommend products that go with past purchases."),
  rule("New Customers", [5, 5], [1, 1], "Welcome them: a good first experience, help with the product, a reason to come back soon."),
  rule("Promising", [4, 4], [1, 1], "Encourage a second order: show the range, a small free extra; reinforce the first purchase decision."),
  rule("Need Attention", [3, 3], [3, 3], "Reactivate with a limited-time offer based on past purchases before they drift away."),
  rule("About To Sleep", [3, 3], [1, 2], "Reconnect now: popular products and a modest direct incentive such as a price discount."),
  rule("Can't Lose Them", [1, 2], [5, 5], "Win them back personally and urgently: call them, a strong offer, check for service problems. They were among the best."),
  rule("At Risk", [1, 2], [3, 4], "Win them back: personal emails, reminders and renewals; find out what went wrong."),
  rule("Hibernating", [2, 2], [1, 2], "Low-cost reactivation: relevant offers and special discounts; do not over-spend."),
  rule("Lost", [1, 1], [1, 2], "One low-cost win-back attempt at most; otherwise spend nothing on them."),
]);

/**
 * The segment names of a rule set in the order they first appear (the default map: best first).
 *
 * @example
 * segmentNames(DEFAULT_SEGMENT_RULES).length; // 11
 * @throws never
 */
export function segmentNames(rules: readonly SegmentRule[]): readonly string[] {
  return Object.freeze([...new Set(rules.map((r) => r.segment))]);
}
