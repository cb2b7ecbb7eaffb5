// Benchmark: the main job (`crm report`) on generated retailers of growing size, step by step,
// against plain DuckDB SQL that reads the same transactions file and groups it by customer (the
// floor of what any tool must do) and against pandas doing that same read and group-by where
// python3-pandas is installed (the row is skipped with a note otherwise).
// Data: `crm generate --customers N --seed 1`, cached per size in $TMPDIR/crm-bench-report-N/.
// Sizes: BENCH_REPORT_LINES (transaction lines, default "100000,1000000"; add 10000000 for the
// ten-million-line target, which takes a long time today).
// Prints one table per size (step, time, rows/s, ratio to DuckDB) and the report's wall time and
// peak resident memory; asserts nothing. Run with `npm run bench -- report`.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DuckDBInstance } from "@duckdb/node-api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const crm = path.join(root, "bin", "crm.js");
const LINES_PER_CUSTOMER = 5.9; // measured: crm generate writes about 5.9 lines per customer
const sizes = (process.env.BENCH_REPORT_LINES ?? "100000,1000000").split(",").map(Number);

const fmt = (x, digits = 2) => x.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
const int = (x) => Math.round(x).toLocaleString("en-US");

/** The generated data set for about `lines` transaction lines (made once, then reused). */
function dataSet(lines) {
  const customers = Math.max(100, Math.round(lines / LINES_PER_CUSTOMER));
  const dir = path.join(tmpdir(), `crm-bench-report-${customers}`);
  if (!existsSync(path.join(dir, "transactions.csv"))) {
    const r = spawnSync(process.execPath, [crm, "generate", "--customers", String(customers), "--seed", "1", "--out", dir], { stdio: ["ignore", "ignore", "inherit"] });
    if (r.status !== 0) throw new Error(`bench: crm generate --customers ${customers} failed`);
  }
  return { dir, customers, file: path.join(dir, "transactions.csv") };
}

/** Plain DuckDB SQL: read the CSV and group it by customer (orders, first and last day, spend). */
async function duckdbGroup(file) {
  const instance = await DuckDBInstance.create(":memory:");
  const db = await instance.connect();
  const t0 = performance.now();
  const reader = await db.runAndReadAll(`
    SELECT customer_id, count(*) AS lines, min(date) AS first, max(date) AS last, sum(amount) AS spend
    FROM read_csv('${file.replaceAll("'", "''")}', header = true, columns = {
      'customer_id': 'VARCHAR', 'order_id': 'VARCHAR', 'date': 'DATE', 'channel': 'VARCHAR', 'product_id': 'VARCHAR',
      'category': 'VARCHAR', 'quantity': 'DOUBLE', 'unit_price': 'DOUBLE', 'discount': 'DOUBLE', 'amount': 'DOUBLE',
      'freight': 'DOUBLE', 'cost': 'DOUBLE', 'returned_quantity': 'DOUBLE', 'returned_amount': 'DOUBLE'})
    GROUP BY customer_id`);
  const [ids, counts] = reader.getColumns(); // the customer-level result handed to JavaScript
  const seconds = (performance.now() - t0) / 1000;
  const lines = counts.reduce((sum, c) => sum + Number(c), 0); // every line is in one group
  db.closeSync();
  return { seconds, rows: ids.length, lines };
}

/** pandas read_csv + groupby, when python3 has pandas; undefined otherwise. */
function pandasGroup(file) {
  // The first Python that has pandas: the one on PATH, else Debian's (python3-pandas), which a pyenv may shadow.
  const python = ["python3", "/usr/bin/python3"].find((p) => spawnSync(p, ["-c", "import pandas"], { stdio: "ignore" }).status === 0);
  if (python === undefined) return undefined;
  const script = `
import sys, time, pandas as pd
t0 = time.perf_counter()
d = pd.read_csv(sys.argv[1], dtype={"customer_id": str}, parse_dates=["date"])
g = d.groupby("customer_id").agg(lines=("date", "size"), first=("date", "min"), last=("date", "max"), spend=("amount", "sum"))
print(time.perf_counter() - t0, len(g))`;
  const r = spawnSync(python, ["-c", script, file], { encoding: "utf8" });
  if (r.status !== 0) return undefined;
  const [seconds, rows] = r.stdout.trim().split(/\s+/).map(Number);
  return { seconds, rows };
}

