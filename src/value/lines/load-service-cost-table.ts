import { readFile } from "node:fs/promises";
import { DataError } from "../../data/data-error.js";
import { serviceCostTable } from "./service-cost-table.js";
import type { ServiceCostTable } from "../types.js";

/**
 * Reads a cost table from a JSON file, e.g.
 * `{ "call_centre_contact": 4.5, "complaint": 12, "late_delivery": 6, "return": 7.5, "perOrder": 1.2 }`
 * (currency units per event, per order for `perOrder`); keys left out keep their defaults
 * ({@link DEFAULT_SERVICE_COSTS}).
 *
 * @param file - path of the JSON file
 * @returns the checked, frozen cost table
 * @throws DataError `loadServiceCostTableFile: ...` when the file is missing or is not JSON, or as {@link serviceCostTable}
 * @example
 * const costs = await loadServiceCostTableFile("costs.json");
 * costs.perOrder; // 1.2
 */
export async function loadServiceCostTableFile(file: string): Promise<ServiceCostTable> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataError(`loadServiceCostTableFile: file "${file}" ${code === "ENOENT" ? "not found; check the path" : `cannot be read (${code ?? "error"})`}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new DataError(`loadServiceCostTableFile: "${file}" is not valid JSON (${(e as Error).message.split("\n")[0]}); write an object such as {"complaint": 12, "perOrder": 1.2}`);
  }
  return serviceCostTable(parsed, `"${file}"`);
}
