import type { Command } from "../command.js";
import { checkOutFlags } from "../check-out-flags.js";
import { fitJson } from "./fit.js";
import { INPUT_FLAGS, INPUT_HELP, loadInputFlags } from "../input-flags.js";
import { summaryFromDatabase } from "../db-summary.js";
import { sampleTransactionsPath } from "../package-root.js";
import { choiceFlag, intFlag, parseFlags, stringFlag, numberFlag } from "../parse-flags.js";
import { step } from "../progress.js";
import { UsageError } from "../usage-error.js";
import { writeFileAtomic } from "../../data/output/write-file-atomic.js";
import { customerValueForecast } from "../../models/clv/customer-value-forecast.js";
import { PURCHASE_MODEL_IDS } from "../../models/registry.js";
import { nextPurchase } from "../../models/purchase/next-purchase.js";
import { expectedNextPurchaseDate } from "../../models/purchase/next-purchase-date.js";
import { customerSummary } from "../../summary/customer-summary.js";
import { columnsToCsv } from "../../data/output/columns-to-csv.js";

/** The longest --horizon, 100 years, in each time unit; and the most discounting periods (each costs a prediction pass per draw). */
const MAX_HORIZON = { day: 36_525, week: 5_218, month: 1_200 } as const;
const MAX_PERIODS = 1_200;
const MAX_DRAWS = 10_000;

const HELP = `crm predict: per-customer P(alive), expected purchases, expected spend and CLV with its interval

Usage: crm predict --input TRANSACTIONS --horizon H [--discount-rate D] [--out predictions.csv] [--json]
       crm predict --db postgresql://USER@HOST:PORT/DB --table T --horizon H [...]

Builds the customer summary (calibration to --calibration-end, default the last date), fits the
purchase model (--model, default bg-nbd) and the Gamma-Gamma spend model, then predicts for every
customer over the next H time units. With --db and --table the customer summary is computed
inside PostgreSQL (see crm summary --help); the models run here. CLV = margin x expected spend x expected purchases per
period, each period discounted at D: CLV = m E[M] sum_i (E[Y(iL)] - E[Y((i-1)L)]) / (1 + D)^i.
Its interval carries the parameter uncertainty (parametric bootstrap over both models).

Prediction:
      --horizon H           time units ahead (required), e.g. 52 with --time-unit week; at most
                            100 years (36525 days, 5218 weeks, 1200 months) and 1200 periods
      --time-unit U         day | week | month (default week)
      --period-length L     time units in one discounting period (default 1); H/L must be whole
      --discount-rate D     discount rate per period (default 0), e.g. 0.01
      --margin M            share of spend that is profit (default 1: CLV in revenue)
      --model M             ${PURCHASE_MODEL_IDS.join(" | ")} (default bg-nbd)
      --calibration-end D   end of the data the models learn from (default: the last date)
      --draws N             bootstrap draws for the CLV interval (default 100; 0 for none; at most 10000);
                            each draw re-evaluates both models over every period, so the
                            interval costs about draws x periods prediction passes
      --level P             interval level (default 0.9)
      --seed S              seed of the bootstrap (default 1)
      --penalizer K         L2 penalty for both fits (default 0)
Output:
  -o, --out FILE.csv        write the predictions there (atomically); default: CSV on stdout
      --json                print one JSON object (models, totals, output path) instead
${INPUT_HELP}
  -h, --help                this help

Columns: customer_id, frequency, recency, T, monetary_value, p_alive, expected_purchases,
expected_average_spend, clv, clv_lower, clv_upper, p_purchase_within_horizon,
expected_wait, expected_next_purchase (ISO date; empty when not expected).`;


