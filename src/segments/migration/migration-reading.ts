import type { MigrationMatrix } from "./migration-matrix.js";

const pct = (x: number | null): string => (x === null ? "–" : `${(Math.round(x * 1000) / 10).toString()} %`);
const int = (x: number): string => Math.round(x).toLocaleString("en-US");

/**
 * A plain-language reading of a migration matrix for a manager: how many customers moved to a
 * better or worse segment, which segments improved and declined most, where the new customers
 * landed, and how much of the spend between the dates came from customers who moved up.
 *
 * @param matrix - from `migrationMatrix` (rows best first, then "new")
 * @param options - `from`, `to`: the two dates (ISO), for the sentences; `minCustomers`: smallest segment named (default 20)
 * @returns the sentences, frozen
 * @throws never
 * @example
 * migrationReading(m, { from: "2025-09-01", to: "2025-10-31" })[0];
 * // "Of 3,900 customers present on both dates, 12.5 % moved to a better segment, 60 % stayed and 27.5 % moved to a worse one."
 */
export function migrationReading(
  matrix: MigrationMatrix,
  options: { readonly from?: string; readonly to?: string; readonly minCustomers?: number } = {},
): readonly string[] {
  const from = options.from ?? "the first date";
  const to = options.to ?? "the second date";
  const minCustomers = options.minCustomers ?? 20;
  const o = matrix.overall;
  const out: string[] = [];
  if (o.customers === 0) {
    out.push(`No customer is present on both ${from} and ${to}, so there is no movement to read.`);
  } else {
    out.push(`Of ${int(o.customers)} customers present on both dates, ${pct(o.up)} moved to a better segment, ${pct(o.same)} stayed and ${pct(o.down)} moved to a worse one.`);
    const named = matrix.movement.filter((m) => m.customers >= minCustomers);
    const improved = [...named].filter((m) => (m.up ?? 0) > 0).sort((a, b) => b.up! - a.up!).slice(0, 3);
    const declined = [...named].filter((m) => (m.down ?? 0) > 0).sort((a, b) => b.down! - a.down!).slice(0, 3);
    if (improved.length > 0) out.push(`Improved most: ${improved.map((m) => `${m.segment} (${pct(m.up)} moved up)`).join(", ")}.`);
    if (declined.length > 0) out.push(`Declined most: ${declined.map((m) => `${m.segment} (${pct(m.down)} moved down)`).join(", ")}.`);
  }
  const k = matrix.columns.length;
  const newTotal = matrix.rowTotals[k] ?? 0;
  if (newTotal > 0) {
    const newRow = matrix.counts[k]!;
    const top = newRow.indexOf(Math.max(...newRow));
    out.push(`${int(newTotal)} customers bought for the first time after ${from}; ${pct(newRow[top]! / newTotal)} of them are now ${matrix.columns[top]}.`);
  }
  let total = 0;
  let up = 0;
  matrix.revenue.forEach((row, r) =>
    row.forEach((v, c) => {
      total += v;
      if (r < k && c < r) up += v;
    }),
  );
  if (total > 0) out.push(`Of the spend between ${from} and ${to}, ${pct(up / total)} came from customers who moved to a better segment.`);
  out.push(
    "Time alone moves customers down (the days since their last purchase grow), so judge a campaign by comparing its period with a similar period without one, or its contacted customers with a control group.",
  );
  return Object.freeze(out);
}
