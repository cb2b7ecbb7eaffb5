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
  for (const [name, a] of [["first", first], ["second", second]] as const) {
    if (a.customer_id.length !== a.segment.length) throw new ArgumentError(`${fn}: ${name} has ${a.customer_id.length} customer ids but ${a.segment.length} segments`);
  }
  const spend = options.spend;
  if (spend && spend.length !== second.customer_id.length) throw new ArgumentError(`${fn}: ${spend.length} spend values for ${second.customer_id.length} customers`);
  const order = options.order ?? [...new Set([...first.segment, ...second.segment])];
  const rank = new Map(order.map((s, k) => [s, k]));
  for (const s of [...first.segment, ...second.segment]) {
    if (!rank.has(s)) throw new ArgumentError(`${fn}: segment "${s}" is not in the order [${order.join(", ")}]`);
  }
  const before = new Map<string, string>();
  first.customer_id.forEach((id, i) => {
    if (before.has(id)) throw new ArgumentError(`${fn}: customer "${id}" appears twice at the first date`);
    before.set(id, first.segment[i]!);
  });
  const k = order.length;
  const counts = Array.from({ length: k + 1 }, () => new Array<number>(k).fill(0));
  const revenue = Array.from({ length: k + 1 }, () => new Array<number>(k).fill(0));
  const moves = Array.from({ length: k }, () => ({ up: 0, same: 0, down: 0 }));
  const seen = new Set<string>();
  second.customer_id.forEach((id, i) => {
    if (seen.has(id)) throw new ArgumentError(`${fn}: customer "${id}" appears twice at the second date`);
    seen.add(id);
    const v = spend ? spend[i]! : 0;
    if (!Number.isFinite(v)) throw new ArgumentError(`${fn}: spend ${v} of customer "${id}" is not a finite number`);
    const was = before.get(id);
    const row = was === undefined ? k : rank.get(was)!;
    const col = rank.get(second.segment[i]!)!;
    counts[row]![col]! += 1;
    revenue[row]![col]! += v;
    if (row < k) {
      const m = moves[row]!;
      if (col < row) m.up += 1;
      else if (col === row) m.same += 1;
      else m.down += 1;
    }
  });
  let missing = 0;
  for (const id of before.keys()) if (!seen.has(id)) missing += 1;
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