/** `crm predict`: per-customer predictions and CLV from the fitted models. */
export const predictCommand: Command = {
  name: "predict",
  section: "lifetime-value",
  summary: "per-customer P(alive), expected purchases and spend, CLV with interval, next purchase",
  help: HELP,
  async run(argv, io) {
    const flags = parseFlags("predict", argv, {
      ...INPUT_FLAGS,
      horizon: { type: "string" },
      "time-unit": { type: "string" },
      "period-length": { type: "string" },
      "discount-rate": { type: "string" },
      margin: { type: "string" },
      model: { type: "string" },
      "calibration-end": { type: "string" },
      draws: { type: "string" },
      level: { type: "string" },
      seed: { type: "string" },
      penalizer: { type: "string" },
      out: { type: "string", short: "o" },
      json: { type: "boolean" },
    });
    const horizon = numberFlag("predict", flags, "horizon", (x) => x > 0, "a number > 0");
    if (horizon === undefined) throw new UsageError("crm predict: --horizon is required; see crm predict --help");
    const periodLength = numberFlag("predict", flags, "period-length", (x) => x > 0, "a number > 0") ?? 1;
    const horizonPeriods = Math.round(horizon / periodLength);
    if (Math.abs(horizonPeriods * periodLength - horizon) > 1e-9 * horizon) {
      throw new UsageError(`crm predict: --horizon ${horizon} must be a whole number of --period-length ${periodLength}`);
    }
    const discountRatePerPeriod = numberFlag("predict", flags, "discount-rate", (x) => x >= 0, "a number >= 0") ?? 0;
    const margin = numberFlag("predict", flags, "margin", (x) => x > 0, "a number > 0") ?? 1;
    const penalizer = numberFlag("predict", flags, "penalizer", (x) => x >= 0, "a number >= 0") ?? 0;
    const level = numberFlag("predict", flags, "level", (x) => x > 0 && x < 1, "a number between 0 and 1") ?? 0.9;
    const draws = intFlag("predict", flags, "draws", 0, MAX_DRAWS, 100);
    const seed = intFlag("predict", flags, "seed", 0, Number.MAX_SAFE_INTEGER, 1);
    const timeUnit = choiceFlag("predict", flags, "time-unit", ["day", "week", "month"] as const, "week");
    const modelId = choiceFlag("predict", flags, "model", PURCHASE_MODEL_IDS, "bg-nbd");
    const maxHorizon = MAX_HORIZON[timeUnit];
    if (horizon > maxHorizon) throw new UsageError(`crm predict: --horizon ${horizon} is more than 100 years; give at most ${maxHorizon} with --time-unit ${timeUnit}`);
    if (horizonPeriods > MAX_PERIODS) {
      throw new UsageError(`crm predict: --horizon ${horizon} is ${horizonPeriods} periods of --period-length ${periodLength}, more than ${MAX_PERIODS}; give a longer --period-length`);
    }

    await checkOutFlags("predict", flags, { fallbackInput: sampleTransactionsPath() });
    const periods = { calibrationEnd: stringFlag(flags, "calibration-end"), timeUnit };
    const summary = (await summaryFromDatabase("predict", flags, io, periods))?.summary ?? await (async () => {
      const { transactions } = await loadInputFlags("predict", flags, io, sampleTransactionsPath());
      return step(io, "customer summary", () => customerSummary(transactions, periods), { unit: "customers", count: (s) => s.length });
    })();
    const c = summary.columns;
    // The same fit and forecast as the report's lifetime-value section (no spend in a purchase log: no CLV).
    const forecast = await customerValueForecast(summary, {
      purchaseModel: modelId,
      penalizer,
      horizon,
      periodLength,
      discountRatePerPeriod,
      margin,
      interval: draws > 0 ? { draws, seed, level } : undefined,
      requireSpendModel: true,
      progress: { step: (label, work) => step(io, label, work), note: (message) => io.err(`crm: ${message}`) },
    });
    const { purchaseModel, spend, expectedPurchases } = forecast;
    const next = nextPurchase(purchaseModel, c, horizon);
    const nextDate = Array.from(next.expectedWait, (w) => expectedNextPurchaseDate(summary.calibrationEnd, w, timeUnit));
    const names = ["customer_id", "frequency", "recency", "T", "monetary_value", "p_alive", "expected_purchases", "expected_average_spend", "clv", "clv_lower", "clv_upper", "p_purchase_within_horizon", "expected_wait", "expected_next_purchase"];
    const nan = new Float64Array(summary.length).fill(NaN);
    const csv = columnsToCsv(names, [
      c.customer_id, c.frequency, c.recency, c.T, c.monetary_value, forecast.probabilityAlive, expectedPurchases,
      forecast.expectedAverageSpend ?? nan, forecast.clv ?? nan, forecast.clvLower ?? nan, forecast.clvUpper ?? nan,
      next.probabilityPurchaseWithin, next.expectedWait, nextDate,
    ], summary.length);
    const out = stringFlag(flags, "out");
    const written = out === undefined ? undefined : await writeFileAtomic(out, csv);
    if (written) io.err(`crm: wrote ${written}`);
    if (flags.json === true) {
      const sum = (a: Float64Array): number => a.reduce((s, v) => s + v, 0);
      io.out(JSON.stringify({
        purchaseModel: fitJson(purchaseModel),
        spendModel: spend === null ? null : fitJson(spend.model),
        customers: summary.length,
        calibrationEnd: summary.calibrationEnd,
        timeUnit,
        horizon,
        periodLength,
        discountRatePerPeriod,
        margin,
        totals: { expectedPurchases: sum(expectedPurchases), clv: forecast.clv === null ? null : sum(forecast.clv), expectedAlive: sum(forecast.probabilityAlive) },
        interval: forecast.interval,
        out: written ?? null,
      }));
    } else if (!written) {
      io.out(csv);
    }
    return 0;
  },
};
