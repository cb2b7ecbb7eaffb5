/**
 * The DuckDB SQL of the customer summary over a table `(customer_id, day, amount, refund, order_id)`
 * (the warehouse dialects are in `warehouseSummarySql`). Two aggregations: the lines by customer
 * and day (purchase value, net spend), then the days by customer; the first purchase day's value
 * is taken off the calibration value for the repeat value. Days are integers (days since 1970-01-01); `cal` and `obs` are the last
 * days of the calibration and observation periods, inclusive. Durations stay in days; the
 * caller divides by the time unit. Money is summed as DECIMAL(38, 10): exact to 1e-10 and the same
 * whatever order parallel threads add it in (a sum of doubles is not), so the summary is
 * deterministic. DECIMAL(38, 10) holds 28 integer digits; every amount and refund is within
 * ±1e12 (the loaders reject other lines, `loadTransactionsTable` checks again), so even 2^31
 * lines of one customer and day sum to at most 2.2e21 and no cast or sum can overflow.
 *
 * Output columns: customer_id, first_day, last_day, frequency, monetary_value, orders,
 * total_spend, frequency_holdout, monetary_holdout; ordered by customer_id (our engine table
 * holds integer customer codes in order of first appearance, so this keeps input order).
 *
 * @param table - the transactions table name
 * @param cal - calibration end, days since 1970-01-01
 * @param obs - observation end, days since 1970-01-01
 * @param hasOrders - count distinct order ids as orders (else purchase days)
 * @param sources - tables of {@link summaryDaysSql} and {@link summaryOrdersSql} over `table`, made
 *   once for summaries at several dates (default: both computed inside the query)
 * @returns the SQL text
 * @example
 * summarySql("tx", 10134, 10407, false).startsWith("WITH"); // true
 */
export function summarySql(table: string, cal: number, obs: number, hasOrders: boolean, sources?: SummarySources): string {
  const days = sources?.days ?? `(${summaryDaysSql(table)})`;
  const orders = sources?.orders ?? `(${summaryOrdersSql(table)})`;
  const orderCounts = hasOrders
    ? `, orders AS (SELECT customer_id, COUNT(*) FILTER (WHERE first_day <= ${cal}) AS n FROM ${orders} GROUP BY customer_id)`
    : "";
  return `
WITH customers AS (
  SELECT customer_id,
         MIN(day) FILTER (WHERE value IS NOT NULL) AS first_day,
         MAX(day) FILTER (WHERE value IS NOT NULL AND day <= ${cal}) AS last_day,
         COUNT(*) FILTER (WHERE value IS NOT NULL AND day <= ${cal}) AS days_cal,
         SUM(value) FILTER (WHERE day <= ${cal}) AS value_cal,
         arg_min(value, day) FILTER (WHERE value IS NOT NULL) AS first_value,
         COUNT(*) FILTER (WHERE value IS NOT NULL AND day > ${cal}) AS frequency_holdout,
         SUM(net) FILTER (WHERE day <= ${cal}) AS total_spend,
         SUM(net) FILTER (WHERE day > ${cal}) AS monetary_holdout
  FROM ${days} WHERE day <= ${obs} GROUP BY customer_id
)${orderCounts}
SELECT c.customer_id, c.first_day, c.last_day,
       c.days_cal - 1 AS frequency,
       CASE WHEN c.days_cal > 1 THEN CAST(c.value_cal - c.first_value AS DOUBLE) / (c.days_cal - 1) ELSE 0 END AS monetary_value,
       ${hasOrders ? "COALESCE(o.n, 0)" : "c.days_cal"} AS orders,
       CAST(c.total_spend AS DOUBLE) AS total_spend,
       c.frequency_holdout,
       COALESCE(CAST(c.monetary_holdout AS DOUBLE), 0) AS monetary_holdout
FROM customers c ${hasOrders ? "LEFT JOIN orders o ON o.customer_id = c.customer_id" : ""}
WHERE c.first_day <= ${cal}
ORDER BY c.customer_id`;
}

/**
 * Tables (or parenthesised subqueries) the summary reads instead of aggregating the lines again:
 * summaries at several dates of one table share them.
 */
export interface SummarySources {
  /** The rows of {@link summaryDaysSql} over the table. */
  readonly days: string;
  /** The rows of {@link summaryOrdersSql} over the table (default: computed inside the query when orders are counted). */
  readonly orders?: string;
}

/**
 * The lines by customer and day, the first step of the summary at any dates: purchase value
 * (lines of amount >= 0; NULL on a day without a purchase line), net spend (amount - refund) and
 * the sum of amounts, all as DECIMAL(38, 10).
 *
 * @param table - the transactions table
 * @returns the SELECT (customer_id, day, value, net, amount)
 * @example
 * summaryDaysSql("tx").includes("GROUP BY customer_id, day"); // true
 */
export function summaryDaysSql(table: string): string {
  const dec = (x: string): string => `CAST(${x} AS DECIMAL(38, 10))`;
  return `SELECT customer_id, day, SUM(${dec("amount")}) FILTER (WHERE amount >= 0) AS value, SUM(${dec("amount")} - ${dec("refund")}) AS net, SUM(${dec("amount")}) AS amount FROM ${table} GROUP BY customer_id, day`;
}

/**
 * Each order id of the purchase lines (amount >= 0) with its customer and first day: an order
 * counts in a summary when its first purchase line is on or before the calibration end (as
 * COUNT(DISTINCT order_id) over those lines would count it).
 *
 * @param table - the transactions table
 * @returns the SELECT (customer_id, order_id, first_day)
 * @example
 * summaryOrdersSql("tx").includes("MIN(day)"); // true
 */
export function summaryOrdersSql(table: string): string {
  return `SELECT customer_id, order_id, MIN(day) AS first_day FROM ${table} WHERE amount >= 0 AND order_id IS NOT NULL GROUP BY customer_id, order_id`;
}

/**
 * Counts beside the summary at an observation end: customers whose first purchase is after the
 * calibration end (left out of the summary), and customers with return lines only, with the sum
 * of their amounts (currency units).
 *
 * @param table - the transactions table
 * @param cal - calibration end, days since 1970-01-01
 * @param obs - observation end, days since 1970-01-01
 * @param sources - the shared day table, if any
 * @returns the SELECT of one row (late, returns_only, returns_only_amount)
 * @example
 * summaryCountsSql("tx", 10134, 10407).startsWith("SELECT"); // true
 */
export function summaryCountsSql(table: string, cal: number, obs: number, sources?: SummarySources): string {
  const days = sources?.days ?? `(${summaryDaysSql(table)})`;
  return `SELECT COUNT(*) FILTER (WHERE first_day > ${cal})::DOUBLE AS late, COUNT(*) FILTER (WHERE first_day IS NULL)::DOUBLE AS returns_only, COALESCE(CAST(SUM(amount) FILTER (WHERE first_day IS NULL) AS DOUBLE), 0) AS returns_only_amount FROM (SELECT customer_id, MIN(day) FILTER (WHERE value IS NOT NULL) AS first_day, SUM(amount) AS amount FROM ${days} WHERE day <= ${obs} GROUP BY customer_id)`;
}
