import { ArgumentError } from "../argument-error.js";
const TABLE_SIZE = 256;
const TABLE = new Float64Array(TABLE_SIZE);
for (let k = 2; k < TABLE_SIZE; k++) TABLE[k] = TABLE[k - 1]! + Math.log(k);

/**
 * ln(k!) for an integer k >= 0: exact table below 256, Stirling's series above
 * (absolute error below 1e-14). Used by the Poisson and binomial samplers' acceptance steps.
 *
 * @example
 * logFactorial(5);    // 4.787491742782046 (= ln 120)
 * logFactorial(1000); // 5912.128178488164
 * @throws ArgumentError when k is not an integer >= 0.
 */
export function logFactorial(k: number): number {
  if (!(Number.isInteger(k) && k >= 0)) {
    throw new ArgumentError(`logFactorial: k must be an integer >= 0, got ${String(k)}`);
  }
  if (k < TABLE_SIZE) return TABLE[k]!;
  const n = k + 1; // ln Γ(n) by Stirling with three correction terms
  const inv = 1 / n;
  const inv2 = inv * inv;
  return (
    (n - 0.5) * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI) +
    inv * (1 / 12 - inv2 * (1 / 360 - inv2 / 1260))
  );
}
