import { bgBbFromJson } from "./retention/bg-bb.js";
import { bgNbdFromJson } from "./purchase/bg-nbd.js";
import { gammaGammaFromJson } from "./spend/gamma-gamma.js";
import { mbgNbdFromJson } from "./purchase/mbg-nbd.js";
import type { FittedModel, ModelId, ModelParams } from "./fitting/model-types.js";
import { paretoNbdFromJson } from "./purchase/pareto-nbd.js";
import { sbgFromJson } from "./retention/sbg.js";

const READERS: Readonly<Record<ModelId, (json: unknown) => FittedModel<ModelParams>>> = {
  "bg-nbd": bgNbdFromJson,
  "pareto-nbd": paretoNbdFromJson,
  "mbg-nbd": mbgNbdFromJson,
  "gamma-gamma": gammaGammaFromJson,
  "bg-bb": bgBbFromJson,
  sbg: sbgFromJson,
};

/**
 * Any fitted model back from its `toJSON()` form (as `crm fit --out model.json` writes it),
 * dispatched on the JSON's `model` id; narrow the result by its `model` field.
 *
 * @param json - the parsed JSON
 * @returns the model, with its parameters and fit statistics
 * @throws TypeError when the JSON names no known model or does not fit that model's schema
 * @example
 * const m = modelFromJson(JSON.parse(readFileSync("model.json", "utf8")));
 * m.model; // "bg-nbd"
 */
export function modelFromJson(json: unknown): FittedModel<ModelParams> {
  const id = json !== null && typeof json === "object" ? (json as { model?: unknown }).model : undefined;
  if (typeof id !== "string" || !(id in READERS)) {
    throw new TypeError(`modelFromJson: "model" ${JSON.stringify(id)} is not one of ${Object.keys(READERS).join(", ")}`);
  }
  return READERS[id as ModelId](json);
}
