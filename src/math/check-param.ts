import { ArgumentError } from "./argument-error.js";
/**
 * Argument checks shared by the samplers: each throws a `RangeError` that names the function,
 * the parameter and the offending value.
 *
 * @example
 * checkPositive("randomGamma", "shape", -1); // throws RangeError: randomGamma: shape must be a finite number > 0, got -1
 */
export function checkPositive(fn: string, name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) {
    throw new ArgumentError(`${fn}: ${name} must be a finite number > 0, got ${String(value)}`);
  }
}

/**
 * Throws unless `value` is a finite number in [0, 1] (or the open bounds asked for).
 *
 * @example
 * checkProbability("randomGeometric", "p", 0.3, { openLow: true }); // ok
 * @throws ArgumentError naming the function and the value.
 */
export function checkProbability(
  fn: string,
  name: string,
  value: number,
  open: { readonly openLow?: boolean; readonly openHigh?: boolean } = {},
): void {
  const lowOk = open.openLow ? value > 0 : value >= 0;
  const highOk = open.openHigh ? value < 1 : value <= 1;
  if (!(Number.isFinite(value) && lowOk && highOk)) {
    const lo = open.openLow ? "(0" : "[0";
    const hi = open.openHigh ? "1)" : "1]";
    throw new ArgumentError(`${fn}: ${name} must be in ${lo}, ${hi}, got ${String(value)}`);
  }
}

/**
 * Throws unless `value` is a safe integer >= `min`.
 *
 * @example
 * checkInteger("randomBinomial", "n", 10, 0); // ok
 * @throws ArgumentError naming the function and the value.
 */
export function checkInteger(fn: string, name: string, value: number, min: number): void {
  if (!(Number.isSafeInteger(value) && value >= min)) {
    throw new ArgumentError(`${fn}: ${name} must be an integer >= ${min}, got ${String(value)}`);
  }
}
