import { rfmQuantileBreaks } from "./rfm-quantile-breaks.js";
import { rfmScoreValues } from "./rfm-score-values.js";
import type { RfmBreakpoints, RfmColumns, RfmInput, RfmScores } from "./rfm-types.js";
import { ArgumentError } from "../../math/argument-error.js";

const LABEL = { r: "R (days since last purchase)", f: "F (orders)", m: "M (total spend)" } as const;

/** The RFM columns of a summary or of plain columns, checked for equal lengths. */
export function rfmColumnsOf(input: RfmInput, fn: string): RfmColumns {
  const c: RfmColumns = "columns" in input ? input.columns : input;
  const n = c.customer_id.length;
  for (const name of ["days_since_last_purchase", "orders", "total_spend"] as const) {
    if (c[name].length !== n) throw new ArgumentError(`${fn}: column ${name} has ${c[name].length} rows but customer_id has ${n}`);
  }
  return c;
}

/**
 * RFM scores 1..bins (default quintiles, 1..5) for recency, frequency and monetary value:
 * R from `days_since_last_purchase` (reversed: most recent = 5), F from `orders`, M from
 * `total_spend`. Cut points are quantiles with ties handled (see {@link rfmQuantileBreaks}):
 * equal values always share a score, no score bin is empty, and when ties make `bins` bins
 * impossible fewer scores are used, spread over 1..bins, and a note says so. Give
 * `breakpoints` (e.g. an earlier date's `result.breakpoints`) to score on that scale instead.
 * Also returns `fm`, the combined frequency-monetary score (F + M) / 2 rounded half up.
 * A purchase log has no spend (every `total_spend` NaN): M then takes the F score (segments on
 * recency and frequency alone), and a note says so.
 *
 * @param input - a customer summary, or columns `customer_id`, `days_since_last_purchase` (days), `orders` (count), `total_spend` (currency units)
 * @param options - `bins` (default 5, or the breakpoints' bins), `breakpoints` to reuse
 * @returns frozen scores with the cut points and notes
 * @throws ArgumentError for unequal column lengths, a non-finite value, bad `bins`, or breakpoints that are not strictly increasing
 * @example
 * const s = rfmScores({ customer_id: ["a", "b"], days_since_last_purchase: [3, 90], orders: [4, 1], total_spend: [200, 20] });
 * [s.r[0], s.f[0], s.m[0]]; // [5, 5, 5]
 * s.breakpoints.f; // [1]
 */
export function rfmScores(
  input: RfmInput,
  options: { readonly bins?: number; readonly breakpoints?: RfmBreakpoints } = {},
): RfmScores {
  const fn = "rfmScores";
  const c = rfmColumnsOf(input, fn);
  const bins = options.breakpoints?.bins ?? options.bins ?? 5;
  if (options.bins !== undefined && options.breakpoints !== undefined && options.bins !== options.breakpoints.bins) {
    throw new ArgumentError(`${fn}: bins ${options.bins} differs from the breakpoints' bins ${options.breakpoints.bins}`);
  }
  if (!Number.isInteger(bins) || bins < 2 || bins > 10) throw new ArgumentError(`${fn}: bins ${bins} is not a whole number from 2 to 10`);
  const raw = {
    r: Float64Array.from(c.days_since_last_purchase),
    f: Float64Array.from(c.orders),
    m: Float64Array.from(c.total_spend),
  };
  const given = options.breakpoints;
  // No amounts at all (a purchase log): score M as F, so the segment map runs on R and F.
  const noSpend = raw.m.length > 0 && raw.m.every(Number.isNaN);
  const wrap = (e: unknown): never => {
    throw new ArgumentError(`${fn}: ${e instanceof Error ? e.message.replace(/^\w+: /, "") : String(e)}`);
  };
  let r: Uint8Array, f: Uint8Array, m: Uint8Array;
  let cuts: { r: number[]; f: number[]; m: number[] };
  try {
    cuts = {
      r: given ? [...given.r] : [...rfmQuantileBreaks(raw.r, bins)],
      f: given ? [...given.f] : [...rfmQuantileBreaks(raw.f, bins)],
      m: [],
    };
    cuts.m = noSpend ? [...cuts.f] : given ? [...given.m] : [...rfmQuantileBreaks(raw.m, bins)];
    r = rfmScoreValues(raw.r, cuts.r, { bins, reverse: true });
    f = rfmScoreValues(raw.f, cuts.f, { bins });
    m = noSpend ? Uint8Array.from(f) : rfmScoreValues(raw.m, cuts.m, { bins });
  } catch (e) {
    return wrap(e);
  }
  const fm = new Uint8Array(r.length);
  for (let i = 0; i < fm.length; i++) fm[i] = Math.ceil((f[i]! + m[i]!) / 2);
  const used = (s: Uint8Array): number[] => {
    const seen = new Set<number>(s);
    return [...seen].sort((a, b) => a - b);
  };
  const scoresUsed = { r: used(r), f: used(f), m: used(m) };
  const notes: string[] = [];
  for (const k of ["r", "f", "m"] as const) {
    const levels = cuts[k].length + 1;
    if (!given && levels < bins && c.customer_id.length > 0) {
      notes.push(`${LABEL[k]}: ties allow only ${levels} distinct score${levels === 1 ? "" : "s"} (${scoresUsed[k].join(", ")}) instead of ${bins}`);
    }
  }
  if (noSpend) notes.push("no amounts in the data (a purchase log): M is scored as F, so the segments rest on recency and frequency alone");
  if (given) notes.push(`scored on given breakpoints (bins ${bins}), not on this data's own quantiles`);
  const periodEnd = "calibrationEnd" in input ? input.calibrationEnd : null;
  return Object.freeze({
    length: c.customer_id.length,
    customer_id: Object.freeze([...c.customer_id]),
    days_since_last_purchase: raw.r,
    orders: raw.f,
    total_spend: raw.m,
    r,
    f,
    m,
    fm,
    breakpoints: Object.freeze({ bins, r: Object.freeze(cuts.r), f: Object.freeze(cuts.f), m: Object.freeze(cuts.m) }),
    scoresUsed: Object.freeze({ r: Object.freeze(scoresUsed.r), f: Object.freeze(scoresUsed.f), m: Object.freeze(scoresUsed.m) }),
    notes: Object.freeze(notes),
    periodEnd,
  });
}
