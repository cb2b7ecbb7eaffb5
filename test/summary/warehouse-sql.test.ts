// `crm sql summary --dialect duckdb` prints SQL that, run as printed in DuckDB over the raw
// transactions, gives the rows `crm summary` writes from the same file (same customers, same
// numbers to 1e-9): on the bundled sample and on CDNOW (../shared/data).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withEngine } from "../../src/engine/open-engine.js";
import { warehouseSummarySql, quoteTableName } from "../../src/summary/warehouse-sql.js";
import { crm } from "../helpers/crm-in-process.js";
import { HAS_SHARED_DATA, REPO_ROOT, sharedFile } from "../helpers/shared-data.js";
import { expectSameSummary, summaryRowsFromCsv, summaryRowsFromObjects } from "../helpers/summary-rows.js";

const SAMPLE = path.join(REPO_ROOT, "data/sample/transactions.csv");
const dir = mkdtempSync(path.join(tmpdir(), "crm-sql-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the printed SQL in DuckDB after `setup` made the table, and returns its rows by customer. */
async function runInDuckDb(setup: string, sqlText: string) {
  return withEngine(async (engine) => {
    await engine.connection.run(setup);
    const result = await engine.connection.runAndReadAll(sqlText.replace(/;\s*$/, ""));
    return { names: result.columnNames(), rows: summaryRowsFromObjects(result.getRowObjectsJS()) };
  });
}

describe("crm sql summary --dialect duckdb runs as printed and equals crm summary", () => {
  const sampleTable = `CREATE TABLE "sales tx" AS SELECT customer_id, order_id, CAST("date" AS DATE) AS "date",
    CAST(amount AS DECIMAL(18, 2)) AS amount, CAST(returned_amount AS DECIMAL(18, 2)) AS returned_amount
    FROM read_csv('${SAMPLE}', header = true, all_varchar = true)`;

  for (const args of [
    { unit: "week", periods: [] as string[] },
    { unit: "day", periods: ["--calibration-end", "2024-06-30"] },
    { unit: "month", periods: ["--calibration-end", "2024-03-31", "--observation-end", "2024-09-30"] },
  ]) {
    it(`the sample, time unit ${args.unit} ${args.periods.join(" ")}`, async () => {
      const expected = await crm("summary", "--input", SAMPLE, "--time-unit", args.unit, ...args.periods, "--quiet");
      expect(expected.code, expected.err).toBe(0);
      const printed = await crm("sql", "summary", "--dialect", "duckdb", "--table", "sales tx", "--order-id", "order_id",
        "--returned-amount", "returned_amount", "--time-unit", args.unit, ...args.periods);
      expect(printed.code, printed.err).toBe(0);
      const { names, rows } = await runInDuckDb(sampleTable, printed.out);
      expect(names.join(",")).toBe(expected.out.split("\n")[0]);
      const worst = expectSameSummary(rows, summaryRowsFromCsv(expected.out));
      expect(worst).toBeLessThan(1e-9);
    }, 60_000);
  }

  it.skipIf(!HAS_SHARED_DATA)("CDNOW master (23,570 customers, 39 weeks of calibration, holdout to 1998-06-30)", async () => {
    const master = sharedFile("cdnow", "CDNOW_master.txt");
    const csv = readFileSync(master, "utf8").trim().split(/\r?\n/).map((l) => l.trim().split(/\s+/).join(",")).join("\n");
    const file = path.join(dir, "cdnow.csv");
    writeFileSync(file, `${csv}\n`);
    const periods = ["--calibration-end", "1997-09-30", "--observation-end", "1998-06-30"];
    const expected = await crm("summary", "--input", master, "--amount", "dollar_value", "--date-format", "yyyymmdd", ...periods, "--quiet");
    expect(expected.code, expected.err).toBe(0);
    const printed = await crm("sql", "summary", "--dialect", "duckdb", "--table", "cdnow", "--date", "day", "--amount", "dollar_value", ...periods);
    const setup = `CREATE TABLE cdnow AS SELECT customer_id, strptime("date", '%Y%m%d')::DATE AS "day", CAST(dollar_value AS DOUBLE) AS dollar_value
      FROM read_csv('${file}', header = true, all_varchar = true)`;
    const { rows } = await runInDuckDb(setup, printed.out);
    expect(rows.size).toBe(23570);
    expectSameSummary(rows, summaryRowsFromCsv(expected.out));
  }, 60_000);

  it("leaves out the lines crm rejects: blank id, blank or future date, amount beyond 1e12", async () => {
    const setup = `CREATE TABLE tx AS SELECT * FROM (VALUES
      ('A', DATE '2024-01-01', 10.0), ('A', DATE '2024-01-08', 5.0), (' ', DATE '2024-01-02', 7.0), (NULL, DATE '2024-01-02', 7.0),
      ('B', NULL, 3.0), ('B', DATE '2024-01-03', 2e12), ('B', DATE '2024-01-03', 4.0), ('B', CURRENT_DATE + 400, 4.0),
      ('C', DATE '2024-01-05', NULL)) AS t(customer_id, "date", amount)`;
    const { rows } = await runInDuckDb(setup, warehouseSummarySql({ dialect: "duckdb", table: "tx", timeUnit: "day" }));
    expect([...rows.keys()]).toEqual(["A", "B"]);
    expect(rows.get("A")).toMatchObject({ frequency: 1, recency: 7, T: 7, monetary_value: 5, total_spend: 15, orders: 2 });
    expect(rows.get("B")).toMatchObject({ frequency: 0, T: 5, total_spend: 4, first_purchase: "2024-01-03" });
  });
});

describe("the other dialects", () => {
  it("quote names and sum money as each dialect does exactly", () => {
    expect(quoteTableName("postgres", 'sales.t"x')).toBe('"sales"."t""x"');
    expect(quoteTableName("bigquery", "proj.ds.tx")).toBe("`proj.ds.tx`");
    const sql = (dialect: "postgres" | "bigquery" | "snowflake") => warehouseSummarySql({ dialect, table: "tx" });
    expect(sql("postgres")).toContain("CAST(amount_raw AS NUMERIC)");
    expect(sql("bigquery")).toContain("CAST(amount_raw AS BIGNUMERIC)");
    expect(sql("bigquery")).toContain("AS `T`");
    expect(sql("snowflake")).toContain("CAST(amount_raw AS NUMBER(38, 10))");
    expect(sql("snowflake")).toContain('AS "T"');
    expect(sql("snowflake")).toContain('TRIM(CAST("CUSTOMER_ID" AS VARCHAR))');
  });

  it("refuse a calibration end after the observation end, and an unknown dialect, in one line", async () => {
    const r = await crm("sql", "summary", "--dialect", "oracle", "--table", "tx");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--dialect must be one of duckdb, postgres, bigquery, snowflake/);
    const late = await crm("sql", "summary", "--dialect", "postgres", "--table", "tx", "--calibration-end", "2024-02-01", "--observation-end", "2024-01-01");
    expect(late.code).toBe(2);
    expect(late.err.trim().split("\n")).toHaveLength(1);
  });
});
