// Benchmark: loading a transactions CSV and building the customer summary, against arquero (the
// in-memory table library a JavaScript user would reach for) doing the same work: parse the CSV,
// merge same-day purchases, and compute frequency, recency, T and monetary value per customer.
// Data: the seeded sample generator at BENCH_LINES lines (default 100,000 and 1,000,000).
// Prints a table; asserts nothing. Run with `npm run bench` (which builds dist/ first).
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as aq from "arquero";
import { customerSummary, generateSample, loadTransactionsFile, writeSample } from "../dist/index.js";

const LINES_PER_CUSTOMER = 6.1; // measured on the bundled sample: 30,665 lines / 5,000 customers
const sizes = (process.env.BENCH_LINES ?? "100000,1000000").split(",").map(Number);
const { op } = aq;

const time = async (work) => {
  globalThis.gc?.();
  const t0 = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - t0) / 1000 };
};

/** The summary's core columns with arquero, as a user of that library would write them. */
function arqueroSummary(table, calibrationEndDay) {
  const days = table
    .derive({ day: (d) => op.floor(op.parse_date(d.date) / 86400000) })
    .filter((d) => d.amount >= 0)
    .groupby("customer_id", "day")
    .rollup({ value: op.sum("amount") })
    .groupby("customer_id")
    .orderby("day")
    .derive({ first_value: op.first_value("value") });
  return days
    .groupby("customer_id")
    .rollup({ n: op.count(), first: op.min("day"), last: op.max("day"), total: op.sum("value"), first_value: op.any("first_value") })
    .params({ cal: calibrationEndDay })
    .derive({
      frequency: (d) => d.n - 1,
      recency: (d) => (d.last - d.first) / 7,
      T: (d, $) => ($.cal - d.first) / 7,
      monetary_value: (d) => (d.n > 1 ? (d.total - d.first_value) / (d.n - 1) : 0),
    });
}

const rows = [];
for (const lines of sizes) {
  const dir = mkdtempSync(path.join(tmpdir(), "crm-bench-"));
  const customers = Math.round(lines / LINES_PER_CUSTOMER);
  const sample = generateSample({ customers, seed: 1 });
  await writeSample(sample, dir, { readme: false });
  const file = path.join(dir, "transactions.csv");
  const mb = statSync(file).size / 1e6;
  const end = "2025-12-31";
  const endDay = Date.UTC(2025, 11, 31) / 86400000;

  const ours = await time(() => loadTransactionsFile(file));
  const n = ours.value.ledger.read;
  const summary = await time(() => customerSummary(ours.value.transactions, { calibrationEnd: end, timeUnit: "week" }));
  const rssOurs = process.memoryUsage().rss / 1e6;
  const peerLoad = await time(async () => aq.loadCSV(file, { parse: { customer_id: String, date: String } }));
  const peerSummary = await time(() => arqueroSummary(peerLoad.value, endDay).reify());
  if (peerSummary.value.numRows() !== summary.value.length) {
    throw new Error(`bench: arquero found ${peerSummary.value.numRows()} customers, crm-analytics ${summary.value.length}`);
  }
  const row = (step, ourSeconds, peerSeconds) => ({
    step,
    lines: n.toLocaleString("en-US"),
    "file MB": mb.toFixed(1),
    customers: summary.value.length.toLocaleString("en-US"),
    "crm-analytics s": ourSeconds.toFixed(2),
    "lines/s": Math.round(n / ourSeconds).toLocaleString("en-US"),
    "arquero s": peerSeconds.toFixed(2),
    "speed-up (arquero / ours)": (peerSeconds / ourSeconds).toFixed(1),
    "RSS MB": rssOurs.toFixed(0),
  });
  rows.push(row("load + validate CSV", ours.seconds, peerLoad.seconds));
  rows.push(row("customer summary", summary.seconds, peerSummary.seconds));
  rmSync(dir, { recursive: true, force: true });
}
console.log("Customer summary benchmark (peer: arquero 8.0.3 on the same file; lower s is better)");
console.table(rows);
console.log("Notes: our load also validates every row and keeps the row ledger, arquero's only parses;");
console.log("our summary also computes the RFM and holdout columns, arquero's only the four model columns.");
