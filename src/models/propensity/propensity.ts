import type { ServiceEvents } from "../../data/load/build-service-events.js";
import { formatDay } from "../../data/parse/format-day.js";
import { isoDayOption } from "../../data/parse/iso-day-option.js";
import type { Transactions } from "../../data/types.js";
import { fitBgNbd } from "../purchase/bg-nbd.js";
import { classifierCalibrationInOrder } from "./classifier-calibration.js";
import { classifierGainsInOrder } from "./classifier-gains.js";
import { classifierRocAuc } from "./classifier-roc-auc.js";
import { scoreOrder } from "../../math/score-order.js";
import { fitLogisticRegression } from "./logistic-regression.js";
import { nextPurchase } from "../purchase/next-purchase.js";
import { DEFAULT_BAND_THRESHOLDS, propensityBands, type BandThresholds } from "./propensity-bands.js";
import { checkCut, cutFeatures, idsOf, netContributionAt, type CutFeatures } from "./propensity-features.js";
import { cutTables, propensityBase, spendsToCuts } from "./propensity-base.js";
import type { BandOutcome, PropensityResult, PropensityTarget } from "./propensity-types.js";
import { ArgumentError } from "../../math/argument-error.js";
import { progressStages, type ProgressCallback } from "../../math/progress.js";
import { AnalysisNotPossibleError } from "../../math/analysis-not-possible-error.js";

/** Options of {@link propensityAnalysis}. */
export interface PropensityOptions {
  /** Service events (contacts, complaints, late deliveries) counted up to each cut. */
  readonly serviceEvents?: ServiceEvents;
  /** The scoring date, ISO (default: the last transaction date). */
  readonly cutDate?: string;
  /** Length of the label window in days (default 90). */
  readonly windowDays?: number;
  /** "churn" (default): P(no purchase in the window); "purchase": P(at least one). */
  readonly target?: PropensityTarget;
  /** Ridge penalty of the logistic regression on standardised features (default 0: standard errors reported). */
  readonly l2?: number;
  /** Risk-band thresholds on the score (default {@link DEFAULT_BAND_THRESHOLDS}). */
  readonly thresholds?: BandThresholds;
  /**
   * Whether to compute each scored customer's net contribution (a full customer value of the
   * lines to the scoring date; default true). With false, `scores.netContribution` is NaN.
   */
  readonly netContribution?: boolean;
  /**
   * Told how far the analysis is, in stages (8): the lines coded, the spend to each cut, the
   * facts at the three cuts, the features, the evaluation model fitted, the BG/NBD comparison,
   * the scoring model fitted and every customer scored, the evaluation (AUC, gains, calibration);
   * the last call is `(8, 8)` at the end. The result is the same with or without it.
   */
  readonly onProgress?: ProgressCallback;
}

/**
 * Propensity to buy, or churn, with an honest out-of-time evaluation. With the scoring date D3
 * and window w days: D2 = D3 − w, D1 = D2 − w. A logistic regression ({@link fitLogisticRegression})
 * learns from features to D1 and the label in (D1, D2]; it is evaluated on features to D2 and the
 * label in (D2, D3] (ROC AUC, gains and lift by decile, calibration by decile, outcome by band),
 * side by side with BG/NBD fitted on the data to D2 (P(alive) and P(purchase within w)) and with
 * recency alone. The scoring model is then refitted on the latest labelled period (features to
 * D2, label to D3) and applied to the features at D3: P(target in the next w days) per customer,
 * with a low / medium / high band. No data after D3 is read.
 *
 * @param transactions - the transactions (ISO days, amounts in currency units)
 * @param options - service events, cut date, window, target, penalty, band thresholds
 * @returns a frozen {@link PropensityResult}
 * @throws ArgumentError for a bad date, window, or too little history before D1; ConvergenceError
 *   when the logistic fit does not converge (give `l2`)
 * @example
 * const p = await propensityAnalysis(tx, { serviceEvents, windowDays: 90 });
 * p.evaluation.auc.model;  // e.g. 0.8 on the out-of-time test set
 * p.scores.band[0];        // "high"
 */
