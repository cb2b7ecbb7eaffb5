// --db against a real PostgreSQL server: a throwaway cluster (test/helpers/postgres-cluster.ts)
// holds the bundled sample's transactions and CDNOW (../shared/data); `crm summary --db URL
// --table T` (the summary computed in the database) equals `crm summary --input F` on the same
// rows, the SQL `crm sql summary --dialect postgres` prints runs there and gives the same rows,
// the commands that read the rows through a cursor give what they give from the file, and every
// connection problem is one line, exit 2, without the password.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresCustomerSummary } from "../../src/summary/postgres-summary.js";
import { crm } from "../helpers/crm-in-process.js";
import { type PostgresCluster, postgresUnavailable, startPostgresCluster } from "../helpers/postgres-cluster.js";
import { HAS_SHARED_DATA, REPO_ROOT, sharedFile } from "../helpers/shared-data.js";
import { expectSameSummary, summaryRowsFromCsv, summaryRowsFromObjects } from "../helpers/summary-rows.js";

const SAMPLE = path.join(REPO_ROOT, "data/sample/transactions.csv");
const unavailable = postgresUnavailable();
if (unavailable) console.warn(`PostgreSQL tests skipped: ${unavailable}`);

/** The sample's columns and their PostgreSQL types. */
const SAMPLE_TYPES: Record<string, string> = {
  customer_id: "text", order_id: "text", date: "date", channel: "text", product_id: "text", category: "text",
  quantity: "integer", unit_price: "numeric", discount: "numeric", amount: "numeric(12, 2)", freight: "numeric",
  cost: "numeric", returned_quantity: "integer", returned_amount: "numeric",
};

/**
 * Creates a table and fills it with `rows` (text cells; "" is NULL) in one INSERT ... unnest, then
 * analyses it (as autovacuum would soon), unless `analyse` is false.
 */
async function loadTable(client: pg.Client, table: string, types: Record<string, string>, rows: readonly (readonly string[])[], analyse = true): Promise<void> {
  const names = Object.keys(types);
  await client.query(`CREATE TABLE ${table} (${names.map((n) => `"${n}" ${types[n]}`).join(", ")})`);
  const arrays = names.map((_, j) => rows.map((r) => (r[j] === "" || r[j] === undefined ? null : r[j])));
  const base = (t: string) => t.replace(/\(.*\)/, "");
  await client.query(`INSERT INTO ${table} SELECT * FROM unnest(${names.map((n, j) => `$${j + 1}::${base(types[n]!)}[]`).join(", ")})`, arrays);
  if (analyse) await client.query(`ANALYZE ${table}`);
}

/**
 * Expects two outputs to hold the same lines in any order, numbers within 1e-9 (relative), text
 * equal.
 */
