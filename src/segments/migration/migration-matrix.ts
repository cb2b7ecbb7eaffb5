import { ArgumentError } from "../../math/argument-error.js";
/** Segment names per customer at one date. */
export interface SegmentAssignment {
  readonly customer_id: readonly string[];
  readonly segment: readonly string[];
}

/** The row of customers present at the second date only. */
export const NEW_CUSTOMERS_ROW = "new";

/**
 * A migration matrix between two dates: rows are the segments at the first date (plus the row
 * {@link NEW_CUSTOMERS_ROW} for customers new by the second), columns the segments at the second.
 * Counts are customers; revenue is spend in the period between the dates (currency units).
 */
export interface MigrationMatrix {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** Customers, `counts[row][column]`. */
  readonly counts: readonly (readonly number[])[];
  /** Spend between the dates, `revenue[row][column]` (currency units; 0 without spend). */
  readonly revenue: readonly (readonly number[])[];
  /** Row shares: `counts[row][column] / rowTotals[row]` (null for an empty row). */
  readonly rowShares: readonly (readonly (number | null)[])[];
  readonly rowTotals: readonly number[];
  readonly columnTotals: readonly number[];
  /** Customers at the first date with no row at the second (0 when both come from the same transactions). */
  readonly missingAtSecond: number;
  /** Per first-date segment (not "new"): shares of its customers who moved to a better, the same or a worse segment. */
  readonly movement: readonly { readonly segment: string; readonly customers: number; readonly up: number | null; readonly same: number | null; readonly down: number | null }[];
  /** Over all customers present at both dates: shares moving up, staying, moving down. */
  readonly overall: { readonly customers: number; readonly up: number | null; readonly same: number | null; readonly down: number | null };
}

/**
 * Cross-tabulates the segments of the same customers at two dates, by customer id.
 *
 * @param first - segments at the first date
 * @param second - segments at the second date
 * @param options - `order`: segment names best first (ranks for up/down; default: first appearance in `first` then `second`);
 *   `spend`: spend between the dates per customer of `second`, in its order (currency units)
 * @returns the frozen matrix; its counts sum to the customers at the second date
 * @throws ArgumentError for unequal lengths, a repeated customer id, a segment missing from `order`, or a non-finite spend
 * @example
 * migrationMatrix({ customer_id: ["a"], segment: ["Lost"] }, { customer_id: ["a", "b"], segment: ["Champions", "Lost"] }, { order: ["Champions", "Lost"] }).counts;
 * // [[0, 0], [1, 0], [0, 1]]: rows Champions, Lost, new
 */
export function migrationMatrix(
  first: SegmentAssignment,
  second: SegmentAssignment,
  options: { readonly order?: readonly string[]; readonly spend?: ArrayLike<number> } = {},
): MigrationMatrix {
  const fn = "migrationMatrix";
  const { order, spend } = checkAssignments(first, second, options);
  const rank = new Map(order.map((s, k) => [s, k]));
  const before = new Map<string, string>();
  first.customer_id.forEach((id, i) => {
    if (before.has(id)) throw new ArgumentError(`${fn}: customer "${id}" appears twice at the first date`);
    before.set(id, first.segment[i]!);
  });
  const k = order.length;
  const rowOf = new Int32Array(second.customer_id.length), colOf = new Int32Array(second.customer_id.length);
  const seen = new Set<string>();
  second.customer_id.forEach((id, i) => {
    if (seen.has(id)) throw new ArgumentError(`${fn}: customer "${id}" appears twice at the second date`);
    seen.add(id);
    const was = before.get(id);
    rowOf[i] = was === undefined ? k : rank.get(was)!;
    colOf[i] = rank.get(second.segment[i]!)!;
  });
  let missing = 0;
  for (const id of before.keys()) if (!seen.has(id)) missing += 1;
  return crossTabulate(order, rowOf, colOf, spend, missing);
}

/**
 * {@link migrationMatrix} of two snapshots whose customers come in one order, the first's a
 * subsequence of the second's (two customer summaries of one transactions table, listed by the
 * engine's customer codes, ids unique): paired by one walk, with no map by id. Returns null when
 * the first's customers are not in that order (then use migrationMatrix).
 *
 * @param first - segments at the first date
 * @param second - segments at the second date
 * @param options - as {@link migrationMatrix}; `order` required
 * @returns the frozen matrix, or null
 * @throws ArgumentError as {@link migrationMatrix}
 * @example
 * migrationMatrixInOrder({ customer_id: ["a"], segment: ["Lost"] }, { customer_id: ["a", "b"], segment: ["Champions", "Lost"] }, { order: ["Champions", "Lost"] })!.counts;
 * // [[0, 0], [1, 0], [0, 1]]
 */
