import type { Transactions } from "../data/types.js";
import { fitBgBb } from "../models/retention/bg-bb.js";
import { fitBgNbd } from "../models/purchase/bg-nbd.js";
import { fitSpendModel } from "../models/spend/fit-spend-model.js";
import { requireRepeatCustomers } from "../models/fitting/require-repeat-customers.js";
import { fitMbgNbd } from "../models/purchase/mbg-nbd.js";
import type { FitOptions, FittedModel, ModelId, ModelParams } from "../models/fitting/model-types.js";
import { fitParetoNbd } from "../models/purchase/pareto-nbd.js";
import { fitSbg } from "../models/retention/sbg.js";
import { customerSummary } from "../summary/customer-summary.js";
import { discreteSummary } from "../summary/discrete-summary.js";
import type { TimeUnit } from "../summary/types.js";
import { requireAmounts } from "../data/columns/require-amounts.js";

/** Periods and time unit for fitting a model on transactions. */
export interface TransactionFitPeriod {
  readonly calibrationEnd?: string;
  readonly timeUnit: TimeUnit;
}

/** How the command line fits one model: from a summary file's columns, or from transactions. */
export interface ModelFitter {
  readonly id: ModelId;
  /** Columns a `--summary` file must have, and may have. */
  readonly required: readonly string[];
  readonly optional: readonly string[];
  fromColumns(columns: Readonly<Record<string, Float64Array>>, options: FitOptions): FittedModel<ModelParams>;
  /** How to fit from transactions, or null when the model needs a summary file (with the reason). */
  readonly fromTransactions: ((transactions: Transactions, period: TransactionFitPeriod, options: FitOptions) => Promise<FittedModel<ModelParams>>) | null;
  /** Why `fromTransactions` is null, as a one-line usage error. */
  readonly summaryOnly?: string;
}

const HISTORY = { required: ["frequency", "recency", "T"], optional: ["weights"] } as const;

function purchaseFitter(id: ModelId, model: typeof fitBgNbd | typeof fitParetoNbd | typeof fitMbgNbd): ModelFitter {
  // Thin data (too few repeat customers) end with a sentence saying what is missing, before any fit.
  const fit = (c: Parameters<typeof model>[0], o?: FitOptions): FittedModel<ModelParams> => {
    requireRepeatCustomers(c.frequency, id, o?.weights ?? c.weights);
    return model(c, o);
  };
  return {
    id,
    ...HISTORY,
    fromColumns: (c, o) => fit({ frequency: c.frequency!, recency: c.recency!, T: c.T!, weights: c.weights }, o),
    fromTransactions: async (tx, p, o) => {
      const s = await customerSummary(tx, { calibrationEnd: p.calibrationEnd, timeUnit: p.timeUnit });
      return fit(s.columns, { ...o, timeUnit: p.timeUnit });
    },
  };
}

/**
 * The models `crm fit` knows, by id, with how to fit each from a summary file or transactions.
 *
 * @example
 * MODEL_FITTERS["bg-nbd"].required; // ["frequency", "recency", "T"]
 */
export const MODEL_FITTERS: Readonly<Record<ModelId, ModelFitter>> = Object.freeze({
  "bg-nbd": purchaseFitter("bg-nbd", fitBgNbd),
  "pareto-nbd": purchaseFitter("pareto-nbd", fitParetoNbd),
  "mbg-nbd": purchaseFitter("mbg-nbd", fitMbgNbd),
  "gamma-gamma": {
    id: "gamma-gamma",
    required: ["frequency", "monetary_value"],
    optional: ["weights"],
    fromColumns: (c, o) => fitSpendModel({ frequency: c.frequency!, monetaryValue: c.monetary_value!, weights: c.weights }, o).model,
    fromTransactions: async (tx, p, o) => {
      requireAmounts(tx, "fitSpendModel", "spend to model");
      const s = await customerSummary(tx, { calibrationEnd: p.calibrationEnd, timeUnit: p.timeUnit });
      return fitSpendModel({ frequency: s.columns.frequency, monetaryValue: s.columns.monetary_value }, { ...o, timeUnit: p.timeUnit }).model;
    },
  },
  "bg-bb": {
    id: "bg-bb",
    required: ["frequency", "recency", "periods"],
    optional: ["weights"],
    fromColumns: (c, o) => fitBgBb({ frequency: c.frequency!, recency: c.recency!, periods: c.periods!, weights: c.weights }, o),
    fromTransactions: async (tx, p, o) => {
      const d = await discreteSummary(tx, { calibrationEnd: p.calibrationEnd, timeUnit: p.timeUnit });
      return fitBgBb(d, { ...o, timeUnit: p.timeUnit });
    },
  },
  sbg: {
    id: "sbg",
    required: ["survivors"],
    optional: [],
    fromColumns: (c, o) => fitSbg({ survivors: c.survivors! }, o),
    fromTransactions: null,
    summaryOnly:
      "crm fit sbg: the sBG retention model needs a survival table, not transactions; give --summary FILE with a survivors column (customers still active at the start of each period, first = cohort size)",
  },
});