export async function propensityAnalysis(transactions: Transactions, options: PropensityOptions = {}): Promise<PropensityResult> {
  const fn = "propensityAnalysis";
  const w = options.windowDays ?? 90;
  if (!(Number.isInteger(w) && w > 0)) throw new ArgumentError(`${fn}: windowDays ${w} must be a whole number of days > 0`);
  // The transactions are coded once; the spend at the three cuts is one query (exact DECIMAL sums),
  // the other facts at the three cuts a few passes over typed arrays.
  const serviceEvents = options.serviceEvents;
  const stages = progressStages(options.onProgress, 8);
  const base = propensityBase(transactions, serviceEvents);
  stages.next();
  const first = base.firstDay, last = base.lastDay;
  const d3 = options.cutDate === undefined ? last : isoDayOption(options.cutDate, fn, "cutDate");
  const d1 = d3 - 2 * w;
  if (!(d1 >= first)) throw new AnalysisNotPossibleError(`${fn}: the first training cut ${formatDay(d1)} (cut date − 2 × ${w} days) is before the first transaction ${formatDay(first)}; give a shorter windowDays or a later cutDate`);
  const target = options.target ?? "churn";
  const thresholds = options.thresholds ?? DEFAULT_BAND_THRESHOLDS;
  propensityBands([], thresholds);
  const l2 = options.l2 ?? 0;
  const cuts = [d1, d3 - w, d3] as const;
  for (const c of cuts) checkCut(base, c, "propensityFeatures");
  const spends = await spendsToCuts(base, cuts);
  stages.next();
  const tables = cutTables(base, [{ cut: d1, end: d1 + w }, { cut: d3 - w, end: d3 }, { cut: d3, end: d3 }]);
  stages.next();
  const at = (k: 0 | 1 | 2): CutFeatures => cutFeatures(base, tables[k]!, spends ? spends[k]! : null, k === 2 ? undefined : w);
  const train = at(0), test = at(1), now = at(2);
  const labelOf = (f: CutFeatures): Float64Array => f.bought!.map((b) => (target === "churn" ? 1 - b : b));
  const yTrain = labelOf(train), yTest = labelOf(test);
  stages.next();
  // Labels of one kind only (everyone bought again, or nobody did) leave nothing to learn or rank.
  for (const [f, y] of [[train, yTrain], [test, yTest]] as const) {
    const ones = y.reduce((s, v) => s + v, 0);
    if (ones === 0 || ones === y.length) {
      throw new AnalysisNotPossibleError(
        `${fn}: in the ${w} days after ${f.cutDate} ${f.bought!.every((b) => b === 1) ? "every" : "no"} customer bought again, so there is nothing to tell apart; use a longer history or another window (--window-days)`,
      );
    }
  }
  const notes: string[] = [];
  const usable = (f: CutFeatures): string[] => Object.keys(f.features).filter((k) => { const c = f.features[k]!; return c.some((v) => v !== c[0]); });
  const columns = (f: CutFeatures, names: readonly string[]): Record<string, Float64Array> =>
    Object.fromEntries(names.map((k) => [k, f.features[k] ?? new Float64Array(f.code.length)]));
  const trainNames = usable(train);
  // The evaluation model only predicts: no standard errors (the same estimates, one pass less).
  const evalModel = fitLogisticRegression(columns(train, trainNames), yTrain, { l2, standardErrors: false });
  const pTest = evalModel.predict(columns(test, trainNames));
  stages.next();
  const orient = (p: Float64Array): Float64Array => (target === "churn" ? p.map((v) => 1 - v) : p);
  let alive: Float64Array | null = null, buy: Float64Array | null = null;
  let aliveNow: Float64Array = new Float64Array(now.code.length).fill(NaN);
  try {
    const bg = fitBgNbd(test.history, { timeUnit: "week" });
    const next = nextPurchase(bg, test.history, w / 7);
    alive = next.probabilityAlive;
    buy = next.probabilityPurchaseWithin;
    aliveNow = fitBgNbd(now.history, { timeUnit: "week" }).probabilityAlive(now.history);
  } catch (error) {
    notes.push(`BG/NBD could not be fitted for the comparison (${error instanceof Error ? error.message : String(error)}).`);
  }
  stages.next();
  const scoreNames = usable(test);
  const model = fitLogisticRegression(columns(test, scoreNames), yTest, { l2 });
  const score = model.predict(columns(now, scoreNames));
  stages.next();
  const unknown = new Float64Array(now.code.length).fill(NaN);
  const band = propensityBands(score, thresholds);
  const testBands = propensityBands(pTest, thresholds);
  const bands: BandOutcome[] = (["low", "medium", "high"] as const).map((b) => {
    let count = 0, s = 0, y = 0;
    testBands.forEach((tb, i) => { if (tb === b) { count++; s += pTest[i]!; y += yTest[i]!; } });
    return Object.freeze({ band: b, customers: count, meanScore: count ? s / count : NaN, observedRate: count ? y / count : NaN });
  });
  const testOrder = scoreOrder(pTest); // the test rows by score, for both the gains and the calibration
  const mean = (a: Float64Array): number => a.reduce((s, v) => s + v, 0) / a.length;
  const result: PropensityResult = Object.freeze({
    target, windowDays: w, l2, thresholds,
    dates: Object.freeze({ trainCut: train.cutDate, testCut: test.cutDate, scoreCut: now.cutDate }),
    featureNames: Object.freeze(scoreNames),
    coefficients: model.summary(),
    evaluation: Object.freeze({
      trainCustomers: train.code.length, testCustomers: test.code.length,
      trainRate: mean(yTrain), testRate: mean(yTest),
      auc: Object.freeze({
        model: classifierRocAuc(pTest, yTest),
        modelTraining: classifierRocAuc(evalModel.predict(columns(train, trainNames)), yTrain),
        probabilityAlive: alive ? classifierRocAuc(orient(alive), yTest) : null,
        probabilityPurchase: buy ? classifierRocAuc(orient(buy), yTest) : null,
        recency: classifierRocAuc(target === "churn" ? test.features.days_since_last_purchase! : test.features.days_since_last_purchase!.map((d) => -d), yTest),
      }),
      gains: classifierGainsInOrder(pTest, yTest, 10, testOrder),
      calibration: classifierCalibrationInOrder(pTest, yTest, 10, testOrder),
      bands: Object.freeze(bands),
    }),
    scores: Object.freeze({
      // A purchase log has no spend and no value-based service counts: NaN (unknown), never 0.
      customerId: idsOf(base, now.code), score, band, probabilityAlive: aliveNow,
      totalSpend: now.features.total_spend ?? unknown, orders: now.features.orders!,
      netContribution: options.netContribution === false ? unknown : netContributionAt(base, now.code, d3, serviceEvents, fn),
      daysSinceLastPurchase: now.features.days_since_last_purchase!,
      complaints: now.features.complaints ?? unknown, lateDeliveries: now.features.late_deliveries ?? unknown,
    }),
    notes: Object.freeze(notes),
  });
  stages.end();
  return result;
}
