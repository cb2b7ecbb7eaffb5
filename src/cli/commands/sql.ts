import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { choiceFlag, parseFlags, stringFlag } from "../parse-flags.js";
import { UsageError } from "../usage-error.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { SQL_DIALECTS, warehouseSummarySql, type WarehouseColumns } from "../../summary/warehouse-sql.js";

const HELP = `crm sql: print the SQL of an analysis for a database or warehouse

Usage: crm sql summary --dialect duckdb|postgres|bigquery|snowflake --table T
                       [--calibration-end D] [--observation-end D] [--time-unit day|week|month]
                       [--customer COL] [--date COL] [--amount COL] [--order-id COL]
                       [--returned-amount COL] [--from D] [--to D] [--returns net|exclude]
                       [--today D] [--out FILE.sql]

Prints one SQL statement that computes the customer summary inside the database, runnable as
printed: one row per customer with the columns and meaning of the CSV that crm summary writes
(customer_id, frequency, recency, T, monetary_value, first_purchase, last_purchase,
days_since_last_purchase, orders, total_spend, frequency_holdout, monetary_holdout), ordered by
customer id. Save its result as CSV and give it to crm fit MODEL --summary FILE or
crm report --summary FILE.

The table holds the raw lines: a customer id (any type, read as trimmed text), a DATE, TIMESTAMP
or ISO-text date column and a numeric amount; optionally an order id and a returned amount.
Lines are checked as crm checks a file (blank id, blank or out-of-range date, a date after the
observation end or after the run date, blank or out-of-range amount: left out). Money is summed
exactly (DECIMAL / NUMERIC / BIGNUMERIC / NUMBER), identifiers are quoted as the dialect quotes
them (so their case matters in PostgreSQL and Snowflake; Snowflake's default column names are
CUSTOMER_ID, DATE and AMOUNT, as it stores unquoted names). Without --observation-end the SQL
uses the database's CURRENT_DATE as the run date. Only DuckDB and PostgreSQL SQL is run by
crm's tests; BigQuery and Snowflake SQL follows their documentation.

Table and columns:
      --dialect D           duckdb | postgres | bigquery | snowflake (required)
      --table T             table or view, e.g. tx, sales.tx, project.dataset.tx (required)
      --customer COL        customer id column (default customer_id)
      --date COL            date column (default date)
      --amount COL          amount column (default amount)
      --order-id COL        order id column (optional; orders are then distinct order ids, else
                            purchase days)
      --returned-amount COL refunds on purchase lines (optional; deducted from spend)
Periods and rules:
      --calibration-end D   last day of the calibration period, YYYY-MM-DD (default: observation end)
      --observation-end D   last day observed (default: the last valid date up to the run date)
      --time-unit U         day | week (days/7) | month (days/30.4375); default week
      --from D, --to D      keep only lines dated from/to these days
      --returns P           net (default: negative lines are returns) | exclude
      --today D             the run date written into the SQL (default: the database's CURRENT_DATE)
Output:
      --out FILE.sql        write the SQL there (atomically); default: stdout
  -h, --help                this help`;

/** The flags of `crm sql summary` that name a source column, and the field each maps. */
const COLUMN_FLAGS: readonly (readonly [string, keyof WarehouseColumns])[] = [
  ["customer", "customerId"],
  ["date", "date"],
  ["amount", "amount"],
  ["order-id", "orderId"],
  ["returned-amount", "returnedAmount"],
];

/** `crm sql`: the customer-summary SQL for a database or warehouse. */
export const sqlCommand: Command = {
  name: "sql",
  summary: "print the customer-summary SQL for DuckDB, PostgreSQL, BigQuery or Snowflake",
  help: HELP,
  async run(argv, io) {
    const [what, ...rest] = argv;
    if (what !== "summary") {
      throw new UsageError(`crm sql: name what to print first: crm sql summary --dialect D --table T${what === undefined ? "" : ` (got "${what}")`}`);
    }
    const flags = parseFlags("sql", rest, {
      dialect: { type: "string" },
      table: { type: "string" },
      customer: { type: "string" },
      date: { type: "string" },
      amount: { type: "string" },
      "order-id": { type: "string" },
      "returned-amount": { type: "string" },
      "calibration-end": { type: "string" },
      "observation-end": { type: "string" },
      "time-unit": { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      returns: { type: "string" },
      today: { type: "string" },
      out: { type: "string", short: "o" },
    });
    if (stringFlag(flags, "dialect") === undefined) throw new UsageError(`crm sql: --dialect is required: one of ${SQL_DIALECTS.join(", ")}`);
    const dialect = choiceFlag("sql", flags, "dialect", SQL_DIALECTS, "duckdb");
    const table = stringFlag(flags, "table");
    if (table === undefined || table.trim() === "") throw new UsageError("crm sql: --table T is required (the table or view that holds the transactions)");
    const columns: Record<string, string> = {};
    for (const [flag, field] of COLUMN_FLAGS) {
      const v = stringFlag(flags, flag);
      if (v !== undefined && v.trim() === "") throw new UsageError(`crm sql: --${flag} is blank; give a column name`);
      if (v !== undefined) columns[field] = v;
    }
    const today = stringFlag(flags, "today");
    if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError(`crm sql: --today must be a date YYYY-MM-DD (got "${today}")`);
    await checkOutFlags("sql", flags);
    const sql = warehouseSummarySql({
      dialect,
      table,
      columns,
      calibrationEnd: stringFlag(flags, "calibration-end"),
      observationEnd: stringFlag(flags, "observation-end"),
      from: stringFlag(flags, "from"),
      to: stringFlag(flags, "to"),
      returns: choiceFlag("sql", flags, "returns", ["net", "exclude"] as const, "net"),
      timeUnit: choiceFlag("sql", flags, "time-unit", ["day", "week", "month"] as const, "week"),
      today,
    });
    const text = `${sql};\n`;
    const out = stringFlag(flags, "out");
    if (out === undefined) io.out(text);
    else io.err(`crm: wrote ${await writeFileAtomic(out, text)}`);
    return 0;
  },
};
