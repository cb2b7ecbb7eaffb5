import { requireAmounts } from "../data/columns/require-amounts.js";
import { customerSummary } from "../summary/customer-summary.js";
import { discreteSummary } from "../summary/discrete-summary.js";
import type { CustomerHistory, FitOptions, ModelParams, PurchaseModel } from "./fitting/model-types.js";
import { requireRepeatCustomers } from "./fitting/require-repeat-customers.js";
import { defineModel, requiredColumns, type ModelSpec, type PurchaseModelSpec, type PurchaseParams } from "./model-spec.js";
import { bgNbdFromJson, bgNbdFromParams, fitBgNbd } from "./purchase/bg-nbd.js";
import { fitMbgNbd, mbgNbdFromJson, mbgNbdFromParams } from "./purchase/mbg-nbd.js";
import { fitParetoNbd, paretoNbdFromJson, paretoNbdFromParams } from "./purchase/pareto-nbd.js";
import { bgBbFromJson, bgBbFromParams, fitBgBb, type BgBbModel, type BgBbParams } from "./retention/bg-bb.js";
import type { BgBbHistory } from "./retention/bg-bb-history.js";
import { fitSbg, sbgFromJson, sbgFromParams, type SbgModel, type SbgParams } from "./retention/sbg.js";
import type { SbgSurvivalTable } from "./retention/sbg-survivors.js";
import { fitSpendModel } from "./spend/fit-spend-model.js";
import { gammaGammaFromJson, gammaGammaFromParams, type GammaGammaModel, type GammaGammaParams } from "./spend/gamma-gamma.js";
import type { SpendHistory } from "./spend/gamma-gamma-check.js";

const PURCHASE_PREDICTS = ["P(alive)", "expected purchases in the next t", "P(n purchases in t)", "next purchase"] as const;

/** A purchase model's spec: its data are the customer summary's x, t_x and T (at least 20 repeat customers). */
function purchaseModel<const Id extends string, P extends PurchaseParams>(
  id: Id,
  name: string,
  description: string,
  model: {
    readonly fit: (customers: CustomerHistory, options?: FitOptions) => PurchaseModel<P>;
    readonly fromParams: (params: P, timeUnit?: PurchaseModel<P>["timeUnit"]) => PurchaseModel<P>;
    readonly fromJson: (json: unknown) => PurchaseModel<P>;
  },
): PurchaseModelSpec<Id> {
  const data = { table: "customer summary", required: ["frequency", "recency", "T"], optional: ["weights"], note: "", fromTransactions: true, timeUnit: "week" } as const;
  return Object.freeze({
    ...defineModel({
      id, aliases: [], kind: "purchase", name, description, data, predicts: PURCHASE_PREDICTS,
      dataFromColumns: (c): CustomerHistory => {
        const [frequency, recency, T] = requiredColumns(id, c, data.required) as [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>];
        return { frequency, recency, T, weights: c.weights };
      },
      dataFromTransactions: async (tx, p): Promise<CustomerHistory> => (await customerSummary(tx, { calibrationEnd: p.calibrationEnd, timeUnit: p.timeUnit })).columns,
      // Thin data (too few repeat customers) end with a sentence saying what is missing, before any fit.
      requireData: (c, o) => void requireRepeatCustomers(c.frequency, id, o?.weights ?? c.weights),
      fit: model.fit,
      // knownParams inside each fromParams checks every parameter name at run time
      fromParams: (params: ModelParams, timeUnit) => model.fromParams(params as P, timeUnit ?? null),
      fromJson: model.fromJson,
    }),
    kind: "purchase",
  });
}

const bgNbd = purchaseModel("bg-nbd", "BG/NBD", "BG/NBD (Fader, Hardie & Lee 2005): r, alpha, a, b",
  { fit: fitBgNbd, fromParams: bgNbdFromParams, fromJson: bgNbdFromJson });
const paretoNbd = purchaseModel("pareto-nbd", "Pareto/NBD", "Pareto/NBD (Schmittlein, Morrison & Colombo 1987): r, alpha, s, beta",
  { fit: fitParetoNbd, fromParams: paretoNbdFromParams, fromJson: paretoNbdFromJson });