function expectSameLines(actual: string, expected: string): void {
  const lines = (t: string) => t.trim().split("\n").sort();
  const [a, b] = [lines(actual), lines(expected)];
  expect(a.length).toBe(b.length);
  const tokens = (l: string) => l.split(/([,\s]+)/);
  const sortKey = (l: string) => tokens(l).map((t) => (Number.isFinite(Number(t)) && t.trim() !== "" ? "#" : t)).join("");
  // Lines that differ only in a last digit may sort apart: pair them by their text with numbers masked.
  const byKey = (ls: string[]) => [...ls].sort((x, y) => sortKey(x).localeCompare(sortKey(y)) || x.localeCompare(y));
  const [sa, sb] = [byKey(a), byKey(b)];
  for (let i = 0; i < sb.length; i++) {
    const [ta, tb] = [tokens(sa[i]!), tokens(sb[i]!)];
    expect(ta.length, `${sa[i]} vs ${sb[i]}`).toBe(tb.length);
    for (let j = 0; j < tb.length; j++) {
      const [x, y] = [Number(ta[j]), Number(tb[j])];
      if (Number.isFinite(y) && tb[j]!.trim() !== "") expect(Math.abs(x - y), `${sa[i]} vs ${sb[i]}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y)));
      else expect(ta[j], `${sa[i]} vs ${sb[i]}`).toBe(tb[j]);
    }
  }
}

/** Text rows of a simple CSV file (no quoted fields), header first. */
const csvRows = (file: string): string[][] => readFileSync(file, "utf8").trim().split(/\r?\n/).map((l) => l.split(","));

describe.skipIf(unavailable !== undefined)("crm --db against a throwaway PostgreSQL cluster", () => {
  let cluster: PostgresCluster;
  let client: pg.Client;
  let url: string;
  const dir = mkdtempSync(path.join(tmpdir(), "crm-pg-test-"));

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    url = cluster.url;
    client = new pg.Client({ connectionString: url });
    await client.connect();
    const [header, ...rows] = csvRows(SAMPLE);
    expect(header).toEqual(Object.keys(SAMPLE_TYPES));
    await loadTable(client, "sample_tx", SAMPLE_TYPES, rows);
    // The same rows with problems added: rejected lines the ledger must account for, row by row.
    await loadTable(client, "bad_tx", { customer_id: "text", date: "timestamptz", amount: "double precision" }, [
      ["A", "2024-01-01 10:00:00+00", "10"], ["A", "2024-01-08 23:30:00+00", "5"], ["", "2024-01-02", "7"],
      ["B", "", "3"], ["B", "2024-01-03", "2e12"], ["B", "2024-01-03", "4"], ["B", "2099-01-03", "4"],
      ["C", "2024-01-05", ""], ["C", "1850-01-05", "1"], ["D", "2024-01-04", "NaN"], ["D", "2024-01-06", "-2"],
      ["E", "2024-01-06", "-Infinity"],
    ]);
    // Dates as text: the summary cannot be pushed down, the rows are read and parsed here.
    await loadTable(client, "text_dates", { customer_id: "text", date: "text", amount: "numeric" }, [
      ["A", "20240101", "10"], ["A", "20240108", "5"], ["B", "2024-13-01", "3"], ["B", "20240103", "4"],
    ]);
    if (HAS_SHARED_DATA) {
      const master = readFileSync(sharedFile("cdnow", "CDNOW_master.txt"), "utf8").trim().split(/\r?\n/).slice(1).map((l) => l.trim().split(/\s+/));
      await loadTable(client, "cdnow", { customer_id: "text", date: "date", number_of_cds: "integer", dollar_value: "numeric" }, master);
    }
  }, 180_000);

  afterAll(async () => {
    await client?.end().catch(() => {});
    cluster?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("crm summary --db equals crm summary --input on the sample (summary computed in the database)", async () => {
    for (const periods of [[], ["--calibration-end", "2024-06-30", "--time-unit", "day"], ["--calibration-end", "2024-03-31", "--observation-end", "2024-12-31", "--time-unit", "month"],
      ["--from", "2024-02-01", "--to", "2025-06-30", "--returns", "exclude"]]) {
      const fromFile = await crm("summary", "--input", SAMPLE, ...periods);
      const fromDb = await crm("summary", "--db", url, "--table", "sample_tx", ...periods);
      expect(fromDb.code, fromDb.err).toBe(0);
      expect(fromDb.err).toContain("customer summary in the database");
      expect(fromDb.err).not.toContain("computed here");
      // The same row ledger: read, used, rejected by reason (lines after the observation end are outside-window).
      const ledgerOf = (err: string) => /rows read .*/.exec(err)?.[0];
      expect(ledgerOf(fromDb.err)).toBeDefined();
      expect(ledgerOf(fromDb.err)).toBe(ledgerOf(fromFile.err));
      expect(fromDb.out.split("\n")[0]).toBe(fromFile.out.split("\n")[0]);
      expectSameSummary(summaryRowsFromCsv(fromDb.out), summaryRowsFromCsv(fromFile.out));
      expect(fromDb.err).not.toContain(cluster.password);
    }
  }, 120_000);

  it.skipIf(!HAS_SHARED_DATA)("crm summary --db equals crm summary --input on CDNOW (23,570 customers, holdout to 1998-06-30)", async () => {
    const periods = ["--calibration-end", "1997-09-30", "--observation-end", "1998-06-30"];
    const fromFile = await crm("summary", "--input", sharedFile("cdnow", "CDNOW_master.txt"), "--amount", "dollar_value", "--date-format", "yyyymmdd", ...periods, "--quiet");
    const fromDb = await crm("summary", "--db", url, "--table", "cdnow", "--amount", "dollar_value", ...periods, "--json");
    expect(fromDb.code, fromDb.err).toBe(0);
    const json = JSON.parse(fromDb.out) as { customers: number; ledger: { read: number; used: number }; customersAfterCalibration: number };
    expect(json.customers).toBe(23570);
    expect(json.ledger).toMatchObject({ read: 69659, used: 69659 });
    const csv = await crm("summary", "--db", url, "--table", "cdnow", "--amount", "dollar_value", ...periods, "--quiet");
    expectSameSummary(summaryRowsFromCsv(csv.out), summaryRowsFromCsv(fromFile.out));
  }, 120_000);

  it("the SQL crm sql summary prints for postgres runs as printed and gives the rows of crm summary", async () => {
    const args = ["--calibration-end", "2024-06-30"];
    const printed = await crm("sql", "summary", "--dialect", "postgres", "--table", "sample_tx", "--order-id", "order_id", "--returned-amount", "returned_amount", ...args);
    expect(printed.code, printed.err).toBe(0);
    const result = await client.query(printed.out);
    const fromFile = await crm("summary", "--input", SAMPLE, ...args, "--quiet");
    expect(result.fields.map((f) => f.name).join(",")).toBe(fromFile.out.split("\n")[0]);
    expectSameSummary(summaryRowsFromObjects(result.rows), summaryRowsFromCsv(fromFile.out));
    // Saved as CSV, its output is a summary file for crm fit --summary and crm report --summary.
    const file = path.join(dir, "from-sql.csv");
    writeFileSync(file, [result.fields.map((f) => f.name).join(","), ...result.rows.map((r) => Object.values(r).map(String).join(","))].join("\n") + "\n");
    const fitSummary = await crm("fit", "bg-nbd", "--summary", file, "--json");
    const fitFile = await crm("fit", "bg-nbd", "--input", SAMPLE, ...args, "--json");
    expect(fitSummary.code, fitSummary.err).toBe(0);
    const p1 = JSON.parse(fitSummary.out).params as Record<string, number>;
    const p2 = JSON.parse(fitFile.out).params as Record<string, number>;
    for (const k of Object.keys(p2)) expect(Math.abs(p1[k]! - p2[k]!) / p2[k]!, k).toBeLessThan(1e-6);
    const report = await crm("report", "--summary", file, "--out", path.join(dir, "report-from-sql"), "--json");
    expect(report.code, report.err).toBe(0);
    expect(report.err).toContain("calibration end 2024-06-30, time unit week");
    expect(report.err).toMatch(/lifetime value .*left out \(needs the transactions/);
    expect(existsSync(path.join(dir, "report-from-sql", "customer-report.html"))).toBe(true);
  }, 120_000);

  it("crm fit and predict --db fit on the summary computed in the database, as from the file", async () => {
    const fromDb = await crm("fit", "pareto-nbd", "--db", url, "--table", "sample_tx", "--json");
    const fromFile = await crm("fit", "pareto-nbd", "--input", SAMPLE, "--json");
    expect(fromDb.code, fromDb.err).toBe(0);
    expect(JSON.parse(fromDb.out).customers).toBe(JSON.parse(fromFile.out).customers);
    const p1 = JSON.parse(fromDb.out).params as Record<string, number>;
    const p2 = JSON.parse(fromFile.out).params as Record<string, number>;
    for (const k of Object.keys(p2)) expect(Math.abs(p1[k]! - p2[k]!) / p2[k]!, k).toBeLessThan(1e-6);
    const predict = await crm("predict", "--db", url, "--table", "sample_tx", "--horizon", "13", "--draws", "0", "--json");
    const predictFile = await crm("predict", "--input", SAMPLE, "--horizon", "13", "--draws", "0", "--json");
    expect(predict.code, predict.err).toBe(0);
    const [a, b] = [JSON.parse(predict.out), JSON.parse(predictFile.out)] as Record<string, unknown>[];
    expect(a!.customers).toBe(b!.customers);
  }, 180_000);

  it("the commands that read rows through the cursor give what they give from the file", async () => {
    // A table's rows come in its physical order, which PostgreSQL does not keep equal to the
    // order of insertion: the same rows, so the same results, up to the order of ties and of
    // floating-point additions (last digits).
    for (const command of ["rfm", "value", "cohorts"]) {
      const fromDb = await crm(command, "--db", url, "--table", "sample_tx", "--quiet");
      const fromFile = await crm(command, "--input", SAMPLE, "--quiet");
      expect(fromDb.code, fromDb.err).toBe(0);
      expectSameLines(fromDb.out, fromFile.out);
    }
    const report = await crm("report", "--db", url, "--table", "sample_tx", "--sections", "rfm-segments,cohorts-retention", "--out", path.join(dir, "report-db"), "--json");
    expect(report.code, report.err).toBe(0);
    expect(report.err).toContain("rows read 30,665, used 30,665, rejected 0");
  }, 180_000);

  it("every rejected row is in the ledger with its row number, the same in the database and through the cursor", async () => {
    const cursor = await crm("validate", "--db", url, "--table", "bad_tx", "--json");
    expect(cursor.code, cursor.err).toBe(0);
    const viaCursor = JSON.parse(cursor.out) as { read: number; used: number; rejected: { line: number; code: string }[]; byReason: Record<string, number> };
    expect(viaCursor.read).toBe(12);
    expect(viaCursor.byReason).toEqual({ "missing-customer": 1, "bad-date": 1, "amount-out-of-range": 1, "date-out-of-range": 2, "bad-amount": 3 });
    expect(viaCursor.rejected.map((r) => r.line)).toEqual([3, 4, 5, 7, 8, 9, 10, 12]);
    const pushed = await crm("summary", "--db", url, "--table", "bad_tx", "--time-unit", "day", "--json");
    expect(pushed.code, pushed.err).toBe(0);
    const viaSql = JSON.parse(pushed.out) as { ledger: { read: number; used: number; byReason: Record<string, number> } };
    expect(viaSql.ledger).toMatchObject({ read: 12, used: viaCursor.used, byReason: viaCursor.byReason });
    const direct = await postgresCustomerSummary(url, "bad_tx", { timeUnit: "day" });
    expect(direct.pushed).toBe(true);
    if (direct.pushed) expect(direct.ledger.rejected.map((r) => [r.line, r.code])).toEqual(viaCursor.rejected.map((r) => [r.line, r.code]));
    const summaryDb = await crm("summary", "--db", url, "--table", "bad_tx", "--time-unit", "day", "--quiet");
    expect(summaryRowsFromCsv(summaryDb.out).get("A")).toMatchObject({ frequency: 1, recency: 7, total_spend: 15 });
    expect(summaryRowsFromCsv(summaryDb.out).get("B")).toMatchObject({ frequency: 0, total_spend: 4 });
    expect(pushed.err).toContain("1 more customers have only returns");
  }, 120_000);

  it("a table with text dates is summarised here (the note says why), with crm's date rules", async () => {
    const r = await crm("summary", "--db", url, "--table", "text_dates", "--time-unit", "day");
    expect(r.code, r.err).toBe(0);
    expect(r.err).toMatch(/computed here, not in the database: the date column "date" is not a DATE or TIMESTAMP/);
    expect(r.err).toContain("rejected 1 (bad-date 1)");
    expect(summaryRowsFromCsv(r.out).get("A")).toMatchObject({ frequency: 1, recency: 7 });
  }, 60_000);

  it("a wrong password, a refused connection, a missing table or column: one line, exit 2, no password", async () => {
    const wrongPassword = url.replace(cluster.password, "not-the-password-9");
    const refused = url.replace(`:${cluster.port}/`, ":1/");
    const cases: [string[], RegExp][] = [
      [["summary", "--db", wrongPassword, "--table", "sample_tx"], /password authentication failed/],
      [["rfm", "--db", refused, "--table", "sample_tx"], /connection refused/],
      [["summary", "--db", url, "--table", "no_such_table"], /relation "no_such_table" does not exist/],
      [["rfm", "--db", url, "--table", "no_such_table"], /relation "no_such_table" does not exist/],
      [["summary", "--db", url, "--table", "sample_tx", "--customer", "client"], /client/],
      [["summary", "--db", url.replace(/\/postgres$/, "/nodb"), "--table", "sample_tx"], /database "nodb" does not exist/],
      [["summary", "--db", "mysql://root:hunter2@localhost/x", "--table", "t"], /postgresql:\/\//],
      [["summary", "--db", url, "--table", "sample_tx", "--input", SAMPLE], /--input is for files/],
    ];
    for (const [argv, message] of cases) {
      const r = await crm(...argv);
      expect(r.code, `${argv.join(" ")}: ${r.err}`).toBe(2);
      const lines = r.err.trim().split("\n").filter((l) => !/^crm: .* \.\.\.$/.test(l));
      expect(lines, r.err).toHaveLength(1);
      expect(lines[0]).toMatch(message);
      for (const secret of [cluster.password, "not-the-password-9", "hunter2"]) expect(r.err + r.out).not.toContain(secret);
    }
  }, 120_000);

  it("the PG* environment variables give the connection when --db is absent", async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { PGHOST: cluster.host, PGPORT: String(cluster.port), PGUSER: cluster.user, PGPASSWORD: cluster.password, PGDATABASE: "postgres" });
    try {
      const r = await crm("summary", "--table", "sample_tx", "--quiet");
      expect(r.code, r.err).toBe(0);
      expect(summaryRowsFromCsv(r.out).size).toBeGreaterThan(1000);
    } finally {
      for (const k of ["PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE"]) {
        if (saved[k] === undefined) delete process.env[k];
        else process.env[k] = saved[k];
      }
    }
  }, 60_000);
});
