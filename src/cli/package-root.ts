import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The folder of the crm-analytics package (holding package.json and data/sample), found from
 * this file's own location, so it is right from `src/cli` and from `dist/cli` alike.
 *
 * @example
 * path.join(packageRoot(), "data/sample/transactions.csv");
 */
export function packageRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
}

/**
 * The bundled sample transactions file.
 *
 * @example
 * sampleTransactionsPath(); // "/.../crm-analytics/data/sample/transactions.csv"
 */
export function sampleTransactionsPath(): string {
  return path.join(packageRoot(), "data", "sample", "transactions.csv");
}