export function migrationMatrixInOrder(
  first: SegmentAssignment,
  second: SegmentAssignment,
  options: { readonly order: readonly string[]; readonly spend?: ArrayLike<number> },
): MigrationMatrix | null {
  const { order, spend } = checkAssignments(first, second, options);
  const rank = new Map(order.map((s, k) => [s, k]));
  const k = order.length, n1 = first.customer_id.length, n2 = second.customer_id.length;
  const rowOf = new Int32Array(n2), colOf = new Int32Array(n2);
  let j = 0;
  for (let i = 0; i < n2; i++) {
    const id = second.customer_id[i]!;
    if (j < n1 && first.customer_id[j] === id) rowOf[i] = rank.get(first.segment[j++]!)!;
    else rowOf[i] = k;
    colOf[i] = rank.get(second.segment[i]!)!;
  }
  return j === n1 ? crossTabulate(order, rowOf, colOf, spend, 0) : null;
}

/** Checks the lengths, the spend and that every segment is in the order; the order (default: first appearance). */
function checkAssignments(first: SegmentAssignment, second: SegmentAssignment, options: { readonly order?: readonly string[]; readonly spend?: ArrayLike<number> }): { order: readonly string[]; spend: ArrayLike<number> | undefined } {
  const fn = "migrationMatrix";
  for (const [name, a] of [["first", first], ["second", second]] as const) {
    if (a.customer_id.length !== a.segment.length) throw new ArgumentError(`${fn}: ${name} has ${a.customer_id.length} customer ids but ${a.segment.length} segments`);
  }
  const spend = options.spend;
  if (spend && spend.length !== second.customer_id.length) throw new ArgumentError(`${fn}: ${spend.length} spend values for ${second.customer_id.length} customers`);
  const order = options.order ?? [...new Set([...first.segment, ...second.segment])];
  const known = new Set(order);
  for (const segments of [first.segment, second.segment]) {
    let last: string | undefined;
    for (const s of segments) {
      if (s === last) continue; // runs of one segment checked once
      if (!known.has(s)) throw new ArgumentError(`${fn}: segment "${s}" is not in the order [${order.join(", ")}]`);
      last = s;
    }
  }
  if (spend) {
    for (let i = 0; i < spend.length; i++) {
      if (!Number.isFinite(spend[i]!)) throw new ArgumentError(`${fn}: spend ${spend[i]} of customer "${second.customer_id[i]}" is not a finite number`);
    }
  }
  return { order, spend };
}

/** The matrix from each second-date customer's row (first-date segment rank, or k for new) and column. */
function crossTabulate(order: readonly string[], rowOf: Int32Array, colOf: Int32Array, spend: ArrayLike<number> | undefined, missing: number): MigrationMatrix {
  const k = order.length;
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(k).fill(0));
  const revenue = Array.from({ length: k + 1 }, () => new Array<number>(k).fill(0));
  const moves = Array.from({ length: k }, () => ({ up: 0, same: 0, down: 0 }));
  for (let i = 0; i < rowOf.length; i++) {
    const row = rowOf[i]!, col = colOf[i]!;
    counts[row]![col]! += 1;
    revenue[row]![col]! += spend ? spend[i]! : 0;
    if (row < k) {
      const m = moves[row]!;
      if (col < row) m.up += 1;
      else if (col === row) m.same += 1;
      else m.down += 1;
    }
  }
  const rowTotals = counts.map((r) => r.reduce((a, b) => a + b, 0));
  const share = (x: number, of: number): number | null => (of > 0 ? x / of : null);
  const movement = order.map((segment, j) => {
    const m = moves[j]!;
    const total = m.up + m.same + m.down;
    return Object.freeze({ segment, customers: total, up: share(m.up, total), same: share(m.same, total), down: share(m.down, total) });
  });
  const all = moves.reduce((a, m) => ({ up: a.up + m.up, same: a.same + m.same, down: a.down + m.down }), { up: 0, same: 0, down: 0 });
  const both = all.up + all.same + all.down;
  const freeze2 = <T>(rows: T[][]): readonly (readonly T[])[] => Object.freeze(rows.map((r) => Object.freeze(r)));
  return Object.freeze({
    rows: Object.freeze([...order, NEW_CUSTOMERS_ROW]),
    columns: Object.freeze([...order]),
    counts: freeze2(counts),
    revenue: freeze2(revenue),
    rowShares: freeze2(counts.map((r, j) => r.map((c) => share(c, rowTotals[j]!)))),
    rowTotals: Object.freeze(rowTotals),
    columnTotals: Object.freeze(order.map((_, c) => counts.reduce((a, r) => a + r[c]!, 0))),
    missingAtSecond: missing,
    movement: Object.freeze(movement),
    overall: Object.freeze({ customers: both, up: share(all.up, both), same: share(all.same, both), down: share(all.down, both) }),
  });
}
