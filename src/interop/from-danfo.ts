import { tableKind } from "./table-kind.js";
import { _records } from "./to-records.js";
import type { DanfoFrameLike, TableRecord } from "./types.js";

/**
 * Converts a danfojs-node `DataFrame` to plain records, keys in column order (integer-like
 * names such as `"2024"` are listed first by JavaScript). Values are taken as danfo holds
 * them: numbers stay numbers, strings stay strings (`"00042"` keeps its zeros), missing
 * values are whatever danfo stored (`null`, `undefined` or `NaN`). Does not load danfojs-node.
 *
 * @param df - a danfo `DataFrame` (not a `Series`)
 * @returns a frozen array of frozen records
 * @throws TypeError `fromDanfo: expected a danfo DataFrame ...` when `df` is something else
 * @example
 * fromDanfo(new dfd.DataFrame([["00042", 1.5]], { columns: ["id", "x"] }));
 * // [{ id: "00042", x: 1.5 }]
 */
export function fromDanfo(df: DanfoFrameLike): readonly TableRecord[] {
  const kind = tableKind(df, "fromDanfo");
  if (kind !== "danfo") {
    throw new TypeError(`fromDanfo: expected a danfo DataFrame, but got ${kind === "arquero" ? "an arquero table" : kind}; use toRecords for any table`);
  }
  return _records(df, "fromDanfo");
}
