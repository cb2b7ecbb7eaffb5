import { createRng } from "../../math/random/rng.js";
import { ArgumentError } from "../../math/argument-error.js";

/** Options of {@link targetList}. */
export interface TargetListOptions {
  /** How many customers to take (per segment with `segmentColumn`); give this or `share`. */
  readonly top?: number;
  /** Share of the customers to take, in (0, 1] (per segment with `segmentColumn`). */
  readonly share?: number;
  /** Customer id column (default "customer_id"). */
  readonly idColumn?: string;
  /** Rank within each value of this text column (e.g. "segment") instead of over everyone. */
  readonly segmentColumn?: string;
  /** Keep only customers in these segments (needs `segmentColumn`). */
  readonly segments?: readonly string[];
  /** Rank the lowest scores first (e.g. days since last purchase); default: highest first. */
  readonly ascending?: boolean;
  /** Share of the selected customers held out at random as the control group, in [0, 1) (default 0). */
  readonly holdoutShare?: number;
  /** Seed of the hold-out draw (default 1): the same seed gives the same hold-out. */
  readonly seed?: number;
}

/** A target list, best first: who to contact, and who is held out as control. */
export interface TargetList {
  readonly length: number;
  readonly customerId: readonly string[];
  /** The score each customer was ranked by (units of the score column). */
  readonly score: readonly number[];
  /** 1-based rank of the customer (within its segment when ranking by segment). */
  readonly rank: readonly number[];
  /** The customer's segment, or "all" without `segmentColumn`. */
  readonly segment: readonly string[];
  /** `treatment` (contact) or `control` (hold out, do not contact). */
  readonly group: readonly ("treatment" | "control")[];
  readonly treatment: number;
  readonly control: number;
  /** Customers passed over because their score was missing (NaN). */
  readonly missingScores: number;
}

type Columns = Readonly<Record<string, ArrayLike<number> | readonly string[]>>;

/**
 * Builds a target list: ranks customers by a score column (propensity, P(alive), expected
 * purchases, CLV, RFM score ...) and takes the top N or a share, over all customers or within
 * each segment, then holds out a random share as control with a seeded generator (stratified
 * by segment: exactly round(share × selected) per segment). Ties keep the input order.
 *
 * @param columns - customer columns, e.g. `{ customer_id, p_alive, segment }`
 * @param scoreColumn - name of the numeric column to rank by
 * @param options - top or share, id and segment columns, segments to keep, order, hold-out share and seed
 * @returns the frozen list, best first (segments in first-appearance order)
 * @throws ArgumentError for a missing or wrongly typed column, neither or both of top and share, or an option out of range
 * @example
 * targetList({ customer_id: ["A", "B", "C"], p: [0.2, 0.9, 0.5] }, "p", { top: 2 }).customerId; // ["B", "C"]
 */
export function targetList(columns: Columns, scoreColumn: string, options: TargetListOptions): TargetList {
  const fn = "targetList";
  const ids = columns[options.idColumn ?? "customer_id"], score = columns[scoreColumn];
  if (!Array.isArray(ids) || ids.some((x) => typeof x !== "string")) throw new ArgumentError(`${fn}: id column "${options.idColumn ?? "customer_id"}" is missing or not text`);
  if (score === undefined || Array.from(score as ArrayLike<unknown>).some((x) => typeof x !== "number")) throw new ArgumentError(`${fn}: score column "${scoreColumn}" is missing or not numeric`);
  if (score.length !== ids.length) throw new ArgumentError(`${fn}: score column "${scoreColumn}" has ${score.length} values for ${ids.length} customers`);
  const segCol = options.segmentColumn === undefined ? undefined : columns[options.segmentColumn];
  if (options.segmentColumn !== undefined && (!Array.isArray(segCol) || segCol.length !== ids.length)) throw new ArgumentError(`${fn}: segment column "${options.segmentColumn}" is missing or not one text per customer`);
  if ((options.top === undefined) === (options.share === undefined)) throw new ArgumentError(`${fn}: give exactly one of top and share`);
  if (options.top !== undefined && !(Number.isInteger(options.top) && options.top >= 0)) throw new ArgumentError(`${fn}: top ${options.top} is not a whole number ≥ 0`);
  if (options.share !== undefined && !(options.share > 0 && options.share <= 1)) throw new ArgumentError(`${fn}: share ${options.share} is not in (0, 1]`);
  const hold = options.holdoutShare ?? 0;
  if (!(hold >= 0 && hold < 1)) throw new ArgumentError(`${fn}: holdoutShare ${hold} is not in [0, 1)`);
  if (options.segments !== undefined && segCol === undefined) throw new ArgumentError(`${fn}: segments to keep need a segmentColumn`);
  const keep = options.segments === undefined ? null : new Set(options.segments);
  const segOf = (i: number): string => (segCol === undefined ? "all" : String(segCol[i]));
  const groups = new Map<string, number[]>();
  let missing = 0;
  for (let i = 0; i < ids.length; i++) {
    if (keep && !keep.has(segOf(i))) continue;
    if (Number.isNaN(score[i] as number)) { missing++; continue; }
    const g = groups.get(segOf(i));
    if (g) g.push(i); else groups.set(segOf(i), [i]);
  }
  const sign = options.ascending ? 1 : -1;
  const rng = createRng(options.seed ?? 1);
  const out = { customerId: [] as string[], score: [] as number[], rank: [] as number[], segment: [] as string[], group: [] as ("treatment" | "control")[] };
  for (const [segment, members] of groups) {
    members.sort((a, b) => sign * ((score[a] as number) - (score[b] as number)) || a - b);
    const take = Math.min(members.length, options.top ?? Math.round(options.share! * members.length));
    const controls = new Set(rng.shuffle(Array.from({ length: take }, (_, k) => k)).slice(0, Math.round(hold * take)));
    for (let k = 0; k < take; k++) {
      const i = members[k]!;
      out.customerId.push(ids[i] as string); out.score.push(score[i] as number); out.rank.push(k + 1); out.segment.push(segment);
      out.group.push(controls.has(k) ? "control" : "treatment");
    }
  }
  const control = out.group.filter((g) => g === "control").length;
  return Object.freeze({
    length: out.customerId.length, customerId: Object.freeze(out.customerId), score: Object.freeze(out.score), rank: Object.freeze(out.rank),
    segment: Object.freeze(out.segment), group: Object.freeze(out.group), treatment: out.customerId.length - control, control, missingScores: missing,
  });
}
