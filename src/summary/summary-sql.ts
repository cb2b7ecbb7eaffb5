/**
 * The plain SQL of the customer summary over a table `(customer_id, day, amount, refund, order_id)`,
 * written so that it can run on any SQL engine (DuckDB here; Spark SQL, BigQuery or PostgreSQL
 * for a warehouse). Days are integers (days since 1970-01-01); `cal` and `obs` are the last
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
 * @returns the SQL text
 * @example
 * summarySql("tx", 10134, 10407, false).startsWith("WITH"); // true
 */
export function summarySql(table: string, cal: number, obs: number, hasOrders: boolean): string {
  const ordersExpr = hasOrders
    ? `COUNT(DISTINCT CASE WHEN day <= ${cal} AND amount >= 0 THEN order_id END)`
    : `NULL`;
  return `
WITH lines AS (
  SELECT * FROM ${table} WHERE day <= ${obs}
),
purchase_days AS (
  SELECT customer_id, day, SUM(CAST(amount AS DECIMAL(38, 10))) AS value
  FROM lines WHERE amount >= 0
  GROUP BY customer_id, day
),
firsts AS (
  SELECT customer_id, MIN(day) AS first_day FROM purchase_days GROUP BY customer_id
),
calibration AS (
  SELECT p.customer_id, f.first_day,
         MAX(p.day) AS last_day,
         COUNT(*) - 1 AS frequency,
         SUM(CASE WHEN p.day > f.first_day THEN p.value ELSE 0 END) AS repeat_value
  FROM purchase_days p JOIN firsts f ON p.customer_id = f.customer_id
  WHERE p.day <= ${cal} AND f.first_day <= ${cal}
  GROUP BY p.customer_id, f.first_day
),
holdout AS (
  SELECT customer_id, COUNT(*) AS frequency_holdout
  FROM purchase_days WHERE day > ${cal}
  GROUP BY customer_id
),
spend AS (
  SELECT customer_id,
         SUM(CASE WHEN day <= ${cal} THEN CAST(amount AS DECIMAL(38, 10)) - CAST(refund AS DECIMAL(38, 10)) ELSE 0 END) AS total_spend,
         SUM(CASE WHEN day > ${cal} THEN CAST(amount AS DECIMAL(38, 10)) - CAST(refund AS DECIMAL(38, 10)) ELSE 0 END) AS monetary_holdout,
         ${ordersExpr} AS orders_by_id
  FROM lines GROUP BY customer_id
)
SELECT c.customer_id,
       c.first_day,
       c.last_day,
       c.frequency,
       CASE WHEN c.frequency > 0 THEN CAST(c.repeat_value AS DOUBLE) / c.frequency ELSE 0 END AS monetary_value,
       COALESCE(s.orders_by_id, c.frequency + 1) AS orders,
       CAST(s.total_spend AS DOUBLE) AS total_spend,
       COALESCE(h.frequency_holdout, 0) AS frequency_holdout,
       CAST(s.monetary_holdout AS DOUBLE) AS monetary_holdout
FROM calibration c
JOIN spend s ON s.customer_id = c.customer_id
LEFT JOIN holdout h ON h.customer_id = c.customer_id
ORDER BY c.customer_id`;
}