const mbgNbd = purchaseModel("mbg-nbd", "MBG/NBD", "MBG/NBD (Batislam, Denizel & Filiztekin 2007): r, alpha, a, b",
  { fit: fitMbgNbd, fromParams: mbgNbdFromParams, fromJson: mbgNbdFromJson });

const gammaGamma = defineModel<"gamma-gamma", SpendHistory, GammaGammaModel>({
  id: "gamma-gamma", aliases: [], kind: "spend", name: "Gamma-Gamma",
  description: "Gamma-Gamma spend (Fader & Hardie 2013): p, q, gamma; customers with frequency > 0",
  data: { table: "customer summary", required: ["frequency", "monetary_value"], optional: ["weights"], note: "", fromTransactions: true, timeUnit: "week" },
  predicts: ["expected average spend per purchase", "population mean spend"],
  dataFromColumns: (c) => {
    const [frequency, monetaryValue] = requiredColumns("gamma-gamma", c, ["frequency", "monetary_value"]) as [ArrayLike<number>, ArrayLike<number>];
    return { frequency, monetaryValue, weights: c.weights };
  },
  dataFromTransactions: async (tx, p) => {
    requireAmounts(tx, "fitSpendModel", "spend to model");
    const s = await customerSummary(tx, { calibrationEnd: p.calibrationEnd, timeUnit: p.timeUnit });
    return { frequency: s.columns.frequency, monetaryValue: s.columns.monetary_value };
  },
  requireData: () => undefined,
  // On real data: repeat customers with a mean spend of 0 or less are left out of the fit (fitSpendModel).
  fit: (customers, options) => fitSpendModel(customers, options).model,
  fromParams: (params, timeUnit) => gammaGammaFromParams(params as GammaGammaParams, timeUnit ?? null),
  fromJson: gammaGammaFromJson,
});

const bgBb = defineModel<"bg-bb", BgBbHistory, BgBbModel>({
  id: "bg-bb", aliases: [], kind: "retention", name: "BG/BB",
  description: "BG/BB discrete opportunities (Fader, Hardie & Shang 2010): alpha, beta, gamma, delta",
  data: { table: "discrete summary", required: ["frequency", "recency", "periods"], optional: ["weights"], note: "", fromTransactions: true, timeUnit: "month" },
  predicts: ["P(alive)", "expected transactions in the next n opportunities", "P(x transactions in n)"],
  dataFromColumns: (c) => {
    const [frequency, recency, periods] = requiredColumns("bg-bb", c, ["frequency", "recency", "periods"]) as [ArrayLike<number>, ArrayLike<number>, ArrayLike<number>];
    return { frequency, recency, periods, weights: c.weights };
  },
  dataFromTransactions: (tx, p) => discreteSummary(tx, { calibrationEnd: p.calibrationEnd, timeUnit: p.timeUnit }),
  requireData: () => undefined,
  fit: fitBgBb,
  fromParams: (params, timeUnit) => bgBbFromParams(params as BgBbParams, timeUnit ?? null),
  fromJson: bgBbFromJson,
});

const sbg = defineModel<"sbg", SbgSurvivalTable, SbgModel>({
  id: "sbg", aliases: [], kind: "retention", name: "sBG",
  description: "shifted-beta-geometric retention (Fader & Hardie 2007): alpha, beta",
  data: { table: "survival table", required: ["survivors"], optional: [], note: "customers still active at the start of each period, first = cohort size", fromTransactions: false, timeUnit: "month" },
  predicts: ["survival", "retention rate", "churn probability", "expected lifetime", "discounted expected residual lifetime"],
  dataFromColumns: (c) => ({ survivors: requiredColumns("sbg", c, ["survivors"])[0]! }),
  dataFromTransactions: null,
  requireData: () => undefined,
  fit: fitSbg,
  fromParams: (params, timeUnit) => sbgFromParams(params as SbgParams, timeUnit ?? null),
  fromJson: sbgFromJson,
});

