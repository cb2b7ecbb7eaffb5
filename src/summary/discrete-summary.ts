import { isoDayOption } from "../data/parse/iso-day-option.js";
import type { Transactions } from "../data/types.js";
import { loadTransactionsTable } from "../engine/load-transactions-table.js";
import { withEngine } from "../engine/open-engine.js";
import { DAYS_PER_UNIT, type TimeUnit } from "./types.js";

/** A discrete-time summary for the BG/BB model: one row per customer. */
export interface DiscreteSummary {
  readonly customerId: readonly string[];
  /** Repeat transaction opportunities with a purchase, x. */
  readonly frequency: Float64Array;
  /** The opportunity of the last repeat purchase, t_x (0 when x = 0). */
  readonly recency: Float64Array;
  /** Opportunities after the first purchase up to the calibration end, n. */
  readonly periods: Float64Array;
}

/**
 * Turns transactions into discrete opportunities for the BG/BB model (Fader, Hardie & Shang
 * 2010): each whole time unit after a customer's first purchase is one opportunity (period k
 * covers days [k·unit, (k+1)·unit) after the first purchase, k >= 1); x counts the periods with a
 * purchase, t_x is the last of them, and n the opportunities wholly observed by the calibration
 * end (a period not yet over is not an opportunity; customers with n = 0 are left out).
 * Purchases are lines with amount >= 0.
 *
 * @param transactions - the validated transactions
 * @param options - calibration end (ISO, default the last date) and the unit of one opportunity (default month)
 * @returns the per-customer x, t_x and n
 * @throws ArgumentError for a malformed date
 * @example
 * const d = await discreteSummary(tx, { calibrationEnd: "2025-06-30", timeUnit: "month" });
 * d.periods[0]; // whole months observed for the first customer
 */
export async function discreteSummary(
  transactions: Transactions,
  options: { readonly calibrationEnd?: string; readonly timeUnit?: TimeUnit } = {},
): Promise<DiscreteSummary> {
  const unit = DAYS_PER_UNIT[options.timeUnit ?? "month"];
  let last = -Infinity;
  for (let i = 0; i < transactions.length; i++) last = Math.max(last, transactions.day[i]!);
  const cal = options.calibrationEnd === undefined ? last : isoDayOption(options.calibrationEnd, "discreteSummary", "calibrationEnd");
  return withEngine(async (engine) => {
    const { table, customerIds } = await loadTransactionsTable(engine, transactions);
    const sql = `
WITH p AS (SELECT customer_id, day FROM ${table} WHERE amount >= 0 AND day <= ${cal}),
f AS (SELECT customer_id, MIN(day) AS first_day FROM p GROUP BY customer_id),
k AS (SELECT DISTINCT p.customer_id, CAST(FLOOR((p.day - f.first_day) / ${unit}) AS INTEGER) AS period
      FROM p JOIN f ON p.customer_id = f.customer_id),
n AS (SELECT customer_id, first_day, CAST(FLOOR((${cal} - first_day + 1) / ${unit}) AS INTEGER) - 1 AS periods FROM f)
SELECT n.customer_id, n.periods,
       COUNT(k.period) FILTER (WHERE k.period BETWEEN 1 AND n.periods) AS frequency,
       COALESCE(MAX(k.period) FILTER (WHERE k.period BETWEEN 1 AND n.periods), 0) AS recency
FROM n LEFT JOIN k ON k.customer_id = n.customer_id
WHERE n.periods >= 1
GROUP BY n.customer_id, n.periods
ORDER BY n.customer_id`;
    const cols = (await engine.connection.runAndReadAll(sql)).getColumnsObjectJS();
    const num = (name: string): Float64Array => Float64Array.from(cols[name] ?? [], (v) => Number(v));
    const periods = num("periods");
    const frequency = num("frequency");
    const recency = num("recency");
    return Object.freeze({
      customerId: Object.freeze((cols.customer_id ?? []).map((c) => customerIds[Number(c)]!)),
      frequency,
      recency,
      periods,
    });
  });
}
