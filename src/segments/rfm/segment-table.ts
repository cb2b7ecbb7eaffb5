import type { RfmSegments } from "./rfm-segments.js";
import type { RfmScores } from "./rfm-types.js";
import { ArgumentError } from "../../math/argument-error.js";

/** One row of the segment table. Shares are fractions (0.25 = 25 %); money in currency units. */
export interface SegmentRow {
  readonly segment: string;
  readonly customers: number;
  /** Share of all customers. */
  readonly share: number | null;
  /** Total spend of the segment in the period (currency units); NaN (unknown) for a purchase log. */
  readonly revenue: number;
  /** Share of all spend; null when spend is unknown or zero. */
  readonly revenueShare: number | null;
  /** Share of all gross margin, when margin was given (else null). */
  readonly marginShare: number | null;
  /** Means of the raw values: days since last purchase (days), orders (count), total spend (currency units); null for an empty segment. */
  readonly meanDaysSinceLastPurchase: number | null;
  readonly meanOrders: number | null;
  readonly meanSpend: number | null;
  /** Mean scores 1..5. */
  readonly meanR: number | null;
  readonly meanF: number | null;
  readonly meanM: number | null;
  /** What to do, in plain words (empty when the rule has none). */
  readonly action: string;
}

/**
 * The segment table: per segment, customers and their share, revenue and its share, margin share
 * (when `margin` per customer is given), mean R, F, M raw values and scores, and the recommended
 * action. One row per segment of the rules, in rule order, empty segments included.
 *
 * @param scores - RFM scores
 * @param segments - the segments of the same customers (`rfmSegments(scores)`)
 * @param options - `margin`: gross margin per customer in the scores' order (currency units)
 * @returns frozen rows
 * @throws ArgumentError when the segments or margin are not one per customer, or a margin is not finite
 * @example
 * segmentTable(scores, rfmSegments(scores))[0].segment; // "Champions"
 */
export function segmentTable(
  scores: RfmScores,
  segments: RfmSegments,
  options: { readonly margin?: ArrayLike<number> } = {},
): readonly SegmentRow[] {
  const fn = "segmentTable";
  const n = scores.length;
  if (segments.segment.length !== n) throw new ArgumentError(`${fn}: ${segments.segment.length} segments for ${n} customers`);
  const margin = options.margin;
  if (margin && margin.length !== n) throw new ArgumentError(`${fn}: ${margin.length} margin values for ${n} customers`);
  const index = new Map(segments.names.map((name, k) => [name, k]));
  const k = segments.names.length;
  const acc = Array.from({ length: k }, () => ({ n: 0, spend: 0, margin: 0, days: 0, orders: 0, r: 0, f: 0, m: 0 }));
  let totalSpend = 0;
  let totalMargin = 0;
  for (let i = 0; i < n; i++) {
    const a = acc[index.get(segments.segment[i]!)!]!;
    const mg = margin ? margin[i]! : 0;
    if (!Number.isFinite(mg)) throw new ArgumentError(`${fn}: margin ${mg} of customer "${scores.customer_id[i]}" is not a finite number`);
    a.n += 1;
    a.spend += scores.total_spend[i]!;
    a.margin += mg;
    a.days += scores.days_since_last_purchase[i]!;
    a.orders += scores.orders[i]!;
    a.r += scores.r[i]!;
    a.f += scores.f[i]!;
    a.m += scores.m[i]!;
    totalSpend += scores.total_spend[i]!;
    totalMargin += mg;
  }
  const actions = new Map<string, string>();
  for (const rule of segments.rules) if (rule.action && !actions.has(rule.segment)) actions.set(rule.segment, rule.action);
  const mean = (sum: number, count: number): number | null => (count > 0 ? sum / count : null);
  return Object.freeze(
    segments.names.map((name, j) => {
      const a = acc[j]!;
      return Object.freeze({
        segment: name,
        customers: a.n,
        share: mean(a.n, n),
        revenue: a.spend,
        revenueShare: Number.isFinite(totalSpend) && totalSpend !== 0 ? a.spend / totalSpend : null,
        marginShare: margin && totalMargin !== 0 ? a.margin / totalMargin : null,
        meanDaysSinceLastPurchase: mean(a.days, a.n),
        meanOrders: mean(a.orders, a.n),
        meanSpend: Number.isFinite(a.spend) ? mean(a.spend, a.n) : null,
        meanR: mean(a.r, a.n),
        meanF: mean(a.f, a.n),
        meanM: mean(a.m, a.n),
        action: actions.get(name) ?? "",
      });
    }),
  );
}
