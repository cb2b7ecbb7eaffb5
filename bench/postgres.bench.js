// Benchmark: the customer summary of transactions held in PostgreSQL, three ways, on the seeded
// sample generator at BENCH_PG_LINES lines (default 100,000 and 1,000,000):
//   file      crm summary --input F (the file read and summarised here: the peer)
//   pushdown  crm summary --db URL --table T (the summary SQL runs in PostgreSQL, one row per customer comes back)
//   cursor    crm summary --db URL --table T --duplicates drop (an option the SQL does not do, so
//             the rows are read through the server-side cursor, validated and summarised here)
// The database is BENCH_PG_URL when set, else a throwaway cluster (Debian's initdb/pg_ctl in a temp
// dir, a free port; as root run as the postgres user), removed at the end. Each run is one `crm`
// process (wall time, whole command). Prints a table; asserts nothing. `npm run bench -- postgres`.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { generateSample, writeSample } from "../dist/index.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const crmBin = path.join(root, "bin", "crm.js");
const sizes = (process.env.BENCH_PG_LINES ?? "100000,1000000").split(",").map(Number);
const LINES_PER_CUSTOMER = 6.1;

function binDir() {
  const base = "/usr/lib/postgresql";
  if (!existsSync(base)) return undefined;
  const v = readdirSync(base).filter((x) => /^\d+$/.test(x)).sort((a, b) => b - a).find((x) => existsSync(path.join(base, x, "bin", "initdb")));
  return v === undefined ? undefined : path.join(base, v, "bin");
}

async function freePort() {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

/** A throwaway cluster: { url, stop }. */
async function startCluster(bin) {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-pg-bench-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chownSync(dir, Number(execFileSync("id", ["-u", "postgres"])), Number(execFileSync("id", ["-g", "postgres"])));
  const run = (program, args) => {
    const [cmd, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]] : [path.join(bin, program), args];
    const r = spawnSync(cmd, argv, { encoding: "utf8", cwd: dir });
    if (r.status !== 0) throw new Error(`${program}: ${r.stderr}`);
  };
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  const port = await freePort();
  run("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "-w", "start"]);
  return { url: `postgresql://postgres@127.0.0.1:${port}/postgres`, stop: () => { try { run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]); } finally { rmSync(dir, { recursive: true, force: true }); } } };
}

const TYPES = { customer_id: "text", order_id: "text", date: "date", channel: "text", product_id: "text", category: "text", quantity: "integer", unit_price: "numeric", discount: "numeric", amount: "numeric", freight: "numeric", cost: "numeric", returned_quantity: "integer", returned_amount: "numeric" };

async function loadTable(client, table, file) {
  const [head, ...lines] = readFileSync(file, "utf8").trim().split("\n");
  const names = head.split(",");
  await client.query(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (${names.map((n) => `"${n}" ${TYPES[n] ?? "text"}`).join(", ")})`);
  for (let i = 0; i < lines.length; i += 100_000) {
    const rows = lines.slice(i, i + 100_000).map((l) => l.split(","));
    await client.query(`INSERT INTO ${table} SELECT * FROM unnest(${names.map((n, j) => `$${j + 1}::${TYPES[n] ?? "text"}[]`).join(", ")})`, names.map((_, j) => rows.map((r) => (r[j] === "" ? null : r[j]))));
  }
  await client.query(`ANALYZE ${table}`);
  return lines.length;
}

function timeCrm(args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [crmBin, ...args, "--quiet"], { encoding: "utf8", maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`crm ${args.join(" ")}: ${r.stderr}`);
  return { seconds, out: r.stdout, err: r.stderr };
}

const bin = binDir();
if (process.env.BENCH_PG_URL === undefined && bin === undefined) {
  console.log("postgres bench skipped: no BENCH_PG_URL and no PostgreSQL binaries (/usr/lib/postgresql/*/bin/initdb)");
  process.exit(0);
}
const cluster = process.env.BENCH_PG_URL ? { url: process.env.BENCH_PG_URL, stop: () => {} } : await startCluster(bin);
const client = new pg.Client({ connectionString: cluster.url });
const table = [];
try {
  await client.connect();
  for (const target of sizes) {
    const dir = mkdtempSync(path.join(tmpdir(), "crm-pg-bench-data-"));
    try {
      await writeSample(generateSample({ customers: Math.round(target / LINES_PER_CUSTOMER), seed: 1 }), dir, { readme: false });
      const file = path.join(dir, "transactions.csv");
      const lines = await loadTable(client, "bench_tx", file);
      const file_ = timeCrm(["summary", "--input", file]);
      const push = timeCrm(["summary", "--db", cluster.url, "--table", "bench_tx"]);
      // --duplicates drop makes crm read the rows through the cursor (the sample has no identical lines).
      const cursor = timeCrm(["summary", "--db", cluster.url, "--table", "bench_tx", "--duplicates", "drop"]);
      const customers = file_.out.trim().split("\n").length - 1;
      for (const [name, r] of [["file (peer)", file_], ["pushdown", push], ["cursor", cursor]]) {
        table.push({ lines, customers, way: name, seconds: r.seconds, rowsPerSecond: lines / r.seconds, ratio: r.seconds / file_.seconds, same: r.out.trim().split("\n").length - 1 === customers });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
} finally {
  await client.end().catch(() => {});
  cluster.stop();
}
const fmt = (x, d = 2) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });
console.log("| lines | customers | crm summary | wall s | lines/s | ratio to file | customers equal |");
console.log("| ---: | ---: | --- | ---: | ---: | ---: | --- |");
for (const r of table) console.log(`| ${r.lines.toLocaleString("en-US")} | ${r.customers.toLocaleString("en-US")} | ${r.way} | ${fmt(r.seconds)} | ${Math.round(r.rowsPerSecond).toLocaleString("en-US")} | ${fmt(r.ratio)} | ${r.same ? "yes" : "NO"} |`);
