import { table, type ColumnTable } from "arquero";
import { tableKind } from "./table-kind.js";
import { _columns } from "./to-columns.js";
import type { TableInput } from "./types.js";

/**
 * Converts any table to an arquero `ColumnTable`, keeping column order. An arquero table is
 * returned as it is; a columns object (such as `CustomerSummary.columns`) is wrapped without
 * copying, so typed arrays stay typed (arquero never writes to them).
 *
 * @param input - records, an arquero table, a danfo DataFrame or a columns object
 * @returns the arquero table
 * @throws TypeError `toArquero: expected a table ...` naming what was passed, or when columns differ in length
 * @example
 * toArquero([{ id: "00042", x: 1 }]).columnNames(); // ["id", "x"]
 * toArquero(summary.columns).numRows();           // summary.length
 */
export function toArquero<C extends object>(input: TableInput<C>): ColumnTable {
  if (tableKind(input, "toArquero") === "arquero") return input as ColumnTable;
  const { names, columns } = _columns(input, "toArquero");
  const cols: Record<string, unknown> = {};
  names.forEach((n, j) => {
    cols[n] = columns[j];
  });
  return table(cols, [...names]);
}
