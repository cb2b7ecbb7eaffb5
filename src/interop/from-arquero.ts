import type { ColumnTable } from "arquero";
import { tableKind } from "./table-kind.js";
import { _records } from "./to-records.js";
import type { TableRecord } from "./types.js";

/**
 * Converts an arquero table (with its filter and order applied) back to plain records,
 * keys in column order. Use {@link toColumns} for columns instead.
 *
 * @param t - an arquero `ColumnTable`
 * @returns a frozen array of frozen records
 * @throws TypeError `fromArquero: expected an arquero table ...` when `t` is something else
 * @example
 * fromArquero(aq.table({ id: ["00042"], x: [1] })); // [{ id: "00042", x: 1 }]
 */
export function fromArquero(t: ColumnTable): readonly TableRecord[] {
  const kind = tableKind(t, "fromArquero");
  if (kind !== "arquero") {
    throw new TypeError(`fromArquero: expected an arquero table, but got ${kind === "danfo" ? "a danfo DataFrame" : kind}; use toRecords for any table`);
  }
  return _records(t, "fromArquero");
}
