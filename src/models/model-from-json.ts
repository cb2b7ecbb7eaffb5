import type { FittedModel, ModelParams } from "./fitting/model-types.js";
import { MODEL_IDS, MODELS } from "./registry.js";

/**
 * Any fitted model back from its `toJSON()` form (as `crm fit --out model.json` writes it),
 * dispatched on the JSON's `model` id through the model registry; narrow the result by its
 * `model` field.
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
  // by id only (an alias names a model on the command line, never in its JSON)
  const spec = MODELS.find((m) => m.id === id);
  if (spec === undefined) {
    throw new TypeError(`modelFromJson: "model" ${JSON.stringify(id)} is not one of ${MODEL_IDS.join(", ")}`);
  }
  return spec.fromJson(json);
}
