import type { TimeUnit } from "../../summary/types.js";
import { ArgumentError } from "../../math/argument-error.js";

/**
 * Checks that a model and its data speak the same time unit, when both are known: a model fitted
 * in weeks predicts nonsense on a summary in days.
 *
 * @param fn - the public function named in the error
 * @param modelUnit - the model's `timeUnit` (null when unknown)
 * @param dataUnit - the summary's time unit (undefined when unknown)
 * @returns the known unit (the data's first), or null
 * @throws ArgumentError when both are known and differ
 * @example
 * checkTimeUnit("f", "week", "week"); // "week"
 * checkTimeUnit("f", null, undefined); // null
 */
export function checkTimeUnit(fn: string, modelUnit: TimeUnit | null, dataUnit: TimeUnit | undefined): TimeUnit | null {
  if (modelUnit !== null && dataUnit !== undefined && modelUnit !== dataUnit) {
    throw new ArgumentError(`${fn}: the model is in ${modelUnit}s but the summary is in ${dataUnit}s; use one time unit`);
  }
  return dataUnit ?? modelUnit;
}
