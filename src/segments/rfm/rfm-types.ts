import type { CustomerSummary } from "../../summary/types.js";

/**
 * The three RFM raw columns, one entry per customer, named as in the customer summary.
 * `days_since_last_purchase` is the RFM recency (whole days to the period end), never the model
 * `recency` (first to last purchase).
 */
export interface RfmColumns {
  readonly customer_id: readonly string[];
  /** R raw: days from the last purchase to the period end (days). */
  readonly days_since_last_purchase: ArrayLike<number>;
  /** F raw: orders in the period (count). */
  readonly orders: ArrayLike<number>;
  /** M raw: total net spend in the period (currency units). */
  readonly total_spend: ArrayLike<number>;
}

/** What RFM scoring takes: a customer summary or just its RFM columns. */
export type RfmInput = CustomerSummary | RfmColumns;

/**
 * Cut points of the three scores, strictly increasing raw values: a value v is in bin
 * `1 + (number of cuts c with v > c)`. Store them to score a later date on the same scale.
 */
export interface RfmBreakpoints {
  /** Top of the score scale (5 for quintiles). */
  readonly bins: number;
  /** Cut points on days since the last purchase (days); R is reversed: fewest days score highest. */
  readonly r: readonly number[];
  /** Cut points on orders (count). */
  readonly f: readonly number[];
  /** Cut points on total spend (currency units). */
  readonly m: readonly number[];
}

/** RFM scores, one entry per customer in input order (frozen; typed arrays are not frozen: do not write to them). */
export interface RfmScores {
  readonly length: number;
  readonly customer_id: readonly string[];
  /** R raw (days). */
  readonly days_since_last_purchase: Float64Array;
  /** F raw (count). */
  readonly orders: Float64Array;
  /** M raw (currency units). */
  readonly total_spend: Float64Array;
  /** Recency score 1..bins, most recent = bins. */
  readonly r: Uint8Array;
  /** Frequency score 1..bins, most orders = bins. */
  readonly f: Uint8Array;
  /** Monetary score 1..bins, most spend = bins. */
  readonly m: Uint8Array;
  /** Combined frequency-monetary score: (F + M) / 2 rounded half up. */
  readonly fm: Uint8Array;
  /** The cut points used (computed here, or the ones given). */
  readonly breakpoints: RfmBreakpoints;
  /** The scores that occur, per dimension, e.g. `{ r: [1,2,3,4,5], f: [1,3,5], m: [...] }`. */
  readonly scoresUsed: { readonly r: readonly number[]; readonly f: readonly number[]; readonly m: readonly number[] };
  /** Plain-language notes, e.g. when ties allow fewer than `bins` scores. */
  readonly notes: readonly string[];
  /** The period end of the summary scored, ISO date, when known. */
  readonly periodEnd: string | null;
}