/** `crm report` on the data set, as a user runs it: its step lines, wall time and peak RSS. */
function crmReport(set) {
  const out = mkdtempSync(path.join(tmpdir(), "crm-bench-out-"));
  const rss = path.join(out, "rss.txt");
  // A preload writes the process's peak resident set size (kB) when it exits.
  const preload = path.join(out, "rss.mjs");
  writeFileSync(preload, `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(${JSON.stringify(rss)}, String(process.resourceUsage().maxRSS)));\n`);
  const side = (name) => path.join(set.dir, name);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", preload, crm, "report", "--input", set.file, "--service-events", side("service_events.csv"),
    "--customers", side("customers.csv"), "--contacts", side("campaign_contacts.csv"), "--out", path.join(out, "reports"), "--generated-at", "2026-01-01"],
  { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - t0) / 1000;
  // Done lines: `crm: <step> done in 0.42 s`, or with a count `crm: <step> done: 6,919 customers in 0.42 s (16.5K customers/s)`.
  const steps = [...r.stderr.matchAll(/^crm: (.*) done(?: in|: [\d,]+ \S+ in) ([\d.]+) s(?: \(.*\))?$/gm)].map((m) => ({ step: m[1], seconds: Number(m[2]) }));
  const peakMb = existsSync(rss) ? Number(readFileSync(rss, "utf8")) / 1024 : NaN;
  // The report's size must not grow with the customers (top-N tables and aggregates only).
  const sizeKb = (ext) => { const f = path.join(out, "reports", `customer-report.${ext}`); return existsSync(f) ? statSync(f).size / 1024 : NaN; };
  const files = { html: sizeKb("html"), xlsx: sizeKb("xlsx") };
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`bench: crm report exited ${r.status}: ${r.stderr.trim().split("\n").pop()}`);
  return { wall, steps, peakMb, files };
}

/** `crm summary` (load + customer summary, the data step) on the data set: wall time and peak RSS. */
function crmSummary(set) {
  const out = mkdtempSync(path.join(tmpdir(), "crm-bench-out-"));
  const rss = path.join(out, "rss.txt");
  const preload = path.join(out, "rss.mjs");
  writeFileSync(preload, `import { writeFileSync } from "node:fs";\nprocess.on("exit", () => writeFileSync(${JSON.stringify(rss)}, String(process.resourceUsage().maxRSS)));\n`);
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", preload, crm, "summary", "--input", set.file, "--out", path.join(out, "summary.csv")], { encoding: "utf8" });
  const wall = (performance.now() - t0) / 1000;
  const peakMb = existsSync(rss) ? Number(readFileSync(rss, "utf8")) / 1024 : NaN;
  rmSync(out, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`bench: crm summary exited ${r.status}: ${r.stderr.trim().split("\n").pop()}`);
  return { wall, peakMb };
}

console.log(`Machine: ${spawnSync("nproc").stdout?.toString().trim()} cores, Node ${process.version}; data from crm generate --seed 1.`);
for (const lines of sizes) {
  const set = dataSet(lines);
  const mb = statSync(set.file).size / 1e6;
  const duck = await duckdbGroup(set.file);
  const pandas = pandasGroup(set.file);
  const summary = crmSummary(set);
  const report = crmReport(set);
  const n = duck.lines;
  console.log(`\n### ${int(n)} transaction lines, ${int(duck.rows)} customers (${fmt(mb, 0)} MB CSV)\n`);
  console.log("| step | time (s) | lines/s | x DuckDB read + group |");
  console.log("| --- | ---: | ---: | ---: |");
  console.log(`| DuckDB SQL: read CSV + group by customer | ${fmt(duck.seconds)} | ${int(n / duck.seconds)} | 1.00 |`);
  if (pandas) console.log(`| pandas: read_csv + groupby | ${fmt(pandas.seconds)} | ${int(n / pandas.seconds)} | ${fmt(pandas.seconds / duck.seconds)} |`);
  else console.log("| pandas: read_csv + groupby | skipped: python3-pandas is not installed | | |");
  console.log(`| **crm summary: load + customer summary (wall, process start included; ${fmt(summary.peakMb, 0)} MB peak)** | ${fmt(summary.wall)} | ${int(n / summary.wall)} | ${fmt(summary.wall / duck.seconds)} |`);
  for (const s of report.steps) {
    // Paths shown by their file name; a side file's read has no transaction lines per second.
    const step = s.step.replaceAll(set.dir + path.sep, "").replace(/ to \S*crm-bench-out-\S*/, "").replace(/\|/g, "/");
    const side = step.startsWith("reading ") && !step.includes("transactions.csv");
    console.log(`| crm report: ${step} | ${fmt(s.seconds)} | ${side ? "" : int(n / Math.max(s.seconds, 1e-9))} | ${fmt(s.seconds / duck.seconds)} |`);
  }
  console.log(`| **crm report, whole (wall)** | **${fmt(report.wall)}** | ${int(n / report.wall)} | ${fmt(report.wall / duck.seconds)} |`);
  console.log(`\nPeak resident memory of crm report: ${fmt(report.peakMb, 0)} MB. Report files: HTML ${fmt(report.files.html, 0)} kB, Excel ${fmt(report.files.xlsx, 0)} kB.`);
}
