import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { choiceFlag, intFlag, parseFlags, stringFlag, numberFlag } from "../parse-flags.js";
import { count, step } from "../progress.js";
import { loadServiceEventsFile } from "../../data/load/load-service-events.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { DEFAULT_BAND_THRESHOLDS } from "../../models/propensity/propensity-bands.js";
import { propensityAnalysis } from "../../models/propensity/propensity.js";
import { columnsToCsv } from "../../data/output/columns-to-csv.js";

const HELP = `crm propensity: churn risk or propensity to buy per customer, tested on a later period

Usage: crm propensity --input TRANSACTIONS [--service-events FILE] [--cut D] [--window-days N]
                      [--target churn|purchase] [--l2 K] [--out scores.csv] [--json]

A logistic regression on what is known at a date (days since last purchase, tenure, orders,
spend, mean order value, discount share, return rate, call-centre contacts, complaints, late
deliveries, main channel) predicts the event in the N days after it. Evaluation out of time:
trained on features to D1 = cut - 2N with the label (D1, D2], tested on features to D2 = cut - N
with the label (D2, cut]; the evaluation table (per score decile: customers, mean predicted,
observed rate, cumulative gain, lift) goes to stderr with the AUC of the model, BG/NBD P(alive),
BG/NBD P(purchase within N days) and recency alone. The scores come from the model refitted on
the latest labelled period, applied at the cut.

Propensity:
      --service-events F    service events (customer_id,date,type): contacts, complaints, late deliveries
      --cut D               scoring date, ISO (default: the last transaction date)
      --window-days N       label window in days, 1-3650 (default 90)
      --target T            churn (default: P(no purchase in the window)) | purchase (P(at least one))
      --l2 K                ridge penalty on standardised features (default 0: with standard errors)
Bands: high when score >= ${DEFAULT_BAND_THRESHOLDS.high}, medium when >= ${DEFAULT_BAND_THRESHOLDS.medium}, else low.
Output:
  -o, --out FILE.csv        write the scores there (atomically); default: CSV on stdout
      --json                print one JSON object (dates, AUCs, gains, calibration, coefficients, bands)
${INPUT_HELP}
  -h, --help                this help

Columns: customer_id, score, band, p_alive_bgnbd, total_spend, net_contribution,
days_since_last_purchase, complaints, late_deliveries.`;

/** `crm propensity`: per-customer churn (or purchase) probability and band, with the out-of-time evaluation. */
export const propensityCommand: Command = {
  name: "propensity",
  summary: "churn risk / propensity to buy per customer with an out-of-time test (AUC, gains, lift)",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags("propensity", argv, {
      ...INPUT_FLAGS,
      "service-events": { type: "string" },
      cut: { type: "string" },
      "window-days": { type: "string" },
      target: { type: "string" },
      l2: { type: "string" },
      out: { type: "string", short: "o" },
      json: { type: "boolean" },
    });
    const windowDays = intFlag("propensity", flags, "window-days", 1, 3650, 90);
    const target = choiceFlag("propensity", flags, "target", ["churn", "purchase"] as const, "churn");
    const l2 = numberFlag("propensity", flags, "l2", (x) => x >= 0, "a number >= 0") ?? 0;
    const cutDate = stringFlag(flags, "cut");
    const eventsFile = stringFlag(flags, "service-events");
    await checkOutFlags("propensity", flags);
    const { transactions } = await loadInputFlags("propensity", flags, io, undefined, cutDate);
    const serviceEvents = eventsFile === undefined ? undefined : (await step(io, `reading ${eventsFile}`, () => loadServiceEventsFile(eventsFile))).events;
    const result = await step(io, "propensity model (train, test, score)", (onProgress) => propensityAnalysis(transactions, { serviceEvents, cutDate, windowDays, target, l2, onProgress }), { progressUnit: "stages" });
    const e = result.evaluation, a = e.auc;
    const f3 = (x: number | null): string => (x === null ? "n/a" : x.toFixed(3));
    io.err(`crm: train ${result.dates.trainCut} (${count(e.trainCustomers)} customers), test ${result.dates.testCut} (${count(e.testCustomers)}), scored ${result.dates.scoreCut}; window ${windowDays} days, target ${target}`);
    io.err(`crm: test AUC: model ${f3(a.model)} (training ${f3(a.modelTraining)}), BG/NBD P(alive) ${f3(a.probabilityAlive)}, BG/NBD P(purchase) ${f3(a.probabilityPurchase)}, recency ${f3(a.recency)}`);
    io.err("crm: decile  customers  predicted  observed  cum_gain  lift");
    e.gains.rows.forEach((r, k) => io.err(`crm: ${String(r.group).padStart(6)}  ${String(r.customers).padStart(9)}  ${(100 * e.calibration.rows[k]!.meanPredicted).toFixed(1).padStart(8)}%  ${(100 * r.rate).toFixed(1).padStart(7)}%  ${(100 * r.cumulativeGain).toFixed(1).padStart(7)}%  ${r.lift.toFixed(2).padStart(4)}`));
    for (const note of result.notes) io.err(`crm: note: ${note}`);
    const s = result.scores;
    const csv = columnsToCsv(
      ["customer_id", "score", "band", "p_alive_bgnbd", "total_spend", "net_contribution", "days_since_last_purchase", "complaints", "late_deliveries"],
      [s.customerId, s.score, s.band, s.probabilityAlive, s.totalSpend, s.netContribution, s.daysSinceLastPurchase, s.complaints, s.lateDeliveries],
      s.customerId.length,
    );
    const out = stringFlag(flags, "out");
    const written = out === undefined ? undefined : await writeFileAtomic(out, csv);
    if (written) io.err(`crm: wrote ${written}`);
    if (flags.json === true) {
      const bands = { low: 0, medium: 0, high: 0 };
      for (const b of s.band) bands[b]++;
      io.out(JSON.stringify({
        target, windowDays, dates: result.dates, customers: s.customerId.length, auc: a,
        trainRate: e.trainRate, testRate: e.testRate, gains: e.gains.rows, calibration: e.calibration,
        bandsOnTest: e.bands, bands, thresholds: result.thresholds, coefficients: result.coefficients,
        notes: result.notes, out: written ?? null,
      }));
    } else if (!written) {
      io.out(csv);
    }
    return 0;
  },
};