/**
 * The one table of models: `crm fit`, `crm predict`, `crm report --model`, {@link modelFromJson}
 * and the lifetime-value analysis all read it, in this order (the order of help texts and
 * messages). **Adding a model is one new file (the model with its fit, `fromParams`, `fromJson`
 * and simulator, e.g. `purchase/ggom-nbd.ts`) and one line here**; the ids, the `--model`
 * choices, the help texts and JSON loading follow. The registry imports the model files, never
 * the other way round.
 *
 * @example
 * MODELS.map((m) => m.id); // ["bg-nbd", "pareto-nbd", "mbg-nbd", "gamma-gamma", "bg-bb", "sbg"]
 * MODELS[0].data.required; // ["frequency", "recency", "T"]
 */
export const MODELS = Object.freeze([bgNbd, paretoNbd, mbgNbd, gammaGamma, bgBb, sbg] as const);

/**
 * The id of a model in {@link MODELS}, derived from the table (a new entry adds its id).
 * @example
 * const id: ModelId = "pareto-nbd";
 */
export type ModelId = (typeof MODELS)[number]["id"];

/**
 * The id of a purchase model in {@link MODELS} (the `--model` of `crm predict` and `crm report`).
 * @example
 * const id: PurchaseModelId = "mbg-nbd"; // "gamma-gamma" does not compile
 */
export type PurchaseModelId = Extract<(typeof MODELS)[number], { readonly kind: "purchase" }>["id"];

/**
 * The ids of all models, in registry order.
 *
 * @example
 * MODEL_IDS.join(", "); // "bg-nbd, pareto-nbd, mbg-nbd, gamma-gamma, bg-bb, sbg"
 */
export const MODEL_IDS: readonly ModelId[] = Object.freeze(MODELS.map((m) => m.id));

const isPurchaseSpec = (m: (typeof MODELS)[number]): m is Extract<(typeof MODELS)[number], { readonly kind: "purchase" }> => m.kind === "purchase";

/**
 * The purchase models by id, with their typed fit on customer histories (x, t_x, T).
 *
 * @example
 * PURCHASE_MODELS["bg-nbd"].fit(summary.columns, { timeUnit: "week" }).params.r; // 0.243 on CDNOW
 */
export const PURCHASE_MODELS: Readonly<Record<PurchaseModelId, PurchaseModelSpec<PurchaseModelId>>> = Object.freeze(
  Object.fromEntries(MODELS.filter(isPurchaseSpec).map((m) => [m.id, m])) as Record<PurchaseModelId, PurchaseModelSpec<PurchaseModelId>>,
);

/**
 * The purchase-model ids, in registry order: the choices of `--model` in `crm predict` and `crm report`.
 *
 * @example
 * PURCHASE_MODEL_IDS.join(" | "); // "bg-nbd | pareto-nbd | mbg-nbd"
 */
export const PURCHASE_MODEL_IDS: readonly PurchaseModelId[] = Object.freeze(MODELS.filter(isPurchaseSpec).map((m) => m.id));

const BY_NAME: ReadonlyMap<string, (typeof MODELS)[number]> = new Map(MODELS.flatMap((m) => [m.id, ...m.aliases].map((name) => [name, m] as const)));

/**
 * The spec of a model by its id or one of its aliases, or undefined for any other name.
 *
 * @param name - an id such as `"bg-nbd"`, or an alias
 * @returns the spec, or undefined
 * @example
 * findModel("pareto-nbd")?.description; // "Pareto/NBD (Schmittlein, Morrison & Colombo 1987): r, alpha, s, beta"
 * findModel("toString"); // undefined
 */
export function findModel(name: string): ModelSpec<ModelId> | undefined {
  return BY_NAME.get(name);
}

/**
 * True when `name` is the id of a purchase model.
 *
 * @example
 * isPurchaseModelId("mbg-nbd"); // true
 * isPurchaseModelId("gamma-gamma"); // false
 */
export function isPurchaseModelId(name: unknown): name is PurchaseModelId {
  return typeof name === "string" && Object.hasOwn(PURCHASE_MODELS, name);
}
